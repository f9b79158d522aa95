from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GamesConfig(AppConfig):
    name = "twinning.games"
    label = "games"
    verbose_name = _("SDG games and the mobile twinning app")
