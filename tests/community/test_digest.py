"""The members' digest e-mail: new posts and comments since the last digest, the opt-out page and
the one-click unsubscribe link; the task runs from a daily management command."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tests.factories import MembershipFactory
from twinning.community import digest
from twinning.community.models import Comment, DigestPreference, Post
from twinning.community.tasks import send_digests
from twinning.foundation.digest import digest_sources

pytestmark = pytest.mark.django_db


def _post(world, text="Clean-up on Saturday", **extra) -> Post:
    defaults = {"partnership": world["partnership"], "municipality": world["b"], "author": world["coordinator_b"]}
    return Post.objects.create(text=text, **{**defaults, **extra})


def _mail_to(user):
    return [message for message in mail.outbox if message.to == [user.email]]


def test_the_community_registers_feed_and_comment_sources():
    assert {"feed", "comments"} <= {source.key for source in digest_sources()}


def test_members_get_new_posts_and_comments_of_others_once(world):
    post = _post(world)
    Comment.objects.create(partnership=world["partnership"], post=post, author=world["coordinator_b"], text="Join!")
    _post(world, text="Hidden spam", hidden_at=timezone.now())
    _post(world, text="Own post", author=world["staff_a"], municipality=world["a"])
    send_digests.enqueue()
    [message] = _mail_to(world["staff_a"])
    assert "Clean-up on Saturday" in message.body and "Join!" in message.body
    assert "Hidden spam" not in message.body and "Own post" not in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/digest/unsubscribe/" in message.extra_headers["List-Unsubscribe"]
    assert not _mail_to(world["admin"]), "no membership, no digest"
    mail.outbox.clear()
    send_digests.enqueue()
    assert not _mail_to(world["staff_a"]), "nothing new since the last digest"


def test_outsiders_hear_nothing_of_another_partnership(world):
    Post.objects.create(partnership=world["private"], municipality=world["c"], text="Private news")
    send_digests.enqueue()
    assert all("Private news" not in message.body for message in mail.outbox)


def test_a_platform_admin_hears_only_of_the_partnerships_of_their_municipality(world):
    MembershipFactory(user=world["admin"], municipality=world["a"])
    _post(world, text="Partner news")
    Post.objects.create(partnership=world["private"], municipality=world["c"], text="Private news")
    send_digests.enqueue()
    [message] = _mail_to(world["admin"])
    assert "Partner news" in message.body and "Private news" not in message.body


def test_the_one_click_link_unsubscribes_without_logging_in(client, world):
    _post(world)
    token = digest.unsubscribe_token(world["staff_a"])
    url = reverse("community:digest_unsubscribe", args=[token])
    assert "Unsubscribe" in client.get(url).content.decode()
    assert digest.is_enabled(world["staff_a"]), "looking at the page changes nothing"
    response = client.post(url)  # also what mail programs send (RFC 8058), without a CSRF token
    assert response.status_code == 200 and "You no longer receive the digest e-mail." in response.content.decode()
    assert not digest.is_enabled(world["staff_a"])
    send_digests.enqueue()
    assert not _mail_to(world["staff_a"])


def test_a_forged_token_unsubscribes_nobody(client, world):
    assert client.post(reverse("community:digest_unsubscribe", args=["abc:def"])).status_code == 404
    assert not DigestPreference.objects.exists()


def test_the_preference_page_turns_the_digest_off_and_on(client, world):
    client.force_login(world["citizen"])
    url = reverse("community:digest_preferences")
    assert 'name="enabled"' in client.get(url).content.decode()
    client.post(url, {})
    assert not digest.is_enabled(world["citizen"])
    client.post(url, {"enabled": "on"})
    assert digest.is_enabled(world["citizen"])


def test_the_daily_command_sends_and_reports(world, capsys):
    _post(world)
    call_command("send_digests")
    assert "digest(s) sent" in capsys.readouterr().out
    assert _mail_to(world["coordinator_a"])


def test_a_first_digest_looks_back_one_day_only(world):
    _post(world, text="Old news", created_at=timezone.now() - dt.timedelta(days=3))
    send_digests.enqueue()
    assert not _mail_to(world["staff_a"])
