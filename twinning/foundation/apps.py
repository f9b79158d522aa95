from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FoundationConfig(AppConfig):
    name = "twinning.foundation"
    label = "foundation"
    verbose_name = _("Partnerships and municipalities")
