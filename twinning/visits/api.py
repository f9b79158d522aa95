"""The visits part of /api/v1/, mounted by twinning/api/api.py.

Read-only, members only (session login): staff and coordinators of a member municipality list
a partnership's work visits and read one with its delegation, programme and flight CO2.
Anyone else gets 404, as on the web pages.
"""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

from ninja import Router, Schema

from twinning.foundation import policy
from twinning.sdg.links import goal_numbers, prefetch_links
from twinning.visits import selectors
from twinning.visits.models import Visit

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
                "sdgs": goal_numbers(d.sdg_links.all()),
            }
            for d in delegates
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
