"""Chat mentions as a source of the members' digest e-mail (twinning/foundation/digest.py)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from twinning.chat import selectors
from twinning.foundation import policy
from twinning.foundation.digest import DigestItem

LIMIT = 20


def mentions_for(user, since: dt.datetime) -> list[DigestItem]:
    """Messages since ``since`` that mention the user, in chats the user may still read, newest first."""
    messages = selectors.mentions_of(user, since, policy.chat_partnerships_of(user))[:LIMIT]
    return [
        DigestItem(
            title=_("%(author)s: %(text)s")
            % {"author": message.author or _("Former member"), "text": Truncator(message.text).chars(120)},
            url=f"{settings.SITE_URL}{reverse('chat:room', kwargs={'slug': message.partnership.slug})}#m{message.pk}",
            when=message.created_at,
            partnership=message.partnership.name,
        )
        for message in messages
    ]
