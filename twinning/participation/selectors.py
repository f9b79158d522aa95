"""Reads of the participation app: lists, the results of a consultation and of a budget vote,
and the anonymised exports. Every read has a fixed number of queries whatever the number of
ballots: the database groups the ballots, the pure rules in ``tally`` and ``knapsack`` count."""

from __future__ import annotations

import csv
import io
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q

from twinning.foundation.models import Municipality, PartnershipMember
from twinning.participation import knapsack, pabulib, tally
from twinning.participation.models import (
    Argument,
    AuditEntry,
    Ballot,
    BallotChoice,
    BudgetProposal,
    Community,
    Consultation,
    DebateGroup,
    PaperReturn,
    Parliament,
    ProjectOption,
    ProposalComment,
    YouthDebate,
)
from twinning.participation.models import Proposal as CitizenProposal
from twinning.sdg.links import prefetch_links
from twinning.sdg.selectors import all_goals

TOP = 3


@dataclass
class GoalRow:
    goal: int
    online: int
    paper: int
    name: str = ""
    colour: str = "#19486A"

    @property
    def total(self) -> int:
        return self.online + self.paper


@dataclass
class Area:
    """The results of one municipality or one community."""

    name: str
    online_ballots: int = 0
    paper_ballots: int = 0
    priorities: list[GoalRow] = field(default_factory=list)
    worries: list[GoalRow] = field(default_factory=list)

    @property
    def ballots(self) -> int:
        return self.online_ballots + self.paper_ballots

    @property
    def top(self) -> list[int]:
        return tally.top_goals({row.goal: row.total for row in self.priorities}, TOP)

    @property
    def max_priority(self) -> int:
        return max((row.total for row in self.priorities), default=0)


@dataclass
class MunicipalityResults(Area):
    municipality: Municipality | None = None
    communities: list[Area] = field(default_factory=list)


@dataclass
class Results:
    consultation: Consultation
    municipalities: list[MunicipalityResults]
    proposals: list[CitizenProposal]
    overall: list[GoalRow]
    unit: str  # "votes" or "points"

    @property
    def top(self) -> list[int]:
        return tally.top_goals({row.goal: row.total for row in self.overall}, TOP)


def member_municipalities(partnership) -> dict[int, Municipality]:
    """The partnership's member municipalities by id, in one query: turns the municipality id a
    form posted (always one of the members offered) back into the municipality."""
    return {m.municipality_id: m.municipality for m in partnership.memberships.select_related("municipality")}


def consultations_of(partnership) -> list[Consultation]:
    return list(partnership.consultations.annotate(ballot_count=Count("ballots")).order_by("-created_at"))


def _rows(online: Counter, paper: Counter) -> list[GoalRow]:
    totals = tally.combine(online, paper)
    goals = {goal.number: goal for goal in all_goals()}
    return [
        GoalRow(
            number,
            online.get(number, 0),
            paper.get(number, 0),
            goals[number].short if number in goals else str(number),
            goals[number].colour if number in goals else "#19486A",
        )
        for number, _total in tally.ranking(totals)
    ]


def results(consultation: Consultation, *, include_hidden: bool = False) -> Results:
    """Six queries: members, communities, grouped choices, ballot counts, paper returns, proposals."""
    members = [
        m.municipality
        for m in PartnershipMember.objects.filter(partnership_id=consultation.partnership_id)
        .select_related("municipality")
        .order_by("order", "pk")
    ]
    communities = list(Community.objects.filter(consultation=consultation))
    grouped = (
        BallotChoice.objects.filter(ballot__consultation=consultation)
        .values_list("ballot__municipality_id", "ballot__community_id", "kind", "goal", "position")
        .annotate(n=Count("pk"))
        .order_by()
    )
    ballot_counts = (
        Ballot.objects.filter(consultation=consultation)
        .values_list("municipality_id", "community_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    papers = list(PaperReturn.objects.filter(consultation=consultation))
    proposals = CitizenProposal.objects.filter(consultation=consultation).select_related("community", "municipality")
    if not include_hidden:
        proposals = proposals.filter(hidden_reason="")

    ranked = consultation.method == Consultation.Method.RANKED
    positions: dict[tuple, Counter] = defaultdict(Counter)  # (municipality, community, kind) -> (goal, pos) -> n
    for municipality_id, community_id, kind, goal, position, n in grouped:
        positions[(municipality_id, community_id, kind)][(goal, position)] += n

    def online(municipality_id: int, community_ids: set, kind: str) -> Counter:
        merged: Counter = Counter()
        for (mid, cid, k), counts in positions.items():
            if mid == municipality_id and k == kind and cid in community_ids:
                merged.update(counts)
        if kind == BallotChoice.Kind.PRIORITY and ranked:
            return tally.borda_from_positions(merged, consultation.max_choices)
        return _by_goal(merged)

    online_ballots: Counter = Counter()
    for municipality_id, community_id, n in ballot_counts:
        online_ballots[(municipality_id, community_id)] += n
    paper_by_community = {p.community_id: p for p in papers}

    def paper(community_ids: set, kind: str) -> Counter:
        merged: Counter = Counter()
        for cid in community_ids:
            if cid in paper_by_community:
                merged.update({int(g): n for g, n in getattr(paper_by_community[cid], kind).items()})
        return merged

    kinds = {BallotChoice.Kind.PRIORITY: "priorities", BallotChoice.Kind.WORRY: "worries"}
    per_municipality: list[MunicipalityResults] = []
    overall_online: Counter = Counter()
    overall_paper: Counter = Counter()
    for municipality in members:
        own = [c for c in communities if c.municipality_id == municipality.pk]
        all_ids = {c.pk for c in own} | {None}
        area = MunicipalityResults(name=municipality.name, municipality=municipality)
        area.online_ballots = sum(n for (mid, _cid), n in online_ballots.items() if mid == municipality.pk)
        area.paper_ballots = sum(paper_by_community[c.pk].ballots for c in own if c.pk in paper_by_community)
        for kind, attribute in kinds.items():
            on, off = online(municipality.pk, all_ids, kind), paper(all_ids - {None}, attribute)
            setattr(area, attribute, _rows(on, off))
            if kind == BallotChoice.Kind.PRIORITY:
                overall_online.update(on)
                overall_paper.update(off)
        for community in own:
            sub = Area(name=community.name)
            sub.online_ballots = online_ballots.get((municipality.pk, community.pk), 0)
            sub.paper_ballots = paper_by_community[community.pk].ballots if community.pk in paper_by_community else 0
            for kind, attribute in kinds.items():
                setattr(
                    sub,
                    attribute,
                    _rows(online(municipality.pk, {community.pk}, kind), paper({community.pk}, attribute)),
                )
            area.communities.append(sub)
        per_municipality.append(area)
    return Results(
        consultation=consultation,
        municipalities=per_municipality,
        proposals=list(proposals),
        overall=_rows(overall_online, overall_paper),
        unit="points" if ranked else "votes",
    )


def _by_goal(position_counts: Counter) -> Counter:
    totals: Counter = Counter()
    for (goal, _position), n in position_counts.items():
        totals[goal] += n
    return totals


def ballots_csv(consultation: Consultation) -> str:
    """Every online ballot without identity (a random receipt, municipality, community, choices in
    order) and every paper return as its tallies, so anyone can recount. Two queries."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["source", "receipt", "municipality", "community", "priorities", "worries", "paper_ballots"])
    choices = Prefetch("choices", queryset=BallotChoice.objects.order_by("kind", "position", "goal"))
    ballots = (
        Ballot.objects.filter(consultation=consultation)
        .select_related("municipality", "community")
        .prefetch_related(choices)
        .order_by("receipt")
    )
    for ballot in ballots:
        priorities = [c.goal for c in ballot.choices.all() if c.kind == BallotChoice.Kind.PRIORITY]
        worries = [c.goal for c in ballot.choices.all() if c.kind == BallotChoice.Kind.WORRY]
        writer.writerow(
            [
                "online",
                ballot.receipt,
                ballot.municipality.name,
                ballot.community.name if ballot.community else "",
                " ".join(map(str, priorities)),
                " ".join(map(str, worries)),
                "",
            ]
        )
    for paper in PaperReturn.objects.filter(consultation=consultation).select_related("community__municipality"):
        writer.writerow(
            [
                "paper",
                "",
                paper.community.municipality.name,
                paper.community.name,
                " ".join(f"{g}:{n}" for g, n in sorted(paper.priorities.items(), key=lambda i: int(i[0]))),
                " ".join(f"{g}:{n}" for g, n in sorted(paper.worries.items(), key=lambda i: int(i[0]))),
                paper.ballots,
            ]
        )
    return out.getvalue()


def audit_of(partnership, limit: int = 50) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(partnership=partnership).select_related("actor")[:limit])


# --- Parliament ---------------------------------------------------------------------------


@dataclass
class BudgetResult:
    parliament: Parliament
    steps: list[knapsack.Step]
    proposals: dict[int, BudgetProposal]
    ballots: int

    @property
    def rows(self) -> list[tuple[knapsack.Step, BudgetProposal]]:
        return [(step, self.proposals[step.project.id]) for step in self.steps]

    @property
    def spent(self) -> int:
        return sum(step.project.cost for step in self.steps if step.funded)


def parliaments_of(partnership) -> list[Parliament]:
    return list(
        partnership.parliaments.annotate(proposal_count=Count("proposals", filter=Q(proposals__hidden_reason="")))
    )


def proposals_of(parliament: Parliament, *, include_hidden: bool = False) -> list[BudgetProposal]:
    queryset = parliament.proposals.select_related("municipality").annotate(
        comment_count=Count("comments", filter=Q(comments__hidden_reason=""))
    )
    if not include_hidden:
        queryset = queryset.filter(hidden_reason="")
    return list(queryset)


def members_of(parliament: Parliament) -> list:
    """The seated members with their person and municipality, in one query."""
    return list(parliament.members.select_related("municipality", "user"))


def localised_goals_of(parliament: Parliament) -> list:
    """Two queries: the goals and their SDG links."""
    return list(prefetch_links(parliament.localised_goals.all()))


def comments_of(proposal: BudgetProposal) -> list[ProposalComment]:
    return list(proposal.comments.filter(hidden_reason="").select_related("author"))


def budget_result(parliament: Parliament) -> BudgetResult:
    """Three queries: the projects with their vote counts, the ballot count (and the parliament)."""
    proposals = {
        p.pk: p
        for p in parliament.proposals.filter(hidden_reason="")
        .select_related("municipality")
        .annotate(votes=Count("ballots"))
    }
    projects = [knapsack.Project(pk, p.cost, p.votes) for pk, p in proposals.items()]
    return BudgetResult(
        parliament=parliament,
        steps=knapsack.greedy_winners(projects, parliament.budget),
        proposals=proposals,
        ballots=parliament.ballots.count(),
    )


def pabulib_file(parliament: Parliament) -> str:
    result = budget_result(parliament)
    through = parliament.ballots.model.projects.through
    votes: dict[int, list[int]] = defaultdict(list)
    for ballot_id, project_id in through.objects.filter(budgetballot__parliament=parliament).values_list(
        "budgetballot_id", "budgetproposal_id"
    ):
        votes[ballot_id].append(project_id)
    shuffled = list(votes.values())
    random.shuffle(shuffled)  # noqa: S311 (voter ids say nothing about the order of voting; no secret)
    funded = {step.project.id for step in result.steps if step.funded}
    meta = {
        "description": parliament.title,
        "country": " / ".join(str(m.municipality.country) for m in parliament.partnership.memberships.all()),
        "unit": str(parliament.partnership),
        "instance": parliament.closed_at.date().isoformat() if parliament.closed_at else "",
        "budget": parliament.budget,
        "currency": parliament.currency,
        "vote_type": "approval",
        "rule": "greedy",
        "min_length": parliament.min_projects,
        "max_length": parliament.max_projects or len(result.proposals),
        "max_sum_cost": parliament.budget if parliament.rule == Parliament.Rule.KNAPSACK else "",
    }
    projects = [
        pabulib.PabulibProject(pk, p.cost, p.votes, p.title, pk in funded) for pk, p in sorted(result.proposals.items())
    ]
    return pabulib.write(meta, projects, shuffled)


# --- Youth debate -------------------------------------------------------------------------


@dataclass
class DebateView:
    debate: YouthDebate
    groups: list[DebateGroup]
    options: list[ProjectOption]

    @property
    def votes(self) -> int:
        return sum(option.vote_count for option in self.options)


def debates_of(partnership) -> list[YouthDebate]:
    return list(partnership.youth_debates.annotate(group_count=Count("groups")))


def debate_view(debate: YouthDebate, *, include_hidden: bool = False) -> DebateView:
    """Three queries: the groups with their municipality, their arguments, the options with votes."""
    arguments = Argument.objects.order_by("pk")
    if not include_hidden:
        arguments = arguments.filter(hidden_reason="")
    groups = list(
        debate.groups.select_related("municipality").prefetch_related(Prefetch("arguments", queryset=arguments))
    )
    goals = {goal.number: goal for goal in all_goals()}
    for group in groups:
        group.goal_obj = goals.get(group.goal)
        group.pro = [a for a in group.arguments.all() if a.side == Argument.Side.FOR]
        group.contra = [a for a in group.arguments.all() if a.side == Argument.Side.AGAINST]
    options = list(debate.options.annotate(vote_count=Count("votes")).order_by("-vote_count", "pk"))
    return DebateView(debate=debate, groups=groups, options=options)
