from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "twinning.participation"
    label = "participation"
    verbose_name = _("Citizen participation: consultations, the joint parliament and youth debates")

    def ready(self) -> None:
        from twinning.foundation.slots import PartnershipPanel, register_panel
        from twinning.participation.panels import participation_panel

        register_panel(PartnershipPanel("participation", "participation/panel.html", participation_panel, order=70))

        from twinning.foundation.slots import AccountLink, register_account_link

        register_account_link(
            AccountLink("participation", _("My participation data"), "participation:my_data", order=20)
        )
