"""Flight emissions of a visit's travellers and the trees that compensate them. Pure functions.

Route: great-circle distance (haversine) between the departure municipality and the host,
plus the distance uplift for indirect routes, flown there and back. Factor: by distance band
(of the great-circle distance) and cabin class, from ``emission_factors``. Optional multiplier
for non-CO2 effects.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from twinning.foundation.distance import haversine_km
from twinning.visits import emission_factors as ef

KG = Decimal("0.01")


@dataclass(frozen=True)
class Trip:
    """One traveller: where from, where to (coordinates in degrees) and the cabin class."""

    from_lat: float
    from_lon: float
    to_lat: float
    to_lon: float
    cabin_class: str = "economy"


def distance_band(great_circle_km: Decimal) -> str:
    return "short_haul" if great_circle_km < ef.SHORT_HAUL_LIMIT_KM else "long_haul"


def factor(great_circle_km: Decimal, cabin_class: str) -> Decimal:
    """kg CO2e per passenger-km; an unknown cabin class is a ValueError."""
    band = ef.FACTORS[distance_band(great_circle_km)]
    if cabin_class not in band:
        raise ValueError(f"unknown cabin class: {cabin_class}")
    return band[cabin_class]


def great_circle_km(trip: Trip) -> Decimal:
    return Decimal(str(haversine_km(trip.from_lat, trip.from_lon, trip.to_lat, trip.to_lon)))


def flown_km(great_circle: Decimal, uplift: Decimal = ef.DISTANCE_UPLIFT) -> Decimal:
    """One way, with the uplift for indirect routes."""
    return great_circle * (1 + uplift)


def trip_kg_co2e(trip: Trip, *, non_co2: bool = False, return_trip: bool = True) -> Decimal:
    """kg CO2e of one traveller's flights, rounded to 0.01 kg. A traveller from the host flies 0 km."""
    distance = great_circle_km(trip)
    if distance == 0:
        return Decimal("0.00")
    kg = flown_km(distance) * factor(distance, trip.cabin_class) * (2 if return_trip else 1)
    if non_co2:
        kg *= ef.RADIATIVE_FORCING_MULTIPLIER
    return kg.quantize(KG, rounding=ROUND_HALF_UP)


def total_kg(trips: Iterable[Trip], *, non_co2: bool = False) -> Decimal:
    return sum((trip_kg_co2e(trip, non_co2=non_co2) for trip in trips), Decimal("0.00"))


def trees_to_absorb(kg_co2: Decimal, *, kg_per_tree_year: Decimal, years: int) -> int:
    """Whole trees that absorb ``kg_co2`` over ``years`` (rounded up)."""
    if kg_per_tree_year <= 0 or years <= 0:
        raise ValueError("a tree must absorb a positive amount over a positive number of years")
    return math.ceil(kg_co2 / (kg_per_tree_year * years))


@dataclass(frozen=True)
class TreeSplit:
    home: dict[str, int]  # municipality name -> trees planted there for its own travellers
    host: int  # trees planted in the host municipality
    total: int


def trees_by_rule(travellers_by_home: dict[str, int], *, per_home: int, per_host: int) -> TreeSplit:
    """The per-participant rule (Lommel–Ongwediva: 10 at home, 5 in the partner municipality).

    ``travellers_by_home`` counts the travellers who flew, by home municipality.
    """
    home = {name: count * per_home for name, count in travellers_by_home.items() if count}
    host = sum(travellers_by_home.values()) * per_host
    return TreeSplit(home=home, host=host, total=sum(home.values()) + host)


CENT = Decimal("0.01")
KG_PER_TONNE = Decimal("1000")


def offset_cost(kg_co2: Decimal, *, price_per_tonne: Decimal) -> Decimal:
    """The price of a certified offset of ``kg_co2`` at ``price_per_tonne``, exact to the cent (half up)."""
    if price_per_tonne < 0:
        raise ValueError("a price cannot be negative")
    return (kg_co2 / KG_PER_TONNE * price_per_tonne).quantize(CENT, rounding=ROUND_HALF_UP)
