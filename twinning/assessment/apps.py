from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentConfig(AppConfig):
    name = "twinning.assessment"
    label = "assessment"
    verbose_name = _("SDG assessment")

    def ready(self) -> None:
        from twinning.assessment.priorities import panel_context
        from twinning.foundation.slots import PartnershipPanel, register_panel

        register_panel(PartnershipPanel("priorities", "assessment/panel_priorities.html", panel_context, order=10))
