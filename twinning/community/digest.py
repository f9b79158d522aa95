"""The members' digest e-mail: what every registered source (feed posts, comments, chat mentions)
has new for a member since their last digest, with a one-click unsubscribe link.

The opt-out is the member's ``DigestPreference``; the link carries a signed token (no login needed),
and the e-mail names it in ``List-Unsubscribe`` / ``List-Unsubscribe-Post`` (RFC 8058) so mail
programs can offer their own unsubscribe button.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from twinning.accounts.models import User
from twinning.community.models import DigestPreference
from twinning.foundation.digest import digest_sources

SALT = "community.digest.unsubscribe"
FIRST_LOOK_BACK = dt.timedelta(days=1)


def unsubscribe_token(user) -> str:
    return signing.dumps(user.pk, salt=SALT)


def user_for_token(token: str):
    """The user the token was made for, or None when it is forged or the user is gone."""
    try:
        pk = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return User.objects.filter(pk=pk, is_active=True).first()


def set_enabled(user, enabled: bool) -> DigestPreference:
    preference, _created = DigestPreference.objects.update_or_create(user=user, defaults={"enabled": enabled})
    return preference


def is_enabled(user) -> bool:
    return not DigestPreference.objects.filter(user=user, enabled=False).exists()


def sections_for(user, since: dt.datetime) -> list[tuple[str, list]]:
    sections = []
    for source in digest_sources():
        items = source.items(user, since)
        if items:
            sections.append((str(source.heading), items))
    return sections


def send_all(now: dt.datetime) -> int:
    """Send the due digests; each member's moment is claimed first, so two workers never send twice."""
    members = (
        User.objects.filter(is_active=True, memberships__isnull=False)
        .exclude(digest_preference__enabled=False)
        .distinct()
        .order_by("pk")
    )
    last_sent = dict(DigestPreference.objects.values_list("user_id", "last_sent_at"))
    sent = 0
    for user in members:
        previous = last_sent.get(user.pk)
        since = previous or now - FIRST_LOOK_BACK
        language = user.language or settings.LANGUAGE_CODE
        with translation.override(language):
            sections = sections_for(user, since)
            if not sections:
                continue
            url = settings.SITE_URL + reverse("community:digest_unsubscribe", args=[unsubscribe_token(user)])
            body = render_to_string(
                "community/email/digest.txt",
                {
                    "user": user,
                    "sections": sections,
                    "unsubscribe_url": url,
                    "preferences_url": settings.SITE_URL + reverse("community:digest_preferences"),
                },
            )
            subject = _("What is new in your partnerships")
        with transaction.atomic():
            preference, _created = DigestPreference.objects.select_for_update().get_or_create(user=user)
            if preference.last_sent_at != previous or not preference.enabled:
                continue  # another worker sent it, or the member just opted out
            preference.last_sent_at = now
            preference.save(update_fields=["last_sent_at"])
            EmailMessage(
                subject,
                body,
                None,
                [user.email],
                headers={"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
            ).send()
            sent += 1
    return sent
