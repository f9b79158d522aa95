from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "twinning.community"
    label = "community"
    verbose_name = _("Awareness and community")

    def ready(self) -> None:
        from twinning.community.panels import latest_stories_panel
        from twinning.foundation.slots import PartnershipPanel, register_panel

        register_panel(PartnershipPanel("stories", "community/panel.html", latest_stories_panel, order=70))
