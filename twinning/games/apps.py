from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GamesConfig(AppConfig):
    name = "twinning.games"
    label = "games"
    verbose_name = _("SDG games and the mobile twinning app")

    def ready(self) -> None:
        from twinning.foundation.slots import PartnershipPanel, register_panel

        register_panel(PartnershipPanel("games", "games/panel.html", lambda request, p: {"slug": p.slug}, order=80))
