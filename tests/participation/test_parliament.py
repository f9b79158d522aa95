"""The joint parliament: seats, project proposals with discussion and moderation, the budget
vote with knapsack rules, the computed result and the Pabulib export."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from tests.participation import builders
from twinning.participation import actions, pabulib
from twinning.participation.models import BudgetBallot, BudgetProposal, Phase, ProposalComment

pytestmark = pytest.mark.django_db


def url(name: str, parliament, **extra) -> str:
    return reverse(f"participation:{name}", kwargs={"slug": parliament.partnership.slug, "pk": parliament.pk, **extra})


def test_seats_are_limited_per_municipality(world):
    parliament = builders.parliament(world, seats_per_municipality=1)
    with pytest.raises(actions.ParticipationError, match="All seats of Lommeltown are taken."):
        actions.member_seat(parliament, actor=None, user=world["staff_a"], municipality=world["a"])
    actions.member_seat(parliament, actor=None, user=world["coordinator_b"], municipality=world["b"])


def test_coordinators_seat_a_member_by_e_mail(as_persona, world):
    parliament = builders.parliament(world)
    response = as_persona("coordinator_b").post(
        url("seat", parliament), {"email": world["staff_a"].email, "municipality": world["a"].pk}, follow=True
    )
    assert "The member is seated." in response.content.decode()
    response = as_persona("coordinator_b").post(
        url("seat", parliament), {"email": "nobody@example.org", "municipality": world["a"].pk}, follow=True
    )
    assert "Nobody has an account with this e-mail address yet." in response.content.decode()


def test_a_member_proposes_a_project_and_members_discuss_it(as_persona, world):
    parliament = builders.parliament(world)
    client = as_persona("citizen")
    response = client.post(
        url("budget_proposal_add", parliament),
        {"title": "Trees <script>x</script>", "description": "Plant 500 trees", "cost": 200, "goal": 15},
    )
    proposal = BudgetProposal.objects.get(title="Trees")
    assert response.status_code == 302
    response = client.post(url("budget_proposal", parliament, proposal_pk=proposal.pk), {"text": "Good idea"})
    assert response.status_code == 302
    assert ProposalComment.objects.get().text == "Good idea"


def test_a_project_costing_more_than_the_budget_is_refused_with_a_message(as_persona, world):
    parliament = builders.parliament(world)
    response = as_persona("citizen").post(
        url("budget_proposal_add", parliament), {"title": "Stadium", "description": "Big", "cost": 5000}
    )
    assert "A project cannot cost more than the whole budget." in response.content.decode()


def test_a_visitor_may_read_but_not_comment(client, world):
    parliament = builders.parliament(world)
    proposal = parliament.proposals.first()
    assert client.get(url("budget_proposal", parliament, proposal_pk=proposal.pk)).status_code == 200
    assert client.post(url("budget_proposal", parliament, proposal_pk=proposal.pk), {"text": "x"}).status_code == 403


def test_a_knapsack_ballot_over_the_budget_is_refused_and_a_valid_one_counts_once(as_persona, world):
    parliament = builders.parliament(world)
    ids = list(parliament.proposals.values_list("pk", flat=True))  # 600 + 500 > 1000
    client = as_persona("citizen")
    response = client.post(url("budget_vote", parliament), {"projects": ids})
    assert response.status_code == 400
    assert "Your projects cost more than the budget of 1000 EUR." in response.content.decode()
    assert client.post(url("budget_vote", parliament), {"projects": ids[:1]}).status_code == 302
    response = client.post(url("budget_vote", parliament), {"projects": ids[1:]})
    assert "You have already voted on this budget." in response.content.decode()
    assert BudgetBallot.objects.count() == 1


def test_the_minimum_share_and_number_of_projects_are_enforced(world):
    parliament = builders.parliament(world, min_share=80, min_projects=1, max_projects=1)
    small = parliament.proposals.get(cost=500)
    with pytest.raises(actions.ParticipationError, match="Spend at least 800 EUR"):
        actions.budget_ballot_cast(parliament, member=parliament.seat, project_ids=[small.pk])
    with pytest.raises(actions.ParticipationError, match="Choose at least 1 projects"):
        actions.budget_ballot_cast(parliament, member=parliament.seat, project_ids=[])


def test_the_result_funds_projects_by_votes_until_the_money_runs_out_and_exports_pabulib(client, world):
    parliament = builders.parliament(world, seat=("citizen", "a"))
    solar, well = parliament.proposals.get(cost=600), parliament.proposals.get(cost=500)
    second = actions.member_seat(parliament, actor=None, user=world["coordinator_b"], municipality=world["b"])
    third = actions.member_seat(parliament, actor=None, user=world["staff_a"], municipality=world["a"])
    actions.budget_ballot_cast(parliament, member=parliament.seat, project_ids=[solar.pk])
    actions.budget_ballot_cast(parliament, member=second, project_ids=[solar.pk])
    actions.budget_ballot_cast(parliament, member=third, project_ids=[well.pk])
    actions.parliament_set_phase(parliament, actor=None, phase=Phase.CLOSED)
    body = client.get(url("budget_results", parliament)).content.decode()
    # solar (2 votes, 600) funded, 400 left; the well (1 vote, 500) does not fit
    assert "3 members voted. 600 of 1000 EUR is allocated." in body
    assert "Does not fit in what is left" in body
    text = client.get(url("pabulib", parliament)).content.decode()
    parsed = pabulib.read(text)
    assert parsed["meta"]["budget"] == "1000" and parsed["meta"]["num_votes"] == "3"
    assert {p["project_id"]: p["selected"] for p in parsed["projects"]} == {str(solar.pk): "1", str(well.pk): "0"}
    assert sorted(v["vote"] for v in parsed["votes"]) == sorted([str(solar.pk), str(solar.pk), str(well.pk)])
    assert world["citizen"].email not in text


def test_coordinators_hide_a_project_with_a_reason(as_persona, world):
    parliament = builders.parliament(world)
    proposal = parliament.proposals.first()
    client = as_persona("coordinator_a")
    client.post(url("budget_proposal_hide", parliament, proposal_pk=proposal.pk), {"reason": "Duplicate"})
    assert "Hidden: Duplicate" in client.get(url("parliament", parliament)).content.decode()
    client.logout()
    assert client.get(url("budget_proposal", parliament, proposal_pk=proposal.pk)).status_code == 404


@pytest.mark.parametrize("members", [1, 8])
def test_budget_results_take_a_fixed_number_of_queries(client, world, members, django_assert_max_num_queries):
    parliament = builders.parliament(world, seat=None, phase=Phase.DRAFT, seats_per_municipality=10)

    for index in range(members):
        seat = actions.member_seat(parliament, actor=None, user=UserFactory(), municipality=world["a"])
        if index == 0:
            project = actions.budget_proposal_add(
                parliament, member=seat, title="P", description="D", cost=10, goal=None
            )
    actions.parliament_set_phase(parliament, actor=None, phase=Phase.OPEN)
    for seat in parliament.members.all():
        actions.budget_ballot_cast(parliament, member=seat, project_ids=[project.pk])
    actions.parliament_set_phase(parliament, actor=None, phase=Phase.CLOSED)
    with django_assert_max_num_queries(8):
        assert client.get(url("budget_results", parliament)).status_code == 200


def test_a_member_writes_a_localised_goal_mapped_to_official_sdgs(as_persona, world):
    parliament = builders.parliament(world)
    client = as_persona("citizen")
    response = client.post(
        url("localised_goal_add", parliament),
        {"title": "Interconnected <b>living</b>", "description": "All goals together", "sdgs_goals": ["13", "17"]},
    )
    assert response.status_code == 302
    goal = parliament.localised_goals.get()
    assert goal.title == "Interconnected living"
    assert sorted(goal.sdg_links.values_list("goal__number", flat=True)) == [13, 17]
    assert "Interconnected living" in client.get(url("parliament", parliament)).content.decode()


def test_a_localised_goal_needs_an_official_sdg(as_persona, world):
    parliament = builders.parliament(world)
    response = as_persona("citizen").post(url("localised_goal_add", parliament), {"title": "Ours"})
    assert response.status_code == 200
    assert "Choose at least one SDG." in response.content.decode()
    assert not parliament.localised_goals.exists()


def test_people_without_a_seat_may_not_write_localised_goals(as_persona, world):
    parliament = builders.parliament(world)
    assert as_persona("staff_a").get(url("localised_goal_add", parliament)).status_code == 403


@pytest.mark.parametrize("members", [1, 10])
def test_the_parliament_page_takes_a_fixed_number_of_queries(client, world, members, django_assert_max_num_queries):
    parliament = builders.parliament(world, seat=None, phase=Phase.OPEN, seats_per_municipality=10)
    for _index in range(members):
        actions.member_seat(parliament, actor=None, user=UserFactory(), municipality=world["a"])
    with django_assert_max_num_queries(12):
        response = client.get(url("parliament", parliament))
    assert response.status_code == 200
    assert len(response.context["members"]) == members
