"""Chat mentions as a digest source: registered, only mentions of the user since a moment,
never hidden messages, never rooms the user has left."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from twinning.chat import actions
from twinning.chat.digest import mentions_for
from twinning.foundation.digest import digest_sources
from twinning.foundation.models import Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def named(world):
    world["coordinator_b"].full_name = "Ndapewa Shilongo"
    world["coordinator_b"].save()
    return world


def test_the_chat_registers_its_digest_source():
    assert "chat" in {source.key for source in digest_sources()}


def test_a_member_gets_the_messages_that_mention_her_since_a_moment(named):
    since = timezone.now() - dt.timedelta(minutes=1)
    actions.message_post(named["partnership"], named["staff_a"], "Not for anyone")
    message = actions.message_post(named["partnership"], named["staff_a"], "@Ndapewa Shilongo the plan is ready")
    items = mentions_for(named["coordinator_b"], since)
    assert len(items) == 1
    assert items[0].url.endswith(f"/partnerships/a-b/chat/#m{message.pk}")
    assert "the plan is ready" in items[0].title and items[0].when == message.created_at
    assert mentions_for(named["coordinator_b"], timezone.now()) == []


def test_hidden_messages_and_rooms_one_has_left_are_not_in_the_digest(named):
    since = timezone.now() - dt.timedelta(minutes=1)
    hidden = actions.message_post(named["partnership"], named["staff_a"], "@Ndapewa Shilongo rude")
    actions.message_hide(hidden, named["coordinator_a"], "Rude")
    actions.message_post(named["partnership"], named["staff_a"], "@Ndapewa Shilongo fine")
    assert [item.title.endswith("fine") for item in mentions_for(named["coordinator_b"], since)] == [True]
    Membership.objects.filter(user=named["coordinator_b"]).delete()
    fresh = type(named["coordinator_b"]).objects.get(
        pk=named["coordinator_b"].pk
    )  # roles are read once per user object
    assert mentions_for(fresh, since) == []
