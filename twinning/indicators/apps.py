from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "twinning.indicators"
    label = "indicators"
    verbose_name = _("Local SDG indicators")

    def ready(self) -> None:
        from twinning.foundation.slots import PartnershipPanel, register_panel
        from twinning.indicators.panel import panel_context

        register_panel(PartnershipPanel("indicators", "indicators/panel.html", panel_context, order=40))
