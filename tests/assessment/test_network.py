"""Network matching as an assignment problem: hand-computed cases and properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from twinning.assessment import network
from twinning.assessment.matching import ScoreError

STRONG, WEAK = 70, 40


def test_each_weak_sdg_gets_the_strongest_free_peer():
    scores = {"A": {6: 90, 7: 20}, "B": {6: 80, 7: 75}, "C": {6: 30, 7: 10}}
    result = network.assign(scores, strong=STRONG, weak=WEAK, limit=1)
    # Weak: A7 (20), C6 (30), C7 (10). Peers on 6: A 90, B 80; on 7: B 75 only.
    # B can take one match: A7 or C7; A takes C6. One of A7/C7 stays without a peer.
    pairs = {(m.learner, m.goal, m.peer) for m in result.matches}
    assert ("C", 6, "A") in pairs
    assert len(pairs) == 2
    assert len(result.unmatched) == 1
    left = result.unmatched[0]
    assert left.goal == 7 and left.candidates == 1
    assert "have reached their limit" in left.explanation()


def test_with_room_everyone_gets_the_best_peer_and_the_explanation_names_scores_and_load():
    scores = {"A": {6: 90, 7: 20}, "B": {6: 80, 7: 75}, "C": {6: 30, 7: 10}}
    result = network.assign(scores, strong=STRONG, weak=WEAK, limit=3)
    assert {(m.learner, m.goal, m.peer) for m in result.matches} == {("A", 7, "B"), ("C", 6, "A"), ("C", 7, "B")}
    c6 = next(m for m in result.matches if (m.learner, m.goal) == ("C", 6))
    assert c6.explanation() == "A can help C on SDG 6: A scores 90, C scores 30. A takes 1 of at most 3 matches."
    assert result.unmatched == []


def test_a_weak_sdg_nobody_is_strong_on_is_explained():
    result = network.assign({"A": {14: 20}, "B": {14: 50}}, strong=STRONG, weak=WEAK)
    assert result.matches == []
    assert result.unmatched[0].explanation() == (
        "No peer for A on SDG 14 (score 20): nobody in the network is strong on it."
    )


def test_only_linked_pairs_are_matched_and_links_work_both_ways():
    scores = {"A": {6: 20}, "B": {6: 90}, "C": {6: 95}}
    linked = {frozenset({"B", "A"})}
    result = network.assign(scores, strong=STRONG, weak=WEAK, allowed=linked)
    assert [(m.learner, m.peer) for m in result.matches] == [("A", "B")]  # C is stronger but not linked


def test_a_strong_peer_is_kept_for_the_sdg_only_it_can_help_with():
    # P is strongest on SDG 1 but the only strong one on SDG 2; Q is fair on SDG 1. With one match
    # each, handing X's SDG 1 to P (the greedy choice) would leave Y's SDG 2 without a peer.
    scores = {"X": {1: 10}, "Y": {2: 10}, "P": {1: 100, 2: 100}, "Q": {1: 71}}
    result = network.assign(scores, strong=STRONG, weak=WEAK, limit=1)
    assert {(m.learner, m.goal, m.peer) for m in result.matches} == {("X", 1, "Q"), ("Y", 2, "P")}


def test_limits_may_differ_per_municipality_and_zero_means_no_matches():
    scores = {"A": {6: 20, 7: 20}, "B": {6: 90, 7: 90}, "C": {6: 80, 7: 80}}
    result = network.assign(scores, strong=STRONG, weak=WEAK, limit={"B": 0, "C": 2})
    assert {m.peer for m in result.matches} == {"C"} and len(result.matches) == 2


def test_scores_outside_0_to_100_and_crossed_thresholds_are_refused():
    with pytest.raises(ScoreError):
        network.assign({"A": {1: 101}}, strong=STRONG, weak=WEAK)
    with pytest.raises(ScoreError):
        network.assign({"A": {1: 50}}, strong=40, weak=40)
    with pytest.raises(ValueError):
        network.assign({"A": {1: 50}}, strong=STRONG, weak=WEAK, limit=-1)


names = st.sampled_from(["Ao", "Bi", "Ce", "Du", "Ed", "Fa"])
score_maps = st.dictionaries(names, st.dictionaries(st.integers(1, 17), st.integers(0, 100), max_size=6), max_size=6)


@settings(max_examples=60, deadline=None)
@given(score_maps, st.integers(0, 4))
def test_no_peer_is_matched_beyond_its_limit_and_every_match_is_valid(scores, limit):
    result = network.assign(scores, strong=STRONG, weak=WEAK, limit=limit)
    load: dict[str, int] = {}
    seen = set()
    for m in result.matches:
        load[m.peer] = load.get(m.peer, 0) + 1
        assert m.peer != m.learner
        assert m.peer_score >= STRONG and m.learner_score <= WEAK
        assert (m.learner, m.goal) not in seen
        seen.add((m.learner, m.goal))
    assert all(count <= limit for count in load.values())
    weak_rows = sum(1 for per_goal in scores.values() for value in per_goal.values() if value <= WEAK)
    assert len(result.matches) + len(result.unmatched) == weak_rows


@settings(max_examples=60, deadline=None)
@given(score_maps, st.integers(1, 3))
def test_the_outcome_does_not_depend_on_names_or_order(scores, limit):
    """Symmetry: renaming the municipalities (reversing their order) matches as many weak SDGs with
    peers of the same total strength."""
    renamed = {f"z{9 - i}-{name}": per_goal for i, (name, per_goal) in enumerate(sorted(scores.items()))}
    one = network.assign(scores, strong=STRONG, weak=WEAK, limit=limit)
    two = network.assign(renamed, strong=STRONG, weak=WEAK, limit=limit)
    assert len(one.matches) == len(two.matches)
    assert sum(m.peer_score for m in one.matches) == sum(m.peer_score for m in two.matches)


@settings(max_examples=60, deadline=None)
@given(score_maps)
def test_with_unlimited_room_each_weak_sdg_gets_the_best_score_in_the_network(scores):
    result = network.assign(scores, strong=STRONG, weak=WEAK, limit=200)
    for m in result.matches:
        best = max(per_goal.get(m.goal, -1) for other, per_goal in scores.items() if other != m.learner)
        assert m.peer_score == best
    for u in result.unmatched:
        assert u.candidates == 0


# --- The pages -----------------------------------------------------------------------------


def scored(world, **by_slug: dict[int, int]) -> None:
    from twinning.assessment import actions

    towns = {m.slug: m for m in (world["a"], world["b"], world["c"], world["d"])}
    for slug, scores in by_slug.items():
        entries = {goal: (value, "") for goal, value in scores.items()}
        actions.index_scores_save(municipality=towns[slug], user=None, entries=entries)


@pytest.mark.django_db
def test_the_network_page_lists_the_best_peer_per_weak_sdg_in_words(client, world):
    from tests.factories import PartnershipFactory

    PartnershipFactory(slug="a-c", members=[world["a"], world["c"]])  # A has two partners: B and C
    scored(world, **{"town-a": {6: 20, 7: 90}, "town-b": {6: 80, 7: 10}, "town-c": {6: 95, 7: 30}})
    scored(world, **{"town-d": {6: 99}})  # not in A's network
    client.force_login(world["staff_a"])
    page = client.get("/en/municipalities/town-a/sdg-network/").content.decode()
    assert "every municipality it has a partnership with: 3 municipalities" in page
    assert "Elsewhere can help Lommeltown on SDG 6: Elsewhere scores 95, Lommeltown scores 20." in page
    assert "Lommeltown can help Ongwetown on SDG 7" in page and "Lommeltown can help Elsewhere on SDG 7" in page
    assert "Faraway" not in page


@pytest.mark.django_db
def test_the_limit_and_thresholds_are_the_users_to_change_and_explained(client, world):
    scored(world, **{"town-a": {6: 20, 7: 20}, "town-b": {6: 80, 7: 80}})
    client.force_login(world["coordinator_a"])
    page = client.get("/en/municipalities/town-a/sdg-network/", {"strong": 75, "weak": 30, "limit": 1}).content
    body = page.decode()
    assert "The most matches one peer takes: 1, so no municipality carries all the exchanges." in body
    assert body.count("can help Lommeltown") == 1
    assert "the strong municipalities have reached their limit" in body
    crossed = client.get("/en/municipalities/town-a/sdg-network/", {"strong": 30, "weak": 60}).content.decode()
    assert "The weak threshold must be lower than the strong threshold." in crossed
    too_many = client.get("/en/municipalities/town-a/sdg-network/", {"limit": 99}).content.decode()
    assert "The limit is a whole number from 0 to 20." in too_many


@pytest.mark.django_db
def test_the_partners_people_do_not_see_our_network_page(client, world):
    client.force_login(world["coordinator_b"])
    assert client.get("/en/municipalities/town-a/sdg-network/").status_code == 404


@pytest.mark.django_db
def test_an_admin_matches_across_the_whole_platform(client, world):
    scored(world, **{"town-a": {6: 20}, "town-d": {6: 99}})
    client.force_login(world["admin"])
    body = client.get("/en/sdg-network/").content.decode()
    assert "Faraway can help Lommeltown on SDG 6" in body


@pytest.mark.django_db
def test_the_network_page_keeps_its_query_count_as_the_network_grows(client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import MunicipalityFactory, PartnershipFactory

    client.force_login(world["staff_a"])

    def measure() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/en/municipalities/town-a/sdg-network/").status_code == 200
        return len(queries)

    scored(world, **{"town-a": {6: 20}, "town-b": {6: 80}})
    few = measure()
    for index in range(10):
        other = MunicipalityFactory(slug=f"extra-{index}")
        PartnershipFactory(slug=f"a-x{index}", members=[world["a"], other])
        from twinning.assessment import actions

        actions.index_scores_save(municipality=other, user=None, entries={g: (50 + g, "") for g in range(1, 18)})
    # session, user, roles, the municipality, its network, the scores
    assert measure() == few <= 8
