"""The visits part of /api/v1/, mounted by twinning/api/api.py.

Members only (session login): staff and coordinators of a member municipality list a
partnership's work visits and read one with its delegation, programme, agreements and flight
CO2. Coordinators of a member also write: plan a visit, add delegates and programme items, move
an item (subscribed calendars follow), add and edit agreements (``version`` guards against
overwriting a partner's change: 409). Writes need the session's CSRF token. The policy module
decides: 404 where the user may not see, 403 where they may see but not change, 422 with the
write function's message for bad input.
"""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError
from ninja.security import django_auth

from twinning.api.problems import forbidden_as_403, invalid_as_422
from twinning.foundation import policy
from twinning.foundation.concurrency import EditConflict
from twinning.foundation.models import Municipality
from twinning.sdg.links import SdgSelection, goal_numbers, goal_selection, prefetch_links
from twinning.visits import actions, selectors
from twinning.visits.models import Agreement, CabinClass, Gender, ProgrammeItem, Visit

router = Router(tags=["Visits"])


class ErrorOut(Schema):
    detail: str


class VisitSummaryOut(Schema):
    id: int
    start_date: date
    end_date: date
    host: str  # municipality slug
    purpose: str
    delegates: int
    programme_items: int


class DelegateOut(Schema):
    name: str
    role: str
    organisation: str
    gender: str  # woman, man, non_binary or unspecified
    travelling_from: str  # municipality slug
    cabin_class: str
    departure_airport: str  # IATA code of the route (chosen or nearest)
    arrival_airport: str
    sdgs: list[int]


class ProgrammeItemOut(Schema):
    id: int
    day: date
    start_time: time
    end_time: time
    place: str
    who: str
    what: str
    good_practice: bool
    sdgs: list[int]


class VisitOut(Schema):
    id: int
    partnership: str
    start_date: date
    end_date: date
    host: str
    purpose: str
    time_zone: str
    sdgs: list[int]
    delegates: list[DelegateOut]
    programme: list[ProgrammeItemOut]
    flight_kg_co2e: Decimal  # estimated, return flights of the travellers (see the CO2 page for sources)


@router.get(
    "/partnerships/{slug}/visits",
    response={200: list[VisitSummaryOut], 404: ErrorOut},
    summary="Work visits of a partnership (members only)",
)
def list_partnership_visits(request, slug: str):
    partnership = policy.get_partnership_for_visits(request.user, slug)
    return [
        {
            "id": visit.pk,
            "start_date": visit.start_date,
            "end_date": visit.end_date,
            "host": visit.host.slug,
            "purpose": visit.purpose,
            "delegates": visit.delegate_count,
            "programme_items": visit.item_count,
        }
        for visit in selectors.visit_list(partnership)
    ]


@router.get(
    "/partnerships/{slug}/visits/{pk}",
    response={200: VisitOut, 404: ErrorOut},
    summary="One work visit with its delegation, programme and flight CO2 (members only)",
)
def get_partnership_visit(request, slug: str, pk: int):
    visit = policy.get_visit_for_user(request.user, slug, pk, queryset=prefetch_links(Visit.objects.all()))
    delegates = selectors.delegates_of(visit)
    items = selectors.items_of(visit)
    plan = selectors.plan_for(visit.partnership)
    return {
        "id": visit.pk,
        "partnership": visit.partnership.slug,
        "start_date": visit.start_date,
        "end_date": visit.end_date,
        "host": visit.host.slug,
        "purpose": visit.purpose,
        "time_zone": visit.time_zone,
        "sdgs": goal_numbers(visit.sdg_links.all()),
        "delegates": [
            {
                "name": d.name,
                "role": d.role,
                "organisation": d.organisation,
                "gender": d.gender,
                "travelling_from": d.travelling_from.slug,
                "cabin_class": d.cabin_class,
                "departure_airport": route.departure.iata,
                "arrival_airport": route.arrival.iata,
                "sdgs": goal_numbers(d.sdg_links.all()),
            }
            for d, route in ((d, selectors.route_of(d, visit.host)) for d in delegates)
        ],
        "programme": [
            {
                "id": i.pk,
                "day": i.day,
                "start_time": i.start_time,
                "end_time": i.end_time,
                "place": i.place,
                "who": i.who,
                "what": i.what,
                "good_practice": i.good_practice,
                "sdgs": goal_numbers(i.sdg_links.all()),
            }
            for i in items
        ],
        "flight_kg_co2e": selectors.visit_emission(visit, delegates, plan).kg,
    }


# --- Writes (coordinators of a member municipality) ---------------------------------------

WRITE = {403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


class VisitIn(Schema):
    start_date: date
    end_date: date
    host: str = Field(description="slug of a member municipality")
    purpose: str = Field(min_length=1)
    time_zone: str = "UTC"
    sdgs: list[int] = []


class DelegateIn(Schema):
    name: str = Field(min_length=1, max_length=120)
    role: str = ""
    organisation: str = ""
    gender: str = "unspecified"
    travelling_from: str = Field(description="slug of a member municipality")
    cabin_class: str = "economy"
    departure_airport: str = Field("", description="IATA code; empty for the airport nearest to home")
    arrival_airport: str = Field("", description="IATA code; empty for the airport nearest to the host")
    sdgs: list[int] = []


class ProgrammeItemIn(Schema):
    day: date
    start_time: time
    end_time: time
    place: str = Field(min_length=1, max_length=200)
    who: str = ""
    what: str = Field(min_length=1)
    good_practice: bool = False
    sdgs: list[int] = []


class AgreementIn(Schema):
    what: str = Field(min_length=1)
    owner_municipality: str = Field(description="slug of a member municipality")
    owner_name: str = Field(min_length=1, max_length=120)
    owner_email: str = ""
    deadline: date
    status: str = "open"
    follow_up: str = ""
    sdgs: list[int] = []


class AgreementUpdateIn(AgreementIn):
    version: int = Field(description="the version you read; a partner's later save gives 409")


class AgreementOut(Schema):
    id: int
    what: str
    owner_municipality: str
    owner_name: str
    deadline: date
    status: str
    follow_up: str
    version: int
    sdgs: list[int]


class ConflictOut(Schema):
    detail: str
    current: AgreementOut


def _coordinators_only():
    return forbidden_as_403(_("Only coordinators of a member municipality change work visits."))


def _writable_visit(request, slug: str, pk: int) -> Visit:
    with _coordinators_only():
        return policy.get_visit_for_user(request.user, slug, pk, write=True)


def _member(visit_or_partnership, slug: str, field: str) -> Municipality:
    partnership = getattr(visit_or_partnership, "partnership", visit_or_partnership)
    municipality = Municipality.objects.filter(slug=slug, partnership_memberships__partnership=partnership).first()
    if municipality is None:
        raise HttpError(422, f"{field}: " + _("%(slug)s is not a member of this partnership.") % {"slug": slug})
    return municipality


def _choice(value: str, choices, field: str) -> str:
    if value not in choices.values:
        raise HttpError(
            422,
            f"{field}: "
            + _("Unknown value %(value)s: use one of %(values)s.")
            % {
                "value": value,
                "values": ", ".join(choices.values),
            },
        )
    return value


def _item_out(item: ProgrammeItem, sdgs: SdgSelection) -> dict:
    return {
        "id": item.pk,
        "day": item.day,
        "start_time": item.start_time,
        "end_time": item.end_time,
        "place": item.place,
        "who": item.who,
        "what": item.what,
        "good_practice": item.good_practice,
        "sdgs": sorted(sdgs.goals),
    }


def _agreement_out(agreement: Agreement) -> dict:
    return {
        "id": agreement.pk,
        "what": agreement.what,
        "owner_municipality": agreement.owner_municipality.slug,
        "owner_name": agreement.owner_name,
        "deadline": agreement.deadline,
        "status": agreement.status,
        "follow_up": agreement.follow_up,
        "version": agreement.version,
        "sdgs": goal_numbers(agreement.sdg_links.all()),
    }


@router.post(
    "/partnerships/{slug}/visits",
    auth=django_auth,
    response={201: VisitSummaryOut, **WRITE},
    summary="Plan a work visit (coordinators of a member)",
)
def create_visit(request, slug: str, payload: VisitIn):
    with _coordinators_only():
        partnership = policy.get_partnership_for_visits(request.user, slug, write=True)
    data = {**payload.dict(), "host": _member(partnership, payload.host, "host")}
    with invalid_as_422():
        visit = actions.visit_create(partnership, data=data, sdgs=goal_selection(payload.sdgs))
    return Status(
        201,
        {
            "id": visit.pk,
            "start_date": visit.start_date,
            "end_date": visit.end_date,
            "host": visit.host.slug,
            "purpose": visit.purpose,
            "delegates": 0,
            "programme_items": 0,
        },
    )


@router.post(
    "/partnerships/{slug}/visits/{pk}/delegates",
    auth=django_auth,
    response={201: DelegateOut, **WRITE},
    summary="Add a member to a visit's delegation (coordinators of a member)",
)
def add_delegate(request, slug: str, pk: int, payload: DelegateIn):
    visit = _writable_visit(request, slug, pk)
    data = {
        **payload.dict(),
        "travelling_from": _member(visit, payload.travelling_from, "travelling_from"),
        "gender": _choice(payload.gender, Gender, "gender"),
        "cabin_class": _choice(payload.cabin_class, CabinClass, "cabin_class"),
    }
    with invalid_as_422():
        delegate = actions.delegate_add(visit, data=data, sdgs=goal_selection(payload.sdgs))
    route = selectors.route_of(delegate, visit.host)
    return Status(
        201,
        {
            **{name: getattr(delegate, name) for name in ("name", "role", "organisation", "gender", "cabin_class")},
            "travelling_from": delegate.travelling_from.slug,
            "departure_airport": route.departure.iata,
            "arrival_airport": route.arrival.iata,
            "sdgs": sorted(payload.sdgs),
        },
    )


@router.post(
    "/partnerships/{slug}/visits/{pk}/items",
    auth=django_auth,
    response={201: ProgrammeItemOut, **WRITE},
    summary="Add a programme item (coordinators of a member)",
)
def add_programme_item(request, slug: str, pk: int, payload: ProgrammeItemIn):
    visit = _writable_visit(request, slug, pk)
    with invalid_as_422():
        sdgs = goal_selection(payload.sdgs)
        item = actions.item_add(visit, data=payload.dict(), sdgs=sdgs)
    return Status(201, _item_out(item, sdgs))


@router.put(
    "/partnerships/{slug}/visits/{pk}/items/{item_id}",
    auth=django_auth,
    response={200: ProgrammeItemOut, **WRITE},
    summary="Change or move a programme item; subscribed calendars take the change (coordinators of a member)",
)
def update_programme_item(request, slug: str, pk: int, item_id: int, payload: ProgrammeItemIn):
    visit = _writable_visit(request, slug, pk)
    item = get_object_or_404(ProgrammeItem, pk=item_id, visit=visit)
    item.visit = visit
    with invalid_as_422():
        sdgs = goal_selection(payload.sdgs)
        actions.item_update(item, data=payload.dict(), sdgs=sdgs)
    return Status(200, _item_out(item, sdgs))


@router.get(
    "/partnerships/{slug}/visits/{pk}/agreements",
    response={200: list[AgreementOut], 404: ErrorOut},
    summary="The agreement memo of a visit (members only)",
)
def list_agreements(request, slug: str, pk: int):
    visit = policy.get_visit_for_user(request.user, slug, pk)
    return [_agreement_out(agreement) for agreement in selectors.agreements_of(visit)]


def _agreement_data(visit: Visit, payload: AgreementIn) -> dict:
    return {
        **payload.dict(),
        "owner_municipality": _member(visit, payload.owner_municipality, "owner_municipality"),
        "status": _choice(payload.status, Agreement.Status, "status"),
    }


@router.post(
    "/partnerships/{slug}/visits/{pk}/agreements",
    auth=django_auth,
    response={201: AgreementOut, **WRITE},
    summary="Add an agreement to a visit's memo (coordinators of a member)",
)
def add_agreement(request, slug: str, pk: int, payload: AgreementIn):
    visit = _writable_visit(request, slug, pk)
    with invalid_as_422():
        agreement = actions.agreement_add(
            visit, data=_agreement_data(visit, payload), sdgs=goal_selection(payload.sdgs)
        )
    return Status(201, _agreement_out(agreement))


@router.put(
    "/partnerships/{slug}/visits/{pk}/agreements/{agreement_id}",
    auth=django_auth,
    response={200: AgreementOut, 409: ConflictOut, **WRITE},
    summary="Edit an agreement; 409 with the stored version when a partner saved it meanwhile",
)
def update_agreement(request, slug: str, pk: int, agreement_id: int, payload: AgreementUpdateIn):
    visit = _writable_visit(request, slug, pk)
    agreement = get_object_or_404(Agreement.objects.select_related("owner_municipality"), pk=agreement_id, visit=visit)
    agreement.visit = visit
    data = _agreement_data(visit, payload)
    try:
        with invalid_as_422():
            actions.agreement_update(
                agreement, expected_version=payload.version, data=data, sdgs=goal_selection(payload.sdgs)
            )
    except EditConflict as conflict:
        return Status(
            409,
            {
                "detail": _("Your partner saved this agreement meanwhile: read their version and send yours again."),
                "current": _agreement_out(conflict.current),
            },
        )
    return Status(200, _agreement_out(agreement))
