"""The indicators part of /api/v1/, mounted by twinning/api/api.py.

Reads: the indicator library (public; a partnership's own indicators for its members only),
and a partnership's selections with each member's baseline and target, and its measurements
(members of the partnership only; others get 404 as on the web pages).

Writes (logged in with a session and sending the CSRF token, as on the web pages; the policy
module decides): coordinators propose and decide selections, a municipality's staff and
coordinators set its baseline and target and record its measurements. Non-members get 404,
members without the right 403, and a rule the write breaks 422 with the reason.
"""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.security import django_auth

from twinning.api.problems import invalid_as_422
from twinning.foundation import policy
from twinning.foundation.models import Partnership
from twinning.indicators import actions, selectors
from twinning.indicators.models import BaselineTarget, LibraryIndicator, Measurement, Selection

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


def _selection_out(selection_id: int) -> Selection:
    baselines = Prefetch("baselines", queryset=BaselineTarget.objects.select_related("municipality"))
    return (
        Selection.objects.select_related("indicator", "proposed_by", "decided_by")
        .prefetch_related(baselines)
        .get(pk=selection_id)
    )


def _selection(partnership: Partnership, selection_id: int) -> Selection:
    selection = Selection.objects.filter(partnership=partnership, pk=selection_id).first()
    if selection is None:
        raise Http404
    selection.partnership = partnership
    return selection


def _member(partnership: Partnership, slug: str):
    municipality = next((m for m in selectors.members(partnership) if m.slug == slug), None)
    if municipality is None:
        raise HttpError(422, _("%(slug)s is not a member of this partnership.") % {"slug": slug})
    return municipality


def _member_for_figures(request, partnership: Partnership, slug: str):
    municipality = _member(partnership, slug)
    if not policy.can_record_figures(request.user, municipality):
        raise HttpError(
            403, _("Only staff and coordinators of %(name)s set its figures.") % {"name": municipality.name}
        )
    return municipality


class ProposeIn(Schema):
    indicator_id: int
    municipality: str = Field(description="slug of the member municipality on whose behalf you propose")
    reason: str = Field("", max_length=500)


class DecisionIn(Schema):
    accept: bool


class TargetIn(Schema):
    municipality: str = Field(description="slug of the member municipality whose baseline and target this is")
    baseline_year: int
    baseline_value: float
    target_year: int | None = None
    target_value: float | None = None


class MeasurementIn(Schema):
    indicator: str = Field(description="code of a selected indicator")
    municipality: str
    year: int
    value: float
    sex: str = Field("", description="'', 'female' or 'male'")
    age_group: str = Field("", description="'', '0-14', '15-24', '25-64' or '65+'")
    source: str = Field("", max_length=300)
    note: str = Field("", max_length=500)


class MeasurementSaved(MeasurementOut):
    created: bool


@router.post(
    "/partnerships/{slug}/selections",
    auth=django_auth,
    response={201: SelectionOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Propose an indicator for the partnership (coordinators)",
    url_name="indicator_propose",
)
def propose(request, slug: str, payload: ProposeIn):
    """A coordinator proposes an indicator on behalf of her municipality; a coordinator of the
    partner municipality then accepts or declines it."""
    partnership = _member_partnership(request, slug)
    municipality = _member(partnership, payload.municipality)
    if municipality.pk not in policy.indicator_coordinator_of(request.user, partnership):
        raise HttpError(403, _("Only a coordinator of %(name)s proposes for it.") % {"name": municipality.name})
    indicator = policy.indicators_visible_to(request.user).filter(pk=payload.indicator_id).first()
    if indicator is None:
        raise HttpError(422, _("There is no such indicator."))
    with invalid_as_422(actions.IndicatorError):
        selection = actions.selection_propose(
            partnership=partnership, indicator=indicator, municipality=municipality, user=request.user,
            reason=payload.reason,
        )  # fmt: skip
    return Status(201, _selection_out(selection.pk))


@router.post(
    "/partnerships/{slug}/selections/{selection_id}/decision",
    auth=django_auth,
    response={200: SelectionOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Accept or decline a proposed indicator (coordinators of the partner)",
    url_name="indicator_decide",
)
def decide(request, slug: str, selection_id: int, payload: DecisionIn):
    partnership = _member_partnership(request, slug)
    selection = _selection(partnership, selection_id)
    if not policy.can_decide_selection(request.user, selection):
        raise HttpError(403, _("A coordinator of the partner municipality decides on this proposal."))
    municipality = policy.indicator_deciding_municipality(request.user, selection)
    with invalid_as_422(actions.IndicatorError):
        actions.selection_decide(
            selection=selection, municipality=municipality, accept=payload.accept, user=request.user
        )
    return Status(200, _selection_out(selection.pk))


@router.put(
    "/partnerships/{slug}/selections/{selection_id}/target",
    auth=django_auth,
    response={200: BaselineOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Set a municipality's baseline and target for a selected indicator (its staff and coordinators)",
    url_name="indicator_target",
)
def set_target(request, slug: str, selection_id: int, payload: TargetIn):
    partnership = _member_partnership(request, slug)
    selection = _selection(partnership, selection_id)
    municipality = _member_for_figures(request, partnership, payload.municipality)
    with invalid_as_422(actions.IndicatorError):
        row = actions.baseline_set(
            selection=selection, municipality=municipality, baseline_year=payload.baseline_year,
            baseline_value=payload.baseline_value, target_year=payload.target_year, target_value=payload.target_value,
        )  # fmt: skip
    row.municipality = municipality
    return Status(200, row)


@router.post(
    "/partnerships/{slug}/measurements",
    auth=django_auth,
    response={200: MeasurementSaved, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Record one measurement, or replace it (staff and coordinators of the municipality)",
    url_name="indicator_record",
)
def record_measurement(request, slug: str, payload: MeasurementIn):
    """Upsert by indicator, municipality, year, sex and age group; ``created`` says which it was."""
    partnership = _member_partnership(request, slug)
    municipality = _member_for_figures(request, partnership, payload.municipality)
    indicator_id = actions.import_codes(partnership).get(payload.indicator)
    if indicator_id is None:
        raise HttpError(
            422, _("%(code)s is not an indicator selected by this partnership.") % {"code": payload.indicator}
        )
    with invalid_as_422(actions.IndicatorError):
        row, created = actions.measurement_record(
            indicator=LibraryIndicator.objects.get(pk=indicator_id), municipality=municipality,
            year=payload.year, value=payload.value, sex=payload.sex, age_group=payload.age_group,
            source=payload.source, note=payload.note, user=request.user,
        )  # fmt: skip
    row.created = created
    return Status(200, row)
