"""Reads for the assessment pages, each a fixed number of queries whatever the number of rounds."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Prefetch
from django.http import Http404

from twinning.assessment import combine, matching
from twinning.assessment.models import (
    ActionItem,
    Assessment,
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
from twinning.foundation.models import Municipality, Partnership
from twinning.sdg.models import SdgLink
from twinning.sdg.selectors import all_goals


def members(partnership: Partnership) -> list[Municipality]:
    """Members, from the prefetch of ``foundation.selectors.with_members`` (no query)."""
    return [membership.municipality for membership in partnership.memberships.all()]


def assessments_of(partnership: Partnership) -> list[Assessment]:
    """Exercises with their rounds and how many ratings each round has: two queries."""
    rounds = Round.objects.annotate(rating_count=Count("ratings")).order_by("number")
    return list(
        Assessment.objects.filter(partnership=partnership).prefetch_related(Prefetch("rounds", queryset=rounds))
    )


def rounds_of(assessment: Assessment) -> list[Round]:
    return list(assessment.rounds.order_by("number"))


def ratings_of(round_: Round) -> list[Rating]:
    """The round's ratings with their municipality and target links: two queries."""
    links = Prefetch("sdg_links", queryset=SdgLink.objects.select_related("target").order_by("target__order"))
    return list(Rating.objects.filter(round=round_).select_related("municipality").prefetch_related(links))


def ratings_map(ratings: list[Rating]) -> dict[int, dict[str, str]]:
    grouped: dict[int, dict[str, str]] = {}
    for rating in ratings:
        grouped.setdefault(rating.goal, {})[rating.municipality.name] = rating.level
    return grouped


def ideas_of(round_: Round) -> list[GapIdea]:
    return list(GapIdea.objects.filter(round=round_).select_related("municipality", "author"))


@dataclass(frozen=True)
class RoundResult:
    results: list[combine.GoalResult]
    values: dict[int, float]
    gaps: list[int]
    disagreements: list[int]


def round_result(ratings: list[Rating], groups: list[WorkshopGroup] = ()) -> RoundResult:
    """The round's combined result; adopted workshop groups count as raters beside the municipalities."""
    grouped = ratings_map(ratings)
    for group in groups:
        for goal, level in group.levels.items():
            grouped.setdefault(goal, {})[group.label] = level
    return result_of(grouped)


@dataclass(frozen=True)
class WorkshopGroup:
    """An adopted workshop as a rater of its round."""

    workshop: Workshop
    levels: dict[int, str]  # goal -> the group's level

    @property
    def label(self) -> str:
        return self.workshop.adopted_as


def workshop_groups(workshops: list[Workshop]) -> list[WorkshopGroup]:
    """The adopted ones among a round's workshops, with their levels: one query."""
    adopted = [w for w in workshops if w.is_adopted]
    levels: dict[int, dict[int, str]] = {w.pk: {} for w in adopted}
    for workshop_id, goal, level in GroupRating.objects.filter(workshop__in=adopted).values_list(
        "workshop_id", "goal", "level"
    ):
        levels[workshop_id][goal] = level
    return [WorkshopGroup(w, levels[w.pk]) for w in sorted(adopted, key=lambda w: (w.adopted_at, w.pk))]


def round_workshop_groups(round_: Round) -> list[WorkshopGroup]:
    return workshop_groups(list(round_.workshops.all()))


def result_of(grouped: combine.Ratings) -> RoundResult:
    """Wheel values, gaps and disagreements of ratings grouped as goal -> {rater: level}."""
    results = combine.combine(grouped)
    return RoundResult(
        results=results,
        values=combine.wheel_values(results),
        gaps=[r.goal for r in results if r.gap],
        disagreements=[r.goal for r in results if r.disagree],
    )


def round_values(rounds: list[Round]) -> dict[int, dict[int, float]]:
    """Combined wheel values of several rounds at once: round id -> {goal: value}; one query."""
    return {round_id: combine.wheel_values(results) for round_id, results in round_results(rounds).items()}


def index_scores(partnership: Partnership) -> dict[Municipality, dict[int, IndexScore]]:
    """Each member's index scores, members in partnership order: one query."""
    municipalities = members(partnership)
    by_id: dict[int, dict[int, IndexScore]] = {m.pk: {} for m in municipalities}
    for score in IndexScore.objects.filter(municipality__in=municipalities):
        by_id[score.municipality_id][score.goal] = score
    return {m: by_id[m.pk] for m in municipalities}


def index_matches(scores: dict[Municipality, dict[int, IndexScore]], *, strong: int, weak: int) -> list[matching.Match]:
    plain = {m.name: {goal: row.score for goal, row in per_goal.items()} for m, per_goal in scores.items()}
    return matching.match(plain, strong=strong, weak=weak)


def materiality_of(partnership: Partnership) -> list[Materiality]:
    return list(Materiality.objects.filter(partnership=partnership).order_by("goal"))


def member_municipalities(partnership: Partnership, ids: list[int]) -> list[Municipality]:
    return [m for m in members(partnership) if m.pk in ids]


def round_results(rounds: list[Round]) -> dict[int, list[combine.GoalResult]]:
    """Combined results of several rounds at once: round id -> results per goal; one query."""
    per_round: dict[int, dict[int, dict[str, str]]] = {r.pk: {} for r in rounds}
    rows = Rating.objects.filter(round__in=rounds).values_list("round_id", "goal", "municipality_id", "level")
    for round_id, goal, municipality_id, level in rows:
        per_round[round_id].setdefault(goal, {})[str(municipality_id)] = level
    # adopted workshop groups count as raters too: one query
    groups = GroupRating.objects.filter(workshop__round__in=rounds).values_list(
        "workshop__round_id", "goal", "workshop_id", "level"
    )
    for round_id, goal, workshop_id, level in groups:
        per_round[round_id].setdefault(goal, {})[f"workshop {workshop_id}"] = level
    return {round_id: combine.combine(ratings) for round_id, ratings in per_round.items()}


@dataclass(frozen=True)
class WorkshopState:
    result: RoundResult
    participants: list[WorkshopParticipant]
    rated: int  # participants who rated at least one SDG


def workshop_state(workshop: Workshop) -> WorkshopState:
    """The live wheel of a workshop, each participant counting once per SDG: two queries."""
    participants = list(workshop.participants.select_related("municipality"))
    grouped: dict[int, dict[str, str]] = {}
    raters = set()
    rows = WorkshopRating.objects.filter(participant__workshop=workshop).values_list("participant_id", "goal", "level")
    for participant_id, goal, level in rows:
        grouped.setdefault(goal, {})[str(participant_id)] = level
        raters.add(participant_id)
    return WorkshopState(result=result_of(grouped), participants=participants, rated=len(raters))


def own_workshop_levels(participant: WorkshopParticipant) -> dict[int, str]:
    return dict(participant.ratings.values_list("goal", "level"))


def inventory_of(partnership: Partnership) -> dict[int, dict[int, InventoryEntry]]:
    """goal -> {municipality id: entry} for every member: one query."""
    grouped: dict[int, dict[int, InventoryEntry]] = {}
    for entry in InventoryEntry.objects.filter(municipality__in=members(partnership)):
        grouped.setdefault(entry.goal, {})[entry.municipality_id] = entry
    return grouped


def inventory_entry(municipality: Municipality, goal: int) -> InventoryEntry | None:
    return InventoryEntry.objects.filter(municipality=municipality, goal=goal).first()


def actions_of(partnership: Partnership) -> list[ActionItem]:
    """The joint plan with owners and sources: one query."""
    return list(
        ActionItem.objects.filter(partnership=partnership).select_related(
            "owner_municipality", "source_idea", "source_entry__municipality"
        )
    )


def idea_of(partnership: Partnership, pk: int) -> GapIdea | None:
    return (
        GapIdea.objects.select_related("round__assessment", "municipality")
        .filter(pk=pk, round__assessment__partnership=partnership)
        .first()
    )


def entry_of(partnership: Partnership, pk: int) -> InventoryEntry | None:
    return (
        InventoryEntry.objects.select_related("municipality")
        .filter(pk=pk, municipality__in=members(partnership))
        .first()
    )


def network_of(municipality: Municipality) -> list[Municipality]:
    """The municipality and every municipality it shares a partnership with: one query."""
    around = Municipality.objects.filter(partnership_memberships__partnership__memberships__municipality=municipality)
    return list((around | Municipality.objects.filter(pk=municipality.pk)).distinct().order_by("name"))


def network_scores(municipalities: list[Municipality] | None) -> dict[str, dict[int, int]]:
    """Index scores by municipality name (``None``: every municipality that has scores): one query."""
    rows = IndexScore.objects.values_list("municipality__name", "goal", "score")
    if municipalities is not None:
        rows = rows.filter(municipality__in=municipalities)
    scores: dict[str, dict[int, int]] = {}
    for name, goal, score in rows:
        scores.setdefault(name, {})[goal] = score
    return scores


def interlink_targets(partnership: Partnership) -> list:
    """The picked targets, in goal and target order: one query."""
    rows = InterlinkTarget.objects.filter(partnership=partnership).select_related("target__goal")
    return [row.target for row in rows.order_by("target__goal__number", "target__order")]


def interlink_scores(partnership: Partnership) -> dict[int, dict[tuple[str, str], int]]:
    """municipality id -> {(from code, to code): score}: one query."""
    per_partner: dict[int, dict[tuple[str, str], int]] = {}
    rows = InterlinkScore.objects.filter(partnership=partnership).values_list(
        "municipality_id", "source__code", "destination__code", "score"
    )
    for municipality_id, a, b, score in rows:
        per_partner.setdefault(municipality_id, {})[(a, b)] = score
    return per_partner


def member_by_slug(partnership: Partnership, slug: str) -> Municipality | None:
    """A member municipality by slug, from the members' prefetch (no query); ``None`` if not a member."""
    return next((m for m in members(partnership) if m.slug == slug), None)


def member_or_404(partnership: Partnership, slug: str) -> Municipality:
    municipality = member_by_slug(partnership, slug)
    if municipality is None:
        raise Http404
    return municipality


def goals_by_number() -> dict:
    """The 17 goals by number, from the cached goal list."""
    return {goal.number: goal for goal in all_goals()}
