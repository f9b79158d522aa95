"""The circle exercise through the pages: coordinators start it, each partner rates for itself,
the round page shows the combined wheel, agreement and gaps; ideas, rounds, comparison, publishing."""

from __future__ import annotations

import pytest

from tests.factories import NASTY, MembershipFactory
from twinning.assessment import actions
from twinning.assessment.models import Assessment, GapIdea, Rating, Round
from twinning.foundation.models import Role

GAPS = (5, 6, 7, 12, 14)


def rating_post(levels: dict[int, str], reason: str = "", targets: dict[int, str] | None = None) -> dict:
    data = {}
    for goal in range(1, 18):
        data[f"level_{goal}"] = levels.get(goal, "")
        data[f"reason_{goal}"] = reason if goal in levels else ""
        data[f"targets_{goal}"] = (targets or {}).get(goal, "")
    return data


def programme_levels(gap_level: str = "none") -> dict[int, str]:
    return {goal: (gap_level if goal in GAPS else "direct") for goal in range(1, 18)}


def as_entries(levels: dict[int, str]) -> dict[int, actions.RatingInput]:
    return {goal: actions.RatingInput(level) for goal, level in levels.items()}


@pytest.fixture
def exercise(world) -> Assessment:
    return actions.assessment_start(partnership=world["partnership"], scope="programme", user=world["coordinator_a"])


def url(world, exercise, number: int = 1, tail: str = "") -> str:
    return f"/en/partnerships/{world['partnership'].slug}/assessments/{exercise.pk}/rounds/{number}/{tail}"


@pytest.mark.django_db
def test_coordinator_starts_an_exercise_of_a_named_project_with_round_one(client, world):
    client.force_login(world["coordinator_b"])
    response = client.post(
        "/en/partnerships/a-b/assessments/new/", {"scope": "project", "subject": f"Youth exchange {NASTY}", "notes": ""}
    )
    assessment = Assessment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/partnerships/a-b/assessments/{assessment.pk}/rounds/1/"
    assert assessment.name == f"Youth exchange {NASTY}"
    assert list(assessment.rounds.values_list("number", flat=True)) == [1]
    body = client.get(response["Location"]).content.decode()
    assert NASTY not in body
    assert "Youth exchange &lt;script&gt;" in body


@pytest.mark.django_db
def test_a_project_exercise_needs_the_projects_name(client, world):
    client.force_login(world["coordinator_a"])
    response = client.post("/en/partnerships/a-b/assessments/new/", {"scope": "project", "subject": " "})
    assert response.status_code == 200
    assert "Name the project or activity that is assessed." in response.content.decode()
    assert not Assessment.objects.exists()


@pytest.mark.django_db
def test_staff_cannot_start_an_exercise(client, world):
    client.force_login(world["staff_a"])
    response = client.post("/en/partnerships/a-b/assessments/new/", {"scope": "programme"})
    assert response.status_code == 403
    assert not Assessment.objects.exists()


@pytest.mark.django_db
def test_two_partners_rating_at_once_keep_their_own_rows(client, world, exercise):
    """Both forms are opened, then both are saved: neither overwrites the other's ratings."""
    lommel, ongwediva = client, client.__class__()
    lommel.force_login(world["coordinator_a"])
    ongwediva.force_login(world["coordinator_b"])
    assert lommel.get(url(world, exercise, tail=f"rate/{world['a'].slug}/")).status_code == 200
    assert ongwediva.get(url(world, exercise, tail=f"rate/{world['b'].slug}/")).status_code == 200
    first = lommel.post(url(world, exercise, tail=f"rate/{world['a'].slug}/"), rating_post(programme_levels(), NASTY))
    second = ongwediva.post(url(world, exercise, tail=f"rate/{world['b'].slug}/"), rating_post(programme_levels()))
    assert first.status_code == second.status_code == 302
    assert Rating.objects.filter(municipality=world["a"]).count() == 17
    assert Rating.objects.filter(municipality=world["b"]).count() == 17
    assert Rating.objects.get(municipality=world["a"], goal=4).reason == NASTY

    page = lommel.get(url(world, exercise)).content.decode()
    for goal in GAPS:
        assert f"<h3>{goal}. " in page, goal  # each gap is listed
    assert "Combined contribution of the partners per SDG" in page
    assert NASTY not in page


@pytest.mark.django_db
def test_a_partner_coordinator_cannot_rate_for_our_municipality(client, world, exercise):
    client.force_login(world["coordinator_b"])
    response = client.post(url(world, exercise, tail=f"rate/{world['a'].slug}/"), rating_post({4: "strong"}))
    assert response.status_code == 403
    assert not Rating.objects.exists()


@pytest.mark.django_db
def test_a_citizen_sees_the_round_but_cannot_rate(client, world, exercise):
    client.force_login(world["citizen"])
    assert client.get(url(world, exercise)).status_code == 200
    assert (
        client.post(url(world, exercise, tail=f"rate/{world['a'].slug}/"), rating_post({4: "strong"})).status_code
        == 403
    )


@pytest.mark.django_db
def test_staff_rate_with_the_targets_concerned_and_wrong_targets_are_refused(client, world, exercise):
    client.force_login(world["staff_a"])
    bad = client.post(
        url(world, exercise, tail=f"rate/{world['a'].slug}/"), rating_post({6: "direct"}, targets={6: "7.1"})
    )
    assert bad.status_code == 200
    assert "SDG 6 has no target 7.1." in bad.content.decode()
    assert not Rating.objects.exists()
    good = client.post(
        url(world, exercise, tail=f"rate/{world['a'].slug}/"),
        rating_post({6: "direct"}, "Water", targets={6: "6.3, 6.1"}),
    )
    assert good.status_code == 302
    rating = Rating.objects.get()
    assert sorted(link.target.code for link in rating.sdg_links.all()) == ["6.1", "6.3"]
    assert "Targets: 6.1, 6.3" in client.get(url(world, exercise)).content.decode()


@pytest.mark.django_db
def test_the_agreement_view_flags_ratings_more_than_one_level_apart(client, world, exercise):
    round_ = exercise.rounds.get()
    actions.ratings_save(
        round_,
        municipality=world["a"],
        user=None,
        entries={4: actions.RatingInput("strong"), 8: actions.RatingInput("direct")},
    )
    actions.ratings_save(
        round_,
        municipality=world["b"],
        user=None,
        entries={4: actions.RatingInput("indirect"), 8: actions.RatingInput("strong")},
    )
    client.force_login(world["citizen"])
    body = client.get(url(world, exercise)).content.decode()
    body = body[body.index("Where the partners agree and differ") :]
    row_4 = body[body.index('<th scope="row">4. ') :]
    row_4 = row_4[: row_4.index("</tr>")]
    row_8 = body[body.index('<th scope="row">8. ') :]
    row_8 = row_8[: row_8.index("</tr>")]
    assert "Strong contribution" in row_4 and "Indirect contribution" in row_4
    assert "differ by more than one level" in row_4
    assert "67%" in row_4  # (1 + 1/3) / 2
    assert ">agree<" in row_8
    assert "83%" in row_8  # (2/3 + 1) / 2


@pytest.mark.django_db
def test_partners_record_ideas_for_a_gap(client, world, exercise):
    round_ = exercise.rounds.get()
    for town in ("a", "b"):
        actions.ratings_save(round_, municipality=world[town], user=None, entries={5: actions.RatingInput("none")})
    client.force_login(world["coordinator_b"])
    response = client.post(
        url(world, exercise, tail="ideas/"),
        {"goal": 5, "municipality": world["b"].pk, "text": f"Women councillors {NASTY}"},
    )
    assert response.status_code == 302
    idea = GapIdea.objects.get()
    assert (idea.goal, idea.municipality, idea.author) == (5, world["b"], world["coordinator_b"])
    body = client.get(url(world, exercise)).content.decode()
    assert "Women councillors &lt;script&gt;" in body


@pytest.mark.django_db
def test_an_idea_for_a_goal_that_is_no_gap_or_for_the_partners_municipality_is_refused(client, world, exercise):
    round_ = exercise.rounds.get()
    actions.ratings_save(
        round_,
        municipality=world["a"],
        user=None,
        entries={5: actions.RatingInput("none"), 4: actions.RatingInput("strong")},
    )
    client.force_login(world["coordinator_a"])
    client.post(url(world, exercise, tail="ideas/"), {"goal": 4, "municipality": world["a"].pk, "text": "x"})
    client.post(url(world, exercise, tail="ideas/"), {"goal": 5, "municipality": world["b"].pk, "text": "x"})
    assert not GapIdea.objects.exists()
    client.force_login(world["citizen"])
    assert (
        client.post(
            url(world, exercise, tail="ideas/"), {"goal": 5, "municipality": world["a"].pk, "text": "x"}
        ).status_code
        == 403
    )


@pytest.mark.django_db
def test_a_new_round_starts_empty_and_the_comparison_shows_what_moved(client, world, exercise):
    first = exercise.rounds.get()
    for town in ("a", "b"):
        actions.ratings_save(
            first,
            municipality=world[town],
            user=None,
            entries=as_entries(programme_levels()),
        )
    client.force_login(world["coordinator_a"])
    response = client.post(f"/en/partnerships/a-b/assessments/{exercise.pk}/rounds/new/")
    assert response["Location"] == url(world, exercise, 2)
    second = Round.objects.get(assessment=exercise, number=2)
    assert not second.ratings.exists()
    second.assessment = exercise
    closing = {**programme_levels(), 5: "direct", 6: "strong"}
    for town in ("a", "b"):
        actions.ratings_save(second, municipality=world[town], user=None, entries=as_entries(closing))
    body = client.get(f"/en/partnerships/a-b/assessments/{exercise.pk}/compare/?before=1&after=2").content.decode()
    assert "Combined result of round 1" in body and "Combined result of round 2" in body
    moved = body[body.index("SDGs that moved") :]
    assert '<th scope="row">5. ' in moved and '<th scope="row">6. ' in moved
    assert '<th scope="row">7. ' not in moved
    assert "0%</td><td>67%" in moved and "0%</td><td>100%" in moved
    assert client.get(f"/en/partnerships/a-b/assessments/{exercise.pk}/compare/?before=1&after=9").status_code == 404


@pytest.mark.django_db
def test_a_round_is_private_until_a_coordinator_publishes_it(client, world, exercise):
    round_ = exercise.rounds.get()
    for town in ("a", "b"):
        actions.ratings_save(
            round_,
            municipality=world[town],
            user=None,
            entries=as_entries(programme_levels()),
        )
    public_url = url(world, exercise, tail="public/")
    assert client.get(public_url).status_code == 404
    assert "Published SDG assessments" not in client.get("/en/partnerships/a-b/").content.decode()

    staff = client.__class__()
    staff.force_login(world["staff_a"])
    assert staff.post(url(world, exercise, tail="publish/"), {"publish": "1"}).status_code == 403
    coordinator = client.__class__()
    coordinator.force_login(world["coordinator_a"])
    assert coordinator.post(url(world, exercise, tail="publish/"), {"publish": "1"}).status_code == 302

    page = client.get(public_url)
    assert page.status_code == 200
    body = page.content.decode()
    assert "Combined contribution of the partners per SDG" in body
    assert "Gaps: SDGs nobody rates above no contribution" in body
    assert "Strong contribution" not in body  # only the combined result, not each partner's ratings
    assert public_url in client.get("/en/partnerships/a-b/").content.decode()

    coordinator.post(url(world, exercise, tail="publish/"), {"publish": "0"})
    assert client.get(public_url).status_code == 404


@pytest.mark.django_db
def test_two_coordinators_editing_the_notes_at_once_get_a_conflict_with_both_versions(client, world, exercise):
    edit = f"/en/partnerships/a-b/assessments/{exercise.pk}/edit/"
    first, second = client, client.__class__()
    first.force_login(world["coordinator_a"])
    second.force_login(world["coordinator_b"])
    form = {"scope": "programme", "subject": "", "version": exercise.version}
    assert first.post(edit, {**form, "notes": "Lommel's notes"}).status_code == 302
    response = second.post(edit, {**form, "notes": "Ongwediva's notes"})
    assert response.status_code == 409
    body = response.content.decode()
    assert "Lommel&#x27;s notes" in body  # theirs, in the conflict box
    assert "Ongwediva&#x27;s notes" in body  # mine, kept in the form
    exercise.refresh_from_db()
    assert exercise.notes == "Lommel's notes"
    assert second.post(edit, {**form, "version": exercise.version, "notes": "Joint notes"}).status_code == 302


@pytest.mark.django_db
def test_a_member_of_another_partnership_cannot_see_the_exercise(client, world, exercise):
    outsider = MembershipFactory(municipality=world["c"], role=Role.COORDINATOR).user
    client.force_login(outsider)
    assert client.get(url(world, exercise)).status_code == 404
    assert client.get("/en/partnerships/a-b/assessments/").status_code == 404
