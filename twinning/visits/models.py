"""Work visits of a partnership: dates, host, purpose, delegation, programme, and the trees
planted to compensate their flights."""

from __future__ import annotations

import secrets
from decimal import Decimal

from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from twinning.foundation.models import Municipality, Partnership


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


class CabinClass(models.TextChoices):
    ECONOMY = "economy", _("Economy")
    PREMIUM_ECONOMY = "premium_economy", _("Premium economy")
    BUSINESS = "business", _("Business")
    FIRST = "first", _("First")


class Gender(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    NON_BINARY = "non_binary", _("Non-binary")
    UNSPECIFIED = "unspecified", _("Unspecified")


class Visit(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="visits")
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    host = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="hosted_visits", verbose_name=_("host municipality")
    )
    purpose = models.TextField(_("purpose"))
    time_zone = models.CharField(
        _("time zone of the host"),
        max_length=64,
        default="UTC",
        help_text=_("The programme's times are local times in this zone, e.g. Europe/Brussels or Africa/Windhoek."),
    )
    feed_token = models.CharField(max_length=64, unique=True, default=new_feed_token, editable=False)
    sdg_links = GenericRelation("sdg.SdgLink")
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-start_date", "pk"]
        verbose_name = _("work visit")
        verbose_name_plural = _("work visits")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")), name="visits_end_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.host} {self.start_date:%Y-%m-%d}"


class Delegate(models.Model):
    """One traveller (or host participant) of a visit's delegation."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="delegates")
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=120, blank=True)
    organisation = models.CharField(_("organisation or department"), max_length=160, blank=True)
    gender = models.CharField(_("gender"), max_length=12, choices=Gender.choices, default=Gender.UNSPECIFIED)
    travelling_from = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("travelling from")
    )
    cabin_class = models.CharField(
        _("cabin class"), max_length=16, choices=CabinClass.choices, default=CabinClass.ECONOMY
    )
    departure_airport = models.CharField(
        _("departure airport"),
        max_length=3,
        blank=True,
        help_text=_("IATA code, e.g. BRU. Leave empty for the airport nearest to the home municipality."),
    )
    arrival_airport = models.CharField(
        _("arrival airport"),
        max_length=3,
        blank=True,
        help_text=_("IATA code, e.g. OND. Leave empty for the airport nearest to the host municipality."),
    )
    sdg_links = GenericRelation("sdg.SdgLink")

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("delegate")
        verbose_name_plural = _("delegates")

    def __str__(self) -> str:
        return self.name


class ProgrammeItem(models.Model):
    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="items")
    day = models.DateField(_("day"))
    start_time = models.TimeField(_("from"))
    end_time = models.TimeField(_("until"))
    place = models.CharField(_("place"), max_length=200)
    who = models.CharField(_("who"), max_length=300, blank=True)
    what = models.TextField(_("what"))
    good_practice = models.BooleanField(
        _("shows a good practice"),
        default=False,
        help_text=_("Tick when this item shows a good practice for its SDGs (the 17 SDGs checklist)."),
    )
    sdg_links = GenericRelation("sdg.SdgLink")
    sequence = models.PositiveIntegerField(
        default=0, help_text=_("Raised on every change, so subscribed calendars update the event.")
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["day", "start_time", "pk"]
        verbose_name = _("programme item")
        verbose_name_plural = _("programme items")

    def __str__(self) -> str:
        return f"{self.day} {self.start_time:%H:%M} {self.place}"


class CompensationMethod(models.TextChoices):
    TREES = "trees", _("Plant trees")
    OFFSET = "offset", _("Buy a certified offset")


class CompensationPlan(models.Model):
    """How a partnership compensates flight emissions: trees, or a certified offset bought at a
    price per tonne. Without a row the defaults apply (trees)."""

    partnership = models.OneToOneField(Partnership, on_delete=models.CASCADE, related_name="compensation_plan")
    kg_co2_per_tree_year = models.DecimalField(
        _("kg CO2 a tree absorbs per year"),
        max_digits=6,
        decimal_places=2,
        default=Decimal("25"),
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    tree_years = models.PositiveSmallIntegerField(
        _("years counted per tree"), default=20, validators=[MinValueValidator(1)]
    )
    trees_home = models.PositiveSmallIntegerField(_("trees per traveller in the home municipality"), default=10)
    trees_host = models.PositiveSmallIntegerField(_("trees per traveller in the host municipality"), default=5)
    include_non_co2 = models.BooleanField(
        _("count non-CO2 effects (radiative forcing)"),
        default=False,
        help_text=_("Multiplies flight emissions by the radiative-forcing factor shown with the sources."),
    )
    method = models.CharField(
        _("compensation"), max_length=8, choices=CompensationMethod.choices, default=CompensationMethod.TREES
    )
    offset_price_per_tonne = models.DecimalField(
        _("offset price per tonne CO2e"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("The certified offset's price for one tonne (1,000 kg) of CO2e, exact to the cent."),
    )
    offset_currency = models.CharField(
        _("offset currency"), max_length=3, default="EUR", help_text=_("ISO 4217 code, e.g. EUR.")
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("compensation plan")
        verbose_name_plural = _("compensation plans")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(offset_price_per_tonne__gte=0) | models.Q(offset_price_per_tonne__isnull=True),
                name="visits_offset_price_not_negative",
            )
        ]

    def __str__(self) -> str:
        return str(self.partnership)


class TreePlanting(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="tree_plantings")
    visit = models.ForeignKey(
        Visit, on_delete=models.SET_NULL, null=True, blank=True, related_name="tree_plantings", verbose_name=_("visit")
    )
    date = models.DateField(_("date planted"))
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("municipality")
    )
    count = models.PositiveIntegerField(_("number of trees"), validators=[MinValueValidator(1)])
    place = models.CharField(_("place"), max_length=200)
    photo = models.ImageField(_("photo"), upload_to="visits/trees/", blank=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["-date", "pk"]
        verbose_name = _("tree planting")
        verbose_name_plural = _("tree plantings")

    def __str__(self) -> str:
        return f"{self.count} × {self.municipality} {self.date}"


class Agreement(models.Model):
    """One line of a visit's agreement memo. Each row is versioned: partners editing the same
    agreement at once get a conflict screen, never a silent overwrite."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="agreements")
    what = models.TextField(_("what is agreed"))
    owner_municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("owner municipality")
    )
    owner_name = models.CharField(_("owner (person)"), max_length=120)
    owner_email = models.EmailField(
        _("owner's e-mail address"), blank=True, help_text=_("For reminders before and after the deadline.")
    )
    deadline = models.DateField(_("deadline"))
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.OPEN)
    follow_up = models.TextField(_("follow-up notes"), blank=True)
    sdg_links = GenericRelation("sdg.SdgLink")
    reminded_before = models.DateField(null=True, blank=True, editable=False)
    reminded_after = models.DateField(null=True, blank=True, editable=False)
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["deadline", "pk"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")

    def __str__(self) -> str:
        return self.what[:60]
