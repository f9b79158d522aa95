from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChatConfig(AppConfig):
    name = "twinning.chat"
    label = "chat"
    verbose_name = _("Partnership chat")

    def ready(self) -> None:
        from twinning.chat.digest import mentions_for
        from twinning.chat.panels import chat_panel
        from twinning.foundation.digest import DigestSource, register_digest_source
        from twinning.foundation.slots import PartnershipPanel, register_panel

        register_panel(PartnershipPanel("chat", "chat/panel.html", chat_panel, order=65))
        register_digest_source(DigestSource("chat", _("Mentions in the chat"), mentions_for))
