"""Demo chat history: two demo partnerships get a conversation with mentions, idempotently."""

from __future__ import annotations

import pytest

from twinning.accounts.models import User
from twinning.chat import demo
from twinning.chat.models import Message
from twinning.foundation import demo as foundation_demo


@pytest.mark.django_db
def test_two_demo_partnerships_get_a_chat_history_and_loading_twice_changes_nothing():
    foundation_demo.seed(1)
    demo.seed(1)
    rooms = dict(
        (slug, Message.objects.filter(partnership__slug=slug, is_demo=True).count()) for slug in demo.CONVERSATIONS
    )
    assert rooms == {"lommel-ongwediva": 7, "harelbeke-eenhana": 2}
    demo.seed(1)
    assert Message.objects.count() == 9
    liesbeth = User.objects.get(email="coordinator.lommel@example.org")
    assert Message.objects.filter(mentions=liesbeth).count() == 1
    assert not Message.objects.filter(html__contains="<script").exists()


@pytest.mark.django_db
def test_a_larger_scale_adds_messages_to_one_room_once():
    foundation_demo.seed(1)
    demo.seed(3)
    demo.seed(3)
    assert Message.objects.filter(partnership__slug="lommel-ongwediva").count() == 7 + 200
