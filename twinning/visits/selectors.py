"""Reads for the visit pages, each with a fixed number of queries."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Prefetch, QuerySet
from django.utils import timezone

from twinning.foundation.models import Partnership
from twinning.sdg.links import goal_numbers, prefetch_links
from twinning.sdg.selectors import all_goals
from twinning.visits import airports, balance, co2
from twinning.visits import emission_factors as ef
from twinning.visits.models import Agreement, CompensationPlan, Delegate, Gender, ProgrammeItem, TreePlanting, Visit


def plan_for(partnership: Partnership) -> CompensationPlan:
    """The partnership's plan, or an unsaved one with the documented defaults."""
    plan = CompensationPlan.objects.filter(partnership=partnership).first()
    return plan or CompensationPlan(
        partnership=partnership,
        kg_co2_per_tree_year=ef.DEFAULT_KG_CO2_PER_TREE_YEAR,
        tree_years=ef.DEFAULT_TREE_YEARS,
        trees_home=ef.DEFAULT_TREES_HOME,
        trees_host=ef.DEFAULT_TREES_HOST,
    )


def visit_list(partnership: Partnership) -> QuerySet[Visit]:
    # one query: visits with their host and delegation size
    return (
        Visit.objects.filter(partnership=partnership)
        .select_related("host")
        .annotate(delegate_count=Count("delegates", distinct=True), item_count=Count("items", distinct=True))
        .order_by("-start_date", "pk")
    )


def next_visit(partnership: Partnership) -> Visit | None:
    return (
        Visit.objects.filter(partnership=partnership, end_date__gte=timezone.localdate())
        .select_related("host")
        .order_by("start_date", "pk")
        .first()
    )


def delegates_of(visit: Visit) -> list[Delegate]:
    # two queries: delegates with their home municipality, their SDG links
    return list(prefetch_links(visit.delegates.select_related("travelling_from")))


def items_of(visit: Visit) -> list[ProgrammeItem]:
    # two queries: items, their SDG links
    return list(prefetch_links(visit.items.all()))


def route_of(delegate: Delegate, host) -> airports.Route:
    """Home municipality -> departure airport -> arrival airport -> host (chosen or nearest airports)."""
    origin = delegate.travelling_from
    home, there = (float(origin.latitude), float(origin.longitude)), (float(host.latitude), float(host.longitude))
    try:
        return airports.route(home, there, departure=delegate.departure_airport, arrival=delegate.arrival_airport)
    except airports.UnknownAirport:  # a code since removed from the table: fall back to the nearest airports
        return airports.route(home, there)


def trip_of(delegate: Delegate, host) -> co2.Trip:
    """The flight between the route's airports (0 km when both are the same airport)."""
    route = route_of(delegate, host)
    dep, arr = route.departure, route.arrival
    return co2.Trip(dep.latitude, dep.longitude, arr.latitude, arr.longitude, delegate.cabin_class)


@dataclass
class TravellerEmission:
    delegate: Delegate
    route: airports.Route
    great_circle_km: Decimal
    flown_km: Decimal
    band: str
    factor: Decimal
    kg: Decimal


def traveller_emissions(visit: Visit, delegates: list[Delegate], *, non_co2: bool) -> list[TravellerEmission]:
    rows = []
    for delegate in delegates:
        trip = trip_of(delegate, visit.host)
        distance = co2.great_circle_km(trip)
        rows.append(
            TravellerEmission(
                delegate=delegate,
                route=route_of(delegate, visit.host),
                great_circle_km=distance,
                flown_km=co2.flown_km(distance) * 2 if distance else Decimal(0),
                band=co2.distance_band(distance),
                factor=co2.factor(distance, delegate.cabin_class),
                kg=co2.trip_kg_co2e(trip, non_co2=non_co2),
            )
        )
    return rows


@dataclass
class VisitEmission:
    visit: Visit
    travellers: int
    kg: Decimal
    trees_to_absorb: int
    rule: co2.TreeSplit
    offset: Decimal | None = None  # price of a certified offset, in the plan's currency
    planted: int = 0


@dataclass
class PartnershipEmissions:
    visits: list[VisitEmission] = field(default_factory=list)
    by_year: list[tuple[int, Decimal, Decimal | None]] = field(default_factory=list)  # year, kg, offset price
    total_kg: Decimal = Decimal("0.00")
    trees_to_absorb: int = 0
    trees_by_rule: int = 0
    trees_planted: int = 0
    offset: Decimal | None = None
    plantings: list[TreePlanting] = field(default_factory=list)


def offset_of(kg: Decimal, plan: CompensationPlan) -> Decimal | None:
    """The certified offset's price for ``kg`` under the plan, or None without a price."""
    if plan.offset_price_per_tonne is None:
        return None
    return co2.offset_cost(kg, price_per_tonne=plan.offset_price_per_tonne)


def visit_emission(visit: Visit, delegates: list[Delegate], plan: CompensationPlan) -> VisitEmission:
    flying = [d for d in delegates if route_of(d, visit.host).flies]
    kg = co2.total_kg((trip_of(d, visit.host) for d in flying), non_co2=plan.include_non_co2)
    homes = Counter(d.travelling_from.name for d in flying)
    return VisitEmission(
        visit=visit,
        travellers=len(flying),
        kg=kg,
        trees_to_absorb=co2.trees_to_absorb(kg, kg_per_tree_year=plan.kg_co2_per_tree_year, years=plan.tree_years),
        rule=co2.trees_by_rule(dict(homes), per_home=plan.trees_home, per_host=plan.trees_host),
        offset=offset_of(kg, plan),
    )


def partnership_emissions(partnership: Partnership, plan: CompensationPlan) -> PartnershipEmissions:
    # three queries: visits with host, all their delegates with home municipality, tree plantings
    visits = list(
        Visit.objects.filter(partnership=partnership)
        .select_related("host")
        .prefetch_related(Prefetch("delegates", queryset=Delegate.objects.select_related("travelling_from")))
        .order_by("start_date", "pk")
    )
    plantings = list(TreePlanting.objects.filter(partnership=partnership).select_related("municipality", "visit__host"))
    planted_by_visit: dict[int | None, int] = defaultdict(int)
    for planting in plantings:
        planted_by_visit[planting.visit_id] += planting.count
    result = PartnershipEmissions(plantings=plantings)
    years: dict[int, Decimal] = defaultdict(Decimal)
    for visit in visits:
        row = visit_emission(visit, list(visit.delegates.all()), plan)
        row.planted = planted_by_visit.get(visit.pk, 0)
        result.visits.append(row)
        years[visit.start_date.year] += row.kg
        result.total_kg += row.kg
        result.trees_by_rule += row.rule.total
    result.by_year = [(year, kg, offset_of(kg, plan)) for year, kg in sorted(years.items())]
    result.trees_to_absorb = co2.trees_to_absorb(
        result.total_kg, kg_per_tree_year=plan.kg_co2_per_tree_year, years=plan.tree_years
    )
    result.trees_planted = sum(p.count for p in plantings)
    result.offset = offset_of(result.total_kg, plan)
    return result


def delegation_summary(delegates: list[Delegate]) -> dict:
    genders = [d.gender for d in delegates]
    goals = {goal.number: goal for goal in all_goals()}
    covered = balance.goals_covered(goal_numbers(d.sdg_links.all()) for d in delegates)
    return {
        "balance": [
            {"label": Gender(share.gender).label, "count": share.count, "percent": share.percent}
            for share in balance.gender_balance(genders)
        ],
        "balanced": balance.is_balanced(genders),
        "goals": [(goals[number], count) for number, count in covered.items()],
    }


def checklist(items: list[ProgrammeItem]) -> dict[int, bool]:
    return balance.good_practice_checklist((item.good_practice, goal_numbers(item.sdg_links.all())) for item in items)


def agreements_of(visit: Visit) -> list[Agreement]:
    # two queries: agreements with their owner municipality, their SDG links
    return list(prefetch_links(visit.agreements.select_related("owner_municipality")))


def open_agreements(partnership: Partnership) -> list[Agreement]:
    """Open agreements across all visits of the partnership, earliest deadline first (two queries)."""
    return list(
        prefetch_links(
            Agreement.objects.filter(visit__partnership=partnership, status=Agreement.Status.OPEN)
            .select_related("owner_municipality", "visit__host")
            .order_by("deadline", "pk")
        )
    )
