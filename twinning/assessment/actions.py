"""Writes of the assessment app. Each validates before it writes and runs in one transaction.

Permission checks happen before these are called (policy module); the functions still refuse
a municipality that is not a member of the partnership, so no caller can write across it.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from twinning.assessment import interlinkages, joincode, outcome
from twinning.assessment.combine import RANK
from twinning.assessment.matching import ScoreError, validate_score
from twinning.assessment.materiality import SCALE
from twinning.assessment.models import (
    ActionItem,
    Assessment,
    FocusGoal,
    GapIdea,
    GroupRating,
    IndexScore,
    InterlinkScore,
    InterlinkTarget,
    InventoryEntry,
    Materiality,
    Rating,
    Round,
    Workshop,
    WorkshopParticipant,
    WorkshopRating,
)
from twinning.assessment.priorities import prioritised_goals
from twinning.foundation.concurrency import EditConflict, save_versioned
from twinning.foundation.models import Municipality, Partnership
from twinning.sdg.links import SdgSelection, set_links
from twinning.sdg.models import Target


class AssessmentError(ValueError):
    """Input an action refuses, with a message for the user."""


@dataclass(frozen=True)
class RatingInput:
    level: str
    reason: str = ""
    targets: frozenset[str] = field(default_factory=frozenset)  # official target codes, "6.3"


def _check_goal(goal: int) -> int:
    if not isinstance(goal, int) or not 1 <= goal <= 17:
        raise AssessmentError(_("There are 17 SDGs: choose a goal from 1 to 17."))
    return goal


def _check_member(partnership: Partnership, municipality: Municipality) -> None:
    if not partnership.memberships.filter(municipality=municipality).exists():
        raise AssessmentError(_("%(name)s is not a member of this partnership.") % {"name": municipality.name})


@transaction.atomic
def assessment_start(
    *, partnership: Partnership, scope: str, subject: str = "", notes: str = "", user=None, is_demo: bool = False
) -> Assessment:
    """A new circle exercise with its first round."""
    if scope not in Assessment.Scope.values:
        raise AssessmentError(_("Choose what is assessed: the programme or a project."))
    subject = subject.strip()
    if scope == Assessment.Scope.PROJECT and not subject:
        raise AssessmentError(_("Name the project or activity that is assessed."))
    assessment = Assessment.objects.create(
        partnership=partnership, scope=scope, subject=subject, notes=notes, created_by=user, is_demo=is_demo
    )
    Round.objects.create(assessment=assessment, number=1)
    return assessment


@transaction.atomic
def assessment_update(assessment: Assessment, *, expected_version: int, scope: str, subject: str, notes: str) -> None:
    """Shared text: raises EditConflict when someone saved it since ``expected_version``."""
    if scope == Assessment.Scope.PROJECT and not subject.strip():
        raise AssessmentError(_("Name the project or activity that is assessed."))
    assessment.scope, assessment.subject, assessment.notes = scope, subject.strip(), notes
    save_versioned(assessment, expected_version, ["scope", "subject", "notes"])


@transaction.atomic
def round_start(assessment: Assessment) -> Round:
    """The next round, empty: a new round copies nothing from the previous ones."""
    Assessment.objects.select_for_update().filter(pk=assessment.pk).first()
    number = (assessment.rounds.aggregate(top=Max("number"))["top"] or 0) + 1
    try:
        with transaction.atomic():
            return Round.objects.create(assessment=assessment, number=number)
    except IntegrityError as exc:  # pragma: no cover - the row lock above prevents it
        raise AssessmentError(_("Someone started a round at the same moment. Reload the page.")) from exc


@transaction.atomic
def round_publish(round_: Round, *, publish: bool) -> Round:
    round_.published_at = timezone.now() if publish else None
    round_.save(update_fields=["published_at"])
    return round_


def _check_targets(goal: int, codes: frozenset[str]) -> None:
    if not codes:
        return
    wrong = sorted(code for code in codes if code.split(".")[0] != str(goal))
    known = set(Target.objects.filter(code__in=codes).values_list("code", flat=True))
    unknown = sorted(codes - known)
    if wrong or unknown:
        raise AssessmentError(
            _("SDG %(goal)s has no target %(codes)s.") % {"goal": goal, "codes": ", ".join(wrong + unknown)}
        )


@transaction.atomic
def ratings_save(
    round_: Round, *, municipality: Municipality, user, entries: dict[int, RatingInput | None]
) -> list[Rating]:
    """Write one municipality's ratings; ``None`` removes that goal's rating. Other municipalities' rows are never touched."""
    _check_member(round_.assessment.partnership, municipality)
    for goal, entry in entries.items():
        _check_goal(goal)
        if entry is not None:
            if entry.level not in RANK:
                raise AssessmentError(_("Choose a contribution level for SDG %(goal)s.") % {"goal": goal})
            _check_targets(goal, entry.targets)
    existing = {r.goal: r for r in Rating.objects.filter(round=round_, municipality=municipality)}
    linked = set(
        Rating.objects.filter(round=round_, municipality=municipality, sdg_links__isnull=False).values_list(
            "goal", flat=True
        )
    )
    saved = []
    for goal, entry in sorted(entries.items()):
        if entry is None:
            if goal in existing:
                existing[goal].sdg_links.all().delete()
                existing[goal].delete()
            continue
        rating, _created = Rating.objects.update_or_create(
            round=round_,
            municipality=municipality,
            goal=goal,
            defaults={"level": entry.level, "reason": entry.reason.strip(), "updated_by": user},
        )
        if entry.targets or goal in linked:
            set_links(rating, SdgSelection(targets=entry.targets) if entry.targets else SdgSelection())
        saved.append(rating)
    return saved


def rating_set(round_: Round, *, municipality: Municipality, user, goal: int, entry: RatingInput) -> Rating:
    return ratings_save(round_, municipality=municipality, user=user, entries={goal: entry})[0]


@transaction.atomic
def idea_add(round_: Round, *, goal: int, municipality: Municipality, author, text: str) -> GapIdea:
    _check_goal(goal)
    _check_member(round_.assessment.partnership, municipality)
    text = text.strip()
    if not text:
        raise AssessmentError(_("Write the idea first."))
    return GapIdea.objects.create(round=round_, goal=goal, municipality=municipality, author=author, text=text)


@transaction.atomic
def index_scores_save(
    *, municipality: Municipality, user, entries: dict[int, tuple[int, str] | None], is_demo: bool = False
) -> list[IndexScore]:
    """A municipality's SDG index: score 0..100 and justification per goal; ``None`` removes the score."""
    for goal, entry in entries.items():
        _check_goal(goal)
        if entry is not None:
            try:
                validate_score(entry[0])
            except ScoreError as exc:
                raise AssessmentError(_("SDG %(goal)s: %(problem)s") % {"goal": goal, "problem": exc}) from exc
    saved = []
    for goal, entry in sorted(entries.items()):
        if entry is None:
            IndexScore.objects.filter(municipality=municipality, goal=goal).delete()
            continue
        score, justification = entry
        row, _created = IndexScore.objects.update_or_create(
            municipality=municipality,
            goal=goal,
            defaults={"score": score, "justification": justification.strip(), "updated_by": user, "is_demo": is_demo},
        )
        saved.append(row)
    return saved


@transaction.atomic
def materiality_save(partnership: Partnership, rows: dict[int, tuple[int, int, bool] | None]) -> None:
    """Impact and influence 1..5 per goal and the prioritised tick; ``None`` clears a goal."""
    for goal, row in rows.items():
        _check_goal(goal)
        if row is not None and (row[0] not in SCALE or row[1] not in SCALE):
            raise AssessmentError(_("SDG %(goal)s: impact and influence are scored from 1 to 5.") % {"goal": goal})
    for goal, row in sorted(rows.items()):
        if row is None:
            Materiality.objects.filter(partnership=partnership, goal=goal).delete()
            continue
        impact, influence, prioritised = row
        Materiality.objects.update_or_create(
            partnership=partnership,
            goal=goal,
            defaults={"impact": impact, "influence": influence, "prioritised": prioritised},
        )


@transaction.atomic
def focus_set(partnership: Partnership, *, year: int, goal: int | None) -> FocusGoal | None:
    """The focus SDG of a year; ``goal=None`` removes that year's focus."""
    if not 2000 <= year <= 2100:
        raise AssessmentError(_("Choose a year between 2000 and 2100."))
    if goal is None:
        FocusGoal.objects.filter(partnership=partnership, year=year).delete()
        return None
    _check_goal(goal)
    focus, _created = FocusGoal.objects.update_or_create(partnership=partnership, year=year, defaults={"goal": goal})
    return focus


# --- Workshop mode ----------------------------------------------------------------------


@transaction.atomic
def workshop_open(round_: Round, *, user, is_demo: bool = False) -> Workshop:
    """A live workshop on a round, with a fresh join code (drawn again on the rare collision)."""
    for _attempt in range(5):
        code = joincode.new_code()
        if not Workshop.objects.filter(code=code).exists():
            return Workshop.objects.create(round=round_, code=code, created_by=user, is_demo=is_demo)
    raise AssessmentError(_("No free join code was found. Try again."))  # pragma: no cover - 30**6 codes


@transaction.atomic
def workshop_close(workshop: Workshop) -> Workshop:
    if workshop.closed_at is None:
        workshop.closed_at = timezone.now()
        workshop.save(update_fields=["closed_at"])
    return workshop


@transaction.atomic
def workshop_adopt(workshop: Workshop, *, label: str, user) -> bool:
    """Count a closed workshop's outcome in its round as the ratings of a workshop group.

    The outcome per SDG follows ``outcome.group_level``. Idempotent: adopting an adopted
    workshop changes nothing and returns False. The municipalities' own ratings are not touched.
    """
    workshop = Workshop.objects.select_for_update().select_related("round").get(pk=workshop.pk)
    if workshop.is_open:
        raise AssessmentError(_("Close the workshop first: its outcome is adopted once nobody can rate any more."))
    if workshop.is_adopted:
        return False
    label = " ".join(label.split())
    if not label:
        raise AssessmentError(_("Name the workshop group, for example “Workshop Lommel 12 March”."))
    members = Municipality.objects.filter(partnership_memberships__partnership__assessments__rounds=workshop.round)
    if members.filter(name__iexact=label).exists():
        raise AssessmentError(_("Give the workshop group a name that is not the name of a member municipality."))
    levels: dict[int, list[str]] = {}
    for goal, level in WorkshopRating.objects.filter(participant__workshop=workshop).values_list("goal", "level"):
        levels.setdefault(goal, []).append(level)
    if not levels:
        raise AssessmentError(_("Nobody rated any SDG in this workshop: there is nothing to adopt."))
    GroupRating.objects.bulk_create(
        GroupRating(workshop=workshop, goal=goal, level=level, participants=len(levels[goal]))
        for goal, level in outcome.workshop_outcome(levels).items()
    )
    workshop.adopted_as, workshop.adopted_at, workshop.adopted_by = label[:80], timezone.now(), user
    workshop.save(update_fields=["adopted_as", "adopted_at", "adopted_by"])
    return True


@transaction.atomic
def workshop_join(workshop: Workshop, *, name: str, municipality: Municipality) -> WorkshopParticipant:
    """A participant without an account; her token goes into her browser session."""
    if not workshop.is_open:
        raise AssessmentError(_("This workshop is closed."))
    _check_member(workshop.round.assessment.partnership, municipality)
    name = name.strip()
    if not name:
        raise AssessmentError(_("Write your name, so the facilitator knows who rates."))
    return WorkshopParticipant.objects.create(
        workshop=workshop, name=name[:60], municipality=municipality, token=secrets.token_hex(16)
    )


@transaction.atomic
def workshop_ratings_save(participant: WorkshopParticipant, entries: dict[int, str | None]) -> None:
    """One participant's own ratings; ``None`` removes a goal's rating. Nobody else's rows are touched."""
    if not participant.workshop.is_open:
        raise AssessmentError(_("This workshop is closed."))
    for goal, level in entries.items():
        _check_goal(goal)
        if level is not None and level not in RANK:
            raise AssessmentError(_("Choose a contribution level for SDG %(goal)s.") % {"goal": goal})
    for goal, level in sorted(entries.items()):
        if level is None:
            WorkshopRating.objects.filter(participant=participant, goal=goal).delete()
        else:
            WorkshopRating.objects.update_or_create(participant=participant, goal=goal, defaults={"level": level})


# --- SDG inventory and joint action plan --------------------------------------------------

INVENTORY_FIELDS = ["doing", "more", "gaps", "opportunities", "evidence"]


@dataclass(frozen=True)
class InventoryInput:
    doing: str = ""
    more: str = ""
    gaps: str = ""
    opportunities: str = ""
    evidence: str = ""


@transaction.atomic
def inventory_save(
    *, municipality: Municipality, goal: int, expected_version: int, data: InventoryInput, user, is_demo: bool = False
) -> InventoryEntry:
    """A municipality's own inventory entry for one goal.

    ``expected_version`` is the version the form was opened with (0 for a new entry); when
    someone saved the entry since, EditConflict carries the stored version.
    """
    _check_goal(goal)
    values = {name: getattr(data, name).strip() for name in INVENTORY_FIELDS}
    entry = InventoryEntry.objects.filter(municipality=municipality, goal=goal).first()
    if entry is None:
        try:
            with transaction.atomic():
                return InventoryEntry.objects.create(
                    municipality=municipality, goal=goal, updated_by=user, is_demo=is_demo, **values
                )
        except IntegrityError as exc:  # created by someone else a moment ago
            raise EditConflict(InventoryEntry.objects.get(municipality=municipality, goal=goal)) from exc
    if expected_version == 0:
        raise EditConflict(entry)
    for name, value in values.items():
        setattr(entry, name, value)
    entry.updated_by = user
    save_versioned(entry, expected_version, [*INVENTORY_FIELDS, "updated_by"])
    return entry


@dataclass(frozen=True)
class ActionInput:
    title: str
    owner_municipality: Municipality
    due_date: date
    goal: int | None = None
    owner_name: str = ""
    done: bool = False
    notes: str = ""


def _check_action(partnership: Partnership, data: ActionInput) -> None:
    if not data.title.strip():
        raise AssessmentError(_("Describe the action."))
    if data.goal is not None:
        _check_goal(data.goal)
    _check_member(partnership, data.owner_municipality)


@transaction.atomic
def action_add(
    partnership: Partnership,
    data: ActionInput,
    *,
    user,
    idea: GapIdea | None = None,
    entry: InventoryEntry | None = None,
    is_demo: bool = False,
) -> ActionItem:
    """A new item of the joint plan, optionally from an idea for a gap or an inventory entry."""
    _check_action(partnership, data)
    if idea is not None and idea.round.assessment.partnership_id != partnership.pk:
        raise AssessmentError(_("That idea belongs to another partnership."))
    if entry is not None:
        _check_member(partnership, entry.municipality)
    return ActionItem.objects.create(
        partnership=partnership,
        title=data.title.strip(),
        goal=data.goal,
        owner_municipality=data.owner_municipality,
        owner_name=data.owner_name.strip(),
        due_date=data.due_date,
        done=data.done,
        notes=data.notes.strip(),
        source_idea=idea,
        source_entry=entry,
        created_by=user,
        is_demo=is_demo,
    )


@transaction.atomic
def action_update(item: ActionItem, data: ActionInput, *, expected_version: int) -> ActionItem:
    """Raises EditConflict when a partner saved the item since ``expected_version``."""
    _check_action(item.partnership, data)
    item.title, item.goal = data.title.strip(), data.goal
    item.owner_municipality, item.owner_name = data.owner_municipality, data.owner_name.strip()
    item.due_date, item.done, item.notes = data.due_date, data.done, data.notes.strip()
    save_versioned(
        item,
        expected_version,
        ["title", "goal", "owner_municipality", "owner_name", "due_date", "done", "notes"],
    )
    return item


# --- Interlinkages (SDG Synergies) ----------------------------------------------------------


@transaction.atomic
def interlink_targets_set(partnership: Partnership, codes: set[str]) -> list[Target]:
    """The targets the partners score, a few per prioritised SDG; a removed target takes its scores with it."""
    prioritised = set(prioritised_goals(partnership))
    targets = list(Target.objects.select_related("goal").filter(code__in=codes))
    unknown = sorted(codes - {t.code for t in targets})
    if unknown:
        raise AssessmentError(_("Unknown targets: %(codes)s.") % {"codes": ", ".join(unknown)})
    outside = sorted(t.code for t in targets if t.goal.number not in prioritised)
    if outside:
        raise AssessmentError(
            _("Pick targets of the prioritised SDGs only; %(codes)s is not under one.") % {"codes": ", ".join(outside)}
        )
    per_goal: dict[int, int] = {}
    for target in targets:
        per_goal[target.goal.number] = per_goal.get(target.goal.number, 0) + 1
    crowded = sorted(goal for goal, count in per_goal.items() if count > interlinkages.MAX_TARGETS_PER_GOAL)
    if crowded:
        raise AssessmentError(
            _("Pick at most %(max)s targets per SDG (too many under SDG %(goals)s).")
            % {"max": interlinkages.MAX_TARGETS_PER_GOAL, "goals": ", ".join(map(str, crowded))}
        )
    keep = {t.pk for t in targets}
    removed = list(InterlinkTarget.objects.filter(partnership=partnership).exclude(target__in=keep))
    removed_ids = [row.target_id for row in removed]
    InterlinkScore.objects.filter(partnership=partnership).filter(
        Q(source__in=removed_ids) | Q(destination__in=removed_ids)
    ).delete()
    InterlinkTarget.objects.filter(pk__in=[row.pk for row in removed]).delete()
    existing = set(InterlinkTarget.objects.filter(partnership=partnership).values_list("target_id", flat=True))
    InterlinkTarget.objects.bulk_create(
        [InterlinkTarget(partnership=partnership, target=t) for t in targets if t.pk not in existing]
    )
    return targets


@transaction.atomic
def interlink_scores_save(
    partnership: Partnership,
    *,
    municipality: Municipality,
    user,
    entries: dict[tuple[str, str], int | None],
    is_demo: bool = False,
) -> None:
    """One municipality's own scores per (from, to) target pair; ``None`` removes a score.

    Partners' rows are never touched: each municipality scores for itself and the page combines them.
    """
    _check_member(partnership, municipality)
    chosen = {
        row.target.code: row.target
        for row in InterlinkTarget.objects.filter(partnership=partnership).select_related("target")
    }
    for (a, b), value in entries.items():
        if a not in chosen or b not in chosen:
            raise AssessmentError(_("Score only the targets the partnership picked."))
        if a == b:
            raise AssessmentError(_("A target does not score its influence on itself."))
        if value is not None:
            try:
                interlinkages.validate_interaction(value)
            except interlinkages.InterlinkError as exc:
                raise AssessmentError(str(exc)) from exc
    for (a, b), value in sorted(entries.items()):
        keys = {"partnership": partnership, "municipality": municipality, "source": chosen[a], "destination": chosen[b]}
        if value is None:
            InterlinkScore.objects.filter(**keys).delete()
        else:
            InterlinkScore.objects.update_or_create(
                **keys, defaults={"score": value, "updated_by": user, "is_demo": is_demo}
            )
