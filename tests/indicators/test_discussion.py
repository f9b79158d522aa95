"""The follow-up discussion of a selected indicator: members of both municipalities, cleaned text, oldest first."""

from __future__ import annotations

import pytest

from tests.factories import NASTY, MembershipFactory
from tests.indicators.factories import SelectionFactory
from twinning.foundation.models import Role
from twinning.indicators import actions
from twinning.indicators.discussion import clean_comment
from twinning.indicators.models import Comment, LibraryIndicator, Selection


def test_comments_lose_tags_and_control_characters_and_keep_their_paragraphs():
    assert clean_comment("Hi <b>there</b><script>alert(1)</script>\r\n\r\n\r\n\r\nx < y\x07 ") == "Hi there\n\nx < y"
    assert clean_comment("  \n\t ") == ""


@pytest.fixture
def selection(world):
    water = LibraryIndicator.objects.get(code="L-06-01")
    return SelectionFactory(
        partnership=world["partnership"], indicator=water, proposed_by=world["a"], decided_by=world["b"]
    )


def url(world, selection, end: str = "") -> str:
    return f"/en/partnerships/{world['partnership'].slug}/indicators/{selection.pk}/{end}"


def test_members_of_both_municipalities_discuss_newest_last(client, world, selection):
    client.force_login(world["staff_a"])
    response = client.post(url(world, selection, "comments/"), {"body": f"Lommel's value went up {NASTY}"})
    assert response["Location"].endswith(f"/indicators/{selection.pk}/#discussion")
    client.force_login(world["coordinator_b"])
    client.post(url(world, selection, "comments/"), {"body": "Ongwediva will measure in June."})
    body = client.get(url(world, selection)).content.decode()
    first, second = body.index("Lommel&#x27;s value went up"), body.index("Ongwediva will measure in June.")
    assert first < second
    assert "<script>" not in body.split('id="discussion"')[1]
    assert [c.municipality for c in Comment.objects.order_by("pk")] == [world["a"], world["b"]]


def test_an_empty_comment_is_refused_with_a_message(client, world, selection):
    client.force_login(world["citizen"])
    response = client.post(url(world, selection, "comments/"), {"body": "<b></b>  "})
    assert response.status_code == 400
    assert "Write a comment first." in response.content.decode()
    assert not Comment.objects.exists()


def test_outsiders_cannot_comment_and_proposals_have_no_discussion(client, world, selection):
    client.force_login(MembershipFactory(municipality=world["c"], role=Role.COORDINATOR).user)
    assert client.post(url(world, selection, "comments/"), {"body": "hello"}).status_code == 404
    client.logout()
    assert client.post(url(world, selection, "comments/"), {"body": "hello"}).status_code == 302  # to log in
    assert not Comment.objects.exists()
    selection.status = Selection.Status.PROPOSED
    selection.save()
    with pytest.raises(actions.IndicatorError):
        actions.comment_add(selection=selection, body="too early")
