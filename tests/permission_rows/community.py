"""Permission rows of the community app: stories, heroes and photos are seen wherever the
partnership is; staff and coordinators of a member publish for their own municipality; a story
is edited by its author and the coordinators of its municipality."""

from __future__ import annotations

from django.utils import timezone

from tests.urlmatrix import AD, CA, CB, CI, LOGIN, SA, V, everyone, only
from twinning.community.digest import unsubscribe_token
from twinning.community.models import Challenge, Comment, Hero, Post, Story
from twinning.sdg.models import Goal

AUTHORS = {SA, CA, CB, AD}  # staff and coordinators of either member


def rows(world) -> dict:
    public, private = world["partnership"], world["private"]
    story = Story.objects.create(
        partnership=public, municipality=world["a"], author=world["staff_a"], title="Matrix story", text="Text"
    )
    other = Story.objects.create(partnership=private, municipality=world["c"], title="Others' story", text="Text")
    hero = Hero.objects.create(
        municipality=world["a"], goal=Goal.objects.get(number=1), name="Matrix hero", consent=True
    )
    today = timezone.localdate()
    challenge = Challenge.objects.create(
        partnership=public, title="Matrix challenge", measure="km", unit="km", starts_on=today, ends_on=today
    )
    private_challenge = Challenge.objects.create(
        partnership=private, title="Others' challenge", measure="km", unit="km", starts_on=today, ends_on=today
    )
    post = Post.objects.create(partnership=public, municipality=world["b"], text="Matrix post")
    members_post = Post.objects.create(
        partnership=public, municipality=world["b"], text="Members' post", visibility=Post.Visibility.MEMBERS
    )
    comment = Comment.objects.create(partnership=public, post=post, author=world["coordinator_b"], text="Matrix")
    hidden = {**everyone(404), AD: 200}
    hidden_login = {**hidden, V: LOGIN}
    post_only = {**everyone(405), V: LOGIN}
    mine = {"slug": public.slug, "pk": story.pk}
    return {
        "community:stories": [
            ({"slug": public.slug}, everyone(200), "stories of a public partnership"),
            ({"slug": private.slug}, hidden, "stories of others' members-only partnership"),
        ],
        "community:story_create": [
            ({"slug": public.slug}, only(AUTHORS), "staff and coordinators of a member publish"),
            ({"slug": private.slug}, hidden_login, "publishing in others' partnership"),
        ],
        "community:story": [
            (mine, everyone(200), "a published story"),
            ({"slug": private.slug, "pk": other.pk}, hidden, "a story of others' members-only partnership"),
        ],
        "community:story_edit": [
            (mine, only({SA, CA, AD}), "the author and A's coordinator edit A's story; B's coordinator does not"),
        ],
        "community:heroes": [
            ({"slug": public.slug}, everyone(200), "heroes side by side"),
            ({"slug": private.slug}, hidden, "heroes of others' members-only partnership"),
        ],
        "community:hero_create": [({"slug": public.slug}, only(AUTHORS), "name a hero for one's municipality")],
        "community:hero_edit": [
            ({"slug": public.slug, "pk": hero.pk}, only({SA, CA, AD}), "A's hero: A's staff and coordinator"),
        ],
        "community:hero_remove": [({"slug": public.slug, "pk": hero.pk}, post_only, "removing needs POST")],
        "community:photos": [
            ({"slug": public.slug}, everyone(200), "the 17-photo gallery"),
            ({"slug": private.slug}, hidden, "others' gallery"),
        ],
        "community:photo_upload": [({"slug": public.slug}, only(AUTHORS), "upload for one's municipality")],
        "community:citizen_photo_submit": [
            ({"slug": public.slug}, only({CI, SA, CA, CB, AD}), "anyone with a role in a member sends in a picture"),
            ({"slug": private.slug}, hidden_login, "others' members-only partnership"),
        ],
        "community:moderation": [({"slug": public.slug}, only({CA, CB, AD}), "coordinators moderate")],
        "community:moderate": [({"slug": public.slug, "pk": 1}, post_only, "deciding needs POST")],
        "api:list_public_stories": [({}, everyone(200), "API: published stories of public partnerships")],
        "community:story_comment": [(mine, post_only, "commenting needs POST")],
        "community:challenges": [
            ({"slug": public.slug}, everyone(200), "challenges of a public partnership"),
            ({"slug": private.slug}, hidden, "challenges of others' members-only partnership"),
        ],
        "community:challenge_create": [({"slug": public.slug}, only({CA, CB, AD}), "coordinators set up challenges")],
        "community:challenge": [
            ({"slug": public.slug, "pk": challenge.pk}, everyone(200), "a challenge and its scoreboard"),
            ({"slug": private.slug, "pk": private_challenge.pk}, hidden, "others' challenge"),
        ],
        "community:challenge_scoreboard": [
            ({"slug": public.slug, "pk": challenge.pk}, everyone(200), "the polled scoreboard"),
            ({"slug": private.slug, "pk": private_challenge.pk}, hidden, "others' scoreboard"),
        ],
        "community:contribute": [({"slug": public.slug, "pk": challenge.pk}, post_only, "contributing needs POST")],
        "community:feed": [
            ({"slug": public.slug}, everyone(200), "the joint feed of a public partnership"),
            ({"slug": private.slug}, hidden, "others' feed"),
        ],
        "community:feed_atom": [
            ({"slug": public.slug}, everyone(200), "Atom feed of public posts"),
            ({"slug": private.slug}, everyone(404), "no Atom feed for a members-only partnership, even for admins"),
        ],
        "community:post_create": [({"slug": public.slug}, only(AUTHORS), "staff and coordinators post")],
        "community:post": [
            ({"slug": public.slug, "pk": post.pk}, everyone(200), "a public post"),
            ({"slug": public.slug, "pk": members_post.pk}, {**everyone(200), V: 404}, "a members-only post"),
        ],
        "community:post_comment": [({"slug": public.slug, "pk": post.pk}, post_only, "commenting needs POST")],
        "community:react": [({"slug": public.slug, "pk": post.pk}, post_only, "reacting needs POST")],
        "community:report": [
            ({"slug": public.slug, "kind": "post", "pk": post.pk}, {**everyone(200), V: LOGIN}, "report a post"),
            (
                {"slug": public.slug, "kind": "comment", "pk": comment.pk},
                {**everyone(200), V: LOGIN},
                "report a comment",
            ),
            ({"slug": public.slug, "kind": "story", "pk": 1}, {**everyone(404), V: LOGIN}, "no such kind"),
        ],
        "community:feed_moderation": [({"slug": public.slug}, only({CA, CB, AD}), "coordinators moderate the feed")],
        "community:feed_moderate": [
            ({"slug": public.slug, "kind": "post", "pk": post.pk}, post_only, "hiding needs POST")
        ],
        "community:exhibit": [
            ({"slug": public.slug}, everyone(200), "the exhibit page"),
            ({"slug": private.slug}, hidden, "others' exhibit"),
        ],
        "community:exhibit_pdf": [({"slug": private.slug}, hidden, "others' exhibit PDF (only the admin renders it)")],
        "community:digest_preferences": [({}, only({CI, SA, CA, CB, AD}), "one's own digest choice")],
        "community:digest_unsubscribe": [
            ({"token": unsubscribe_token(world["staff_a"])}, everyone(200), "the signed link asks to confirm"),
            ({"token": "forged:token"}, everyone(404), "a forged link"),
        ],
        "api:list_public_heroes": [({}, everyone(200), "API: heroes of public partnerships' members")],
        "api:list_public_photos": [({}, everyone(200), "API: the 17 photos of public partnerships' members")],
        "api:list_public_challenges": [({}, everyone(200), "API: challenges of public partnerships")],
        "api:get_challenge": [
            ({"challenge_id": challenge.pk}, everyone(200), "API: a public challenge"),
            ({"challenge_id": private_challenge.pk}, everyone(404), "API: never a members-only one"),
        ],
    }
