"""What the server re-checks before it accepts an answer a team's phone claims: pure functions
over plain values (metres, seconds, aware datetimes), no database.

The phone says "we stood at (lat, lon) at time t and answered stop S". The referee refuses the
claim, with a reason code, when
* the position is outside the stop's radius (unless the stop was unlocked with its QR code),
* the team would have had to travel faster than the game allows from or to another answered stop,
* the time is before the start, after the time limit, or in the future,
* the stop was answered already (a replayed request with the same client id is not refused
  here: the action returns the stored result instead, so a sync queue may be sent twice).

Travel is measured between the stops' circles (centre distance minus both radii), so a team that
answered at the edge of one circle is never refused for the next one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from twinning.foundation.distance import haversine_km

CLOCK_SKEW = dt.timedelta(seconds=60)  # a phone's clock may run this far ahead of the server's
OFFLINE_GRACE = dt.timedelta(hours=6)  # answers made in time may arrive this much later (no coverage)


class Refusal:
    TOO_FAR = "too_far"
    TOO_FAST = "too_fast"
    TIME_UP = "time_up"
    BEFORE_START = "before_start"
    IN_FUTURE = "in_future"
    TOO_LATE_TO_SYNC = "too_late_to_sync"
    ALREADY_ANSWERED = "already_answered"
    BAD_QR = "bad_qr"
    NO_POSITION = "no_position"
    FINISHED = "finished"


@dataclass(frozen=True)
class Place:
    latitude: float
    longitude: float
    radius_m: float


@dataclass(frozen=True)
class Visit:
    """An earlier accepted answer of the same team: where (the stop) and when (claimed time)."""

    stop_id: int
    place: Place
    at: dt.datetime


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return haversine_km(lat1, lon1, lat2, lon2) * 1000


def within_radius(place: Place, latitude: float, longitude: float) -> bool:
    return distance_m(place.latitude, place.longitude, latitude, longitude) <= place.radius_m


def gap_m(a: Place, b: Place) -> float:
    """The shortest walk between the two circles (0 where they touch or overlap)."""
    return max(0.0, distance_m(a.latitude, a.longitude, b.latitude, b.longitude) - a.radius_m - b.radius_m)


def plausible_travel(metres: float, seconds: float, max_speed_kmh: float) -> bool:
    if metres <= 0:
        return True
    if seconds <= 0:
        return False
    return metres / seconds * 3.6 <= max_speed_kmh


def deadline(started_at: dt.datetime, time_limit_minutes: int | None) -> dt.datetime | None:
    return None if not time_limit_minutes else started_at + dt.timedelta(minutes=time_limit_minutes)


def seconds_left(started_at: dt.datetime, time_limit_minutes: int | None, now: dt.datetime) -> int | None:
    end = deadline(started_at, time_limit_minutes)
    return None if end is None else max(0, int((end - now).total_seconds()))


def time_refusal(
    *, started_at: dt.datetime, time_limit_minutes: int | None, claimed: dt.datetime, received: dt.datetime
) -> str | None:
    if claimed < started_at:
        return Refusal.BEFORE_START
    if claimed > received + CLOCK_SKEW:
        return Refusal.IN_FUTURE
    end = deadline(started_at, time_limit_minutes)
    if end is not None and claimed > end:
        return Refusal.TIME_UP
    if end is not None and received > end + OFFLINE_GRACE:
        return Refusal.TOO_LATE_TO_SYNC
    return None


def speed_refusal(place: Place, at: dt.datetime, history: list[Visit], max_speed_kmh: float) -> str | None:
    """Refuse where any earlier answered stop is too far away for the time between the two answers
    (answers made offline may arrive out of order, so later ones count too)."""
    for visit in history:
        seconds = abs((at - visit.at).total_seconds())
        if not plausible_travel(gap_m(visit.place, place), seconds, max_speed_kmh):
            return Refusal.TOO_FAST
    return None


@dataclass(frozen=True)
class Claim:
    stop_id: int
    place: Place
    at: dt.datetime
    latitude: float | None = None
    longitude: float | None = None
    qr_ok: bool | None = None  # None: not unlocked by QR; True/False: the QR code matched or not


def refusal(
    claim: Claim,
    *,
    started_at: dt.datetime,
    time_limit_minutes: int | None,
    max_speed_kmh: float,
    history: list[Visit],
    received: dt.datetime,
    finished: bool = False,
) -> str | None:
    """The first reason to refuse the claim, or None where the referee accepts it."""
    if finished:
        return Refusal.FINISHED
    if any(visit.stop_id == claim.stop_id for visit in history):
        return Refusal.ALREADY_ANSWERED
    reason = time_refusal(
        started_at=started_at, time_limit_minutes=time_limit_minutes, claimed=claim.at, received=received
    )
    if reason:
        return reason
    if claim.qr_ok is False:
        return Refusal.BAD_QR
    if claim.qr_ok is None:
        if claim.latitude is None or claim.longitude is None:
            return Refusal.NO_POSITION
        if not within_radius(claim.place, claim.latitude, claim.longitude):
            return Refusal.TOO_FAR
    return speed_refusal(claim.place, claim.at, history, max_speed_kmh)
