"""Interlinkages through the pages: coordinators pick targets of prioritised SDGs, each partner
scores its own rows, and the matrix page shows drivers, dependents and second order."""

from __future__ import annotations

import pytest

from twinning.assessment import actions, selectors
from twinning.assessment.models import InterlinkScore, InterlinkTarget

BASE = "/en/partnerships/a-b/interlinkages/"


@pytest.fixture
def picked(world):
    actions.materiality_save(world["partnership"], {6: (5, 4, True), 3: (4, 4, True), 14: (2, 2, False)})
    actions.interlink_targets_set(world["partnership"], {"6.3", "3.9", "6.1"})
    return world


def score_post(values: dict[tuple[str, str], int | str]) -> dict:
    codes = ["6.1", "6.3", "3.9"]
    data = {f"s_{a}_{b}".replace(".", "-"): "" for a in codes for b in codes if a != b}
    data.update({f"s_{a}_{b}".replace(".", "-"): str(v) for (a, b), v in values.items()})
    return data


@pytest.mark.django_db
def test_a_coordinator_picks_targets_of_prioritised_sdgs_only(client, world):
    actions.materiality_save(world["partnership"], {6: (5, 4, True), 14: (2, 2, False)})
    client.force_login(world["coordinator_a"])
    form = client.get(f"{BASE}targets/").content.decode()
    assert 'value="6.3"' in form and 'value="14.1"' not in form
    response = client.post(f"{BASE}targets/", {"goal_6": ["6.3", "6.1"]})
    assert response["Location"] == BASE
    assert {row.target.code for row in InterlinkTarget.objects.select_related("target")} == {"6.1", "6.3"}
    too_many = client.post(f"{BASE}targets/", {"goal_6": ["6.1", "6.2", "6.3", "6.4"]})
    assert "Pick at most 3 targets per SDG" in too_many.content.decode()
    assert InterlinkTarget.objects.count() == 2
    with pytest.raises(actions.AssessmentError):
        actions.interlink_targets_set(world["partnership"], {"14.1"})


@pytest.mark.django_db
def test_each_partner_scores_its_own_rows_and_the_page_combines_them(client, picked):
    world = picked
    client.force_login(world["staff_a"])
    saved = client.post(f"{BASE}town-a/", score_post({("6.3", "3.9"): 3, ("6.1", "3.9"): 2, ("3.9", "6.3"): -1}))
    assert saved["Location"] == BASE
    partner = client.__class__()
    partner.force_login(world["coordinator_b"])
    partner.post(f"{BASE}town-b/", score_post({("6.3", "3.9"): 1}))
    assert InterlinkScore.objects.filter(municipality=world["a"]).count() == 3
    assert InterlinkScore.objects.get(municipality=world["b"]).score == 1
    page = client.get(BASE).content.decode()
    assert "+2*" in page  # 6.3 -> 3.9: mean of 3 and 1, contested
    assert "The partners differ on 1 interaction" in page
    # 6.1 -> 3.9 (+2) -> 6.3 (-1) costs 6.1 two points of second order; 6.3 keeps +2: start there.
    assert "Start with target 6.3" in page
    own = client.get(BASE, {"partner": "town-b"}).content.decode()
    assert "+1" in own and "+2*" not in own


@pytest.mark.django_db
def test_the_start_target_is_the_one_whose_effort_spreads_furthest(client, picked):
    world = picked
    # 6.1 -> 6.3 +2, 6.3 -> 3.9 +3: 6.1 drives 2 directly and 6 through 6.3; 6.3 drives 3.
    actions.interlink_scores_save(
        world["partnership"], municipality=world["a"], user=None, entries={("6.1", "6.3"): 2, ("6.3", "3.9"): 3}
    )
    client.force_login(world["citizen"])
    page = client.get(BASE).content.decode()
    assert "Start with target 6.1" in page
    assert "by +2 directly and by +6 through one intermediate target" in page


@pytest.mark.django_db
def test_a_score_outside_the_scale_or_for_a_partner_is_refused(client, picked):
    world = picked
    client.force_login(world["coordinator_b"])
    assert client.post(f"{BASE}town-a/", score_post({("6.3", "3.9"): 3})).status_code == 403
    response = client.post(f"{BASE}town-b/", score_post({("6.3", "3.9"): 5}))
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not InterlinkScore.objects.exists()
    with pytest.raises(actions.AssessmentError):
        actions.interlink_scores_save(
            world["partnership"], municipality=world["b"], user=None, entries={("6.3", "14.1"): 1}
        )


@pytest.mark.django_db
def test_removing_a_target_removes_its_scores(picked):
    world = picked
    actions.interlink_scores_save(
        world["partnership"], municipality=world["a"], user=None, entries={("6.1", "6.3"): 2, ("6.3", "3.9"): 3}
    )
    actions.interlink_targets_set(world["partnership"], {"6.3", "3.9"})
    assert list(selectors.interlink_scores(world["partnership"]).values()) == [{("6.3", "3.9"): 3}]


@pytest.mark.django_db
def test_the_matrix_page_keeps_its_query_count_as_scores_grow(client, picked):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    world = picked
    client.force_login(world["coordinator_a"])

    def measure() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(BASE).status_code == 200
        return len(queries)

    client.get(BASE)
    few = measure()
    for town in (world["a"], world["b"]):
        entries = {(a, b): 1 for a in ("6.1", "6.3", "3.9") for b in ("6.1", "6.3", "3.9") if a != b}
        actions.interlink_scores_save(world["partnership"], municipality=town, user=None, entries=entries)
    assert measure() == few <= 10
