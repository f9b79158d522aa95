"""Adopting a closed workshop into its round: the workshop group's level per SDG, computed by a
documented rule, counts in the round's wheel, agreement view and gap list beside the municipalities."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.factories import NASTY
from twinning.assessment import actions, combine, outcome, selectors
from twinning.assessment.models import GroupRating, Rating

LEVEL = st.sampled_from(combine.LEVELS)


def test_the_group_level_is_the_median_of_the_participants_levels():
    assert outcome.group_level(["direct", "direct", "strong"]) == "direct"
    assert outcome.group_level(["none", "strong", "indirect"]) == "indirect"
    assert outcome.group_level(["strong"]) == "strong"


def test_with_an_even_number_of_levels_the_lower_middle_one_is_taken():
    assert outcome.group_level(["strong", "indirect"]) == "indirect"
    assert outcome.group_level(["none", "direct", "strong", "strong"]) == "direct"


def test_a_trade_off_counts_only_when_a_strict_majority_says_negative():
    assert outcome.group_level(["negative", "negative", "strong"]) == "negative"
    assert outcome.group_level(["negative", "strong"]) == "strong"  # half is no majority
    assert outcome.group_level(["negative", "direct", "none", "strong", "negative"]) == "direct"


def test_goals_nobody_rated_have_no_outcome():
    assert outcome.group_level([]) is None
    assert outcome.workshop_outcome({6: ["strong"], 3: [], 1: ["none", "negative", "negative"]}) == {
        1: "negative",
        6: "strong",
    }


def test_an_unknown_level_is_refused():
    with pytest.raises(ValueError, match="unknown level"):
        outcome.group_level(["huge"])


@given(st.lists(LEVEL, min_size=1, max_size=30))
def test_the_adopted_level_is_always_one_of_the_levels_given(levels):
    assert outcome.group_level(levels) in levels


@given(st.lists(LEVEL, min_size=1, max_size=30))
def test_the_group_level_does_not_depend_on_the_order_of_the_participants(levels):
    assert outcome.group_level(levels) == outcome.group_level(sorted(levels)) == outcome.group_level(levels[::-1])


@given(st.lists(LEVEL, min_size=1, max_size=30))
def test_negative_exactly_when_more_than_half_say_negative(levels):
    majority = 2 * levels.count("negative") > len(levels)
    assert (outcome.group_level(levels) == "negative") == majority


@pytest.fixture
def workshop(world):
    exercise = actions.assessment_start(partnership=world["partnership"], scope="programme")
    round_ = exercise.rounds.get(number=1)
    round_.assessment = exercise
    actions.rating_set(round_, municipality=world["a"], user=None, goal=6, entry=actions.RatingInput("none"))
    actions.rating_set(round_, municipality=world["b"], user=None, goal=6, entry=actions.RatingInput("none"))
    workshop = actions.workshop_open(round_, user=world["coordinator_a"])
    for name, town, levels in [("Ana", "a", {6: "strong", 5: "negative"}), ("Ben", "b", {6: "direct", 5: "none"})]:
        participant = actions.workshop_join(workshop, name=name, municipality=world[town])
        actions.workshop_ratings_save(participant, levels)
    return workshop


def base(world) -> str:
    return f"/en/partnerships/{world['partnership'].slug}/"


@pytest.mark.django_db
def test_an_open_workshop_cannot_be_adopted(world, workshop):
    with pytest.raises(actions.AssessmentError, match="Close the workshop first"):
        actions.workshop_adopt(workshop, label="Workshop", user=None)
    assert not GroupRating.objects.exists()


@pytest.mark.django_db
def test_adopting_twice_adds_the_group_once_and_leaves_the_municipalities_ratings_alone(world, workshop):
    actions.workshop_close(workshop)
    before = list(Rating.objects.order_by("pk").values_list("municipality_id", "goal", "level"))
    assert actions.workshop_adopt(workshop, label="  Workshop   Lommel 12 March ", user=world["coordinator_a"])
    assert not actions.workshop_adopt(workshop, label="Another name", user=world["coordinator_a"])
    workshop.refresh_from_db()
    assert workshop.adopted_as == "Workshop Lommel 12 March"
    assert dict(GroupRating.objects.values_list("goal", "level")) == {5: "none", 6: "direct"}
    assert list(Rating.objects.order_by("pk").values_list("municipality_id", "goal", "level")) == before


@pytest.mark.django_db
def test_a_group_may_not_take_the_name_of_a_member_nor_an_empty_one(world, workshop):
    actions.workshop_close(workshop)
    with pytest.raises(actions.AssessmentError, match="not the name of a member"):
        actions.workshop_adopt(workshop, label="lommeltown", user=None)
    with pytest.raises(actions.AssessmentError, match="Name the workshop group"):
        actions.workshop_adopt(workshop, label="  ", user=None)
    assert not GroupRating.objects.exists()


@pytest.mark.django_db
def test_the_round_counts_the_workshop_group_as_one_more_rater(world, workshop):
    actions.workshop_close(workshop)
    actions.workshop_adopt(workshop, label="Workshop", user=None)
    round_ = workshop.round
    result = selectors.round_result(selectors.ratings_of(round_), selectors.round_workshop_groups(round_))
    assert result.values[6] == pytest.approx(2 / 9)  # none, none and the group's direct
    assert result.gaps == [5]  # the group says none, nobody more
    assert result.disagreements == [6]
    assert selectors.round_results([round_])[round_.pk][4].gap  # SDG 5


@pytest.mark.django_db
def test_a_coordinator_adopts_a_closed_workshop_and_the_round_page_shows_the_workshop_group(client, world, workshop):
    client.force_login(world["coordinator_b"])
    client.post(f"{base(world)}workshops/{workshop.code}/close/")
    page = client.get(f"{base(world)}workshops/{workshop.code}/").content.decode()
    assert "Outcome of the workshop" in page and "Adopt into the round" in page
    assert "SDG 6: Direct contribution" in page
    label = f"Workshop Lommel {NASTY}"
    response = client.post(f"{base(world)}workshops/{workshop.code}/adopt/", {"label": label})
    round_url = f"{base(world)}assessments/{workshop.round.assessment.pk}/rounds/1/"
    assert response["Location"] == round_url
    page = client.get(round_url).content.decode()
    assert "Workshop Lommel &lt;script&gt;" in page and NASTY not in page
    assert "(workshop group)" in page
    assert re.search(r"<title>6\. [^<]*: 22%</title>", page)
    again = client.post(f"{base(world)}workshops/{workshop.code}/adopt/", {"label": "Other"}, follow=True)
    assert "This workshop was already adopted into its round." in again.content.decode()
    assert GroupRating.objects.count() == 2


@pytest.mark.django_db
def test_adopting_an_open_workshop_or_without_a_name_shows_why_and_writes_nothing(client, world, workshop):
    client.force_login(world["coordinator_a"])
    url = f"{base(world)}workshops/{workshop.code}/adopt/"
    page = client.post(url, {"label": "Workshop"}, follow=True).content.decode()
    assert "Close the workshop first" in page
    actions.workshop_close(workshop)
    page = client.post(url, {"label": ""}, follow=True).content.decode()
    assert "This field is required." in page
    assert not GroupRating.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(("persona", "status"), [("staff_a", 403), ("citizen", 403)])
def test_only_coordinators_of_a_member_may_adopt(client, world, workshop, persona, status):
    actions.workshop_close(workshop)
    client.force_login(world[persona])
    response = client.post(f"{base(world)}workshops/{workshop.code}/adopt/", {"label": "Workshop"})
    assert response.status_code == status
    assert not GroupRating.objects.exists()
