"""Workshop mode: participants join with a code and no account, rate from their phones, and the
facilitator's live wheel combines their own rows."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.factories import NASTY
from twinning.assessment import actions, joincode, selectors
from twinning.assessment.models import WorkshopParticipant, WorkshopRating


def test_a_new_code_has_six_characters_without_look_alikes():
    code = joincode.new_code()
    assert len(code) == 6
    assert not set(code) & set("01ILO")


def test_codes_are_read_back_in_lower_case_and_with_spaces_or_dashes():
    assert joincode.normalise(" k7m-2qx ") == "K7M2QX"
    assert joincode.normalise("K7M 2QX") == "K7M2QX"
    assert joincode.normalise("K7M2Q") == ""  # too short
    assert joincode.normalise("K0M2QX") == ""  # 0 is never in a code


@given(st.text(alphabet=joincode.ALPHABET, min_size=6, max_size=6))
def test_every_code_survives_being_typed_in_lower_case_with_a_dash(code):
    assert joincode.normalise(code[:3].lower() + "-" + code[3:]) == code


@pytest.fixture
def workshop(world):
    exercise = actions.assessment_start(partnership=world["partnership"], scope="programme")
    round_ = exercise.rounds.get(number=1)
    round_.assessment = exercise
    return actions.workshop_open(round_, user=world["coordinator_a"])


def base(world) -> str:
    return f"/en/partnerships/{world['partnership'].slug}/"


def levels(**by_goal: str) -> dict:
    data = {f"level_{goal}": "" for goal in range(1, 18)}
    data.update({f"level_{goal.removeprefix('g')}": level for goal, level in by_goal.items()})
    return data


@pytest.mark.django_db
def test_a_coordinator_opens_a_workshop_from_the_round_and_sees_the_code_and_a_qr_code(client, world):
    exercise = actions.assessment_start(partnership=world["partnership"], scope="programme")
    client.force_login(world["coordinator_b"])
    response = client.post(f"{base(world)}assessments/{exercise.pk}/rounds/1/workshop/")
    workshop = exercise.rounds.get(number=1).workshops.get()
    assert response["Location"] == f"{base(world)}workshops/{workshop.code}/"
    page = client.get(response["Location"]).content.decode()
    assert workshop.code in page
    assert "<svg" in page and "QR code that opens http://testserver/en/workshop/" in page
    assert 'hx-trigger="every 3s"' in page


@pytest.mark.django_db
def test_staff_may_watch_but_not_open_a_workshop(client, world):
    exercise = actions.assessment_start(partnership=world["partnership"], scope="programme")
    client.force_login(world["staff_a"])
    assert client.post(f"{base(world)}assessments/{exercise.pk}/rounds/1/workshop/").status_code == 403
    assert not exercise.rounds.get().workshops.exists()


@pytest.mark.django_db
def test_a_participant_without_an_account_joins_with_the_code_and_her_rating_reaches_the_wheel(client, world, workshop):
    entered = client.get("/en/workshop/", {"code": workshop.code.lower()})
    assert entered["Location"] == f"/en/workshop/{workshop.code}/"
    joined = client.post(entered["Location"], {"name": f"Maria {NASTY}", "municipality": world["b"].pk})
    assert joined["Location"] == f"/en/workshop/{workshop.code}/rate/"
    form = client.get(joined["Location"]).content.decode()
    assert "6. " in form and "Save my ratings" in form
    saved = client.post(joined["Location"], levels(g6="strong", g4="direct"))
    assert saved.status_code == 302
    participant = WorkshopParticipant.objects.get()
    assert participant.municipality == world["b"]
    assert dict(participant.ratings.values_list("goal", "level")) == {4: "direct", 6: "strong"}

    client.logout()
    client.force_login(world["staff_a"])
    live = client.get(f"{base(world)}workshops/{workshop.code}/live/").content.decode()
    assert re.search(r"<title>6\. [^<]*: 100%</title>", live)
    assert re.search(r"<title>4\. [^<]*: 67%</title>", live)
    assert "1 participant joined" in live
    assert NASTY not in live and "Maria &lt;script&gt;" in live


@pytest.mark.django_db
def test_each_participant_keeps_her_own_rows_and_the_wheel_averages_them(world, workshop):
    one = actions.workshop_join(workshop, name="Ana", municipality=world["a"])
    two = actions.workshop_join(workshop, name="Ben", municipality=world["b"])
    actions.workshop_ratings_save(one, {6: "strong", 7: "none"})
    actions.workshop_ratings_save(two, {6: "none", 7: "none"})
    actions.workshop_ratings_save(one, {6: "strong", 7: None})  # Ana takes back SDG 7
    state = selectors.workshop_state(workshop)
    assert state.result.values[6] == 0.5
    assert state.result.disagreements == [6]
    assert state.result.gaps == [7]
    assert state.rated == 2
    assert WorkshopRating.objects.filter(participant=two).count() == 2


@pytest.mark.django_db
def test_a_wrong_code_gets_a_clear_message(client, world, workshop):
    response = client.get("/en/workshop/", {"code": "K0"})
    assert response.status_code == 200
    assert "A join code has six letters and digits." in response.content.decode()
    unknown = "ZZZZZZ" if workshop.code != "ZZZZZZ" else "YYYYYY"
    assert client.get(f"/en/workshop/{unknown}/").status_code == 404


@pytest.mark.django_db
def test_joining_without_a_name_is_refused_and_nobody_is_added(client, world, workshop):
    response = client.post(f"/en/workshop/{workshop.code}/", {"name": " ", "municipality": world["a"].pk})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not WorkshopParticipant.objects.exists()


@pytest.mark.django_db
def test_a_participant_cannot_rate_for_a_municipality_outside_the_partnership(client, world, workshop):
    response = client.post(f"/en/workshop/{workshop.code}/", {"name": "Eve", "municipality": world["c"].pk})
    assert response.status_code == 200
    assert not WorkshopParticipant.objects.exists()


@pytest.mark.django_db
def test_rating_without_joining_sends_back_to_the_join_form(client, world, workshop):
    response = client.post(f"/en/workshop/{workshop.code}/rate/", levels(g6="strong"))
    assert response["Location"] == f"/en/workshop/{workshop.code}/"
    assert not WorkshopRating.objects.exists()


@pytest.mark.django_db
def test_after_the_facilitator_closes_the_workshop_nobody_joins_or_rates(client, world, workshop):
    client.post(f"/en/workshop/{workshop.code}/", {"name": "Ana", "municipality": world["a"].pk})
    coordinator = client.__class__()
    coordinator.force_login(world["coordinator_a"])
    assert coordinator.post(f"{base(world)}workshops/{workshop.code}/close/").status_code == 302
    response = client.post(f"/en/workshop/{workshop.code}/rate/", levels(g6="strong"))
    assert response.status_code == 410
    assert "The workshop is closed." in response.content.decode()
    assert not WorkshopRating.objects.exists()
    participant = WorkshopParticipant.objects.get()
    with pytest.raises(actions.AssessmentError):
        actions.workshop_ratings_save(participant, {6: "strong"})


@pytest.mark.django_db
def test_the_live_wheel_keeps_its_query_count_as_participants_join(client, world, workshop):
    client.force_login(world["coordinator_a"])
    url = f"{base(world)}workshops/{workshop.code}/live/"
    client.get(url)  # warm the goal cache

    def measure() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    few = measure()
    for index in range(12):
        participant = actions.workshop_join(workshop, name=f"P{index}", municipality=world["a"])
        actions.workshop_ratings_save(participant, dict.fromkeys(range(1, 18), "direct"))
    # session, user, partnership with members, roles, workshop, participants, ratings
    assert measure() == few <= 10
