"""Optimistic concurrency: a save succeeds only if nobody saved the row since it was read."""

from __future__ import annotations

from django.db import models
from django.db.models import F
from django.utils import timezone


class EditConflict(Exception):
    """Someone else saved this object after you opened it."""

    def __init__(self, current: models.Model):
        super().__init__("edit conflict")
        self.current = current


def save_versioned(instance: models.Model, expected_version: int, fields: list[str]) -> None:
    """Write ``fields`` of ``instance`` and bump ``version``, or raise EditConflict with the stored row."""
    model = type(instance)
    values = {name: getattr(instance, name) for name in fields}
    if any(field.name == "updated_at" for field in model._meta.fields):
        values["updated_at"] = timezone.now()
    updated = model.objects.filter(pk=instance.pk, version=expected_version).update(**values, version=F("version") + 1)
    if not updated:
        raise EditConflict(model.objects.get(pk=instance.pk))
    instance.version = expected_version + 1
