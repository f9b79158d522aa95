"""Writes of the participation app: consultations, ballot codes, ballots, paper tallies,
proposals and moderation, the parliament and its budget vote.

Each function validates before it writes (raising ``ParticipationError`` or ``ValidationError``
with translated messages) and runs in one transaction. Permission checks happen before, in the
policy module. One ballot per person or code is enforced by unique constraints: a second ballot
raises ``IntegrityError`` inside the transaction, which ``ballot_cast`` turns into
``DuplicateBallot``.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from twinning.foundation import policy
from twinning.foundation.models import Municipality, Partnership
from twinning.participation import codes as ballot_codes
from twinning.participation import knapsack, sanitise
from twinning.participation.models import (
    Argument,
    AuditEntry,
    Ballot,
    BallotChoice,
    BallotCode,
    BudgetBallot,
    BudgetProposal,
    Community,
    Consultation,
    DebateGroup,
    DebateVote,
    LocalisedGoal,
    PaperReturn,
    Parliament,
    ParliamentMember,
    Phase,
    ProjectOption,
    Proposal,
    ProposalComment,
    YouthDebate,
)
from twinning.sdg.links import SdgSelection, set_links

MAX_CODES_PER_BATCH = 500


class ParticipationError(Exception):
    """A rule of the consultation or vote refuses the write; the message is shown to the user."""


class DuplicateBallot(ParticipationError):
    pass


class ClosedError(ParticipationError):
    pass


def _audit(partnership: Partnership, actor, subject: str, action: str) -> None:
    AuditEntry.objects.create(partnership=partnership, actor=actor, subject=subject[:200], action=action[:200])


def _phase_for_ballot(model, pk: int) -> str:
    """The phase, read for a ballot. On PostgreSQL the row is read ``FOR KEY SHARE`` until the
    ballot commits: voters do not block each other, but closing (``SELECT ... FOR UPDATE``)
    waits for the ballots in flight, and a ballot arriving during a close waits and then reads
    "closed". (The foreign key alone is no such lock: Django makes it deferred, checked at commit.)
    SQLite serialises every write, so a plain read is enough there."""
    if connection.vendor == "postgresql":
        table = connection.ops.quote_name(model._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT phase FROM {table} WHERE id = %s FOR KEY SHARE", [pk])  # noqa: S608 (our table name)
            row = cursor.fetchone()
        return row[0] if row else ""
    return model.objects.filter(pk=pk).values_list("phase", flat=True).first() or ""


def _check_goals(goals: Sequence[int]) -> None:
    if any(not 1 <= goal <= 17 for goal in goals) or len(set(goals)) != len(goals):
        raise ParticipationError(_("Choose each goal once, among the 17 SDGs."))


# --- Consultations ------------------------------------------------------------------------


@transaction.atomic
def consultation_create(
    partnership: Partnership,
    *,
    actor,
    data: dict,
    communities: dict[int, list[str]] | None = None,
    is_demo: bool = False,
) -> Consultation:
    """One consultation run in every member municipality at once, optionally split into communities."""
    fields = ["title", "question", "method", "max_choices", "ask_worries", "allow_proposals"]
    consultation = Consultation.objects.create(partnership=partnership, is_demo=is_demo, **{k: data[k] for k in fields})
    members = policy.member_ids(partnership)
    for municipality_id, names in (communities or {}).items():
        if municipality_id not in members:
            raise ParticipationError(_("Communities belong to a member municipality of the partnership."))
        Community.objects.bulk_create(
            [
                Community(consultation=consultation, municipality_id=municipality_id, name=name)
                for name in dict.fromkeys(names)
            ]
        )
    _audit(partnership, actor, consultation.title, "created")
    return consultation


PHASE_STEPS = {Phase.DRAFT: {Phase.OPEN}, Phase.OPEN: {Phase.CLOSED}, Phase.CLOSED: set()}


def _advance_phase(obj, *, actor, phase: str, refusal: str):
    """draft -> open -> closed under a row lock (see ``_phase_for_ballot``); a closed one stays closed."""
    locked = type(obj).objects.select_for_update().get(pk=obj.pk)
    if phase not in PHASE_STEPS[locked.phase]:
        raise ParticipationError(refusal)
    fields = ["phase"]
    locked.phase = obj.phase = phase
    if hasattr(locked, "closed_at"):
        locked.closed_at = obj.closed_at = timezone.now() if phase == Phase.CLOSED else None
        fields.append("closed_at")
    locked.save(update_fields=fields)
    _audit(locked.partnership, actor, locked.title, f"phase {phase}")
    return obj


@transaction.atomic
def consultation_set_phase(consultation: Consultation, *, actor, phase: str) -> Consultation:
    return _advance_phase(
        consultation,
        actor=actor,
        phase=phase,
        refusal=_("A consultation goes from draft to open to closed, and a closed one stays closed."),
    )


@transaction.atomic
def codes_generate(
    consultation: Consultation, *, actor, municipality: Municipality, community: Community | None, count: int
) -> list[str]:
    """A new batch of one-time codes; the plain codes are returned once (for the printed sheet)
    and only their hashes are stored."""
    if not 1 <= count <= MAX_CODES_PER_BATCH:
        raise ParticipationError(_("Generate between 1 and %(max)s codes at a time.") % {"max": MAX_CODES_PER_BATCH})
    if consultation.phase == Phase.CLOSED:
        raise ClosedError(_("This consultation is closed."))
    if municipality.pk not in policy.member_ids(consultation.partnership):
        raise ParticipationError(_("Choose a member municipality of the partnership."))
    if community is not None and community.municipality_id != municipality.pk:
        raise ParticipationError(_("The community belongs to another municipality."))
    batch = (consultation.codes.order_by("-batch").values_list("batch", flat=True).first() or 0) + 1
    plain = list({ballot_codes.new_code() for _ in range(count)})
    BallotCode.objects.bulk_create(
        [
            BallotCode(
                consultation=consultation,
                municipality=municipality,
                community=community,
                batch=batch,
                code_hash=ballot_codes.code_hash(code),
            )
            for code in plain
        ]
    )
    _audit(consultation.partnership, actor, consultation.title, f"{len(plain)} codes generated (batch {batch})")
    return plain


def _check_ballot(consultation: Consultation, priorities: Sequence[int], worries: Sequence[int]) -> None:
    if not priorities:
        raise ParticipationError(_("Choose at least one goal to prioritise."))
    if len(priorities) > consultation.max_choices:
        raise ParticipationError(
            _("Choose at most %(count)s goals to prioritise.") % {"count": consultation.max_choices}
        )
    _check_goals(priorities)
    _check_goals(worries)
    if worries and not consultation.ask_worries:
        raise ParticipationError(_("This consultation does not ask about worries."))


@transaction.atomic
def ballot_cast(
    consultation: Consultation,
    *,
    priorities: Sequence[int],
    worries: Sequence[int] = (),
    proposal: str = "",
    voter=None,
    code: str = "",
    municipality: Municipality | None = None,
    community: Community | None = None,
    is_demo: bool = False,
) -> Ballot:
    """Casts one ballot by a verified account (``voter``) or a one-time ``code``.

    The phase is read under a key-share lock (``_phase_for_ballot``), so no ballot slips in
    after a close; the database refuses a second ballot of the same person or code (unique
    constraints), also when two arrive at the same moment.
    """
    if _phase_for_ballot(Consultation, consultation.pk) != Phase.OPEN:
        raise ClosedError(_("This consultation is not open for votes."))
    _check_ballot(consultation, priorities, worries)
    ballot_code = None
    if code:
        ballot_code = (
            BallotCode.objects.filter(consultation=consultation, code_hash=ballot_codes.code_hash(code))
            .select_related("community")
            .first()
        )
        if ballot_code is None:
            raise ParticipationError(_("This ballot code is not valid for this consultation. Check it and try again."))
        municipality, community = ballot_code.municipality, ballot_code.community
    elif voter is None or not voter.is_authenticated:
        raise ParticipationError(_("Sign in with a verified account or use a ballot code to vote."))
    elif not getattr(voter, "email_verified", False):
        raise ParticipationError(_("Verify your e-mail address before you vote, or use a ballot code."))
    if municipality is None or municipality.pk not in policy.member_ids(consultation.partnership):
        raise ParticipationError(_("Choose the municipality you live in."))
    if community is not None and (
        community.consultation_id != consultation.pk or community.municipality_id != municipality.pk
    ):
        raise ParticipationError(_("Choose a community of your municipality."))
    text = sanitise.plain_text(proposal, 300)
    if text and not consultation.allow_proposals:
        raise ParticipationError(_("This consultation does not take proposals."))
    try:
        with transaction.atomic():
            ballot = Ballot.objects.create(
                consultation=consultation,
                municipality=municipality,
                community=community,
                voter=None if ballot_code else voter,
                code=ballot_code,
                is_demo=is_demo,
            )
    except IntegrityError as exc:
        if ballot_code is not None:
            raise DuplicateBallot(_("This ballot code has already been used. Each code votes once.")) from exc
        raise DuplicateBallot(_("You have already voted in this consultation. Each person votes once.")) from exc
    rows = [
        BallotChoice(ballot=ballot, kind=BallotChoice.Kind.PRIORITY, goal=g, position=i)
        for i, g in enumerate(priorities, 1)
    ]
    rows += [BallotChoice(ballot=ballot, kind=BallotChoice.Kind.WORRY, goal=g) for g in worries]
    BallotChoice.objects.bulk_create(rows)
    if text:
        Proposal.objects.create(consultation=consultation, municipality=municipality, community=community, text=text)
    return ballot


def _counts(values: dict[int, int], field: str) -> dict[str, int]:
    for goal, count in values.items():
        if not 1 <= goal <= 17:
            raise ParticipationError(_("Tallies are per SDG, 1 to 17."))
        if count < 0:
            raise ParticipationError(_("Tallies cannot be negative."))
    return {str(goal): count for goal, count in sorted(values.items()) if count}


@transaction.atomic
def paper_return_save(
    community: Community,
    *,
    actor,
    ballots: int,
    priorities: dict[int, int],
    worries: dict[int, int],
    proposals: Sequence[str] = (),
) -> PaperReturn:
    """The tallies of a community's paper ballots; saving again replaces them."""
    consultation = Consultation.objects.select_for_update().get(pk=community.consultation_id)
    if consultation.phase == Phase.CLOSED:
        raise ClosedError(_("This consultation is closed: its tallies can no longer change."))
    if consultation.method != Consultation.Method.APPROVAL:
        raise ParticipationError(
            _("Paper tallies count votes per goal, so they fit consultations where citizens pick goals.")
        )
    priority_counts, worry_counts = _counts(priorities, "priorities"), _counts(worries, "worries")
    limit = ballots * consultation.max_choices
    if sum(priority_counts.values()) > limit:
        raise ParticipationError(
            _("%(ballots)s ballots give at most %(limit)s priority votes: check the tallies.")
            % {"ballots": ballots, "limit": limit}
        )
    if any(count > ballots for count in (*priority_counts.values(), *worry_counts.values())):
        raise ParticipationError(_("A goal cannot have more votes than there are ballots."))
    paper, _created = PaperReturn.objects.update_or_create(
        community=community,
        defaults={
            "consultation": consultation,
            "ballots": ballots,
            "priorities": priority_counts,
            "worries": worry_counts,
            "entered_by": actor,
        },
    )
    texts = [sanitise.plain_text(text, 300) for text in proposals]
    Proposal.objects.bulk_create(
        [
            Proposal(
                consultation=consultation,
                municipality_id=community.municipality_id,
                community=community,
                text=t,
                from_paper=True,
            )
            for t in texts
            if t
        ]
    )
    _audit(consultation.partnership, actor, consultation.title, f"paper tallies of {community.name}: {ballots} ballots")
    return paper


@transaction.atomic
def proposal_moderate(
    proposal: Proposal, *, actor, hidden_reason: str, group: str, mapped_goal: int | None
) -> Proposal:
    """Hide (with a reason, shown to coordinators) or show a proposal; group it and map it to an SDG."""
    if mapped_goal is not None and not 1 <= mapped_goal <= 17:
        raise ParticipationError(_("Map to one of the 17 SDGs."))
    proposal.hidden_reason = sanitise.plain_text(hidden_reason, 200)
    proposal.group = sanitise.plain_text(group, 120)
    proposal.mapped_goal = mapped_goal
    proposal.save(update_fields=["hidden_reason", "group", "mapped_goal"])
    _audit(proposal.consultation.partnership, actor, proposal.consultation.title, f"proposal {proposal.pk} moderated")
    return proposal


@transaction.atomic
def consultation_adopt(consultation: Consultation, *, actor, goals: Sequence[int]) -> list[int]:
    """Adopts the outcome as the partnership's prioritised SDGs, through the assessment app's seam."""
    from twinning.assessment.priorities import adopt_prioritised_goals

    if consultation.phase != Phase.CLOSED:
        raise ParticipationError(_("Adopt the outcome once the consultation is closed."))
    _check_goals(goals)
    if not goals:
        raise ParticipationError(_("Choose at least one goal to adopt."))
    adopted = adopt_prioritised_goals(consultation.partnership, list(goals))
    consultation.adopted_at = timezone.now()
    consultation.save(update_fields=["adopted_at"])
    _audit(consultation.partnership, actor, consultation.title, "adopted as priorities: " + ", ".join(map(str, goals)))
    return adopted


# --- Citizen's own data ---------------------------------------------------------------------


@transaction.atomic
def my_ballots_delete(user) -> int:
    """Deletes the person's own online ballots of open consultations; in closed ones the ballot
    stays counted but loses its link to the person."""
    open_ballots = Ballot.objects.filter(voter=user, consultation__phase=Phase.OPEN)
    deleted, _rows = open_ballots.delete()
    Ballot.objects.filter(voter=user).update(voter=None)
    ParliamentMember.objects.filter(user=user, parliament__phase__in=[Phase.DRAFT, Phase.OPEN]).delete()
    return deleted


# --- Parliament ---------------------------------------------------------------------------


@transaction.atomic
def parliament_create(partnership: Partnership, *, actor, data: dict, is_demo: bool = False) -> Parliament:
    fields = [
        "title",
        "seats_per_municipality",
        "budget",
        "currency",
        "rule",
        "min_share",
        "min_projects",
        "max_projects",
    ]
    if data.get("max_projects") is not None and data["max_projects"] < data["min_projects"]:
        raise ParticipationError(_("The maximum number of projects cannot be below the minimum."))
    parliament = Parliament.objects.create(partnership=partnership, is_demo=is_demo, **{k: data[k] for k in fields})
    _audit(partnership, actor, parliament.title, "created")
    return parliament


@transaction.atomic
def parliament_set_phase(parliament: Parliament, *, actor, phase: str) -> Parliament:
    return _advance_phase(
        parliament,
        actor=actor,
        phase=phase,
        refusal=_("A vote goes from draft to open to closed, and a closed one stays closed."),
    )


@transaction.atomic
def member_seat(parliament: Parliament, *, actor, user, municipality: Municipality) -> ParliamentMember:
    """Seats a person for a member municipality, within the seats of that municipality."""
    Parliament.objects.select_for_update().get(pk=parliament.pk)
    if municipality.pk not in policy.member_ids(parliament.partnership):
        raise ParticipationError(_("Choose a member municipality of the partnership."))
    taken = ParliamentMember.objects.filter(parliament=parliament, municipality=municipality).count()
    if taken >= parliament.seats_per_municipality:
        raise ParticipationError(_("All seats of %(name)s are taken.") % {"name": municipality.name})
    if ParliamentMember.objects.filter(parliament=parliament, user=user).exists():
        raise ParticipationError(_("This person already has a seat."))
    member = ParliamentMember.objects.create(parliament=parliament, user=user, municipality=municipality)
    _audit(parliament.partnership, actor, parliament.title, f"seat for {municipality.name}")
    return member


@transaction.atomic
def budget_proposal_add(
    parliament: Parliament, *, member: ParliamentMember, title: str, description: str, cost: int, goal: int | None
) -> BudgetProposal:
    if parliament.phase == Phase.CLOSED:
        raise ClosedError(_("This vote is closed."))
    if cost < 1:
        raise ParticipationError(_("A project costs at least 1."))
    if cost > parliament.budget:
        raise ParticipationError(_("A project cannot cost more than the whole budget."))
    title, description = sanitise.plain_text(title, 200), sanitise.plain_text(description, 4000)
    if not title or not description:
        raise ParticipationError(_("Give the project a title and a description."))
    return BudgetProposal.objects.create(
        parliament=parliament,
        municipality=member.municipality,
        author=member.user,
        title=title,
        description=description,
        cost=cost,
        goal=goal,
    )


@transaction.atomic
def comment_add(proposal: BudgetProposal, *, author, text: str) -> ProposalComment:
    text = sanitise.plain_text(text, 2000)
    if not text:
        raise ParticipationError(_("Write a comment first."))
    if proposal.parliament.phase == Phase.CLOSED:
        raise ClosedError(_("This vote is closed."))
    return ProposalComment.objects.create(proposal=proposal, author=author, text=text)


@transaction.atomic
def budget_proposal_hide(proposal: BudgetProposal, *, actor, reason: str) -> BudgetProposal:
    proposal.hidden_reason = sanitise.plain_text(reason, 200)
    proposal.save(update_fields=["hidden_reason"])
    _audit(
        proposal.parliament.partnership,
        actor,
        proposal.parliament.title,
        f"project {proposal.pk} hidden: {proposal.hidden_reason}",
    )
    return proposal


def rules_of(parliament: Parliament) -> knapsack.BallotRules:
    return knapsack.BallotRules(
        rule=knapsack.Rule(parliament.rule),
        budget=parliament.budget,
        min_share=parliament.min_share,
        min_projects=parliament.min_projects,
        max_projects=parliament.max_projects,
    )


def problem_message(problem: knapsack.BallotProblem, parliament: Parliament) -> str:
    rules = rules_of(parliament)
    return {
        knapsack.BallotProblem.OVER_BUDGET: _("Your projects cost more than the budget of %(budget)s %(currency)s.")
        % {"budget": parliament.budget, "currency": parliament.currency},
        knapsack.BallotProblem.UNDER_MINIMUM: _("Spend at least %(minimum)s %(currency)s of the budget.")
        % {"minimum": knapsack.minimum_spend(rules), "currency": parliament.currency},
        knapsack.BallotProblem.TOO_FEW: _("Choose at least %(count)s projects.") % {"count": parliament.min_projects},
        knapsack.BallotProblem.TOO_MANY: _("Choose at most %(count)s projects.") % {"count": parliament.max_projects},
        knapsack.BallotProblem.UNKNOWN_PROJECT: _("Choose among the projects of this vote."),
    }[problem]


@transaction.atomic
def budget_ballot_cast(parliament: Parliament, *, member: ParliamentMember, project_ids: Sequence[int]) -> BudgetBallot:
    if _phase_for_ballot(Parliament, parliament.pk) != Phase.OPEN:
        raise ClosedError(_("This vote is not open."))
    costs = dict(parliament.proposals.filter(hidden_reason="").values_list("pk", "cost"))
    problems = knapsack.ballot_problems(rules_of(parliament), costs, project_ids)
    if problems:
        raise ParticipationError(" ".join(problem_message(problem, parliament) for problem in problems))
    try:
        with transaction.atomic():
            ballot = BudgetBallot.objects.create(parliament=parliament, member=member)
    except IntegrityError as exc:
        raise DuplicateBallot(_("You have already voted on this budget. Each member votes once.")) from exc
    ballot.projects.set(project_ids)
    return ballot


# --- Youth debate -------------------------------------------------------------------------


def first_name_clean(value: str) -> str:
    """A first name only: plain text, one or two words, capitalised, so "ana " and "Ana" are one pupil."""
    name = sanitise.plain_text(value, 40)
    if not name or len(name.split()) > 2 or any(ch.isdigit() or ch == "@" for ch in name):
        raise ParticipationError(_("Write only your first name."))
    return name.title()


@transaction.atomic
def debate_create(
    partnership: Partnership,
    *,
    actor,
    title: str,
    options: Sequence[str],
    groups: Sequence[tuple[Municipality, str, int]],
    is_demo: bool = False,
) -> tuple[YouthDebate, dict[int, str]]:
    """A debate with its project options and groups (municipality, class, SDG). Returns the
    debate and each group's join code, shown once; only the hashes are stored."""
    options = [sanitise.plain_text(option, 200) for option in options if sanitise.plain_text(option, 200)]
    if len(options) < 2:
        raise ParticipationError(_("Give at least two joint projects to choose from."))
    members = policy.member_ids(partnership)
    if {m.pk for m, _class, _goal in groups} != members:
        raise ParticipationError(_("Give a group from every member municipality."))
    debate = YouthDebate.objects.create(partnership=partnership, title=sanitise.plain_text(title, 200), is_demo=is_demo)
    ProjectOption.objects.bulk_create([ProjectOption(debate=debate, title=option) for option in dict.fromkeys(options)])
    codes: dict[int, str] = {}
    for municipality, class_name, goal in groups:
        _check_goals([goal])
        code = ballot_codes.new_code()
        group = DebateGroup.objects.create(
            debate=debate,
            municipality=municipality,
            class_name=sanitise.plain_text(class_name, 60),
            goal=goal,
            code_hash=ballot_codes.code_hash(code),
        )
        codes[group.pk] = code
    _audit(partnership, actor, debate.title, "youth debate created")
    return debate, codes


def debate_group_for_code(debate: YouthDebate, code: str) -> DebateGroup:
    group = debate.groups.filter(code_hash=ballot_codes.code_hash(code)).first()
    if group is None:
        raise ParticipationError(_("This group code is not right. Ask your teacher for it."))
    return group


@transaction.atomic
def debate_set_phase(debate: YouthDebate, *, actor, phase: str) -> YouthDebate:
    return _advance_phase(
        debate,
        actor=actor,
        phase=phase,
        refusal=_("A debate goes from draft to open to closed, and a closed one stays closed."),
    )


@transaction.atomic
def argument_add(group: DebateGroup, *, first_name: str, side: str, text: str) -> Argument:
    if YouthDebate.objects.only("phase").get(pk=group.debate_id).phase != Phase.OPEN:
        raise ClosedError(_("The debate is not open."))
    if side not in Argument.Side.values:
        raise ParticipationError(_("Choose for or against."))
    text = sanitise.plain_text(text, 500)
    if not text:
        raise ParticipationError(_("Write your argument first."))
    return Argument.objects.create(group=group, first_name=first_name_clean(first_name), side=side, text=text)


@transaction.atomic
def argument_hide(argument: Argument, *, actor, reason: str) -> Argument:
    argument.hidden_reason = sanitise.plain_text(reason, 200) or "-"
    argument.save(update_fields=["hidden_reason"])
    _audit(argument.group.debate.partnership, actor, argument.group.debate.title, f"argument {argument.pk} hidden")
    return argument


@transaction.atomic
def debate_vote_cast(group: DebateGroup, *, first_name: str, option_id: int) -> DebateVote:
    if _phase_for_ballot(YouthDebate, group.debate_id) != Phase.OPEN:
        raise ClosedError(_("The debate is not open."))
    option = ProjectOption.objects.filter(pk=option_id, debate_id=group.debate_id).first()
    if option is None:
        raise ParticipationError(_("Choose one of the joint projects."))
    name = first_name_clean(first_name)
    try:
        with transaction.atomic():
            vote = DebateVote.objects.create(debate_id=group.debate_id, group=group, first_name=name, option=option)
    except IntegrityError as exc:
        raise DuplicateBallot(_("%(name)s has already voted in this group.") % {"name": name}) from exc
    return vote


@transaction.atomic
def localised_goal_add(
    parliament: Parliament, *, actor, title: str, description: str, sdgs: SdgSelection
) -> LocalisedGoal:
    """A goal in the parliament's own words, mapped to official SDGs (at least one)."""
    title = sanitise.plain_text(title, 200)
    if not title:
        raise ParticipationError(_("Give the goal a title."))
    if not (sdgs.goals or sdgs.targets or sdgs.local_targets):
        raise ParticipationError(_("Map the goal to at least one official SDG."))
    goal = LocalisedGoal.objects.create(
        parliament=parliament, title=title, description=sanitise.plain_text(description, 2000)
    )
    set_links(goal, sdgs)
    _audit(parliament.partnership, actor, parliament.title, f"localised goal {goal.pk} added")
    return goal
