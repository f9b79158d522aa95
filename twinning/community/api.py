"""The community part of /api/v1/, mounted by twinning/api/api.py.

Read-only and open: the published stories of public partnerships (members-only partnerships
never appear), newest first, with their SDGs and targets.
"""

from __future__ import annotations

from datetime import datetime

from ninja import Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from twinning.community.rendering import render_markdown
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
