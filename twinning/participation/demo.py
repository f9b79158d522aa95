"""Demo data of the participation app (every figure invented and marked as demo data).

* Herent and Nimlaha'kok: a closed SDG consultation. Nimlaha'kok consulted six communities on
  paper (as the publication tells), Herent online with ballot codes; climate (SDG 13) and
  education (SDG 4) come out on top, and Nimlaha'kok's "18th goal" is among the proposals.
* Lommel and Ongwediva: an open, ranked consultation.
* Herent and Nimlaha'kok: a joint parliament with project proposals and a finished budget vote.
* Herent and Nimlaha'kok: a youth debate of two classes (SDG 13 and SDG 4), closed with its vote.

Idempotent: a consultation or parliament with the same title in the partnership is left alone.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from twinning.foundation.models import Municipality, Partnership
from twinning.participation import actions
from twinning.participation.models import Consultation, Parliament, Phase
from twinning.sdg.links import SdgSelection

CLOSED_TITLE = "Which SDGs should our partnership prioritise? (demo)"
OPEN_TITLE = "Rank the SDGs for our next programme (demo)"
PARLIAMENT_TITLE = "Herent–Nimlaha'kok city-to-city parliament 2025 (demo)"
NIMLAHAKOK_COMMUNITIES = ["Chicuxab", "Sesaquiquib", "Chiquixji", "Pambach", "Saquijá", "Xalijá"]
HERENT_COMMUNITIES = ["Herent", "Veltem-Beisem", "Winksele"]
EIGHTEENTH_GOAL = "Interconnectedness of the 17 SDGs, expressed through the Mayan Cosmovision"

# Paper tallies per Nimlaha'kok community: ballots, priority votes, worries (invented).
PAPER = [
    (38, {13: 24, 4: 21, 2: 11, 6: 9, 3: 5}, {13: 26, 4: 15, 2: 12}),
    (45, {13: 29, 4: 27, 6: 12, 1: 10, 5: 4}, {13: 30, 4: 20, 6: 11}),
    (29, {4: 19, 13: 17, 2: 10, 15: 8}, {13: 18, 4: 16, 2: 9}),
    (52, {13: 33, 4: 30, 6: 17, 3: 11, 8: 6}, {13: 35, 6: 20, 4: 19}),
    (31, {4: 20, 13: 18, 15: 9, 2: 8, 5: 3}, {13: 21, 4: 14, 15: 8}),
    (40, {13: 26, 4: 23, 1: 12, 6: 10, 16: 5}, {13: 27, 4: 18, 1: 10}),
]
# Herent online ballots: (priorities, worries) patterns, repeated (invented).
HERENT_BALLOTS = [
    ([13, 4], [13]),
    ([13, 7], [13, 15]),
    ([4, 13], [4]),
    ([11, 13], [13]),
    ([4, 10], [10]),
    ([13, 12], [13, 12]),
]
PROJECTS = [
    (
        "School rainwater tanks in Sesaquiquib",
        "Tanks and gutters for two schools, built with parents.",
        8000,
        6,
        "nimlahakok",
    ),
    ("Climate class exchange", "Pupils of Herent and Nimlaha'kok follow the weather and compare.", 3000, 13, "herent"),
    ("Tree nursery for reforestation", "A community nursery of native trees for the hills.", 6000, 15, "nimlahakok"),
    ("Bilingual reading corners", "Books in Spanish and Q'eqchi' for three community schools.", 4000, 4, "nimlahakok"),
    (
        "Repair café in Herent",
        "Monthly repair café with a part of the proceeds to the partnership.",
        2500,
        12,
        "herent",
    ),
]
# Which projects each member chose (indices into PROJECTS); within 20000 EUR each (invented).
PARLIAMENT_BALLOTS = [[0, 2, 3], [0, 1, 3], [0, 2], [2, 3, 1], [0, 3, 4], [0, 2, 1]]


def _demo_member(email: str, name: str):
    user_model = get_user_model()
    user = user_model.objects.filter(email=email).first()
    if user is None:
        user = user_model.objects.create_user(email, settings.DEMO_PASSWORD, full_name=name, email_verified=True)
    return user


def _closed_consultation(partnership: Partnership, herent: Municipality, nimlahakok: Municipality, scale: int) -> None:
    if partnership.consultations.filter(title=CLOSED_TITLE).exists():
        return
    consultation = actions.consultation_create(
        partnership,
        actor=None,
        data={
            "title": CLOSED_TITLE,
            "question": "Which SDGs worry you, and which should Herent and Nimlaha'kok work on together? Choose two.",
            "method": Consultation.Method.APPROVAL,
            "max_choices": 2,
            "ask_worries": True,
            "allow_proposals": True,
        },
        communities={nimlahakok.pk: NIMLAHAKOK_COMMUNITIES, herent.pk: HERENT_COMMUNITIES},
        is_demo=True,
    )
    actions.consultation_set_phase(consultation, actor=None, phase=Phase.OPEN)
    herent_communities = list(consultation.communities.filter(municipality=herent))
    for index in range(len(HERENT_BALLOTS) * 4 * scale):
        priorities, worries = HERENT_BALLOTS[index % len(HERENT_BALLOTS)]
        community = herent_communities[index % len(herent_communities)]
        [code] = actions.codes_generate(consultation, actor=None, municipality=herent, community=community, count=1)
        proposal = "More cycle paths to school" if index == 3 else ""
        actions.ballot_cast(
            consultation, priorities=priorities, worries=worries, code=code, proposal=proposal, is_demo=True
        )
    for community, (ballots, priorities, worries) in zip(
        consultation.communities.filter(municipality=nimlahakok).order_by("pk"), PAPER, strict=True
    ):
        proposals = [EIGHTEENTH_GOAL] if community.name in {"Chicuxab", "Pambach"} else []
        actions.paper_return_save(
            community, actor=None, ballots=ballots, priorities=priorities, worries=worries, proposals=proposals
        )
    for proposal in consultation.proposals.all():
        eighteenth = proposal.text == EIGHTEENTH_GOAL
        actions.proposal_moderate(
            proposal,
            actor=None,
            hidden_reason="",
            group="18th goal: interconnectedness" if eighteenth else "Mobility",
            mapped_goal=17 if eighteenth else 11,
        )
    actions.consultation_set_phase(consultation, actor=None, phase=Phase.CLOSED)


def _open_consultation(partnership: Partnership, scale: int) -> None:
    if partnership.consultations.filter(title=OPEN_TITLE).exists():
        return
    consultation = actions.consultation_create(
        partnership,
        actor=None,
        data={
            "title": OPEN_TITLE,
            "question": "Put up to three SDGs in order: the first is the most important to you.",
            "method": Consultation.Method.RANKED,
            "max_choices": 3,
            "ask_worries": True,
            "allow_proposals": True,
        },
        is_demo=True,
    )
    actions.consultation_set_phase(consultation, actor=None, phase=Phase.OPEN)
    members = [m.municipality for m in partnership.memberships.select_related("municipality")]
    for index in range(6 * scale):
        [code] = actions.codes_generate(
            consultation, actor=None, municipality=members[index % 2], community=None, count=1
        )
        ranking = [[6, 13, 4], [4, 6], [13, 6, 5]][index % 3]
        actions.ballot_cast(consultation, priorities=ranking, code=code, is_demo=True)


def _parliament(partnership: Partnership, herent: Municipality, nimlahakok: Municipality) -> None:
    if partnership.parliaments.filter(title=PARLIAMENT_TITLE).exists():
        return
    parliament = actions.parliament_create(
        partnership,
        actor=None,
        data={
            "title": PARLIAMENT_TITLE,
            "seats_per_municipality": 3,
            "budget": 20000,
            "currency": "EUR",
            "rule": Parliament.Rule.KNAPSACK,
            "min_share": 50,
            "min_projects": 1,
            "max_projects": 3,
        },
        is_demo=True,
    )
    towns = {"herent": herent, "nimlahakok": nimlahakok}
    seats = []
    for number in range(1, 4):
        for slug, town in towns.items():
            user = _demo_member(f"parliament{number}.{slug}@example.org", f"Member {number} of {town.name} (demo)")
            seats.append(actions.member_seat(parliament, actor=None, user=user, municipality=town))
    projects = []
    for index, (title, description, cost, goal, slug) in enumerate(PROJECTS):
        author = next(seat for seat in seats[index % len(seats) :] + seats if seat.municipality.slug == slug)
        projects.append(
            actions.budget_proposal_add(
                parliament, member=author, title=title, description=description, cost=cost, goal=goal
            )
        )
    actions.comment_add(projects[0], author=seats[0].user, text="Herent's school could collect rainwater too.")
    actions.localised_goal_add(
        parliament,
        actor=None,
        title="Live in balance with Mother Earth and with each other",
        description="Our localised goal: the 17 SDGs are connected, as the Mayan Cosmovision teaches.",
        sdgs=SdgSelection(frozenset({13, 15, 17})),
    )
    actions.parliament_set_phase(parliament, actor=None, phase=Phase.OPEN)
    for seat, choice in zip(seats, PARLIAMENT_BALLOTS, strict=True):
        actions.budget_ballot_cast(parliament, member=seat, project_ids=[projects[i].pk for i in choice])
    actions.parliament_set_phase(parliament, actor=None, phase=Phase.CLOSED)


DEBATE_TITLE = "Youth debate: which project do our schools do together? (demo)"
ARGUMENTS = [
    # (group index, first name, side, text) - invented
    (0, "Lotte", "for", "Storms and floods hit both our towns; we can measure the rain together."),
    (0, "Wout", "against", "A weather station is expensive and someone must look after it."),
    (1, "Maria", "for", "If every child can read, everyone can learn about the climate too."),
    (1, "José", "against", "Our school has few books; we need them before we can share them."),
    (0, "Emma", "for", "Reading the same books lets us talk about them in video calls."),
]


def _youth_debate(partnership: Partnership, herent: Municipality, nimlahakok: Municipality) -> None:
    if partnership.youth_debates.filter(title=DEBATE_TITLE).exists():
        return
    debate, _codes = actions.debate_create(
        partnership,
        actor=None,
        title=DEBATE_TITLE,
        options=["A shared rain gauge and climate diary", "A bilingual book swap between the schools"],
        groups=[(herent, "6th year, Herent primary school", 13), (nimlahakok, "Sexto primaria, Chicuxab", 4)],
        is_demo=True,
    )
    actions.debate_set_phase(debate, actor=None, phase=Phase.OPEN)
    groups = list(debate.groups.order_by("pk"))
    options = list(debate.options.order_by("pk"))
    for index, first_name, side, text in ARGUMENTS:
        actions.argument_add(groups[index], first_name=first_name, side=side, text=text)
    for index, first_name, _side, _text in ARGUMENTS:
        actions.debate_vote_cast(groups[index], first_name=first_name, option_id=options[1 if index else index].pk)
    actions.debate_set_phase(debate, actor=None, phase=Phase.CLOSED)


@transaction.atomic
def seed(scale: int = 1) -> None:
    towns = {m.slug: m for m in Municipality.objects.filter(slug__in=["herent", "nimlahakok"])}
    partnerships = {p.slug: p for p in Partnership.objects.filter(slug__in=["herent-nimlahakok", "lommel-ongwediva"])}
    if len(towns) < 2 or len(partnerships) < 2:
        return  # the foundation's demo data is not there
    herent_nimlahakok = partnerships["herent-nimlahakok"]
    _closed_consultation(herent_nimlahakok, towns["herent"], towns["nimlahakok"], max(1, scale))
    _open_consultation(partnerships["lommel-ongwediva"], max(1, scale))
    _parliament(herent_nimlahakok, towns["herent"], towns["nimlahakok"])
    _youth_debate(herent_nimlahakok, towns["herent"], towns["nimlahakok"])
