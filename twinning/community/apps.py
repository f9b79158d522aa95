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

        from twinning.community.digest_sources import new_comments, new_posts
        from twinning.foundation.digest import DigestSource, register_digest_source

        register_digest_source(DigestSource("feed", _("New posts in the joint feed"), new_posts, order=10))
        register_digest_source(DigestSource("comments", _("New comments"), new_comments, order=20))

        from twinning.foundation.slots import AccountLink, register_account_link

        register_account_link(AccountLink("digest", _("Digest e-mail"), "community:digest_preferences", order=10))
