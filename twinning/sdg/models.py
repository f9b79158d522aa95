"""The SDG reference data (goals, targets, indicators) and the one SDG-link mechanism.

Any content of any feature links to goals, official targets and a partnership's own local
targets through ``SdgLink``; features add ``sdg_links = GenericRelation("sdg.SdgLink")``
and write links through ``twinning.sdg.links.set_links``.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from twinning.localized import localized


class Pillar(models.TextChoices):
    PEOPLE = "people", pgettext_lazy("five Ps", "People")
    PLANET = "planet", pgettext_lazy("five Ps", "Planet")
    PROSPERITY = "prosperity", pgettext_lazy("five Ps", "Prosperity")
    PEACE = "peace", pgettext_lazy("five Ps", "Peace")
    PARTNERSHIP = "partnership", pgettext_lazy("five Ps", "Partnership")


class Goal(models.Model):
    number = models.PositiveSmallIntegerField(unique=True)
    colour = models.CharField(max_length=7)
    pillar = models.CharField(max_length=12, choices=Pillar.choices)
    short_title = models.JSONField(default=dict)
    title = models.JSONField(default=dict)

    class Meta:
        ordering = ["number"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def __str__(self) -> str:
        return f"{self.number}. {self.short}"

    @property
    def short(self) -> str:
        return localized(self.short_title)

    @property
    def full(self) -> str:
        return localized(self.title)


class Target(models.Model):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="targets")
    code = models.CharField(max_length=8, unique=True)  # "1.1", "1.a"
    order = models.PositiveSmallIntegerField()
    title = models.JSONField(default=dict)

    class Meta:
        ordering = ["goal__number", "order"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")

    def __str__(self) -> str:
        return self.code

    @property
    def full(self) -> str:
        return localized(self.title)


class Indicator(models.Model):
    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="indicators")
    code = models.CharField(max_length=12, unique=True)  # "1.1.1"
    order = models.PositiveSmallIntegerField()
    title = models.JSONField(default=dict)

    class Meta:
        ordering = ["target__goal__number", "target__order", "order"]
        verbose_name = _("global indicator")
        verbose_name_plural = _("global indicators")

    def __str__(self) -> str:
        return self.code

    @property
    def full(self) -> str:
        return localized(self.title)


class LocalTarget(models.Model):
    """A partnership's own target under an official one, such as 6.1.a."""

    owner = models.ForeignKey(
        settings.SDG_LOCAL_TARGET_OWNER_MODEL, on_delete=models.CASCADE, related_name="local_targets"
    )
    target = models.ForeignKey(Target, on_delete=models.PROTECT, related_name="local_targets")
    code = models.CharField(max_length=16)
    title = models.JSONField(default=dict)

    class Meta:
        ordering = ["target__goal__number", "target__order", "code"]
        constraints = [models.UniqueConstraint(fields=["owner", "code"], name="sdg_localtarget_unique_code")]
        verbose_name = _("local target")
        verbose_name_plural = _("local targets")

    def __str__(self) -> str:
        return self.code

    @property
    def full(self) -> str:
        return localized(self.title)


class SdgLink(models.Model):
    """Links one piece of content to a goal, optionally narrowed to a target or local target."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    goal = models.ForeignKey(Goal, on_delete=models.PROTECT, related_name="links")
    target = models.ForeignKey(Target, on_delete=models.PROTECT, null=True, blank=True, related_name="links")
    local_target = models.ForeignKey(LocalTarget, on_delete=models.CASCADE, null=True, blank=True, related_name="links")

    class Meta:
        indexes = [
            models.Index(fields=["content_type", "object_id"]),
            models.Index(fields=["goal", "content_type"]),
        ]
        verbose_name = _("SDG link")
        verbose_name_plural = _("SDG links")

    def __str__(self) -> str:
        return str(self.local_target or self.target or self.goal.number)
