"""Demo chat history (marked is_demo; the conversations are invented for the demo).

Lommel–Ongwediva: coordinators, staff and a citizen prepare the youth exchange and the water
walk; Harelbeke–Eenhana: the coordinator posts a few notes. Idempotent: a room that already has
demo messages is left as it is. ``scale`` > 1 adds 100 messages per step to Lommel–Ongwediva's
room (for load and query-count tests).
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from twinning.chat import selectors
from twinning.chat.mentions import find_mentions
from twinning.chat.models import Message
from twinning.chat.rendering import render_message
from twinning.foundation.models import Partnership

CONVERSATIONS = {
    "lommel-ongwediva": [
        (
            "coordinator.lommel@example.org",
            "Good morning Ongwediva! The youth exchange dates are confirmed: **12 to 19 July**.",
        ),
        (
            "coordinator.ongwediva@example.org",
            "Wonderful news. @Liesbeth Peeters, can we plan the tree planting on the 14th?",
        ),
        (
            "coordinator.lommel@example.org",
            "Yes, the 14th works. 15 trees per participant, as agreed: 10 here and 5 in Ongwediva.",
        ),
        ("staff.lommel@example.org", "I uploaded the draft programme for the water walk. Comments welcome, @ndapewa."),
        (
            "citizen.lommel@example.org",
            "Our school class would love to join the water walk. Is there room for 20 pupils?",
        ),
        (
            "coordinator.ongwediva@example.org",
            "@Jan Vermeulen thanks, the programme looks good. *One question*: who guides the walk?",
        ),
        ("staff.lommel@example.org", "A guide of the water company, in English. @Sofie Claes: yes, 20 pupils fit."),
    ],
    "harelbeke-eenhana": [
        (
            "coordinator.harelbeke@example.org",
            "Note for the next call: the SDG 6 water-point figures of Eenhana arrived.",
        ),
        ("coordinator.harelbeke@example.org", "The photo exhibition opens in the town hall on 3 March."),
    ],
}


def _room(partnership: Partnership, lines: list[tuple[str, str]], start: dt.datetime) -> None:
    people = selectors.room_people(partnership)
    authors = {user.email: user for user in get_user_model().objects.filter(email__in={email for email, _t in lines})}
    for minutes, (email, text) in enumerate(lines):
        author = authors.get(email)
        message = Message.objects.create(
            partnership=partnership,
            author=author,
            text=text,
            html=render_message(text),
            created_at=start + dt.timedelta(minutes=7 * minutes),
            is_demo=True,
        )
        message.mentions.set(find_mentions(text, people) - {getattr(author, "pk", None)})


@transaction.atomic
def seed(scale: int = 1) -> None:
    start = timezone.now().replace(second=0, microsecond=0) - dt.timedelta(days=2)
    partnerships = Partnership.objects.in_bulk(list(CONVERSATIONS), field_name="slug")
    for slug, lines in CONVERSATIONS.items():
        partnership = partnerships.get(slug)
        if partnership is None or Message.objects.filter(partnership=partnership, is_demo=True).exists():
            continue
        _room(partnership, lines, start)
    room = partnerships.get("lommel-ongwediva")
    wanted = 100 * max(scale - 1, 0)
    if room is not None and wanted:
        have = Message.objects.filter(partnership=room, is_demo=True).count() - len(CONVERSATIONS[room.slug])
        Message.objects.bulk_create(
            Message(
                partnership=room,
                text=f"Demo message {number}",
                html=render_message(f"Demo message {number}"),
                created_at=start + dt.timedelta(hours=1, seconds=number),
                is_demo=True,
            )
            for number in range(have + 1, wanted + 1)
        )
