"""Writes of the community app: stories, heroes and the 17 SDG photos. Each validates first, then writes."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from twinning.community.models import CitizenPhoto, Hero, SdgPhoto, Story
from twinning.foundation.concurrency import save_versioned
from twinning.foundation.models import Municipality, Partnership
from twinning.sdg.links import SdgSelection, set_links
from twinning.sdg.models import Goal

STORY_FIELDS = [
    "kind", "title", "text", "municipality", "video_url", "latitude", "longitude", "photo_caption", "is_published",
]  # fmt: skip


class CommunityError(ValueError):
    """A write that breaks a rule; the message is translated and shown to the user."""


def _check_member(partnership: Partnership, municipality: Municipality, allowed_ids: list[int]) -> None:
    if municipality.pk not in allowed_ids:
        raise CommunityError(_("You can only publish for a member municipality where you work."))


@transaction.atomic
def story_create(
    *, partnership: Partnership, author, data: dict, sdgs: SdgSelection, allowed_ids: list[int], photo=None
) -> Story:
    _check_member(partnership, data["municipality"], allowed_ids)
    story = Story(partnership=partnership, author=author, **{k: data.get(k) for k in STORY_FIELDS})
    story.video_url = story.video_url or ""
    story.photo_caption = story.photo_caption or ""
    if photo:
        story.photo = photo
    story.save()
    set_links(story, sdgs)
    return story


@transaction.atomic
def story_update(
    story: Story, *, expected_version: int, data: dict, sdgs: SdgSelection, allowed_ids: list[int], photo=None
) -> Story:
    """Raises EditConflict when someone saved the story since ``expected_version``."""
    if data["municipality"].pk != story.municipality_id:
        _check_member(story.partnership, data["municipality"], allowed_ids)
    for name in STORY_FIELDS:
        setattr(story, name, data.get(name))
    story.video_url = story.video_url or ""
    story.photo_caption = story.photo_caption or ""
    fields = [*STORY_FIELDS]
    if photo:
        story.photo.save(photo.name, photo, save=False)
        fields.append("photo")
    save_versioned(story, expected_version, fields)
    set_links(story, sdgs)
    return story


def hero_save(*, hero: Hero | None, data: dict, allowed_ids: list[int]) -> Hero:
    if not data.get("consent"):
        raise CommunityError(_("Tick the consent box: a hero or ambassador is only named after they agreed to it."))
    if data["municipality"].pk not in allowed_ids:
        raise CommunityError(_("You can only name heroes for a municipality where you work."))
    hero = hero or Hero()
    for name in ["title", "kind", "name", "municipality", "why"]:
        setattr(hero, name, data[name])
    hero.consent = True
    hero.goal = Goal.objects.get(number=data["goal_number"])
    hero.save()
    return hero


def hero_remove(hero: Hero) -> None:
    hero.delete()


@transaction.atomic
def sdg_photo_set(
    *, municipality: Municipality, goal_number: int, image, caption: str, allowed_ids: list[int]
) -> SdgPhoto:
    """One photo per municipality and SDG: a new upload replaces the old one (and its file)."""
    if municipality.pk not in allowed_ids:
        raise CommunityError(_("You can only upload photos for a municipality where you work."))
    goal = Goal.objects.get(number=goal_number)
    photo = SdgPhoto.objects.select_for_update().filter(municipality=municipality, goal=goal).first()
    old_name = photo.image.name if photo else None
    photo = photo or SdgPhoto(municipality=municipality, goal=goal)
    photo.caption = caption
    photo.image.save(image.name, image, save=False)
    photo.save()
    if old_name and old_name != photo.image.name:
        storage = photo.image.storage
        transaction.on_commit(lambda: storage.delete(old_name))
    return photo


def citizen_photo_submit(
    *, municipality: Municipality, goal_number: int, image, caption: str, user, allowed_ids: list[int]
) -> CitizenPhoto:
    """A citizen's SDG picture; it waits for a coordinator of its municipality."""
    if municipality.pk not in allowed_ids:
        raise CommunityError(_("You can only send in pictures for a municipality you belong to."))
    return CitizenPhoto.objects.create(
        municipality=municipality,
        goal=Goal.objects.get(number=goal_number),
        image=image,
        caption=caption,
        submitted_by=user,
    )


def citizen_photo_decide(photo: CitizenPhoto, *, decision: str, user, allowed_ids: list[int]) -> CitizenPhoto:
    if photo.municipality_id not in allowed_ids:
        raise CommunityError(_("Only coordinators of its municipality decide on this picture."))
    if decision not in {CitizenPhoto.Status.APPROVED, CitizenPhoto.Status.REJECTED}:
        raise CommunityError(_("Approve or reject the picture."))
    photo.status = decision
    photo.decided_by = user
    photo.decided_at = timezone.now()
    photo.save(update_fields=["status", "decided_by", "decided_at"])
    return photo
