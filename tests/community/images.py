"""Test images made on the fly: a photo with a GPS position, bombs and disguised markup."""

from __future__ import annotations

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

GPS_IFD = 0x8825


def jpeg_with_gps(name: str = "holiday.jpg", size=(40, 30), orientation: int | None = None) -> SimpleUploadedFile:
    """A JPEG whose EXIF holds a camera model and a GPS position in Harelbeke."""
    exif = Image.Exif()
    exif[0x0110] = "Phone 12 (test)"
    if orientation:
        exif[0x0112] = orientation
    gps = exif.get_ifd(GPS_IFD)
    gps.update({1: "N", 2: (50.0, 51.0, 23.0), 3: "E", 4: (3.0, 18.0, 50.0)})
    buffer = io.BytesIO()
    Image.new("RGB", size, "#3F7E44").save(buffer, "JPEG", exif=exif)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def gps_of(data: bytes) -> dict:
    with Image.open(io.BytesIO(data)) as image:
        return dict(image.getexif().get_ifd(GPS_IFD))


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


def png_header_only(width: int, height: int, name: str = "bomb.png") -> SimpleUploadedFile:
    """A tiny PNG that claims ``width`` x ``height`` pixels: decoding it would need gigabytes."""
    data = (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + _chunk(b"IDAT", zlib.compress(b"\x00" * 1024, 9))
        + _chunk(b"IEND", b"")
    )
    return SimpleUploadedFile(name, data, content_type="image/png")


SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script><rect width='10' height='10'/></svg>"
)
