from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "twinning.participation"
    label = "participation"
    verbose_name = _("Citizen participation: consultations, the joint parliament and youth debates")
