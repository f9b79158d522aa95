"""Uploaded images are checked by decoding them, never trusted by name; media is never served as HTML.

* ``validate_image`` refuses what is not a JPEG, PNG or WebP by its content (an SVG, HTML, a
  script named ``.png``), files over 5 MB and images over 40 megapixels. The pixel count is read
  from the header before anything is decoded, and Pillow's own decompression-bomb guard is made
  an error, so a small file that would expand into gigabytes is refused, not decoded.
* ``without_metadata`` re-encodes a validated image from its pixels only: EXIF (GPS position,
  camera, owner), XMP, ICC comments and anything appended after the image data are gone. The
  EXIF orientation is applied first, so the photo stands the way it was taken.
* ``thumbnail`` draws a small JPEG/PNG copy for lists and galleries (a background task calls it).
"""

from __future__ import annotations

import io
import mimetypes
import warnings
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000
THUMBNAIL_SIZE = (480, 480)
_MARKUP_STARTS = (b"<", b"\xef\xbb\xbf<")  # SVG, XML, HTML (with or without a byte-order mark)


def _head(upload, size: int = 512) -> bytes:
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        return upload.read(size)
    finally:
        upload.seek(position)


def validate_image(upload) -> None:
    """Raise ``ValidationError`` unless ``upload`` is a JPEG, PNG or WebP within the size and pixel limits."""
    if upload.size > MAX_BYTES:
        raise ValidationError(_("The image is larger than 5 MB."), code="too_large")
    if _head(upload).lstrip(b" \t\r\n").startswith(_MARKUP_STARTS):  # SVG or HTML, whatever its name
        raise ValidationError(_("Upload a JPEG, PNG or WebP image."), code="format")
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                image_format = image.format
                width, height = image.size
                if width * height > MAX_PIXELS:
                    raise ValidationError(_("The image has too many pixels."), code="too_large")
                image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ValidationError(_("The image has too many pixels."), code="too_large") from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(_("This file is not an image we can read (JPEG, PNG or WebP)."), code="invalid") from exc
    finally:
        upload.seek(position)
    if image_format not in ALLOWED_FORMATS:
        raise ValidationError(_("Upload a JPEG, PNG or WebP image."), code="format")


def _encode(image: Image.Image, image_format: str) -> bytes:
    buffer = io.BytesIO()
    if image_format == "JPEG":
        image.convert("RGB").save(buffer, "JPEG", quality=88, optimize=True)
    elif image_format == "WEBP":
        image.save(buffer, "WEBP", quality=88)
    else:
        image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def without_metadata(upload) -> SimpleUploadedFile:
    """A copy of a validated image made from its pixels alone: no EXIF (no GPS), no XMP, no trailing data."""
    validate_image(upload)
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        with Image.open(upload) as original:
            image_format = original.format
            upright = ImageOps.exif_transpose(original)
            pixels = Image.frombytes(upright.mode, upright.size, upright.tobytes())
            if upright.mode == "P" and upright.getpalette():
                pixels.putpalette(upright.getpalette())
    finally:
        upload.seek(position)
    stem = PurePath(getattr(upload, "name", "") or "photo").stem[:80] or "photo"
    name = f"{stem}.{EXTENSIONS[image_format]}"
    return SimpleUploadedFile(name, _encode(pixels, image_format), content_type=ALLOWED_FORMATS[image_format])


def thumbnail(stored_file, size: tuple[int, int] = THUMBNAIL_SIZE) -> SimpleUploadedFile:
    """A small copy (within ``size``) of an image already stored; JPEG for photos, PNG where it has transparency."""
    stored_file.open("rb")
    try:
        with Image.open(stored_file) as image:
            small = ImageOps.exif_transpose(image)
            small.thumbnail(size)
            image_format = "PNG" if small.mode in {"RGBA", "LA", "P"} else "JPEG"
            data = _encode(small, image_format)
    finally:
        stored_file.close()
    stem = PurePath(stored_file.name).stem
    return SimpleUploadedFile(
        f"{stem}-thumb.{EXTENSIONS[image_format]}", data, content_type=ALLOWED_FORMATS[image_format]
    )


SAFE_INLINE_TYPES = set(ALLOWED_FORMATS.values()) | {"application/pdf"}


def safe_content_type(name: str) -> tuple[str, bool]:
    """The type to serve a stored file with, and whether it may be shown inline (never SVG or HTML)."""
    guessed, _encoding = mimetypes.guess_type(name)
    if guessed in SAFE_INLINE_TYPES:
        return guessed, True
    return "application/octet-stream", False
