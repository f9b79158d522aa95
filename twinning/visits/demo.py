"""Demo work visits (marked is_demo; names, times and trees are invented for the demo).

Lommel–Ongwediva: a past visit to Ongwediva in May 2025 (delegation of 6, three-day programme,
trees planted) and an upcoming visit to Lommel in spring 2027. Harelbeke–Eenhana: one visit.
Idempotent: run it as often as you like. ``scale`` > 1 adds programme items and delegates to the
upcoming Lommel visit (for load and query-count tests).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction

from twinning.foundation.models import Municipality, Partnership
from twinning.sdg.links import SdgSelection, set_links
from twinning.visits.models import Agreement, CompensationPlan, Delegate, ProgrammeItem, TreePlanting, Visit

T = dt.time


def _goals(*numbers: int) -> SdgSelection:
    return SdgSelection(goals=frozenset(numbers))


def _visit(partnership, host, start, end, purpose, time_zone, goals) -> Visit:
    visit, _created = Visit.objects.update_or_create(
        partnership=partnership,
        start_date=start,
        defaults={"end_date": end, "host": host, "purpose": purpose, "time_zone": time_zone, "is_demo": True},
    )
    set_links(visit, _goals(*goals))
    return visit


def _delegates(visit: Visit, rows) -> None:
    for name, role, organisation, gender, origin, goals in rows:
        delegate, _created = Delegate.objects.update_or_create(
            visit=visit,
            name=name,
            defaults={
                "role": role,
                "organisation": organisation,
                "gender": gender,
                "travelling_from": origin,
                "cabin_class": "economy",
            },
        )
        set_links(delegate, _goals(*goals))


def _agreements(visit: Visit, rows) -> None:
    for what, owner, name, email, deadline, status, follow_up, goals in rows:
        agreement, _created = Agreement.objects.update_or_create(
            visit=visit,
            what=what,
            defaults={
                "owner_municipality": owner,
                "owner_name": name,
                "owner_email": email,
                "deadline": deadline,
                "status": status,
                "follow_up": follow_up,
                "is_demo": True,
            },
        )
        set_links(agreement, _goals(*goals))


def _programme(visit: Visit, rows) -> None:
    for day, start, end, place, who, what, good, goals in rows:
        item, _created = ProgrammeItem.objects.update_or_create(
            visit=visit,
            day=visit.start_date + dt.timedelta(days=day),
            start_time=start,
            defaults={"end_time": end, "place": place, "who": who, "what": what, "good_practice": good},
        )
        set_links(item, _goals(*goals))


@transaction.atomic
def seed(scale: int = 1) -> None:
    towns = {m.slug: m for m in Municipality.objects.filter(slug__in=["lommel", "ongwediva", "harelbeke", "eenhana"])}
    partnerships = {p.slug: p for p in Partnership.objects.filter(slug__in=["lommel-ongwediva", "harelbeke-eenhana"])}
    if len(towns) < 4 or len(partnerships) < 2:
        return  # the foundation's demo data is not there
    lommel, ongwediva = towns["lommel"], towns["ongwediva"]
    lo = partnerships["lommel-ongwediva"]
    CompensationPlan.objects.update_or_create(
        partnership=lo,
        defaults={
            "kg_co2_per_tree_year": 25,
            "tree_years": 20,
            "trees_home": 10,
            "trees_host": 5,
            "offset_price_per_tonne": Decimal("24.00"),  # an invented demo price, for comparison with trees
            "offset_currency": "EUR",
        },
    )

    past = _visit(
        lo, ongwediva, dt.date(2025, 5, 12), dt.date(2025, 5, 14),
        "Work visit on water and sanitation in the new neighbourhoods, and the youth exchange (demo).",
        "Africa/Windhoek", (5, 6, 13, 17),
    )  # fmt: skip
    _delegates(past, [
        ("Liesbeth Peeters", "Partnership coordinator", "Lommel, international cooperation", "woman", lommel, (17,)),
        ("Koen Janssens", "Alderman for environment", "Lommel city council", "man", lommel, (6, 13)),
        ("Sofie Vandenberghe", "Water engineer", "Lommel, public works", "woman", lommel, (6,)),
        ("Tom Wouters", "Youth worker", "Lommel youth service", "man", lommel, (4, 5)),
        ("Ines Claes", "Teacher", "Lommel secondary school", "woman", lommel, (4,)),
        ("Alex Maes", "Climate officer", "Lommel, environment department", "non_binary", lommel, (13,)),
    ])  # fmt: skip
    _programme(past, [
        (0, T(9, 0), T(10, 30), "Ongwediva town council", "Both mayors, coordinators", "Welcome and review of the joint programme", False, (17,)),
        (0, T(11, 0), T(13, 0), "Oshana region water utility", "Engineers of both towns", "Tour of the water treatment works", True, (6,)),
        (0, T(14, 30), T(16, 30), "Extension 14 neighbourhood", "Residents' committee", "Sanitation in the new neighbourhoods: site visit", True, (6, 11)),
        (1, T(8, 30), T(12, 0), "Ongwediva secondary school", "Teachers, youth workers", "School exchange: climate lessons with pupils", True, (4, 13)),
        (1, T(14, 0), T(16, 0), "Women's market cooperative", "Cooperative board, delegation", "Women-led market and micro-credit", True, (5, 8)),
        (2, T(9, 0), T(11, 0), "Town council chamber", "Both coordinators", "Agreements for the coming year and evaluation", False, (16, 17)),
        (2, T(11, 30), T(13, 0), "Community garden", "Delegation, pupils", "Planting the first five trees per participant", True, (13, 15)),
    ])  # fmt: skip
    _agreements(past, [
        ("Share the design of the Lommel sludge drying beds with the Ongwediva engineers", lommel, "Sofie Vandenberghe",
         "staff.lommel@example.org", dt.date(2025, 7, 1), "done", "Sent on 20 June 2025 (demo).", (6,)),
        ("Draft a joint application for the sanitation project in Extension 14", ongwediva, "Ndapewa Shilongo",
         "coordinator.ongwediva@example.org", dt.date(2025, 9, 30), "open", "", (6, 17)),
        ("Start the pupils' climate letter exchange between both schools", lommel, "Ines Claes",
         "", dt.date(2025, 10, 15), "open", "First letters written (demo).", (4, 13)),
        ("Plant the 60 Lommel trees of the compensation plan", lommel, "Alex Maes",
         "", dt.date(2025, 11, 30), "done", "Planted on the tree-planting day (demo).", (13, 15)),
        ("Evaluate the gender balance of both delegations before the return visit", ongwediva, "Ndapewa Shilongo",
         "coordinator.ongwediva@example.org", dt.date(2027, 3, 1), "open", "", (5,)),
    ])  # fmt: skip
    for date, town, count, place in [
        (dt.date(2025, 5, 14), ongwediva, 30, "Community garden, Ongwediva"),
        (dt.date(2025, 11, 22), lommel, 60, "Kattenbos, Lommel (tree-planting day)"),
    ]:
        TreePlanting.objects.update_or_create(
            partnership=lo, date=date, municipality=town,
            defaults={"visit": past, "count": count, "place": place, "is_demo": True},
        )  # fmt: skip

    upcoming = _visit(
        lo, lommel, dt.date(2027, 4, 19), dt.date(2027, 4, 22),
        "Return visit: circular economy and the climate plan, with the Ongwediva youth council (demo).",
        "Europe/Brussels", (4, 12, 13),
    )  # fmt: skip
    _delegates(upcoming, [
        ("Ndapewa Shilongo", "Partnership coordinator", "Ongwediva, strategic planning", "woman", ongwediva, (17,)),
        ("Johannes Amutenya", "Councillor", "Ongwediva town council", "man", ongwediva, (11,)),
        ("Maria Nghipondoka", "Youth council chair", "Ongwediva youth council", "woman", ongwediva, (4, 13)),
        ("Petrus Haufiku", "Waste manager", "Ongwediva, environmental health", "man", ongwediva, (12,)),
    ])  # fmt: skip
    _programme(upcoming, [
        (0, T(10, 0), T(12, 0), "Lommel town hall", "Mayor, coordinators", "Welcome and programme of the week", False, (17,)),
        (1, T(9, 0), T(12, 0), "Recycling park Lommel", "Waste managers", "Sorting and reuse at the recycling park", True, (12,)),
        (2, T(13, 0), T(16, 0), "Lommel Sahara nature area", "Youth councils", "Climate walk and tree planting", True, (13, 15)),
    ])  # fmt: skip
    for extra in range(1, scale):
        start = T(6 + (extra // 30) % 16, (extra * 2) % 60)
        _programme(upcoming, [
            (3, start, T(23, 30), f"Meeting room {extra}", "Demo", f"Extra session {extra} (demo scale)", extra % 2 == 0, (extra % 17 + 1,)),
        ])  # fmt: skip
        _agreements(past, [
            (f"Demo follow-up {extra} (demo scale)", lommel, "Demo owner", "", dt.date(2026, 1, 1), "open", "", (extra % 17 + 1,)),
        ])  # fmt: skip
        _delegates(
            upcoming, [(f"Demo traveller {extra}", "Staff", "Demo", "unspecified", ongwediva, (extra % 17 + 1,))]
        )

    he = partnerships["harelbeke-eenhana"]
    visit = _visit(
        he, towns["eenhana"], dt.date(2025, 10, 6), dt.date(2025, 10, 9),
        "Local economic development and the twinning's school links (demo).", "Africa/Windhoek", (4, 8, 17),
    )  # fmt: skip
    _delegates(visit, [
        ("Pieter Desmet", "Partnership coordinator", "Harelbeke, international cooperation", "man", towns["harelbeke"], (17,)),
        ("Annelies Vercruysse", "Alderwoman for education", "Harelbeke city council", "woman", towns["harelbeke"], (4,)),
        ("Lotte Debruyne", "Economic officer", "Harelbeke, local economy", "woman", towns["harelbeke"], (8,)),
    ])  # fmt: skip
    _programme(visit, [
        (0, T(9, 0), T(11, 0), "Eenhana town council", "Coordinators", "Welcome and joint planning", False, (17,)),
        (1, T(9, 0), T(13, 0), "Eenhana open market", "Traders' association", "Market development and small businesses", True, (8,)),
    ])  # fmt: skip
