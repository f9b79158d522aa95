from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MapperConfig(AppConfig):
    name = "twinning.mapper"
    label = "mapper"
    verbose_name = _("SDG mapper for policy documents")
