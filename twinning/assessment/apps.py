from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentConfig(AppConfig):
    name = "twinning.assessment"
    label = "assessment"
    verbose_name = _("SDG assessment")
