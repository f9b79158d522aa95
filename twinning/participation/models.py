"""Citizen participation: consultations on the SDGs (online with accounts or ballot codes, and
on paper), the joint city-to-city parliament with participatory budgeting, and the audit log.

Integrity lives in the database: one ballot per person and per code (unique constraints), one
paper return per community, one budget ballot per parliament member.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from twinning.foundation.models import Municipality, Partnership

GOAL_VALIDATORS = [MinValueValidator(1), MaxValueValidator(17)]


class Phase(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Consultation(models.Model):
    class Method(models.TextChoices):
        APPROVAL = "approval", _("Pick up to N goals")
        RANKED = "ranked", _("Rank up to N goals (Borda count)")

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="consultations")
    title = models.CharField(_("title"), max_length=200)
    question = models.TextField(_("question to citizens"), blank=True)
    method = models.CharField(_("counting method"), max_length=10, choices=Method.choices, default=Method.APPROVAL)
    max_choices = models.PositiveSmallIntegerField(
        _("number of goals a citizen picks or ranks"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(17)],
    )
    ask_worries = models.BooleanField(_("ask which goals worry citizens"), default=True)
    allow_proposals = models.BooleanField(_("citizens may propose a goal of their own"), default=True)
    phase = models.CharField(_("phase"), max_length=8, choices=Phase.choices, default=Phase.DRAFT)
    closed_at = models.DateTimeField(null=True, blank=True, editable=False)
    adopted_at = models.DateTimeField(null=True, blank=True, editable=False)
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def __str__(self) -> str:
        return self.title


class Community(models.Model):
    """A community or district of a member municipality where the consultation is held."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="communities")
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        ordering = ["municipality_id", "name", "pk"]
        verbose_name = _("community")
        verbose_name_plural = _("communities")
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "municipality", "name"], name="participation_community_unique"
            )
        ]

    def __str__(self) -> str:
        return self.name


class BallotCode(models.Model):
    """A one-time code, stored only as its hash; printed in batches for people without e-mail."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="codes")
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    community = models.ForeignKey(Community, on_delete=models.CASCADE, null=True, blank=True, related_name="codes")
    batch = models.PositiveIntegerField()
    code_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["batch", "pk"]
        verbose_name = _("ballot code")
        verbose_name_plural = _("ballot codes")

    def __str__(self) -> str:
        return f"{self.consultation_id}/{self.batch}/{self.pk}"


class Ballot(models.Model):
    """One online ballot. ``voter`` or ``code`` says who may cast it once; neither appears in
    results or exports (they show ``receipt`` only)."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="ballots")
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    community = models.ForeignKey(Community, on_delete=models.SET_NULL, null=True, blank=True, related_name="ballots")
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    code = models.OneToOneField(BallotCode, on_delete=models.SET_NULL, null=True, blank=True, related_name="ballot")
    receipt = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    cast_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "voter"],
                condition=models.Q(voter__isnull=False),
                name="participation_one_ballot_per_person",
            ),
            models.CheckConstraint(
                condition=~(models.Q(voter__isnull=False) & models.Q(code__isnull=False)),
                name="participation_ballot_person_or_code",
            ),
        ]

    def __str__(self) -> str:
        return str(self.receipt)


class BallotChoice(models.Model):
    """One goal on a ballot: a priority (at ``position`` 1.. in ranked consultations) or a worry."""

    class Kind(models.TextChoices):
        PRIORITY = "priority", _("Priority")
        WORRY = "worry", _("Worry")

    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="choices")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    goal = models.PositiveSmallIntegerField(validators=GOAL_VALIDATORS)
    position = models.PositiveSmallIntegerField(default=1)

    class Meta:
        ordering = ["ballot_id", "kind", "position", "goal"]
        constraints = [
            models.UniqueConstraint(fields=["ballot", "kind", "goal"], name="participation_choice_once_per_ballot")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.goal}"


class PaperReturn(models.Model):
    """Tallies of the paper ballots of one community, entered by staff."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="paper_returns")
    community = models.OneToOneField(Community, on_delete=models.CASCADE, related_name="paper_return")
    ballots = models.PositiveIntegerField(_("paper ballots counted"))
    priorities = models.JSONField(default=dict)  # {"13": 40, ...}: votes per goal
    worries = models.JSONField(default=dict)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["community_id"]
        verbose_name = _("paper return")
        verbose_name_plural = _("paper returns")

    def __str__(self) -> str:
        return f"{self.community} ({self.ballots})"


class Proposal(models.Model):
    """A goal of their own that citizens propose (the "18th goal"), optionally mapped to an SDG."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="proposals")
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    community = models.ForeignKey(Community, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    text = models.CharField(_("proposed goal"), max_length=300)
    from_paper = models.BooleanField(default=False)
    group = models.CharField(_("group"), max_length=120, blank=True)
    mapped_goal = models.PositiveSmallIntegerField(
        _("closest official SDG"), null=True, blank=True, validators=GOAL_VALIDATORS
    )
    hidden_reason = models.CharField(_("reason for hiding"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["group", "pk"]
        verbose_name = _("proposed goal")
        verbose_name_plural = _("proposed goals")

    def __str__(self) -> str:
        return self.text[:60]


class AuditEntry(models.Model):
    """Who changed the settings of a consultation or parliament, and when."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    subject = models.CharField(max_length=200)
    action = models.CharField(max_length=200)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.subject}: {self.action}"


class Parliament(models.Model):
    """The joint city-to-city parliament and its budget vote."""

    class Rule(models.TextChoices):
        KNAPSACK = "knapsack", _("Knapsack: choose projects whose costs fit the budget")
        APPROVAL = "approval", _("Approval: choose any projects you support")

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="parliaments")
    title = models.CharField(_("title"), max_length=200)
    seats_per_municipality = models.PositiveSmallIntegerField(
        _("seats per municipality"), default=10, validators=[MinValueValidator(1)]
    )
    budget = models.PositiveIntegerField(_("budget to distribute"), validators=[MinValueValidator(1)])
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    rule = models.CharField(_("voting rule"), max_length=10, choices=Rule.choices, default=Rule.KNAPSACK)
    min_share = models.PositiveSmallIntegerField(
        _("minimum share of the budget to spend (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    min_projects = models.PositiveSmallIntegerField(_("minimum number of projects"), default=0)
    max_projects = models.PositiveSmallIntegerField(_("maximum number of projects"), null=True, blank=True)
    phase = models.CharField(_("phase"), max_length=8, choices=Phase.choices, default=Phase.DRAFT)
    closed_at = models.DateTimeField(null=True, blank=True, editable=False)
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("parliament")
        verbose_name_plural = _("parliaments")

    def __str__(self) -> str:
        return self.title


class ParliamentMember(models.Model):
    parliament = models.ForeignKey(Parliament, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")

    class Meta:
        ordering = ["municipality_id", "pk"]
        verbose_name = _("member of parliament")
        verbose_name_plural = _("members of parliament")
        constraints = [models.UniqueConstraint(fields=["parliament", "user"], name="participation_one_seat_per_person")]

    def __str__(self) -> str:
        return str(self.user)


class BudgetProposal(models.Model):
    parliament = models.ForeignKey(Parliament, on_delete=models.CASCADE, related_name="proposals")
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    cost = models.PositiveIntegerField(_("cost"), validators=[MinValueValidator(1)])
    goal = models.PositiveSmallIntegerField(_("main SDG"), null=True, blank=True, validators=GOAL_VALIDATORS)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("project proposal")
        verbose_name_plural = _("project proposals")

    def __str__(self) -> str:
        return self.title


class ProposalComment(models.Model):
    proposal = models.ForeignKey(BudgetProposal, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    text = models.TextField(_("comment"), max_length=2000)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return self.text[:60]


class BudgetBallot(models.Model):
    parliament = models.ForeignKey(Parliament, on_delete=models.CASCADE, related_name="ballots")
    member = models.OneToOneField(ParliamentMember, on_delete=models.SET_NULL, null=True, related_name="ballot")
    receipt = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    projects = models.ManyToManyField(BudgetProposal, related_name="ballots")
    cast_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("budget ballot")
        verbose_name_plural = _("budget ballots")

    def __str__(self) -> str:
        return str(self.receipt)


class YouthDebate(models.Model):
    """Pupils' groups from both municipalities, each assigned an SDG, argue for and against
    and vote on the joint project. Pupils have no accounts: a group joins with its one-time
    group code and signs with a first name only."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="youth_debates")
    title = models.CharField(_("title"), max_length=200)
    phase = models.CharField(_("phase"), max_length=8, choices=Phase.choices, default=Phase.DRAFT)
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("youth debate")
        verbose_name_plural = _("youth debates")

    def __str__(self) -> str:
        return self.title


class DebateGroup(models.Model):
    debate = models.ForeignKey(YouthDebate, on_delete=models.CASCADE, related_name="groups")
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    class_name = models.CharField(_("class"), max_length=60)
    goal = models.PositiveSmallIntegerField(_("assigned SDG"), validators=GOAL_VALIDATORS)
    code_hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("debate group")
        verbose_name_plural = _("debate groups")

    def __str__(self) -> str:
        return self.class_name


class ProjectOption(models.Model):
    debate = models.ForeignKey(YouthDebate, on_delete=models.CASCADE, related_name="options")
    title = models.CharField(_("joint project"), max_length=200)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("project option")
        verbose_name_plural = _("project options")

    def __str__(self) -> str:
        return self.title


class Argument(models.Model):
    class Side(models.TextChoices):
        FOR = "for", _("For")
        AGAINST = "against", _("Against")

    group = models.ForeignKey(DebateGroup, on_delete=models.CASCADE, related_name="arguments")
    side = models.CharField(_("side"), max_length=8, choices=Side.choices)
    first_name = models.CharField(_("first name"), max_length=40)
    text = models.CharField(_("argument"), max_length=500)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("argument")
        verbose_name_plural = _("arguments")

    def __str__(self) -> str:
        return self.text[:60]


class DebateVote(models.Model):
    """One vote per first name in a group (pupils sign with their first name only)."""

    debate = models.ForeignKey(YouthDebate, on_delete=models.CASCADE, related_name="votes")
    group = models.ForeignKey(DebateGroup, on_delete=models.CASCADE, related_name="votes")
    first_name = models.CharField(max_length=40)
    option = models.ForeignKey(ProjectOption, on_delete=models.CASCADE, related_name="votes")

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["group", "first_name"], name="participation_one_debate_vote_per_pupil")
        ]

    def __str__(self) -> str:
        return f"{self.group_id}: {self.option_id}"


class LocalisedGoal(models.Model):
    """A goal the parliament writes in its own words, mapped to the official SDGs and targets
    (and the partnership's local targets) through the SDG-link mechanism."""

    parliament = models.ForeignKey(Parliament, on_delete=models.CASCADE, related_name="localised_goals")
    title = models.CharField(_("our goal"), max_length=200)
    description = models.TextField(_("what it means for us"), blank=True)
    sdg_links = GenericRelation("sdg.SdgLink")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("localised goal")
        verbose_name_plural = _("localised goals")

    def __str__(self) -> str:
        return self.title
