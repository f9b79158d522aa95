"""Local SDG indicators: the curated library (and partnerships' own), the partners' joint
selection, each municipality's baseline and target, and the measurements.

Each municipality's rows are its own (``BaselineTarget``, ``Measurement``), so the two
partners never overwrite each other's figures.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from twinning.localized import localized

FIRST_YEAR = 1990
LAST_YEAR = 2100
YEAR_VALIDATORS = [MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]


class Direction(models.TextChoices):
    HIGHER = "higher_is_better", _("Higher is better")
    LOWER = "lower_is_better", _("Lower is better")


class LibraryIndicator(models.Model):
    """An indicator of the curated library (``owner`` empty) or a partnership's own (``owner`` set)."""

    code = models.CharField(_("code"), max_length=20)
    owner = models.ForeignKey(
        "foundation.Partnership",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="custom_indicators",
        verbose_name=_("partnership (custom indicator)"),
    )
    name = models.JSONField(_("name"), default=dict)
    definition = models.JSONField(_("definition"), default=dict, blank=True)
    unit = models.JSONField(_("unit"), default=dict, blank=True)
    direction = models.CharField(_("direction"), max_length=16, choices=Direction.choices)
    source = models.CharField(_("suggested data source"), max_length=300, blank=True)
    optimum = models.FloatField(_("optimum"))
    lower_bound = models.FloatField(_("lower bound"))
    optimum_reason = models.JSONField(_("why this optimum"), default=dict, blank=True)
    green_threshold = models.FloatField(_("green threshold"))
    red_threshold = models.FloatField(_("red threshold"))
    sdg_links = GenericRelation("sdg.SdgLink")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"], condition=models.Q(owner__isnull=True), name="indicators_library_unique_code"
            ),
            models.UniqueConstraint(fields=["owner", "code"], name="indicators_custom_unique_code"),
        ]
        verbose_name = _("local indicator")
        verbose_name_plural = _("local indicators")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def title(self) -> str:
        return localized(self.name)

    @property
    def about(self) -> str:
        return localized(self.definition)

    @property
    def unit_label(self) -> str:
        return localized(self.unit)

    @property
    def why_optimum(self) -> str:
        return localized(self.optimum_reason)

    @property
    def higher_is_better(self) -> bool:
        return self.direction == Direction.HIGHER

    @property
    def is_custom(self) -> bool:
        return self.owner_id is not None


class Selection(models.Model):
    """An indicator one member proposed for the partnership; a coordinator of another member decides."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ACCEPTED = "accepted", _("Selected")
        DECLINED = "declined", _("Declined")

    partnership = models.ForeignKey(
        "foundation.Partnership", on_delete=models.CASCADE, related_name="indicator_selections"
    )
    indicator = models.ForeignKey(LibraryIndicator, on_delete=models.CASCADE, related_name="selections")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED)
    proposed_by = models.ForeignKey(
        "foundation.Municipality", on_delete=models.CASCADE, related_name="+", verbose_name=_("proposed by")
    )
    proposer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    decided_by = models.ForeignKey(
        "foundation.Municipality", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decider = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reason = models.CharField(_("why"), max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["indicator__code"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "indicator"], name="indicators_selection_unique"),
        ]
        verbose_name = _("indicator selection")
        verbose_name_plural = _("indicator selections")

    def __str__(self) -> str:
        return f"{self.indicator.code} in {self.partnership_id} ({self.status})"


class BaselineTarget(models.Model):
    """One municipality's own baseline and target for a selected indicator."""

    selection = models.ForeignKey(Selection, on_delete=models.CASCADE, related_name="baselines")
    municipality = models.ForeignKey("foundation.Municipality", on_delete=models.CASCADE, related_name="+")
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), validators=YEAR_VALIDATORS)
    baseline_value = models.FloatField(_("baseline value"))
    target_year = models.PositiveSmallIntegerField(_("target year"), null=True, blank=True, validators=YEAR_VALIDATORS)
    target_value = models.FloatField(_("target value"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["selection", "municipality"], name="indicators_baseline_unique"),
        ]
        verbose_name = _("baseline and target")
        verbose_name_plural = _("baselines and targets")

    def __str__(self) -> str:
        return f"{self.municipality_id}: {self.baseline_value} ({self.baseline_year})"

    @property
    def has_target(self) -> bool:
        return self.target_year is not None and self.target_value is not None


class Sex(models.TextChoices):
    TOTAL = "", _("Total")
    FEMALE = "female", _("Women and girls")
    MALE = "male", _("Men and boys")


class AgeGroup(models.TextChoices):
    TOTAL = "", _("All ages")
    CHILDREN = "0-14", _("0 to 14 years")
    YOUTH = "15-24", _("15 to 24 years")
    ADULTS = "25-64", _("25 to 64 years")
    ELDERLY = "65+", _("65 years and older")


class Measurement(models.Model):
    """A municipality's value of an indicator for a year, optionally for one sex or age group."""

    # no index of its own: the unique constraint below starts with the indicator (fewer index writes on import)
    indicator = models.ForeignKey(
        LibraryIndicator, on_delete=models.CASCADE, related_name="measurements", db_index=False
    )
    municipality = models.ForeignKey("foundation.Municipality", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    sex = models.CharField(_("sex"), max_length=8, choices=Sex.choices, blank=True, default="")
    age_group = models.CharField(_("age group"), max_length=8, choices=AgeGroup.choices, blank=True, default="")
    value = models.FloatField(_("value"))
    source = models.CharField(_("source"), max_length=300, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["indicator", "municipality", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "municipality", "year", "sex", "age_group"], name="indicators_measurement_unique"
            ),
        ]
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.municipality_id} {self.year}: {self.value}"

    @property
    def is_total(self) -> bool:
        return not self.sex and not self.age_group


class ImportBatch(models.Model):
    """An uploaded CSV or XLSX file: previewed, optionally with its columns mapped, then imported by a
    background task. The file lives in the shared media storage so any process can read it.

    ``status`` moves pending → queued → running → done or failed. The rows and the step to
    ``done`` are written in one transaction, so a batch left ``running`` by a killed worker has
    written nothing; the pages show it as stopped once its progress reports go silent."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for your check")
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Failed")

    partnership = models.ForeignKey("foundation.Partnership", on_delete=models.CASCADE, related_name="+")
    municipality = models.ForeignKey("foundation.Municipality", on_delete=models.CASCADE, related_name="+")
    file = models.FileField(upload_to="indicator-imports/")
    filename = models.CharField(max_length=200)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    committed_at = models.DateTimeField(null=True, blank=True)
    result = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PENDING)
    mapping = models.JSONField(default=dict, blank=True)  # {"columns": {field: index}, "indicator": code}
    started_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("measurement import")
        verbose_name_plural = _("measurement imports")

    def __str__(self) -> str:
        return self.filename


class Comment(models.Model):
    """One message in the follow-up discussion of a selected indicator; shown oldest first."""

    selection = models.ForeignKey(Selection, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    municipality = models.ForeignKey(
        "foundation.Municipality", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    body = models.TextField(_("comment"), max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["selection", "created_at"], name="indicators_comment_thread")]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return f"{self.selection_id}: {self.body[:40]}"


class Reminder(models.Model):
    """A reminder sent that a municipality's yearly value is due; claimed before sending, so never twice."""

    selection = models.ForeignKey(Selection, on_delete=models.CASCADE, related_name="+")
    municipality = models.ForeignKey("foundation.Municipality", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(validators=YEAR_VALIDATORS)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["selection", "municipality", "year"], name="indicators_reminder_once"),
        ]
        verbose_name = _("measurement reminder")
        verbose_name_plural = _("measurement reminders")

    def __str__(self) -> str:
        return f"{self.selection_id} {self.municipality_id} {self.year}"
