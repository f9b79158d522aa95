"""Writes of the community app: stories, heroes and the 17 SDG photos. Each validates first, then writes."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from twinning.community.models import CitizenPhoto, Hero, PhotoRecord, SdgPhoto, Story
from twinning.community.tasks import make_thumbnail
from twinning.foundation.concurrency import save_versioned
from twinning.foundation.models import Municipality, Partnership
from twinning.sdg.links import SdgSelection, set_links
from twinning.sdg.models import Goal

STORY_FIELDS = [
    "kind", "title", "text", "municipality", "video_url", "latitude", "longitude", "photo_caption", "is_published",
]  # fmt: skip


class CommunityError(ValueError):
    """A write that breaks a rule; the message is translated and shown to the user."""


def _record_photo(record: PhotoRecord, *, shows_minors: bool, user) -> None:
    """Whether the photo shows children, and who confirmed the guardians' consent, when."""
    record.shows_minors = bool(shows_minors)
    record.minors_consent_by = user if shows_minors else None
    record.minors_consent_at = timezone.now() if shows_minors else None


def _thumbnail_later(record: PhotoRecord) -> None:
    """Queue the thumbnail; the database task backend commits the job together with the record."""
    make_thumbnail.enqueue(record._meta.label_lower, record.pk)


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
        _record_photo(story, shows_minors=data.get("shows_minors"), user=author)
    story.save()
    set_links(story, sdgs)
    if photo:
        _thumbnail_later(story)
    return story


@transaction.atomic
def story_update(
    story: Story,
    *,
    expected_version: int,
    data: dict,
    sdgs: SdgSelection,
    allowed_ids: list[int],
    photo=None,
    user=None,
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
        fields += ["photo", "shows_minors", "minors_consent_by", "minors_consent_at"]
    if photo or story.shows_minors != bool(data.get("shows_minors")):
        _record_photo(story, shows_minors=data.get("shows_minors"), user=user)
        fields += ["shows_minors", "minors_consent_by", "minors_consent_at"]
    save_versioned(story, expected_version, sorted(set(fields)))
    set_links(story, sdgs)
    if photo:
        _thumbnail_later(story)
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
    *,
    municipality: Municipality,
    goal_number: int,
    image,
    caption: str,
    allowed_ids: list[int],
    shows_minors: bool = False,
    user=None,
) -> SdgPhoto:
    """One photo per municipality and SDG: a new upload replaces the old one (and its file)."""
    if municipality.pk not in allowed_ids:
        raise CommunityError(_("You can only upload photos for a municipality where you work."))
    goal = Goal.objects.get(number=goal_number)
    photo = SdgPhoto.objects.select_for_update().filter(municipality=municipality, goal=goal).first()
    old_names = [photo.image.name, photo.thumbnail.name] if photo else []
    photo = photo or SdgPhoto(municipality=municipality, goal=goal)
    photo.caption = caption
    photo.image.save(image.name, image, save=False)
    photo.thumbnail = ""
    _record_photo(photo, shows_minors=shows_minors, user=user)
    photo.save()
    storage = photo.image.storage
    for old_name in old_names:
        if old_name and old_name != photo.image.name:
            transaction.on_commit(lambda name=old_name: storage.delete(name))
    _thumbnail_later(photo)
    return photo


@transaction.atomic
def citizen_photo_submit(
    *,
    municipality: Municipality,
    goal_number: int,
    image,
    caption: str,
    user,
    allowed_ids: list[int],
    shows_minors: bool = False,
) -> CitizenPhoto:
    """A citizen's SDG picture; it waits for a coordinator of its municipality."""
    if municipality.pk not in allowed_ids:
        raise CommunityError(_("You can only send in pictures for a municipality you belong to."))
    photo = CitizenPhoto(
        municipality=municipality,
        goal=Goal.objects.get(number=goal_number),
        image=image,
        caption=caption,
        submitted_by=user,
    )
    _record_photo(photo, shows_minors=shows_minors, user=user)
    photo.save()
    _thumbnail_later(photo)
    return photo


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
