from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MapperConfig(AppConfig):
    name = "twinning.mapper"
    label = "mapper"
    verbose_name = _("SDG mapper for policy documents")

    def ready(self) -> None:
        from twinning.foundation.slots import PartnershipPanel, register_panel
        from twinning.mapper.panels import mapper_panel

        register_panel(PartnershipPanel("mapper", "mapper/panel.html", mapper_panel, order=90))
