"""Great-circle distance between two municipalities (haversine, mean Earth radius)."""

from __future__ import annotations

import math
from itertools import combinations

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def pairwise_distances(points: list[tuple[str, float, float]]) -> list[tuple[str, str, int]]:
    """(name, lat, lon) for each member -> (name, name, whole kilometres) for each pair."""
    return [(a[0], b[0], round(haversine_km(a[1], a[2], b[1], b[2]))) for a, b in combinations(points, 2)]
