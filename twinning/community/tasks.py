"""Background work of the community app (django-tasks): thumbnails of uploaded photos, the members' digest."""

from __future__ import annotations

import datetime as dt

from django.apps import apps
from django.utils import timezone
from django_tasks import task

from twinning.uploads import thumbnail

# models whose photos get a thumbnail: label -> the field that holds the photo
THUMBNAILED = {
    "community.story": "photo",
    "community.sdgphoto": "image",
    "community.citizenphoto": "image",
    "community.post": "photo",
    "community.contribution": "photo",
}


@task()
def make_thumbnail(label: str, pk: int) -> str:
    """Draw the thumbnail of one stored photo; returns its name ('' when the photo is gone)."""
    field = THUMBNAILED[label]  # only these models: the label comes from our own code, still checked
    model = apps.get_model(label)
    record = model.objects.filter(pk=pk).first()
    if record is None:
        return ""
    original = getattr(record, field)
    if not original:
        return ""
    old = record.thumbnail.name if record.thumbnail else None
    small = thumbnail(original)
    record.thumbnail.save(small.name, small, save=False)
    model.objects.filter(pk=pk).update(thumbnail=record.thumbnail.name)
    if old and old != record.thumbnail.name:
        record.thumbnail.storage.delete(old)
    return record.thumbnail.name


@task()
def send_digests(now_iso: str | None = None) -> int:
    """One digest e-mail per member who did not opt out and has something new; returns how many were sent."""
    from twinning.community import digest

    now = dt.datetime.fromisoformat(now_iso) if now_iso else timezone.now()
    return digest.send_all(now)
