"""Uploaded images are checked by decoding them, never trusted by name; media is never served as HTML."""

from __future__ import annotations

import mimetypes

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000


def validate_image(upload) -> None:
    if upload.size > MAX_BYTES:
        raise ValidationError(_("The image is larger than 5 MB."), code="too_large")
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        with Image.open(upload) as image:
            image_format = image.format
            width, height = image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(_("This file is not an image we can read (JPEG, PNG or WebP)."), code="invalid") from exc
    finally:
        upload.seek(position)
    if image_format not in ALLOWED_FORMATS:
        raise ValidationError(_("Upload a JPEG, PNG or WebP image."), code="format")
    if width * height > MAX_PIXELS:
        raise ValidationError(_("The image has too many pixels."), code="too_large")


SAFE_INLINE_TYPES = set(ALLOWED_FORMATS.values()) | {"application/pdf"}


def safe_content_type(name: str) -> tuple[str, bool]:
    """The type to serve a stored file with, and whether it may be shown inline."""
    guessed, _encoding = mimetypes.guess_type(name)
    if guessed in SAFE_INLINE_TYPES:
        return guessed, True
    return "application/octet-stream", False
