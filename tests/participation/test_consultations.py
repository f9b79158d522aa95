"""Consultation flows: creating, voting with an account or a ballot code, paper tallies,
results side by side, exports, moderation, adoption and the citizen's own data."""

from __future__ import annotations

import csv
import io

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from tests.participation import builders
from twinning.assessment.priorities import prioritised_goals
from twinning.participation import actions, codes
from twinning.participation.models import AuditEntry, Ballot, BallotCode, Consultation, PaperReturn, Phase, Proposal

pytestmark = pytest.mark.django_db


def url(name: str, consultation, **extra) -> str:
    return reverse(
        f"participation:{name}", kwargs={"slug": consultation.partnership.slug, "pk": consultation.pk, **extra}
    )


def test_coordinator_creates_a_consultation_in_both_municipalities_with_communities(as_persona, world):
    client = as_persona("coordinator_a")
    response = client.post(
        reverse("participation:create", kwargs={"slug": "a-b"}),
        {
            "title": "SDG consultation",
            "question": "Which goals?",
            "method": "approval",
            "max_choices": 2,
            "ask_worries": "on",
            "allow_proposals": "on",
            f"communities_{world['a'].pk}": "North\nSouth\n",
            f"communities_{world['b'].pk}": "Village",
        },
    )
    consultation = Consultation.objects.get()
    assert response.status_code == 302
    assert consultation.phase == Phase.DRAFT
    assert sorted(consultation.communities.values_list("name", flat=True)) == ["North", "South", "Village"]
    assert AuditEntry.objects.filter(actor=world["coordinator_a"], action="created").exists()


def test_staff_may_not_create_a_consultation(as_persona):
    assert as_persona("staff_a").get(reverse("participation:create", kwargs={"slug": "a-b"})).status_code == 403


def test_a_verified_citizen_votes_once_and_a_second_ballot_is_refused_with_a_message(as_persona, world):
    consultation = builders.consultation(world)
    client = as_persona("citizen")
    data = {"municipality": world["a"].pk, "priorities": ["13", "4"], "worries": ["13"], "proposal": "Cosmovision"}
    response = client.post(url("vote", consultation), data)
    assert response.status_code == 200
    assert "Thank you for voting" in response.content.decode()
    ballot = Ballot.objects.get()
    assert ballot.voter == world["citizen"]
    assert sorted(ballot.choices.values_list("kind", "goal")) == [("priority", 4), ("priority", 13), ("worry", 13)]
    response = client.post(url("vote", consultation), data)
    assert response.status_code == 400
    assert "You have already voted in this consultation" in response.content.decode()
    assert Ballot.objects.count() == 1


def test_too_many_goals_are_refused_with_a_message(as_persona, world):
    consultation = builders.consultation(world)
    response = as_persona("citizen").post(
        url("vote", consultation), {"municipality": world["a"].pk, "priorities": ["1", "2", "3"]}
    )
    assert response.status_code == 400
    assert "Choose at most 2 goals to prioritise." in response.content.decode()
    assert not Ballot.objects.exists()


def test_codes_are_printed_once_with_qr_codes_and_stored_only_as_hashes(as_persona, world):
    consultation = builders.consultation(world)
    response = as_persona("coordinator_b").post(
        url("codes", consultation), {"municipality": world["b"].pk, "community": "", "count": 3}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count("<svg") == 3
    printed = [line.split("<code>")[1].split("</code>")[0] for line in body.splitlines() if "<code>" in line]
    assert len(printed) == 3 and all(codes.looks_valid(code) for code in printed)
    stored = set(BallotCode.objects.values_list("code_hash", flat=True))
    assert stored == {codes.code_hash(code) for code in printed}
    assert not any(code in stored for code in printed)


def test_an_anonymous_citizen_votes_with_a_code_and_the_code_works_only_once(client, world):
    consultation = builders.consultation(world)
    community = consultation.communities.get(name="Village")
    [code] = actions.codes_generate(consultation, actor=None, municipality=world["b"], community=community, count=1)
    form = client.get(url("vote", consultation) + f"?code={code}")
    assert code in form.content.decode()
    response = client.post(url("vote", consultation), {"code": code.lower().replace("-", " "), "priorities": ["4"]})
    assert response.status_code == 200
    ballot = Ballot.objects.get()
    assert (ballot.voter, ballot.municipality, ballot.community) == (None, world["b"], community)
    response = client.post(url("vote", consultation), {"code": code, "priorities": ["13"]})
    assert "This ballot code has already been used." in response.content.decode()
    assert Ballot.objects.count() == 1


def test_an_unknown_code_is_refused_with_a_message(client, world):
    consultation = builders.consultation(world)
    response = client.post(url("vote", consultation), {"code": "AAAA-BBBB-CCCC", "priorities": ["4"]})
    assert "This ballot code is not valid for this consultation." in response.content.decode()
    response = client.post(url("vote", consultation), {"code": "short", "priorities": ["4"]})
    assert "A ballot code has 12 letters and digits" in response.content.decode()


def test_a_closed_consultation_accepts_nothing(client, world):
    consultation = builders.consultation(world)
    [code] = actions.codes_generate(consultation, actor=None, municipality=world["a"], community=None, count=1)
    actions.consultation_set_phase(consultation, actor=world["admin"], phase=Phase.CLOSED)
    response = client.post(url("vote", consultation), {"code": code, "priorities": ["4"]}, follow=True)
    assert "This consultation is not open for votes." in response.content.decode()
    with pytest.raises(actions.ClosedError):
        actions.ballot_cast(consultation, priorities=[4], code=code)
    community = consultation.communities.first()
    with pytest.raises(actions.ClosedError):
        actions.paper_return_save(community, actor=None, ballots=1, priorities={4: 1}, worries={})
    with pytest.raises(actions.ParticipationError):
        actions.consultation_set_phase(consultation, actor=world["admin"], phase=Phase.OPEN)
    assert not Ballot.objects.exists()


def test_the_database_refuses_a_second_ballot_of_the_same_person_or_code(world):
    consultation = builders.consultation(world)
    [code] = actions.codes_generate(consultation, actor=None, municipality=world["a"], community=None, count=1)
    code_row = BallotCode.objects.get()
    Ballot.objects.create(consultation=consultation, municipality=world["a"], voter=world["citizen"])
    with pytest.raises(IntegrityError), transaction.atomic():
        Ballot.objects.create(consultation=consultation, municipality=world["a"], voter=world["citizen"])
    Ballot.objects.create(consultation=consultation, municipality=world["a"], code=code_row)
    with pytest.raises(IntegrityError), transaction.atomic():
        Ballot.objects.create(consultation=consultation, municipality=world["a"], code=code_row)
    assert code


def test_staff_enter_paper_tallies_for_a_community_of_their_municipality(as_persona, world):
    consultation = builders.consultation(world)
    north = consultation.communities.get(name="North")
    client = as_persona("staff_a")
    response = client.post(
        url("paper", consultation, community_pk=north.pk),
        {"ballots": 40, "priority_13": 30, "priority_4": 25, "worry_13": 12, "proposals": "Mayan cosmovision\n"},
    )
    assert response.status_code == 302
    paper = PaperReturn.objects.get()
    assert (paper.ballots, paper.priorities, paper.worries) == (40, {"4": 25, "13": 30}, {"13": 12})
    assert Proposal.objects.get().from_paper


def test_impossible_paper_tallies_are_refused_and_nothing_is_saved(as_persona, world):
    consultation = builders.consultation(world)
    north = consultation.communities.get(name="North")
    response = as_persona("staff_a").post(
        url("paper", consultation, community_pk=north.pk), {"ballots": 10, "priority_13": 11, "proposals": "x"}
    )
    assert response.status_code == 400
    assert "A goal cannot have more votes than there are ballots." in response.content.decode()
    assert not PaperReturn.objects.exists() and not Proposal.objects.exists()


def test_the_partner_may_not_enter_our_paper_tallies(as_persona, world):
    consultation = builders.consultation(world)
    north = consultation.communities.get(name="North")
    assert as_persona("coordinator_b").get(url("paper", consultation, community_pk=north.pk)).status_code == 403


def _vote_in_bulk(consultation, world, count: int) -> None:
    for index in range(count):
        municipality = world["a"] if index % 2 else world["b"]
        [code] = actions.codes_generate(consultation, actor=None, municipality=municipality, community=None, count=1)
        actions.ballot_cast(consultation, priorities=[13, 4] if index % 3 else [4], worries=[13], code=code)


def test_closed_results_show_both_municipalities_side_by_side_with_paper_marked(client, world):
    consultation = builders.consultation(world)
    _vote_in_bulk(consultation, world, 6)
    village = consultation.communities.get(name="Village")
    actions.paper_return_save(village, actor=None, ballots=20, priorities={13: 15, 5: 3}, worries={13: 9})
    actions.consultation_set_phase(consultation, actor=None, phase=Phase.CLOSED)
    response = client.get(url("results", consultation))
    body = response.content.decode()
    assert response.status_code == 200
    assert body.index("Lommeltown") < body.index("Ongwetown")
    assert "3 online ballots, 20 on paper." in body  # B: 3 online, 20 paper
    assert "On paper" in body
    assert "Top goals across the partnership: 13, 4" in body


@pytest.mark.parametrize("ballots", [2, 20])
def test_results_page_takes_at_most_12_queries_whatever_the_number_of_ballots(
    client, world, ballots, django_assert_max_num_queries
):
    consultation = builders.consultation(world)
    _vote_in_bulk(consultation, world, ballots)
    actions.consultation_set_phase(consultation, actor=None, phase=Phase.CLOSED)
    consultation.proposals.create(municipality=world["a"], text="Own goal")
    client.get(url("results", consultation))  # warm the goal cache
    # session-less visitor: partnership, members (policy), consultation, members, communities,
    # grouped choices, ballot counts, paper returns, proposals
    with django_assert_max_num_queries(12):
        response = client.get(url("results", consultation))
    assert response.status_code == 200


def test_the_anonymised_export_lists_every_ballot_without_identity(client, world):
    consultation = builders.consultation(world)
    _vote_in_bulk(consultation, world, 3)
    actions.ballot_cast(consultation, priorities=[1], voter=world["citizen"], municipality=world["a"])
    actions.consultation_set_phase(consultation, actor=None, phase=Phase.CLOSED)
    text = client.get(url("export", consultation)).content.decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 4
    assert world["citizen"].email not in text
    assert {row["source"] for row in rows} == {"online"}
    receipts = {str(r) for r in Ballot.objects.values_list("receipt", flat=True)}
    assert {row["receipt"] for row in rows} == receipts


def test_results_are_hidden_until_closed_except_for_coordinators(as_persona, world):
    consultation = builders.consultation(world)
    assert as_persona("citizen").get(url("results", consultation)).status_code == 404


def test_coordinators_hide_a_proposal_with_a_reason_and_the_public_does_not_see_it(as_persona, world):
    consultation = builders.consultation(world)
    actions.ballot_cast(
        consultation, priorities=[13], voter=world["citizen"], municipality=world["a"], proposal="<b>Rude</b> text"
    )
    proposal = Proposal.objects.get()
    assert proposal.text == "Rude text"
    client = as_persona("coordinator_a")
    response = client.post(
        url("moderate", consultation, proposal_pk=proposal.pk),
        {"hidden_reason": "Insulting", "group": "", "mapped_goal": ""},
    )
    assert response.status_code == 302
    actions.consultation_set_phase(consultation, actor=None, phase=Phase.CLOSED)
    assert "Hidden: Insulting" in client.get(url("results", consultation)).content.decode()
    client.logout()
    assert "Rude text" not in client.get(url("results", consultation)).content.decode()


def test_coordinators_adopt_the_outcome_as_the_partnership_priorities(as_persona, world):
    consultation = builders.consultation(world, phase=Phase.CLOSED)
    response = as_persona("coordinator_b").post(url("adopt", consultation), {"goals": ["13", "4"]}, follow=True)
    assert "The partnership&#x27;s prioritised SDGs are now: 4, 13." in response.content.decode()
    assert prioritised_goals(world["partnership"]) == [4, 13]
    assert Consultation.objects.get(pk=consultation.pk).adopted_at is not None


def test_a_citizen_downloads_and_deletes_their_own_data(as_persona, world):
    consultation = builders.consultation(world)
    actions.ballot_cast(consultation, priorities=[13], voter=world["citizen"], municipality=world["a"])
    client = as_persona("citizen")
    data = client.get(reverse("participation:my_data") + "?format=json").json()
    assert data["ballots"][0]["choices"] == [{"kind": "priority", "goal": 13, "position": 1}]
    client.post(reverse("participation:my_data"))
    assert not Ballot.objects.exists()


def test_voting_is_rate_limited(client, world):
    consultation = builders.consultation(world)
    statuses = [
        client.post(url("vote", consultation), {"code": "x", "priorities": ["4"]}).status_code for _ in range(11)
    ]
    assert statuses[:10] == [400] * 10
    assert statuses[10] == 429


def test_ranked_consultations_count_with_borda(world):
    consultation = builders.consultation(world, method="ranked", max_choices=3)
    actions.ballot_cast(consultation, priorities=[13, 4, 6], voter=world["citizen"], municipality=world["a"])
    actions.ballot_cast(consultation, priorities=[4, 13], voter=world["staff_a"], municipality=world["a"])
    from twinning.participation.selectors import results

    outcome = results(consultation)
    # 13: 3 + 2 = 5; 4: 2 + 3 = 5; 6: 1
    assert [(row.goal, row.total) for row in outcome.overall] == [(4, 5), (13, 5), (6, 1)]
    assert outcome.unit == "points"
