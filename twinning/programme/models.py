"""A partnership's multi-annual programme (strategic goals, actions, activities with SDG links,
budgets and results) and its protocol for visits."""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from twinning.foundation.models import Municipality, Partnership


class Currency(models.TextChoices):
    EUR = "EUR", _("Euro (EUR)")
    NAD = "NAD", _("Namibian dollar (NAD)")
    XOF = "XOF", _("West African CFA franc (XOF)")
    NIO = "NIO", _("Nicaraguan córdoba (NIO)")
    USD = "USD", _("US dollar (USD)")
    GTQ = "GTQ", _("Guatemalan quetzal (GTQ)")
    PEN = "PEN", _("Peruvian sol (PEN)")
    BOB = "BOB", _("Bolivian boliviano (BOB)")
    MAD = "MAD", _("Moroccan dirham (MAD)")


class Status(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class Programme(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="programmes")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-start_year", "pk"]
        verbose_name = _("multi-annual programme")
        verbose_name_plural = _("multi-annual programmes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_year__gte=models.F("start_year")), name="programme_end_not_before_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.start_year}–{self.end_year})"

    @property
    def years(self) -> list[int]:
        return list(range(self.start_year, self.end_year + 1))


class StrategicGoal(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="goals")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("strategic goal")
        verbose_name_plural = _("strategic goals")

    def __str__(self) -> str:
        return self.title


class Action(models.Model):
    goal = models.ForeignKey(StrategicGoal, on_delete=models.CASCADE, related_name="actions")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")

    def __str__(self) -> str:
        return self.title


class Activity(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="activities")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    responsible = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="programme_activities",
        verbose_name=_("responsible municipality"),
    )
    department = models.CharField(_("department"), max_length=200, blank=True)
    budget = models.DecimalField(
        _("budget"), max_digits=14, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, default=Currency.EUR)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PLANNED)
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, help_text=_("The programme year of this activity, if it has one.")
    )
    results = models.TextField(_("results"), blank=True)
    sdg_links = GenericRelation("sdg.SdgLink")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [models.CheckConstraint(condition=models.Q(budget__gte=0), name="activity_budget_not_negative")]

    def __str__(self) -> str:
        return self.title


class Protocol(models.Model):
    """The partnership's conduct agreement for visits: one per partnership."""

    partnership = models.OneToOneField(Partnership, on_delete=models.CASCADE, related_name="protocol")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("protocol")
        verbose_name_plural = _("protocols")

    def __str__(self) -> str:
        return str(self.partnership)


class ProtocolItem(models.Model):
    protocol = models.ForeignKey(Protocol, on_delete=models.CASCADE, related_name="items")
    text = models.JSONField(_("text"), default=dict)  # {"en": ..., "nl": ..., "fr": ..., "es": ...}
    position = models.PositiveSmallIntegerField(default=0)
    sdg_links = GenericRelation("sdg.SdgLink")

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("protocol item")
        verbose_name_plural = _("protocol items")

    def __str__(self) -> str:
        return str(self.text.get("en", ""))[:60]


class Channel(models.TextChoices):
    SOCIAL_MEDIA = "social_media", _("Social media")
    WEBSITE = "website", _("Website or newsletter")
    PRESS = "press", _("Press")
    RADIO = "radio", _("Local radio or TV")
    EVENT = "event", _("Event")
    SCHOOLS = "schools", _("Schools")
    POSTERS = "posters", _("Posters and flyers")
    OTHER = "other", _("Other")


class CampaignPlan(models.Model):
    """The awareness campaign of one programme year for that year's focus SDG."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="campaigns")
    year = models.PositiveSmallIntegerField(_("year"))
    goal = models.PositiveSmallIntegerField(
        _("focus SDG"), help_text=_("The year's focus SDG when the plan was made (from the priorities).")
    )
    aims = models.TextField(_("aims"))
    audiences = models.TextField(_("audiences"))
    budget = models.DecimalField(
        _("budget"), max_digits=14, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, default=Currency.EUR)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PLANNED)
    is_demo = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["year", "pk"]
        verbose_name = _("campaign plan")
        verbose_name_plural = _("campaign plans")
        constraints = [
            models.UniqueConstraint(fields=["programme", "year"], name="programme_one_campaign_per_year"),
            models.CheckConstraint(condition=models.Q(budget__gte=0), name="campaign_budget_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.programme} {self.year}"


class CampaignAction(models.Model):
    """One action of a campaign: what, through which channel, when, who owns it, what it costs."""

    campaign = models.ForeignKey(CampaignPlan, on_delete=models.CASCADE, related_name="actions")
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    what = models.CharField(_("what"), max_length=200)
    date = models.DateField(_("date"))
    owner = models.CharField(_("owner (person or department)"), max_length=160)
    cost = models.DecimalField(
        _("cost"), max_digits=14, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, default=Currency.EUR)
    rate = models.DecimalField(
        _("exchange rate to the plan's currency"),
        max_digits=14,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("Only for a cost in another currency than the plan's: the plan's currency for 1 unit of this one."),
    )

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("campaign action")
        verbose_name_plural = _("campaign actions")
        constraints = [
            models.CheckConstraint(condition=models.Q(cost__gte=0), name="campaign_action_cost_not_negative")
        ]

    def __str__(self) -> str:
        return self.what
