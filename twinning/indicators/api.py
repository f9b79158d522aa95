"""The indicators part of /api/v1/, mounted by twinning/api/api.py.

Reads: the indicator library (public; a partnership's own indicators for its members only),
and a partnership's selections with each member's baseline and target, and its measurements
(members of the partnership only; others get 404 as on the web pages).
"""

from __future__ import annotations

from django.db.models import Prefetch
from ninja import Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from twinning.foundation import policy
from twinning.foundation.models import Partnership
from twinning.indicators import selectors
from twinning.indicators.models import BaselineTarget, Measurement, Selection

router = Router(tags=["Indicators"])


class ErrorOut(Schema):
    detail: str


class Texts(Schema):
    en: str | None = None
    nl: str | None = None
    fr: str | None = None
    es: str | None = None


class LibraryIndicatorOut(Schema):
    id: int
    code: str
    partnership: str | None  # slug of the owner for a partnership's own indicator
    name: Texts
    definition: Texts
    unit: Texts
    direction: str
    source: str
    optimum: float
    lower_bound: float
    optimum_reason: Texts
    green_threshold: float
    red_threshold: float
    goals: list[int]
    targets: list[str]

    @staticmethod
    def resolve_partnership(obj):
        return obj.owner.slug if obj.owner_id else None

    @staticmethod
    def resolve_goals(obj):
        return sorted({link.goal.number for link in obj.sdg_links.all()})

    @staticmethod
    def resolve_targets(obj):
        return sorted({link.target.code for link in obj.sdg_links.all() if link.target_id})


class BaselineOut(Schema):
    municipality: str
    baseline_year: int
    baseline_value: float
    target_year: int | None
    target_value: float | None

    @staticmethod
    def resolve_municipality(obj):
        return obj.municipality.slug


class SelectionOut(Schema):
    id: int
    indicator: str
    indicator_id: int
    status: str
    proposed_by: str
    decided_by: str | None
    baselines: list[BaselineOut]

    @staticmethod
    def resolve_indicator(obj):
        return obj.indicator.code

    @staticmethod
    def resolve_proposed_by(obj):
        return obj.proposed_by.slug

    @staticmethod
    def resolve_decided_by(obj):
        return obj.decided_by.slug if obj.decided_by_id else None

    @staticmethod
    def resolve_baselines(obj):
        return list(obj.baselines.all())


class MeasurementOut(Schema):
    indicator: str
    municipality: str
    year: int
    sex: str
    age_group: str
    value: float
    source: str
    note: str

    @staticmethod
    def resolve_indicator(obj):
        return obj.indicator.code

    @staticmethod
    def resolve_municipality(obj):
        return obj.municipality.slug


@router.get(
    "/library",
    response=list[LibraryIndicatorOut],
    summary="The local SDG indicator library",
    url_name="indicator_library",
)
@paginate(LimitOffsetPagination)
def list_library(request, sdg: int | None = None, q: str = ""):
    """Filter by goal number (``sdg``) and by text in any language (``q``)."""
    return selectors.library(request.user, sdg=sdg, q=q)


@router.get(
    "/library/{indicator_id}",
    response={200: LibraryIndicatorOut, 404: ErrorOut},
    summary="One indicator of the library",
    url_name="indicator_detail",
)
def get_indicator(request, indicator_id: int):
    return policy.get_indicator_for_user(request.user, indicator_id, queryset=selectors.library(request.user))


def _member_partnership(request, slug: str) -> Partnership:
    return policy.get_partnership_indicators_for_user(
        request.user, slug, queryset=selectors.with_member_municipalities(Partnership.objects.all())
    )


@router.get(
    "/partnerships/{slug}/selections",
    response={200: list[SelectionOut], 404: ErrorOut},
    summary="A partnership's proposed and selected indicators with baselines and targets (members)",
    url_name="indicator_selections",
)
def list_selections(request, slug: str):
    partnership = _member_partnership(request, slug)
    baselines = Prefetch("baselines", queryset=BaselineTarget.objects.select_related("municipality"))
    return list(
        Selection.objects.filter(partnership=partnership)
        .select_related("indicator", "proposed_by", "decided_by")
        .prefetch_related(baselines)
        .order_by("indicator__code")
    )


@router.get(
    "/partnerships/{slug}/measurements",
    response={200: list[MeasurementOut], 404: ErrorOut},
    summary="The members' measurements of the selected indicators (members)",
    url_name="indicator_measurements",
)
@paginate(LimitOffsetPagination)
def list_measurements(request, slug: str):
    partnership = _member_partnership(request, slug)
    accepted = Selection.objects.filter(partnership=partnership, status=Selection.Status.ACCEPTED)
    return (
        Measurement.objects.filter(
            indicator_id__in=accepted.values("indicator_id"),
            municipality_id__in=[m.pk for m in selectors.members(partnership)],
        )
        .select_related("indicator", "municipality")
        .order_by("indicator__code", "municipality__slug", "year", "sex", "age_group")
    )
