from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    name = "twinning.programme"
    label = "programme"
    verbose_name = _("Multi-annual programme")
