"""The scoreboard rule: absolute or per 1,000 inhabitants, standard competition ranking."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from twinning.community.scoreboard import phase, score, standings


def test_absolute_totals_rank_the_larger_first():
    rows = standings([1, 2], {1: Decimal("120"), 2: Decimal("300.5")}, {}, per_capita=False)
    assert [(r.municipality_id, r.score, r.rank) for r in rows] == [
        (2, Decimal("300.50"), 1),
        (1, Decimal("120.00"), 2),
    ]


def test_per_capita_lets_the_smaller_town_win():
    # Harelbeke 28,000 people logs 280 km (10 per 1,000); Eenhana 22,000 logs 264 km (12 per 1,000)
    rows = standings([1, 2], {1: Decimal(280), 2: Decimal(264)}, {1: 28000, 2: 22000}, per_capita=True)
    assert [(r.municipality_id, r.score, r.rank) for r in rows] == [(2, Decimal("12.00"), 1), (1, Decimal("10.00"), 2)]


def test_equal_scores_share_a_rank_and_the_next_rank_is_skipped():
    rows = standings([1, 2, 3], {1: Decimal(5), 2: Decimal(5), 3: Decimal(1)}, {}, per_capita=False)
    assert [r.rank for r in rows] == [1, 1, 3]


def test_a_member_without_contributions_scores_zero_and_without_population_gets_no_rank():
    rows = standings([1, 2, 3], {1: Decimal(10)}, {1: 1000, 2: 500, 3: None}, per_capita=True)
    assert [(r.municipality_id, r.score, r.rank) for r in rows] == [
        (1, Decimal("10.00"), 1),
        (2, Decimal("0.00"), 2),
        (3, None, None),
    ]


def test_per_capita_score_rounds_half_up_to_cents():
    assert score(Decimal("1"), 3000, per_capita=True) == Decimal("0.33")
    assert score(Decimal("1"), 400, per_capita=True) == Decimal("2.50")
    assert score(Decimal("5"), 0, per_capita=True) is None


def test_the_phase_includes_both_end_days():
    start, end = dt.date(2026, 3, 1), dt.date(2026, 3, 31)
    assert phase(start, end, dt.date(2026, 2, 28)) == "upcoming"
    assert phase(start, end, start) == phase(start, end, end) == "running"
    assert phase(start, end, dt.date(2026, 4, 1)) == "finished"


amounts = st.dictionaries(st.integers(1, 6), st.integers(0, 1_000_000).map(lambda cents: Decimal(cents) / 100))
populations = st.dictionaries(st.integers(1, 6), st.one_of(st.none(), st.integers(1, 500_000)), max_size=6)


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)  # CI machines are shared and slow
@given(amounts, populations, st.booleans())
def test_every_member_appears_once_and_ranks_follow_the_scores(totals, pops, per_capita):
    members = [1, 2, 3, 4, 5, 6]
    rows = standings(members, totals, pops, per_capita=per_capita)
    assert sorted(r.municipality_id for r in rows) == members
    ranked = [r for r in rows if r.rank is not None]
    assert [r.score for r in ranked] == sorted((r.score for r in ranked), reverse=True)
    for a, b in zip(ranked, ranked[1:], strict=False):
        assert (a.rank == b.rank) == (a.score == b.score)
        assert a.rank <= b.rank
    if ranked:
        assert ranked[0].rank == 1
    assert all(r.rank is None for r in rows[len(ranked) :])
