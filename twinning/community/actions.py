"""Writes of the community app: stories, heroes and the 17 SDG photos. Each validates first, then writes."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from twinning.community.models import (
    Challenge,
    CitizenPhoto,
    Comment,
    Contribution,
    Hero,
    Moderated,
    PhotoRecord,
    Post,
    Reaction,
    Report,
    SdgPhoto,
    Story,
)
from twinning.community.scoreboard import phase
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


def _save_with_photo(record, photo, *, shows_minors: bool, user):
    """Save a new record whose image field is named ``IMAGE_FIELD``, with its photo (if any), the
    consent for children on it, and a thumbnail queued."""
    if photo:
        setattr(record, record.IMAGE_FIELD, photo)
        _record_photo(record, shows_minors=shows_minors, user=user)
    record.save()
    if photo:
        _thumbnail_later(record)
    return record


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
    _save_with_photo(story, photo, shows_minors=data.get("shows_minors"), user=author)
    set_links(story, sdgs)
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


# --- Challenges ---------------------------------------------------------------------------


@transaction.atomic
def challenge_create(*, partnership: Partnership, user, data: dict, sdgs: SdgSelection) -> Challenge:
    """A challenge between the members; their populations are kept as they are today, so the
    results of a finished challenge never change afterwards."""
    if data["ends_on"] < data["starts_on"]:
        raise CommunityError(_("The challenge must end on or after the day it starts."))
    members = Municipality.objects.filter(partnership_memberships__partnership=partnership)
    challenge = Challenge.objects.create(
        partnership=partnership,
        created_by=user,
        populations={str(m.pk): m.population for m in members},
        **{k: data[k] for k in ["title", "description", "measure", "unit", "starts_on", "ends_on", "scoring"]},
    )
    set_links(challenge, sdgs)
    return challenge


@transaction.atomic
def contribution_log(
    challenge: Challenge, *, user, data: dict, allowed_ids: list[int], today, photo=None
) -> Contribution:
    if data["municipality"].pk not in allowed_ids:
        raise CommunityError(_("You can only log contributions for a municipality you belong to."))
    if phase(challenge.starts_on, challenge.ends_on, today) != "running":
        raise CommunityError(
            _("This challenge takes contributions from %(start)s to %(end)s only.")
            % {"start": challenge.starts_on.isoformat(), "end": challenge.ends_on.isoformat()}
        )
    if not (challenge.starts_on <= data["contributed_on"] <= min(challenge.ends_on, today)):
        raise CommunityError(_("Choose a date within the challenge period, not in the future."))
    contribution = Contribution(
        challenge=challenge,
        author=user,
        municipality=data["municipality"],
        amount=data["amount"],
        contributed_on=data["contributed_on"],
        note=data.get("note") or "",
        photo_caption=data.get("photo_caption") or "",
    )
    return _save_with_photo(contribution, photo, shows_minors=data.get("shows_minors"), user=user)


# --- Joint feed: posts, comments, reactions, reports, moderation --------------------------


@transaction.atomic
def post_create(*, partnership: Partnership, author, data: dict, allowed_ids: list[int], photo=None) -> Post:
    if data["municipality"].pk not in allowed_ids:
        raise CommunityError(_("You can only post for a member municipality where you work."))
    post = Post(
        partnership=partnership,
        author=author,
        municipality=data["municipality"],
        text=data["text"],
        visibility=data["visibility"],
        photo_caption=data.get("photo_caption") or "",
    )
    return _save_with_photo(post, photo, shows_minors=data.get("shows_minors"), user=author)


def comment_add(*, partnership: Partnership, author, text: str, post: Post | None = None, story: Story | None = None):
    if (post is None) == (story is None):
        raise CommunityError(_("A comment belongs to one post or one story."))
    if not text.strip():
        raise CommunityError(_("Write a comment first."))
    return Comment.objects.create(partnership=partnership, author=author, text=text.strip(), post=post, story=story)


def reaction_toggle(post: Post, *, user, kind: str) -> bool:
    """Add the reaction, or take it back when the user had already given it; True when it is now given."""
    if kind not in Reaction.Kind.values:
        raise CommunityError(_("Choose one of the reactions."))
    deleted, _rows = Reaction.objects.filter(post=post, user=user, kind=kind).delete()
    if deleted:
        return False
    Reaction.objects.get_or_create(post=post, user=user, kind=kind)
    return True


def report_file(*, partnership: Partnership, reporter, reason: str, post: Post | None = None, comment=None) -> Report:
    if not reason.strip():
        raise CommunityError(_("Tell the coordinators what is wrong."))
    return Report.objects.create(
        partnership=partnership, reporter=reporter, reason=reason.strip(), post=post, comment=comment
    )


@transaction.atomic
def moderate(item: Moderated, *, user, hide: bool, reason: str = "") -> Moderated:
    """Hide with a reason or restore; either way the open reports about the item are resolved."""
    if hide and not reason.strip():
        raise CommunityError(_("Give a reason for hiding it; the author sees it."))
    now = timezone.now()
    item.hidden_at = now if hide else None
    item.hidden_by = user if hide else None
    item.hidden_reason = reason.strip() if hide else ""
    item.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    reports = Report.objects.filter(resolved_at__isnull=True, **{item._meta.model_name: item})
    reports.update(resolved_at=now, resolved_by=user)
    return item
