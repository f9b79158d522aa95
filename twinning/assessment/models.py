"""SDG assessment of a partnership: the circle exercise in rounds, the SDG index and priorities.

Each municipality's ratings and scores are its own rows (unique per round, municipality and
goal; per municipality and goal), so partners working at the same time never overwrite each
other. Shared text (an assessment's subject and notes) carries a ``version`` for optimistic
concurrency.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from twinning.foundation.models import Municipality, Partnership

GOAL_VALIDATORS = [MinValueValidator(1), MaxValueValidator(17)]


class Level(models.TextChoices):
    """How much the assessed object contributes to a goal (the circle exercise's rings)."""

    NONE = "none", _("No contribution")
    INDIRECT = "indirect", _("Indirect contribution")
    DIRECT = "direct", _("Direct contribution")
    STRONG = "strong", _("Strong contribution")
    NEGATIVE = "negative", _("Negative effect (trade-off)")


class Assessment(models.Model):
    class Scope(models.TextChoices):
        PROGRAMME = "programme", _("The partnership programme as a whole")
        PROJECT = "project", _("A project or activity")

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="assessments")
    scope = models.CharField(_("what is assessed"), max_length=12, choices=Scope.choices, default=Scope.PROGRAMME)
    subject = models.CharField(
        _("name of the project or activity"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty when the programme as a whole is assessed."),
    )
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("circle exercise")
        verbose_name_plural = _("circle exercises")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        if self.scope == self.Scope.PROJECT and self.subject:
            return self.subject
        return str(_("The partnership programme"))


class Round(models.Model):
    """One repetition of the exercise; a new round starts empty."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["assessment", "number"]
        constraints = [models.UniqueConstraint(fields=["assessment", "number"], name="assessment_round_unique")]
        verbose_name = _("round")
        verbose_name_plural = _("rounds")

    def __str__(self) -> str:
        return f"{self.assessment} – {self.number}"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class Rating(models.Model):
    """One municipality's view of the object's contribution to one goal in one round."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="ratings")
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="sdg_ratings")
    goal = models.PositiveSmallIntegerField(_("SDG"), validators=GOAL_VALIDATORS)
    level = models.CharField(_("contribution"), max_length=10, choices=Level.choices)
    reason = models.TextField(_("reason"), blank=True)
    sdg_links = GenericRelation("sdg.SdgLink")  # the targets concerned, if any
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["round", "goal", "municipality__name"]
        constraints = [
            models.UniqueConstraint(fields=["round", "municipality", "goal"], name="assessment_rating_unique"),
            models.CheckConstraint(condition=models.Q(goal__gte=1, goal__lte=17), name="assessment_rating_goal_range"),
        ]
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")

    def __str__(self) -> str:
        return f"{self.municipality} SDG {self.goal}: {self.level}"


class GapIdea(models.Model):
    """An idea to make the object contribute to a goal it does not reach yet."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="ideas")
    goal = models.PositiveSmallIntegerField(_("SDG"), validators=GOAL_VALIDATORS)
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    text = models.TextField(_("idea"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["goal", "created_at", "pk"]
        verbose_name = _("idea for a gap")
        verbose_name_plural = _("ideas for gaps")

    def __str__(self) -> str:
        return f"SDG {self.goal}: {self.text[:40]}"


class IndexScore(models.Model):
    """A municipality's own score on one goal, 0..100, with its justification (dialogue mode)."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="sdg_index_scores")
    goal = models.PositiveSmallIntegerField(_("SDG"), validators=GOAL_VALIDATORS)
    score = models.PositiveSmallIntegerField(_("score"), validators=[MinValueValidator(0), MaxValueValidator(100)])
    justification = models.TextField(_("justification"), blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["municipality", "goal"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "goal"], name="assessment_indexscore_unique"),
            models.CheckConstraint(condition=models.Q(score__lte=100), name="assessment_indexscore_range"),
        ]
        verbose_name = _("SDG index score")
        verbose_name_plural = _("SDG index scores")

    def __str__(self) -> str:
        return f"{self.municipality} SDG {self.goal}: {self.score}"


class Materiality(models.Model):
    """Impact and influence of the partnership on one goal (1..5 each), and whether it is prioritised."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="materiality")
    goal = models.PositiveSmallIntegerField(_("SDG"), validators=GOAL_VALIDATORS)
    impact = models.PositiveSmallIntegerField(_("impact"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    influence = models.PositiveSmallIntegerField(
        _("influence"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    prioritised = models.BooleanField(_("prioritised"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["partnership", "goal"]
        constraints = [models.UniqueConstraint(fields=["partnership", "goal"], name="assessment_materiality_unique")]
        verbose_name = _("materiality")
        verbose_name_plural = _("materiality")

    def __str__(self) -> str:
        return f"{self.partnership} SDG {self.goal}"


class FocusGoal(models.Model):
    """The one SDG a partnership highlights in a year."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="focus_goals")
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    goal = models.PositiveSmallIntegerField(_("SDG"), validators=GOAL_VALIDATORS)

    class Meta:
        ordering = ["partnership", "year"]
        constraints = [models.UniqueConstraint(fields=["partnership", "year"], name="assessment_focus_unique")]
        verbose_name = _("focus SDG of the year")
        verbose_name_plural = _("focus SDGs of the year")

    def __str__(self) -> str:
        return f"{self.partnership} {self.year}: SDG {self.goal}"


class Workshop(models.Model):
    """A live session of one round: participants join with a short code from their phones, no account needed.

    Each participant's ratings are her own rows; the facilitator's wheel combines them.
    """

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="workshops")
    code = models.CharField(_("join code"), max_length=8, unique=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    # Once adopted, the workshop's outcome counts in its round as the ratings of a workshop group.
    adopted_as = models.CharField(_("name of the workshop group"), max_length=80, blank=True)
    adopted_at = models.DateTimeField(null=True, blank=True)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")

    def __str__(self) -> str:
        return f"{self.round} – {self.code}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def is_adopted(self) -> bool:
        return self.adopted_at is not None


class WorkshopParticipant(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="participants")
    name = models.CharField(_("your name"), max_length=60)
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    token = models.CharField(max_length=32, unique=True)  # kept in the participant's session
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["workshop", "joined_at", "pk"]
        verbose_name = _("workshop participant")
        verbose_name_plural = _("workshop participants")

    def __str__(self) -> str:
        return f"{self.name} ({self.municipality})"


class WorkshopRating(models.Model):
    participant = models.ForeignKey(WorkshopParticipant, on_delete=models.CASCADE, related_name="ratings")
    goal = models.PositiveSmallIntegerField(_("SDG"), validators=GOAL_VALIDATORS)
    level = models.CharField(_("contribution"), max_length=10, choices=Level.choices)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["participant", "goal"]
        constraints = [
            models.UniqueConstraint(fields=["participant", "goal"], name="assessment_workshoprating_unique"),
            models.CheckConstraint(
                condition=models.Q(goal__gte=1, goal__lte=17), name="assessment_workshoprating_goal_range"
            ),
        ]
        verbose_name = _("workshop rating")
        verbose_name_plural = _("workshop ratings")

    def __str__(self) -> str:
        return f"{self.participant} SDG {self.goal}: {self.level}"


class GroupRating(models.Model):
    """The adopted outcome of a closed workshop on one goal: the workshop group's rating in the round.

    It sits beside the municipalities' own ratings (never replacing them); one row per workshop and goal.
    """

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="group_ratings")
    goal = models.PositiveSmallIntegerField(_("SDG"), validators=GOAL_VALIDATORS)
    level = models.CharField(_("contribution"), max_length=10, choices=Level.choices)
    participants = models.PositiveSmallIntegerField(_("participants who rated"), default=0)

    class Meta:
        ordering = ["workshop", "goal"]
        constraints = [
            models.UniqueConstraint(fields=["workshop", "goal"], name="assessment_grouprating_unique"),
            models.CheckConstraint(
                condition=models.Q(goal__gte=1, goal__lte=17), name="assessment_grouprating_goal_range"
            ),
        ]
        verbose_name = _("workshop group rating")
        verbose_name_plural = _("workshop group ratings")

    def __str__(self) -> str:
        return f"{self.workshop} SDG {self.goal}: {self.level}"


class InventoryEntry(models.Model):
    """What one municipality already does for one goal, could do more, its gaps and opportunities.

    Its own row (unique per municipality and goal); two people of the same municipality editing
    it at once meet the conflict screen (``version``).
    """

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="sdg_inventory")
    goal = models.PositiveSmallIntegerField(_("SDG"), validators=GOAL_VALIDATORS)
    doing = models.TextField(_("what we already do"), blank=True)
    more = models.TextField(_("what we could do more"), blank=True)
    gaps = models.TextField(_("gaps"), blank=True)
    opportunities = models.TextField(_("opportunities"), blank=True)
    evidence = models.TextField(_("evidence links"), blank=True, help_text=_("One web address per line."))
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["goal", "municipality__name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "goal"], name="assessment_inventory_unique"),
            models.CheckConstraint(condition=models.Q(goal__gte=1, goal__lte=17), name="assessment_inventory_goal"),
        ]
        verbose_name = _("SDG inventory entry")
        verbose_name_plural = _("SDG inventory entries")

    def __str__(self) -> str:
        return f"{self.municipality} SDG {self.goal}"

    @property
    def evidence_links(self) -> list[str]:
        return [line.strip() for line in self.evidence.splitlines() if line.strip()]


class ActionItem(models.Model):
    """An item of the partners' joint action plan, with an owner and a due date.

    It may come from an idea for a gap or from an inventory entry (kept as its source).
    """

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="sdg_actions")
    title = models.CharField(_("action"), max_length=200)
    goal = models.PositiveSmallIntegerField(_("SDG"), validators=GOAL_VALIDATORS, null=True, blank=True)
    owner_municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("owner municipality")
    )
    owner_name = models.CharField(_("owner (person or team)"), max_length=100, blank=True)
    due_date = models.DateField(_("due date"))
    done = models.BooleanField(_("done"), default=False)
    notes = models.TextField(_("notes"), blank=True)
    source_idea = models.ForeignKey(GapIdea, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions")
    source_entry = models.ForeignKey(
        InventoryEntry, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["done", "due_date", "pk"]
        verbose_name = _("action of the joint plan")
        verbose_name_plural = _("joint action plan")

    def __str__(self) -> str:
        return self.title


class InterlinkTarget(models.Model):
    """A target the partners picked, under one of their prioritised SDGs, for the interlinkage scoring."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="interlink_targets")
    target = models.ForeignKey("sdg.Target", on_delete=models.CASCADE, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["partnership", "target__goal__number", "target__order"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "target"], name="assessment_interlinktarget_unique")
        ]
        verbose_name = _("interlinkage target")
        verbose_name_plural = _("interlinkage targets")

    def __str__(self) -> str:
        return f"{self.partnership}: {self.target}"


class InterlinkScore(models.Model):
    """One municipality's score of how working on one target influences another, -3..+3 (its own row)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="interlink_scores")
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    source = models.ForeignKey("sdg.Target", on_delete=models.CASCADE, related_name="+")
    destination = models.ForeignKey("sdg.Target", on_delete=models.CASCADE, related_name="+")
    score = models.SmallIntegerField(_("influence"), validators=[MinValueValidator(-3), MaxValueValidator(3)])
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "municipality", "source", "destination"], name="assessment_interlink_unique"
            ),
            models.CheckConstraint(condition=models.Q(score__gte=-3, score__lte=3), name="assessment_interlink_scale"),
            models.CheckConstraint(
                condition=~models.Q(source=models.F("destination")), name="assessment_interlink_not_self"
            ),
        ]
        verbose_name = _("interlinkage score")
        verbose_name_plural = _("interlinkage scores")

    def __str__(self) -> str:
        return f"{self.municipality}: {self.source_id} -> {self.destination_id} = {self.score}"
