"""Municipalities, partnerships between them, and the people who work in them."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from twinning.localized import localized

IMAGE_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]


class Municipality(models.Model):
    slug = models.SlugField(unique=True, max_length=80)
    name = models.CharField(_("name"), max_length=120)
    country = CountryField(_("country"))
    region = models.CharField(_("region"), max_length=120, blank=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(
        _("population year"), null=True, blank=True, validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=5, validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=8, decimal_places=5, validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)  # ISO 639-1 codes
    website = models.URLField(_("website"), blank=True)
    description = models.JSONField(_("description"), default=dict, blank=True)
    photo = models.ImageField(
        _("logo or photo"),
        upload_to="municipalities/",
        blank=True,
        validators=[FileExtensionValidator(IMAGE_EXTENSIONS)],
    )
    is_demo = models.BooleanField(
        default=False, help_text=_("Created by the demo-data loader; figures may be invented.")
    )
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name

    @property
    def about(self) -> str:
        return localized(self.description)


class Partnership(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        PREPARING = "preparing", _("In preparation")
        DORMANT = "dormant", _("Dormant")
        ENDED = "ended", _("Ended")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        PRIVATE = "private", _("Members only")

    slug = models.SlugField(unique=True, max_length=120)
    title = models.JSONField(_("title"), default=dict)
    description = models.JSONField(_("description"), default=dict, blank=True)
    since = models.PositiveSmallIntegerField(
        _("partners since"), null=True, blank=True, validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.ACTIVE)
    visibility = models.CharField(_("visibility"), max_length=8, choices=Visibility.choices, default=Visibility.PUBLIC)
    members = models.ManyToManyField(Municipality, through="PartnershipMember", related_name="partnerships")
    sdg_links = GenericRelation("sdg.SdgLink")
    is_demo = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self.title) or self.slug

    @property
    def about(self) -> str:
        return localized(self.description)

    @property
    def is_public(self) -> bool:
        return self.visibility == self.Visibility.PUBLIC


class PartnershipMember(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="memberships")
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="partnership_memberships")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "municipality__name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "municipality"], name="foundation_member_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.municipality} in {self.partnership}"


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Partnership coordinator")
    STAFF = "staff", _("Municipal staff")
    CITIZEN = "citizen", _("Citizen")


class Membership(models.Model):
    """A person's role in a municipality; coordinators act for every partnership it belongs to."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="people")
    role = models.CharField(_("role"), max_length=12, choices=Role.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "municipality"], name="foundation_membership_unique")]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.municipality}"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Invitation(models.Model):
    """An e-mail link that gives its holder a role in a municipality. Only the token's hash is stored."""

    email = models.EmailField(_("e-mail address"))
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="invitations")
    role = models.CharField(_("role"), max_length=12, choices=Role.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} ({self.get_role_display()}, {self.municipality})"

    @staticmethod
    def new_token() -> str:
        return secrets.token_urlsafe(32)

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()
