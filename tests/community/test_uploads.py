"""Every upload rule: types by content, size and pixel limits, decompression bombs, SVG with script,
EXIF and GPS stripped, thumbnails in a background task, consent for photos of children, and
nothing served as HTML or SVG."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from tests.community.conftest import png
from tests.community.images import SVG_WITH_SCRIPT, gps_of, jpeg_with_gps, png_header_only
from tests.community.test_stories import _post
from twinning.community.models import CitizenPhoto, SdgPhoto, Story
from twinning.uploads import MAX_BYTES, thumbnail, validate_image, without_metadata

pytestmark = pytest.mark.django_db


def _refused(upload) -> str:
    with pytest.raises(ValidationError) as error:
        validate_image(upload)
    return error.value.messages[0]


def test_an_svg_with_a_script_is_refused_whatever_its_name():
    for name in ["drawing.svg", "drawing.png", "drawing.jpg"]:
        assert _refused(SimpleUploadedFile(name, SVG_WITH_SCRIPT)) == "Upload a JPEG, PNG or WebP image."


def test_an_svg_without_xml_declaration_and_html_with_a_byte_order_mark_are_refused():
    assert _refused(SimpleUploadedFile("a.png", b'  <svg xmlns="http://www.w3.org/2000/svg"/>'))
    assert _refused(SimpleUploadedFile("a.png", b"\xef\xbb\xbf<html><script>x()</script></html>"))


def test_a_decompression_bomb_is_refused_before_it_is_decoded():
    bomb = png_header_only(60_000, 60_000)  # 3.6 gigapixels in a file of a few hundred bytes
    assert bomb.size < 1000
    assert _refused(bomb) == "The image has too many pixels."


def test_an_image_over_the_pixel_limit_is_refused_even_below_pillows_own_guard():
    assert _refused(png_header_only(7_000, 7_000)) == "The image has too many pixels."  # 49 Mpx > 40 Mpx


def test_a_file_over_five_megabytes_is_refused():
    big = SimpleUploadedFile("big.png", b"\x89PNG" + b"\x00" * MAX_BYTES)
    assert _refused(big) == "The image is larger than 5 MB."


def test_a_gif_is_refused_by_its_content():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buffer, "GIF")
    assert _refused(SimpleUploadedFile("cat.jpg", buffer.getvalue())) == "Upload a JPEG, PNG or WebP image."


def test_truncated_image_data_is_refused():
    data = jpeg_with_gps().read()
    assert "not an image we can read" in _refused(SimpleUploadedFile("cut.jpg", data[:200]))


def test_stripping_removes_the_gps_position_and_all_exif_but_keeps_the_pixels():
    original = jpeg_with_gps()
    assert gps_of(original.read())
    original.seek(0)
    clean = without_metadata(original)
    data = clean.read()
    assert gps_of(data) == {}
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "JPEG" and image.size == (40, 30)
        assert "exif" not in image.info and not image.getexif()
    assert clean.name == "holiday.jpg"


def test_stripping_turns_the_photo_upright_as_the_camera_said():
    rotated = jpeg_with_gps(size=(40, 30), orientation=6)  # 6: turn 90 degrees clockwise to view
    with Image.open(without_metadata(rotated)) as image:
        assert image.size == (30, 40)


def test_stripping_drops_data_appended_after_the_image():
    data = png().read() + b"<script>alert(1)</script>"
    clean = without_metadata(SimpleUploadedFile("p.png", data)).read()
    assert b"<script>" not in clean


def test_a_story_photo_is_stored_without_its_gps_position_and_gets_a_thumbnail(client, world):
    client.force_login(world["staff_a"])
    data = _post(world, photo=jpeg_with_gps(size=(1200, 900)), photo_caption="Our square")
    assert client.post(reverse("community:story_create", args=["a-b"]), data).status_code == 302
    story = Story.objects.get()
    with story.photo.open("rb") as stored:
        assert gps_of(stored.read()) == {}
    assert story.thumbnail, "the background task (immediate in tests) made the thumbnail"
    with Image.open(story.thumbnail.path) as small:
        assert max(small.size) == 480
    page = client.get(reverse("community:story", args=["a-b", story.pk])).content.decode()
    assert story.photo.url in page


def test_the_17_photo_upload_strips_gps_and_the_gallery_shows_the_thumbnail(client, world):
    client.force_login(world["staff_a"])
    response = client.post(
        reverse("community:photo_upload", args=["a-b"]),
        {"municipality": world["a"].pk, "goal_number": "6", "caption": "Water", "image": jpeg_with_gps()},
    )
    assert response.status_code == 302
    photo = SdgPhoto.objects.get()
    with photo.image.open("rb") as stored:
        assert gps_of(stored.read()) == {}
    assert photo.thumbnail.url in client.get(reverse("community:photos", args=["a-b"])).content.decode()


def test_an_svg_upload_shows_a_clear_message_and_stores_nothing(client, world):
    client.force_login(world["citizen"])
    response = client.post(
        reverse("community:citizen_photo_submit", args=["a-b"]),
        {
            "municipality": world["a"].pk,
            "goal_number": "11",
            "caption": "x",
            "image": SimpleUploadedFile("x.svg", SVG_WITH_SCRIPT, content_type="image/svg+xml"),
        },
    )
    assert response.status_code == 200
    assert "Upload a valid image." in response.content.decode()  # Django's image field decodes it first
    assert not CitizenPhoto.objects.exists()


def test_a_photo_of_children_needs_the_guardians_consent_which_is_then_recorded(client, world):
    client.force_login(world["citizen"])
    url = reverse("community:citizen_photo_submit", args=["a-b"])
    data = {"municipality": world["a"].pk, "goal_number": "4", "caption": "Class", "shows_minors": "on"}
    response = client.post(url, {**data, "image": png()})
    assert response.status_code == 200
    assert "consent" in response.content.decode()
    assert not CitizenPhoto.objects.exists()
    assert client.post(url, {**data, "image": png(), "minors_consent": "on"}).status_code == 302
    photo = CitizenPhoto.objects.get()
    assert photo.shows_minors and photo.minors_consent_by == world["citizen"] and photo.minors_consent_at


def test_the_thumbnail_of_a_large_photo_fits_in_the_box_and_keeps_its_proportions(tmp_path):
    buffer = io.BytesIO()
    Image.new("RGB", (2000, 1000), "#E5243B").save(buffer, "PNG")
    name = default_storage.save("t/wide.png", ContentFile(buffer.getvalue()))
    small = thumbnail(default_storage.open(name))
    with Image.open(small) as image:
        assert image.size == (480, 240) and image.format == "JPEG"


def test_svg_and_html_files_in_storage_are_never_served_inline(client):
    for name in ["x.svg", "x.html", "x.htm", "x.xhtml"]:
        stored = default_storage.save(f"t/{name}", ContentFile(SVG_WITH_SCRIPT))
        response = client.get(f"/media/{stored}")
        assert response["Content-Type"] == "application/octet-stream", name
        assert response["Content-Disposition"].startswith("attachment")
        assert response["X-Content-Type-Options"] == "nosniff"
