"""Permission rows of the chat: a partnership's room is for everyone with a role in a member
municipality (citizens included) and admins, even when the partnership is public; coordinators
of every member hide messages."""

from __future__ import annotations

from tests.urlmatrix import AD, CA, CB, CI, LOGIN, SA, V, everyone, only
from twinning.chat.models import Message

MEMBERS = {CI, SA, CA, CB, AD}
MODERATORS = {CA, CB, AD}


def rows(world) -> dict:
    public, private = world["partnership"], world["private"]
    ours = Message.objects.create(partnership=public, author=world["staff_a"], text="Hello", html="<p>Hello</p>")
    theirs = Message.objects.create(partnership=private, text="Others", html="<p>Others</p>")
    hidden = {**everyone(404), V: LOGIN, AD: 200}
    api_read = {**only(MEMBERS, denied=404), V: 404}
    return {
        "chat:room": [
            ({"slug": public.slug}, only(MEMBERS, denied=404), "the room of our partnership"),
            ({"slug": private.slug}, hidden, "the room of others' partnership"),
        ],
        "chat:hide": [
            ({"slug": public.slug, "pk": ours.pk}, only(MODERATORS), "coordinators hide a message"),
            ({"slug": private.slug, "pk": theirs.pk}, hidden, "a message of others' room"),
        ],
        "api:chat_messages": [
            ({"slug": public.slug}, api_read, "history through the API"),
            ({"slug": private.slug}, {**everyone(404), AD: 200}, "others' history"),
        ],
        # the same path answers GET (history) and POST (post a message, tested in tests/chat)
        "api:chat_post": [({"slug": public.slug}, api_read, "history on the posting path")],
    }
