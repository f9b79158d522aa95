"""The referee's rules: radius (haversine), travel speed between stops, time limit and replays.
Distances are hand-computed: one thousandth of a degree of latitude is 111.195 m."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from twinning.games import referee
from twinning.games.referee import Claim, Place, Refusal, Visit

T0 = dt.datetime(2026, 5, 9, 10, 0, tzinfo=dt.UTC)
A = Place(50.0, 3.0, 30)
B = Place(50.027, 3.0, 30)  # 3002 m north of A


def claim(place=A, at=T0 + dt.timedelta(minutes=5), lat=50.0002, lon=3.0, qr_ok=None, stop_id=1):
    return Claim(stop_id=stop_id, place=place, at=at, latitude=lat, longitude=lon, qr_ok=qr_ok)


def judge(c, history=(), limit=60, received=None, finished=False):
    return referee.refusal(
        c,
        started_at=T0,
        time_limit_minutes=limit,
        max_speed_kmh=15,
        history=list(history),
        received=received or c.at,
        finished=finished,
    )


def test_one_thousandth_of_a_degree_of_latitude_is_111_metres():
    assert round(referee.distance_m(50.0, 3.0, 50.001, 3.0), 1) == 111.2


def test_a_team_22_metres_from_the_stop_is_inside_a_30_metre_radius():
    assert referee.within_radius(A, 50.0002, 3.0)
    assert judge(claim()) is None


def test_a_team_33_metres_away_is_outside_it():
    assert not referee.within_radius(A, 50.0003, 3.0)


def test_an_answer_from_5_km_away_is_refused_as_too_far():
    assert judge(claim(lat=50.045)) == Refusal.TOO_FAR


def test_a_qr_code_unlocks_without_a_position_but_a_wrong_code_does_not():
    assert judge(claim(lat=None, lon=None, qr_ok=True)) is None
    assert judge(claim(lat=None, lon=None, qr_ok=False)) == Refusal.BAD_QR
    assert judge(claim(lat=None, lon=None)) == Refusal.NO_POSITION


def test_two_stops_3_km_apart_answered_10_seconds_apart_are_refused_as_too_fast():
    first = Visit(1, A, T0 + dt.timedelta(minutes=5))
    second = claim(place=B, at=first.at + dt.timedelta(seconds=10), lat=50.027, stop_id=2)
    assert judge(second, [first]) == Refusal.TOO_FAST


def test_the_same_stops_30_minutes_apart_are_fine_at_walking_pace():
    first = Visit(1, A, T0 + dt.timedelta(minutes=5))
    second = claim(place=B, at=first.at + dt.timedelta(minutes=30), lat=50.027, stop_id=2)
    assert judge(second, [first]) is None  # 2942 m in 30 min = 5.9 km/h


def test_an_offline_answer_that_arrives_out_of_order_is_checked_against_the_later_one_too():
    later = Visit(2, B, T0 + dt.timedelta(minutes=20))
    earlier = claim(at=T0 + dt.timedelta(minutes=19, seconds=50))
    assert judge(earlier, [later]) == Refusal.TOO_FAST


def test_an_answer_after_the_time_limit_is_refused():
    assert judge(claim(at=T0 + dt.timedelta(minutes=61))) == Refusal.TIME_UP
    assert judge(claim(at=T0 + dt.timedelta(minutes=59)), limit=60) is None


def test_an_answer_made_in_time_offline_may_sync_later_but_not_days_later():
    at = T0 + dt.timedelta(minutes=50)
    assert judge(claim(at=at), received=at + dt.timedelta(hours=2)) is None
    assert judge(claim(at=at), received=at + dt.timedelta(days=2)) == Refusal.TOO_LATE_TO_SYNC


def test_answers_dated_before_the_start_or_in_the_future_are_refused():
    assert judge(claim(at=T0 - dt.timedelta(seconds=1))) == Refusal.BEFORE_START
    at = T0 + dt.timedelta(minutes=5)
    assert judge(claim(at=at), received=at - dt.timedelta(minutes=5)) == Refusal.IN_FUTURE


def test_a_second_answer_at_the_same_stop_and_an_answer_after_finishing_are_refused():
    assert judge(claim(), [Visit(1, A, T0)]) == Refusal.ALREADY_ANSWERED
    assert judge(claim(), finished=True) == Refusal.FINISHED


def test_seconds_left_counts_down_to_zero_and_no_limit_means_none():
    assert referee.seconds_left(T0, 60, T0 + dt.timedelta(minutes=45)) == 900
    assert referee.seconds_left(T0, 60, T0 + dt.timedelta(hours=2)) == 0
    assert referee.seconds_left(T0, None, T0) is None


def test_overlapping_circles_have_no_gap():
    assert referee.gap_m(A, Place(50.0004, 3.0, 30)) == 0


coordinate = st.tuples(st.floats(-80, 80), st.floats(-179, 179))


@given(coordinate, coordinate)
def test_distance_is_symmetric_and_never_negative(p, q):
    d = referee.distance_m(*p, *q)
    assert d >= 0
    assert abs(d - referee.distance_m(*q, *p)) < 1e-6


@given(st.floats(0, 50_000), st.floats(1, 36_000), st.floats(3, 60))
def test_more_time_never_makes_a_plausible_trip_implausible(metres, seconds, speed):
    if referee.plausible_travel(metres, seconds, speed):
        assert referee.plausible_travel(metres, seconds * 2, speed)
