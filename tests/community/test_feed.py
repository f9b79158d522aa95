"""The joint feed: posts with photos, comments on posts and stories, reactions, reports, moderation
(hide with a reason, restore, the coordinators' queue) and the Atom feed of public posts."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.community.conftest import png
from tests.community.factories import StoryFactory
from tests.factories import NASTY
from twinning.community.models import Comment, Post, Reaction, Report

pytestmark = pytest.mark.django_db


def _post(world, *, visibility="public", text=f"Clean-up day **done** {NASTY}", municipality=None) -> Post:
    return Post.objects.create(
        partnership=world["partnership"],
        municipality=municipality or world["a"],
        author=world["staff_a"],
        text=text,
        visibility=visibility,
    )


def test_staff_posts_with_a_photo_and_the_feed_shows_it_sanitised(client, world):
    client.force_login(world["staff_a"])
    response = client.post(
        reverse("community:post_create", args=["a-b"]),
        {
            "municipality": world["a"].pk,
            "text": f"Trees **planted** {NASTY}",
            "visibility": "public",
            "photo": png(),
            "photo_caption": "Pupils planting",
        },
    )
    assert response.status_code == 302
    post = Post.objects.get()
    assert post.thumbnail
    page = client.get(reverse("community:feed", args=["a-b"])).content.decode()
    assert "<strong>planted</strong>" in page and "alert('x')" not in page
    assert post.thumbnail.url in page and 'alt="Pupils planting"' in page


def test_a_post_without_text_gets_a_message_and_nothing_is_stored(client, world):
    client.force_login(world["staff_a"])
    response = client.post(
        reverse("community:post_create", args=["a-b"]),
        {"municipality": world["a"].pk, "text": "", "visibility": "public"},
    )
    assert response.status_code == 200 and "This field is required." in response.content.decode()
    assert not Post.objects.exists()


def test_citizens_do_not_post_but_comment(client, world):
    post = _post(world)
    client.force_login(world["citizen"])
    assert client.get(reverse("community:post_create", args=["a-b"])).status_code == 403
    response = client.post(reverse("community:post_comment", args=["a-b", post.pk]), {"text": "Great *work*"})
    assert response.status_code == 302
    assert Comment.objects.get().author == world["citizen"]


def test_members_only_posts_are_hidden_from_visitors_and_from_the_atom_feed(client, world):
    _post(world, text="For everyone")
    secret = _post(world, visibility="members", text="Budget draft for members")
    page = client.get(reverse("community:feed", args=["a-b"])).content.decode()
    assert "For everyone" in page and "Budget draft" not in page
    assert client.get(reverse("community:post", args=["a-b", secret.pk])).status_code == 404
    atom = client.get(reverse("community:feed_atom", args=["a-b"]))
    assert atom["Content-Type"].startswith("application/atom+xml")
    body = atom.content.decode()
    assert "For everyone" in body and "Budget draft" not in body
    client.force_login(world["coordinator_b"])
    assert "Budget draft" in client.get(reverse("community:feed", args=["a-b"])).content.decode()


def test_a_post_headline_is_the_municipality_and_the_first_line_cut_to_the_length_asked(world):
    post = Post(municipality=world["a"], text="Clean-up day in the park\nBring gloves")
    assert post.headline(12) == "Lommeltown: Clean-up day"
    assert post.headline(100) == "Lommeltown: Clean-up day in the park"


def test_the_atom_feed_of_a_members_only_partnership_does_not_exist(client, world):
    assert client.get(reverse("community:feed_atom", args=["c-d"])).status_code == 404


def test_the_partners_coordinator_comments_on_a_story_and_the_comment_is_sanitised(client, world):
    story = StoryFactory(partnership=world["partnership"], municipality=world["a"])
    client.force_login(world["coordinator_b"])
    response = client.post(reverse("community:story_comment", args=["a-b", story.pk]), {"text": f"Inspiring {NASTY}"})
    assert response.status_code == 302
    page = client.get(reverse("community:story", args=["a-b", story.pk])).content.decode()
    assert "Inspiring" in page and "alert('x')" not in page


def test_visitors_cannot_comment(client, world):
    post = _post(world)
    response = client.post(reverse("community:post_comment", args=["a-b", post.pk]), {"text": "Hi"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Comment.objects.exists()


def test_an_empty_comment_is_refused_with_a_message(client, world):
    post = _post(world)
    client.force_login(world["staff_a"])
    response = client.post(reverse("community:post_comment", args=["a-b", post.pk]), {"text": "  "})
    assert response.status_code == 400 and "This field is required." in response.content.decode()
    assert not Comment.objects.exists()


def test_a_reaction_is_given_and_taken_back(client, world):
    post = _post(world)
    client.force_login(world["coordinator_b"])
    url = reverse("community:react", args=["a-b", post.pk])
    client.post(url, {"kind": "inspiring"})
    assert Reaction.objects.filter(post=post, kind="inspiring").count() == 1
    assert "Inspiring (1)" in client.get(reverse("community:post", args=["a-b", post.pk])).content.decode()
    client.post(url, {"kind": "inspiring"})
    assert not Reaction.objects.exists()
    client.post(url, {"kind": "angry"})
    assert not Reaction.objects.exists()


def test_anyone_signed_in_reports_abuse_and_a_coordinator_hides_it_with_a_reason_then_restores_it(client, world):
    post = _post(world, text="Buy cheap pills")
    outsider = __import__("tests.factories", fromlist=["UserFactory"]).UserFactory()
    client.force_login(outsider)
    response = client.post(reverse("community:report", args=["a-b", "post", post.pk]), {"reason": "Spam"})
    assert response.status_code == 302
    assert Report.objects.get().reporter == outsider
    client.force_login(world["coordinator_b"])
    queue = client.get(reverse("community:feed_moderation", args=["a-b"])).content.decode()
    assert "Reported because: Spam" in queue and "Buy cheap pills" in queue
    moderate = reverse("community:feed_moderate", args=["a-b", "post", post.pk])
    response = client.post(moderate, {"action": "hide", "reason": ""}, follow=True)
    assert "Give a reason for hiding it" in response.content.decode()
    client.post(moderate, {"action": "hide", "reason": "Advertising"})
    post.refresh_from_db()
    assert post.is_hidden and post.hidden_reason == "Advertising" and post.hidden_by == world["coordinator_b"]
    assert Report.objects.get().resolved_at is not None
    client.logout()
    assert "Buy cheap pills" not in client.get(reverse("community:feed", args=["a-b"])).content.decode()
    assert client.get(reverse("community:post", args=["a-b", post.pk])).status_code == 404
    client.force_login(world["coordinator_a"])
    assert "Advertising" in client.get(reverse("community:feed_moderation", args=["a-b"])).content.decode()
    client.post(moderate, {"action": "restore"})
    post.refresh_from_db()
    assert not post.is_hidden and post.hidden_reason == ""


def test_a_hidden_comment_disappears_for_members_and_stays_visible_to_coordinators(client, world):
    post = _post(world)
    comment = Comment.objects.create(partnership=world["partnership"], post=post, author=world["citizen"], text="Rude")
    client.force_login(world["coordinator_a"])
    client.post(
        reverse("community:feed_moderate", args=["a-b", "comment", comment.pk]), {"action": "hide", "reason": "Insult"}
    )
    page = client.get(reverse("community:post", args=["a-b", post.pk])).content.decode()
    assert "Hidden by a coordinator: Insult" in page
    client.force_login(world["staff_a"])
    assert "Rude" not in client.get(reverse("community:post", args=["a-b", post.pk])).content.decode()


def test_staff_cannot_moderate(client, world):
    post = _post(world)
    client.force_login(world["staff_a"])
    moderate = reverse("community:feed_moderate", args=["a-b", "post", post.pk])
    assert client.post(moderate, {"action": "hide", "reason": "x"}).status_code == 403
    assert client.get(reverse("community:feed_moderation", args=["a-b"])).status_code == 403
    assert not Post.objects.get().is_hidden


def test_the_feed_shows_the_newest_twenty_posts_per_page(client, world):
    for index in range(25):
        _post(world, text=f"Post number {index}")
    first = client.get(reverse("community:feed", args=["a-b"])).content.decode()
    second = client.get(reverse("community:feed", args=["a-b"]) + "?page=2").content.decode()
    assert "Post number 24" in first and "Post number 4" in second and "Post number 24" not in second


def test_the_author_sees_their_hidden_post_with_the_reason_and_others_do_not(client, world):
    post = _post(world, text="Off-topic advert")
    mine = Comment.objects.create(partnership=world["partnership"], post=post, author=world["citizen"], text="Buy now")
    client.force_login(world["coordinator_a"])
    page = client.get(reverse("community:post", args=["a-b", post.pk])).content.decode()
    assert reverse("community:feed_moderate", args=["a-b", "comment", mine.pk]) in page, "hide a comment in place"
    client.post(reverse("community:feed_moderate", args=["a-b", "post", post.pk]), {"action": "hide", "reason": "Ads"})
    client.post(
        reverse("community:feed_moderate", args=["a-b", "comment", mine.pk]), {"action": "hide", "reason": "Spam"}
    )
    client.force_login(world["staff_a"])  # the post's author
    page = client.get(reverse("community:post", args=["a-b", post.pk])).content.decode()
    assert "Hidden by a coordinator: Ads" in page and "Buy now" not in page
    client.force_login(world["citizen"])  # the comment's author
    assert client.get(reverse("community:post", args=["a-b", post.pk])).status_code == 404
    client.force_login(world["coordinator_b"])
    page = client.get(reverse("community:post", args=["a-b", post.pk])).content.decode()
    assert "Hidden by a coordinator: Spam" in page
