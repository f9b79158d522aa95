"""Permission rows of the community app: stories, heroes and photos are seen wherever the
partnership is; staff and coordinators of a member publish for their own municipality; a story
is edited by its author and the coordinators of its municipality."""

from __future__ import annotations

from tests.urlmatrix import AD, CA, CB, CI, LOGIN, SA, V, everyone, only
from twinning.community.models import Hero, Story
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
    }
