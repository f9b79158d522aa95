"""Consultations and parliaments for the participation tests and the permission matrix."""

from __future__ import annotations

from twinning.participation import actions
from twinning.participation.models import Phase

SETTINGS = {
    "title": "Which SDGs matter to you? <script>alert(1)</script>",
    "question": "Pick the goals our partnership should work on.",
    "method": "approval",
    "max_choices": 2,
    "ask_worries": True,
    "allow_proposals": True,
}


def consultation(world, *, phase: str = Phase.OPEN, partnership=None, **overrides):
    partnership = partnership or world["partnership"]
    members = list(partnership.memberships.values_list("municipality_id", flat=True))
    made = actions.consultation_create(
        partnership,
        actor=world["admin"],
        data={**SETTINGS, **overrides},
        communities={members[0]: ["North", "South"], members[1]: ["Village"]},
    )
    if phase in (Phase.OPEN, Phase.CLOSED):
        actions.consultation_set_phase(made, actor=world["admin"], phase=Phase.OPEN)
    if phase == Phase.CLOSED:
        actions.consultation_set_phase(made, actor=world["admin"], phase=Phase.CLOSED)
    return made


PARLIAMENT = {
    "title": "Joint parliament",
    "seats_per_municipality": 5,
    "budget": 1000,
    "currency": "EUR",
    "rule": "knapsack",
    "min_share": 0,
    "min_projects": 0,
    "max_projects": None,
}


def parliament(world, *, phase: str = Phase.OPEN, partnership=None, seat=("citizen", "a"), **overrides):
    partnership = partnership or world["partnership"]
    made = actions.parliament_create(partnership, actor=world["admin"], data={**PARLIAMENT, **overrides})
    member = None
    if seat:
        member = actions.member_seat(made, actor=world["admin"], user=world[seat[0]], municipality=world[seat[1]])
        actions.budget_proposal_add(
            made, member=member, title="Solar panels", description="On the school", cost=600, goal=7
        )
        actions.budget_proposal_add(
            made, member=member, title="Water well", description="In the village", cost=500, goal=6
        )
    if phase in (Phase.OPEN, Phase.CLOSED):
        actions.parliament_set_phase(made, actor=world["admin"], phase=Phase.OPEN)
    if phase == Phase.CLOSED:
        actions.parliament_set_phase(made, actor=world["admin"], phase=Phase.CLOSED)
    made.seat = member
    return made


def debate(world, *, phase: str = Phase.OPEN, partnership=None):
    """A youth debate with a class in A (SDG 13) and in B (SDG 4); returns it and the group codes."""
    partnership = partnership or world["partnership"]
    members = [m.municipality for m in partnership.memberships.select_related("municipality").order_by("order")]
    made, codes = actions.debate_create(
        partnership,
        actor=world["admin"],
        title="Which project do we do together?",
        options=["School garden", "Rain water tanks"],
        groups=[(members[0], "6A", 13), (members[1], "Grade 7", 4)],
    )
    if phase in (Phase.OPEN, Phase.CLOSED):
        actions.debate_set_phase(made, actor=world["admin"], phase=Phase.OPEN)
    if phase == Phase.CLOSED:
        actions.debate_set_phase(made, actor=world["admin"], phase=Phase.CLOSED)
    made.codes = {made.groups.get(pk=pk).municipality_id: code for pk, code in codes.items()}
    return made
