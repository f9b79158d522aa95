"""The demo data, and the query budget of every assessment page at two data sizes."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from twinning.accounts.models import User
from twinning.assessment import actions, demo, selectors
from twinning.assessment.models import (
    ActionItem,
    Assessment,
    GapIdea,
    GroupRating,
    IndexScore,
    InventoryEntry,
    Rating,
    Round,
    Workshop,
    WorkshopParticipant,
)
from twinning.assessment.priorities import focus_goal, prioritised_goals
from twinning.foundation import demo as foundation_demo
from twinning.foundation.models import Partnership

BUDGET = 15


@pytest.fixture(autouse=True)
def _own_cache(settings):
    """A process-local cache: a Redis database shared by parallel test workers would let another
    worker warm or clear the goal list in the middle of a count."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "assessment-counts"}
    }


def round_of(slug: str, number: int) -> Round:
    return Round.objects.select_related("assessment").get(assessment__partnership__slug=slug, number=number)


@pytest.mark.django_db
def test_the_demo_has_lommel_and_ongwediva_with_five_gaps_then_a_round_that_closes_two():
    foundation_demo.seed(1)
    demo.seed(1)
    counts = (
        Assessment.objects.count(),
        Round.objects.count(),
        Rating.objects.count(),
        GapIdea.objects.count(),
        IndexScore.objects.count(),
        InventoryEntry.objects.count(),
        ActionItem.objects.count(),
        WorkshopParticipant.objects.count(),
        GroupRating.objects.count(),
    )
    demo.seed(1)  # idempotent
    assert (
        Assessment.objects.count(),
        Round.objects.count(),
        Rating.objects.count(),
        GapIdea.objects.count(),
        IndexScore.objects.count(),
        InventoryEntry.objects.count(),
        ActionItem.objects.count(),
        WorkshopParticipant.objects.count(),
        GroupRating.objects.count(),
    ) == counts

    first, second = round_of("lommel-ongwediva", 1), round_of("lommel-ongwediva", 2)
    assert selectors.round_result(selectors.ratings_of(first)).gaps == [5, 6, 7, 12, 14]
    assert selectors.round_result(selectors.ratings_of(second)).gaps == [7, 12, 14]
    groups = selectors.round_workshop_groups(second)
    assert [group.label for group in groups] == ["Workshop Lommel 12 March (demo)"]
    assert groups[0].levels == {5: "direct", 6: "direct", 7: "none", 12: "none", 14: "none"}
    assert selectors.round_result(selectors.ratings_of(second), groups).gaps == [7, 12, 14]
    assert {idea.goal for idea in GapIdea.objects.filter(round=first)} == {5, 6, 7, 12, 14}
    assert second.is_published and not first.is_published
    lo = Partnership.objects.get(slug="lommel-ongwediva")
    assert (focus_goal(lo, 2025), focus_goal(lo, 2026)) == (6, 5)
    assert 6 in prioritised_goals(lo) and 5 in prioritised_goals(lo)
    assert round_of("harelbeke-eenhana", 1).ratings.count() > 0
    assert round_of("bierbeek-ona", 1).ratings.count() > 0
    assert IndexScore.objects.filter(municipality__slug__in=["lommel", "ongwediva"]).count() == 34
    assert InventoryEntry.objects.filter(municipality__slug__in=["lommel", "ongwediva"], is_demo=True).count() == 6
    assert ActionItem.objects.filter(partnership=lo, is_demo=True).count() == 3
    assert ActionItem.objects.filter(partnership=lo, source_idea__isnull=False).count() == 2
    workshop = Workshop.objects.get(round__assessment__partnership=lo, is_demo=True)
    assert workshop.participants.count() == 3 and not workshop.is_open
    assert selectors.workshop_state(workshop).result.values[6] == pytest.approx(7 / 9)
    assert {t.code for t in selectors.interlink_targets(lo)} == {"4.7", "5.5", "6.3", "13.3"}
    assert len(selectors.interlink_scores(lo)) == 2


def pages(exercise: Assessment, last: int) -> dict[str, str]:
    base = "/en/partnerships/lommel-ongwediva/"
    rnd = f"{base}assessments/{exercise.pk}/rounds/{last}/"
    # Logged in: session, user, partnership, its members, roles (5); then per page, e.g. the round page:
    # assessment, round, ratings, the rating content type, their target links, the workshops, the
    # adopted workshop groups' ratings, ideas, the rounds list, goals (cold cache) (10).
    return {
        "list": f"{base}assessments/",
        "round": rnd,
        "rate": f"{rnd}rate/lommel/",
        "public": f"{rnd}public/",
        "compare": f"{base}assessments/{exercise.pk}/compare/",
        "csv": f"{rnd}export.csv",
        "edit": f"{base}assessments/{exercise.pk}/edit/",
        "index": f"{base}sdg-index/?strong=60&weak=45",
        "index edit": f"{base}sdg-index/lommel/",
        "priorities": f"{base}priorities/",
        "priorities edit": f"{base}priorities/edit/",
        "partnership": base,
        "inventory": f"{base}sdg-inventory/",
        "inventory edit": f"{base}sdg-inventory/lommel/6/",
        "action plan": f"{base}action-plan/",
        "action new": f"{base}action-plan/new/?idea={GapIdea.objects.filter(goal=5).first().pk}",
        "action edit": f"{base}action-plan/{ActionItem.objects.first().pk}/edit/",
        "workshop": f"{base}workshops/{Workshop.objects.get(is_demo=True).code}/",
        "interlinkages": f"{base}interlinkages/",
        "interlink score": f"{base}interlinkages/lommel/",
        "interlink targets": f"{base}interlinkages/targets/",
        "workshop live": f"{base}workshops/{Workshop.objects.get(is_demo=True).code}/live/",
    }


def count(client, url: str) -> int:
    cache.clear()  # cold goal list
    ContentType.objects.clear_cache()  # cold content types, as in a fresh process (ratings' target links)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def grow(exercise: Assessment, rounds: int) -> None:
    """More rounds full of ratings and ideas, more exercises: the pages must not notice."""
    towns = [m.municipality for m in exercise.partnership.memberships.select_related("municipality")]
    for _ in range(rounds):
        round_ = actions.round_start(exercise)
        round_.assessment = exercise
        for town in towns:
            entries = {
                goal: actions.RatingInput("direct" if goal % 2 else "none", "more", frozenset({f"{goal}.1"}))
                for goal in range(1, 18)
            }
            actions.ratings_save(round_, municipality=town, user=None, entries=entries)
            actions.idea_add(round_, goal=2, municipality=town, author=None, text="another idea")
        actions.round_publish(round_, publish=True)
    for _ in range(3):
        actions.assessment_start(partnership=exercise.partnership, scope="project", subject="Another project")
    workshop = actions.workshop_open(round_, user=None)
    for town in towns:
        for goal in range(1, 18):
            data = actions.InventoryInput(doing="more", more="more", evidence="https://example.org/a")
            InventoryEntry.objects.filter(municipality=town, goal=goal).delete()
            actions.inventory_save(municipality=town, goal=goal, expected_version=0, data=data, user=None)
        for index in range(10):
            actions.action_add(
                exercise.partnership, actions.ActionInput(f"Action {index}", town, date(2030, 1, 1), goal=3), user=None
            )
        for index in range(10):
            participant = actions.workshop_join(workshop, name=f"P{index}", municipality=town)
            actions.workshop_ratings_save(participant, dict.fromkeys(range(1, 18), "direct"))
    actions.workshop_close(actions.workshop_open(round_, user=None))  # a second, closed workshop
    adopted = round_.workshops.filter(closed_at__isnull=False).get()
    participant = WorkshopParticipant.objects.create(workshop=adopted, name="R", municipality=towns[0], token="r")
    participant.ratings.create(goal=4, level="direct")
    actions.workshop_adopt(adopted, label="Workshop in the last round", user=None)
    demo_workshop = Workshop.objects.get(is_demo=True)
    for index in range(10):
        participant = WorkshopParticipant.objects.create(
            workshop=demo_workshop, name=f"Q{index}", municipality=towns[0], token=f"t{index}"
        )
        participant.ratings.create(goal=3, level="strong")


@pytest.mark.django_db
def test_assessment_pages_stay_within_budget_with_2_and_with_20_rounds(client):
    foundation_demo.seed(1)
    demo.seed(1)
    exercise = Assessment.objects.get(partnership__slug="lommel-ongwediva", is_demo=True)
    client.force_login(User.objects.get(email="coordinator.lommel@example.org"))
    small = {name: count(client, url) for name, url in pages(exercise, 2).items()}
    grow(exercise, 18)
    assert exercise.rounds.count() == 20
    large = {name: count(client, url) for name, url in pages(exercise, 20).items()}
    for name in small:
        assert small[name] <= BUDGET, f"{name}: {small[name]} queries"
        assert large[name] == small[name], f"{name}: {small[name]} queries with 2 rounds, {large[name]} with 20"


@pytest.mark.django_db
def test_the_public_round_page_and_api_keep_their_query_count_for_visitors(client):
    foundation_demo.seed(1)
    demo.seed(1)
    exercise = Assessment.objects.get(partnership__slug="lommel-ongwediva", is_demo=True)
    url = f"/en/partnerships/lommel-ongwediva/assessments/{exercise.pk}/rounds/2/public/"
    small = (
        count(client, url),
        count(client, "/api/v1/assessment/rounds"),
        count(client, "/en/partnerships/lommel-ongwediva/"),
    )
    grow(exercise, 18)
    large = (
        count(client, url),
        count(client, "/api/v1/assessment/rounds"),
        count(client, "/en/partnerships/lommel-ongwediva/"),
    )
    assert max(small) <= BUDGET
    assert large == small
