"""The SDG index (self-scores, ranking, matching with thresholds) and the priorities."""

from __future__ import annotations

import pytest
from django.utils import timezone

from tests.factories import NASTY
from twinning.assessment import actions
from twinning.assessment.models import FocusGoal, IndexScore, Materiality
from twinning.assessment.priorities import focus_goal, prioritised_goals


def index_post(scores: dict[int, object], justification: str = "") -> dict:
    data = {}
    for goal in range(1, 18):
        data[f"score_{goal}"] = scores.get(goal, "")
        data[f"justification_{goal}"] = justification if goal in scores else ""
    return data


@pytest.mark.django_db
def test_a_municipality_scores_itself_with_a_justification(client, world):
    client.force_login(world["staff_a"])
    response = client.post(f"/en/partnerships/a-b/sdg-index/{world['a'].slug}/", index_post({6: 88, 13: 38}, NASTY))
    assert response.status_code == 302
    assert dict(IndexScore.objects.values_list("goal", "score")) == {6: 88, 13: 38}
    assert IndexScore.objects.get(goal=6).justification == NASTY


@pytest.mark.django_db
def test_scores_outside_0_to_100_are_rejected_with_a_clear_message(client, world):
    client.force_login(world["coordinator_a"])
    response = client.post(f"/en/partnerships/a-b/sdg-index/{world['a'].slug}/", index_post({6: 101, 7: -5, 8: 50}))
    assert response.status_code == 200
    body = response.content.decode()
    assert body.count("A score must lie between 0 and 100.") == 2
    assert not IndexScore.objects.exists()


@pytest.mark.django_db
def test_the_action_refuses_a_score_outside_the_range_too(world):
    with pytest.raises(actions.AssessmentError, match="SDG 6: A score must lie between 0 and 100; 130 is outside."):
        actions.index_scores_save(municipality=world["a"], user=None, entries={6: (130, "")})


@pytest.mark.django_db
def test_the_partner_cannot_score_for_us(client, world):
    client.force_login(world["coordinator_b"])
    response = client.post(f"/en/partnerships/a-b/sdg-index/{world['a'].slug}/", index_post({6: 10}))
    assert response.status_code == 403
    assert not IndexScore.objects.exists()


@pytest.mark.django_db
def test_the_index_page_ranks_each_municipality_and_explains_every_match(client, world):
    actions.index_scores_save(municipality=world["a"], user=None, entries={6: (88, ""), 13: (38, ""), 4: (85, "")})
    actions.index_scores_save(municipality=world["b"], user=None, entries={6: (30, ""), 13: (40, ""), 4: (58, "")})
    client.force_login(world["citizen"])
    body = client.get("/en/partnerships/a-b/sdg-index/").content.decode()
    assert "Lommeltown can share experience with Ongwetown on SDG 6: Lommeltown scores 88, Ongwetown scores 30." in body
    assert "SDG 13 is a joint priority: Lommeltown scores 38 and Ongwetown scores 40, both weak." in body
    assert "SDG 4" not in body[body.index("Peer learning") : body.index("Ranking per municipality")]
    ranking = body[body.index("Ranking per municipality") :]
    assert ranking.index("6. Clean water") < ranking.index("4. Quality education") < ranking.index("13. Climate")

    changed = client.get("/en/partnerships/a-b/sdg-index/?strong=80&weak=60").content.decode()
    assert "Lommeltown can share experience with Ongwetown on SDG 4" in changed


@pytest.mark.django_db
def test_thresholds_in_the_wrong_order_are_explained_and_the_defaults_apply(client, world):
    client.force_login(world["citizen"])
    body = client.get("/en/partnerships/a-b/sdg-index/?strong=30&weak=60").content.decode()
    assert "The weak threshold must be lower than the strong threshold." in body
    assert "Strong means a score of at least 70; weak means a score of at most 40." in body


def materiality_post(rows: dict[int, tuple[int, int, bool]]) -> dict:
    data = {}
    for goal in range(1, 18):
        impact, influence, prioritised = rows.get(goal, ("", "", False))
        data[f"impact_{goal}"] = impact
        data[f"influence_{goal}"] = influence
        if prioritised:
            data[f"prioritised_{goal}"] = "on"
    return data


@pytest.mark.django_db
def test_coordinators_prioritise_sdgs_from_the_materiality_matrix(client, world):
    client.force_login(world["coordinator_b"])
    response = client.post(
        "/en/partnerships/a-b/priorities/edit/", materiality_post({6: (5, 4, True), 5: (4, 4, True), 14: (1, 1, False)})
    )
    assert response.status_code == 302
    assert prioritised_goals(world["partnership"]) == [5, 6]
    body = client.get("/en/partnerships/a-b/priorities/").content.decode()
    assert '<svg class="assess-matrix"' in body
    table = body[body.index("Materiality per SDG, highest first") :]
    assert table.index("6. Clean water") < table.index("5. Gender") < table.index("14. Life below")
    assert "<td>20</td>" in table  # 5 x 4


@pytest.mark.django_db
def test_half_filled_rows_and_unscored_priorities_are_refused(client, world):
    client.force_login(world["coordinator_a"])
    data = materiality_post({6: (5, 4, True)})
    data["impact_7"] = 3
    data["prioritised_8"] = "on"
    body = client.post("/en/partnerships/a-b/priorities/edit/", data).content.decode()
    assert "Give both impact and influence, or neither." in body
    assert "Score impact and influence before prioritising an SDG." in body
    assert not Materiality.objects.exists()


@pytest.mark.django_db
def test_staff_cannot_set_priorities(client, world):
    client.force_login(world["staff_a"])
    assert client.post("/en/partnerships/a-b/priorities/edit/", materiality_post({6: (5, 4, True)})).status_code == 403
    assert client.post("/en/partnerships/a-b/priorities/focus/", {"year": 2026, "goal": 5}).status_code == 403
    assert not Materiality.objects.exists() and not FocusGoal.objects.exists()


@pytest.mark.django_db
def test_the_public_partnership_page_shows_the_priorities_and_this_years_focus(client, world):
    coordinator = client.__class__()
    coordinator.force_login(world["coordinator_a"])
    this_year = timezone.localdate().year
    coordinator.post("/en/partnerships/a-b/priorities/focus/", {"year": this_year, "goal": 6})
    coordinator.post("/en/partnerships/a-b/priorities/focus/", {"year": this_year + 1, "goal": 5})
    actions.materiality_save(world["partnership"], {13: (4, 4, True), 2: (2, 2, False)})
    assert focus_goal(world["partnership"], this_year) == 6
    body = client.get("/en/partnerships/a-b/").content.decode()
    panel = body[body.index("<h2>Priorities</h2>") :]
    assert f"Focus SDG of {this_year}:" in panel and "6. Clean water and sanitation" in panel
    assert 'aria-label="Goal 13: Climate action"' in panel
    assert 'aria-label="Goal 2:' not in panel[: panel.index("</section>")]
    assert "/priorities/" not in body  # the materiality scores are for members only

    coordinator.post("/en/partnerships/a-b/priorities/focus/", {"year": this_year, "goal": ""})
    assert focus_goal(world["partnership"], this_year) is None


@pytest.mark.django_db
def test_prioritised_goals_is_the_seam_for_the_programme_feature(world, django_assert_num_queries):
    actions.materiality_save(world["partnership"], {17: (5, 5, True), 4: (5, 5, True), 9: (1, 1, False)})
    with django_assert_num_queries(1):
        assert prioritised_goals(world["partnership"]) == [4, 17]
    assert prioritised_goals(world["private"]) == []


@pytest.mark.django_db
def test_index_page_shows_goal_scores_computed_from_the_local_indicators(client):
    from twinning.foundation import demo as foundation_demo
    from twinning.indicators import demo as indicators_demo

    foundation_demo.seed()
    indicators_demo.seed()
    from twinning.accounts.models import User

    client.force_login(User.objects.get(email="coordinator.lommel@example.org"))
    body = client.get("/en/partnerships/lommel-ongwediva/sdg-index/").content.decode()
    assert "Computed from the local indicators" in body
    assert "as the SDSN SDG Index does" in body
    from twinning.foundation.models import Partnership
    from twinning.indicators.selectors import partnership_scores

    scores = partnership_scores(Partnership.objects.get(slug="lommel-ongwediva"))
    some_municipality, per_goal = next(iter(scores.items()))
    goal, score = next(iter(sorted(per_goal.items())))
    assert f"<td>{score:.0f}</td>" in body
