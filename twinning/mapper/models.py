"""Documents mapped to the SDGs: the extracted text, the mapping result and the progress of the
background work. A document belongs to a partnership and to the member municipality that
uploaded it; shared, it is visible to the staff of every member."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from twinning.foundation.models import Municipality, Partnership


class MappedDocument(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Reading")
        DONE = "done", _("Mapped")
        FAILED = "failed", _("Could not be mapped")

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="mapped_documents")
    owner = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="mapped_documents", verbose_name=_("municipality")
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="mapper/%Y/", blank=True)
    file_name = models.CharField(max_length=255, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    text = models.TextField(blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    error_code = models.CharField(max_length=32, blank=True)
    error_detail = models.CharField(max_length=32, blank=True)
    result = models.JSONField(default=dict, blank=True)
    shared = models.BooleanField(
        _("shared with the partner"),
        default=False,
        help_text=_("Staff and coordinators of every member municipality can see a shared document."),
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("mapped document")
        verbose_name_plural = _("mapped documents")
        constraints = [
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="mapper_progress_at_most_100"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.FAILED}

    def scores(self) -> dict[int, float]:
        return {int(goal): value for goal, value in (self.result.get("scores") or {}).items()}

    def top(self) -> list[int]:
        return list(self.result.get("top") or [])
