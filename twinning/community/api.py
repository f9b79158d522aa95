"""The community part of /api/v1/, mounted by twinning/api/api.py.

Read-only and open, and only about public partnerships (members-only partnerships never appear):
published stories with their SDGs and targets, SDG heroes and ambassadors, the 17-photo project,
and challenges with their scoreboard.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from twinning.community import selectors
from twinning.community.models import Challenge, Hero, SdgPhoto
from twinning.community.rendering import render_markdown
from twinning.community.scoreboard import phase
from twinning.foundation import policy
from twinning.sdg.links import goal_numbers, prefetch_links

router = Router(tags=["Community"])


class StoryOut(Schema):
    id: int
    partnership: str  # partnership slug
    municipality: str  # municipality slug
    kind: str  # practice, campaign or digital_story
    title: str
    text: str  # Markdown as written
    html: str  # the text rendered and sanitised
    video_url: str  # https link or empty
    latitude: float | None
    longitude: float | None
    sdgs: list[int]
    targets: list[str]
    created_at: datetime
    is_demo: bool

    @staticmethod
    def resolve_partnership(story) -> str:
        return story.partnership.slug

    @staticmethod
    def resolve_municipality(story) -> str:
        return story.municipality.slug

    @staticmethod
    def resolve_html(story) -> str:
        return render_markdown(story.text)

    @staticmethod
    def resolve_sdgs(story) -> list[int]:
        return goal_numbers(story.sdg_links.all())

    @staticmethod
    def resolve_targets(story) -> list[str]:
        return sorted({link.target.code for link in story.sdg_links.all() if link.target_id})


@router.get(
    "/stories",
    response=list[StoryOut],
    summary="Published stories and good practices of public partnerships",
)
@paginate(LimitOffsetPagination)
def list_public_stories(request, partnership: str | None = None, sdg: int | None = None):
    """Newest first; filter by partnership slug and by SDG number."""
    queryset = policy.public_stories().select_related("partnership", "municipality")
    if partnership:
        queryset = queryset.filter(partnership__slug=partnership)
    if sdg:
        queryset = queryset.filter(sdg_links__goal__number=sdg).distinct()
    return prefetch_links(queryset.order_by("-created_at", "-pk"))


class HeroOut(Schema):
    id: int
    municipality: str  # municipality slug
    sdg: int
    named_as: str  # hero or ambassador
    kind: str  # person, school, company or association
    name: str
    why: str
    is_demo: bool

    @staticmethod
    def resolve_municipality(hero) -> str:
        return hero.municipality.slug

    @staticmethod
    def resolve_sdg(hero) -> int:
        return hero.goal.number

    @staticmethod
    def resolve_named_as(hero) -> str:
        return hero.title


def _of_goal(queryset, sdg: int | None):
    if sdg:
        queryset = queryset.filter(goal__number=sdg)
    return queryset


@router.get("/heroes", response=list[HeroOut], summary="SDG heroes and ambassadors of public partnerships' members")
@paginate(LimitOffsetPagination)
def list_public_heroes(request, partnership: str | None = None, sdg: int | None = None):
    """By SDG, then name; filter by partnership slug and SDG number."""
    queryset = policy.public_community(Hero, partnership).select_related("municipality", "goal")
    return _of_goal(queryset, sdg).order_by("goal__number", "name", "pk")


class PhotoOut(Schema):
    id: int
    municipality: str  # municipality slug
    sdg: int
    caption: str
    url: str  # the photo (stored without EXIF/GPS)
    thumbnail_url: str  # a small copy, or the photo while the thumbnail is being made
    is_demo: bool

    @staticmethod
    def resolve_municipality(photo) -> str:
        return photo.municipality.slug

    @staticmethod
    def resolve_sdg(photo) -> int:
        return photo.goal.number

    @staticmethod
    def resolve_url(photo) -> str:
        return photo.image.url

    @staticmethod
    def resolve_thumbnail_url(photo) -> str:
        return photo.small_url


@router.get("/photos", response=list[PhotoOut], summary="The 17-photo project of public partnerships' members")
@paginate(LimitOffsetPagination)
def list_public_photos(request, partnership: str | None = None, sdg: int | None = None):
    """One photo per municipality and SDG; filter by partnership slug and SDG number."""
    queryset = policy.public_community(SdgPhoto, partnership).select_related("municipality", "goal")
    return _of_goal(queryset, sdg).order_by("goal__number", "municipality__name", "pk")


class ChallengeOut(Schema):
    id: int
    partnership: str  # partnership slug
    title: str
    measure: str  # what is counted
    unit: str
    starts_on: date
    ends_on: date
    scoring: str  # absolute or per_capita (per 1,000 inhabitants)
    phase: str  # upcoming, running or finished
    sdgs: list[int]
    is_demo: bool

    @staticmethod
    def resolve_partnership(challenge) -> str:
        return challenge.partnership.slug

    @staticmethod
    def resolve_phase(challenge) -> str:
        return phase(challenge.starts_on, challenge.ends_on, timezone.localdate())

    @staticmethod
    def resolve_sdgs(challenge) -> list[int]:
        return goal_numbers(challenge.sdg_links.all())


class StandingOut(Schema):
    municipality: str  # municipality slug
    total: Decimal
    score: Decimal | None  # the total, or per 1,000 inhabitants; null without a known population
    rank: int | None


class ChallengeDetailOut(ChallengeOut):
    standings: list[StandingOut]


@router.get("/challenges", response=list[ChallengeOut], summary="Challenges between the members of public partnerships")
@paginate(LimitOffsetPagination)
def list_public_challenges(request, partnership: str | None = None):
    """Latest end date first; filter by partnership slug."""
    queryset = policy.public_community(Challenge, partnership).select_related("partnership")
    return prefetch_links(queryset.order_by("-ends_on", "-pk"))


@router.get("/challenges/{challenge_id}", response=ChallengeDetailOut, summary="A challenge with its scoreboard")
def get_challenge(request, challenge_id: int):
    challenge = get_object_or_404(
        prefetch_links(policy.public_community(Challenge).select_related("partnership")), pk=challenge_id
    )
    rows = selectors.standings(challenge, selectors.members(challenge.partnership))
    challenge.standings = [
        {
            "municipality": row["municipality"].slug,
            "total": row["standing"].total,
            "score": row["standing"].score,
            "rank": row["standing"].rank,
        }
        for row in rows
    ]
    return challenge
