from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    name = "twinning.programme"
    label = "programme"
    verbose_name = _("Multi-annual programme")

    def ready(self) -> None:
        from twinning.foundation.slots import PartnershipPanel, register_panel
        from twinning.programme.panels import programme_panel

        register_panel(PartnershipPanel("programme", "programme/panel.html", programme_panel, order=50))
