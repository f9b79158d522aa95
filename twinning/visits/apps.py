from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    name = "twinning.visits"
    label = "visits"
    verbose_name = _("Work visits and the partnership programme")

    def ready(self) -> None:
        from twinning.foundation.slots import PartnershipPanel, register_panel
        from twinning.visits.panels import next_visit_panel

        register_panel(PartnershipPanel("visits", "visits/panel.html", next_visit_panel, order=60))
