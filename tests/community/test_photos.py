"""The 17-photo project: one validated photo per municipality and SDG, shown side by side and printable."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.community.conftest import png
from twinning.community.models import SdgPhoto

pytestmark = pytest.mark.django_db


def _upload(client, world, municipality, goal="13", caption="Trees", image=None):
    return client.post(
        reverse("community:photo_upload", args=["a-b"]),
        {"municipality": municipality.pk, "goal_number": goal, "caption": caption, "image": image or png()},
    )


def test_a_second_photo_for_the_same_sdg_replaces_the_first(client, world):
    client.force_login(world["staff_a"])
    assert _upload(client, world, world["a"], caption="First").status_code == 302
    first = SdgPhoto.objects.get().image.name
    assert _upload(client, world, world["a"], caption="Second").status_code == 302
    photo = SdgPhoto.objects.get()
    assert photo.caption == "Second"
    assert photo.image.name != first


def test_a_file_that_is_not_an_image_is_refused(client, world):
    client.force_login(world["staff_a"])
    svg = SimpleUploadedFile("photo.png", b'<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>')
    response = _upload(client, world, world["a"], image=svg)
    assert response.status_code == 200
    assert not SdgPhoto.objects.exists()


def test_staff_cannot_upload_for_the_partner_municipality(client, world):
    client.force_login(world["staff_a"])
    assert _upload(client, world, world["b"]).status_code == 200
    assert not SdgPhoto.objects.exists()


def test_the_gallery_shows_both_municipalities_per_sdg_with_captions_as_alt_and_a_print_stylesheet(client, world):
    client.force_login(world["staff_a"])
    _upload(client, world, world["a"], caption="Lommel trees <script>")
    client.force_login(world["coordinator_b"])
    _upload(client, world, world["b"], caption="Ongwediva trees")
    client.logout()
    page = client.get(reverse("community:photos", args=["a-b"])).content.decode()
    assert 'alt="Lommel trees &lt;script&gt;"' in page and 'alt="Ongwediva trees"' in page
    assert page.index("Lommel trees") < page.index("Ongwediva trees")
    assert "community/community.css" in page
    from django.contrib.staticfiles import finders

    assert "@media print" in open(finders.find("community/community.css")).read()


def _submit(client, world, caption="My bike <script>"):
    return client.post(
        reverse("community:citizen_photo_submit", args=["a-b"]),
        {"municipality": world["a"].pk, "goal_number": "11", "caption": caption, "image": png()},
    )


def test_a_citizens_picture_waits_for_moderation_and_shows_after_approval(client, world):
    from twinning.community.models import CitizenPhoto

    client.force_login(world["citizen"])
    assert _submit(client, world).status_code == 302
    photo = CitizenPhoto.objects.get()
    assert photo.status == "pending" and photo.submitted_by == world["citizen"]
    gallery = reverse("community:photos", args=["a-b"])
    assert "My bike" not in client.get(gallery).content.decode()
    client.force_login(world["coordinator_a"])
    assert "My bike &lt;script&gt;" in client.get(reverse("community:moderation", args=["a-b"])).content.decode()
    response = client.post(reverse("community:moderate", args=["a-b", photo.pk]), {"decision": "approved"})
    assert response.status_code == 302
    client.logout()
    assert 'alt="My bike &lt;script&gt;"' in client.get(gallery).content.decode()


def test_a_rejected_picture_stays_hidden(client, world):
    from twinning.community.models import CitizenPhoto

    client.force_login(world["citizen"])
    _submit(client, world, caption="Blurry")
    client.force_login(world["coordinator_a"])
    client.post(reverse("community:moderate", args=["a-b", CitizenPhoto.objects.get().pk]), {"decision": "rejected"})
    assert CitizenPhoto.objects.get().status == "rejected"
    assert "Blurry" not in client.get(reverse("community:photos", args=["a-b"])).content.decode()


def test_only_coordinators_of_the_pictures_municipality_moderate_it(client, world):
    from twinning.community.models import CitizenPhoto

    client.force_login(world["citizen"])
    _submit(client, world)
    photo = CitizenPhoto.objects.get()
    client.force_login(world["staff_a"])
    assert (
        client.post(reverse("community:moderate", args=["a-b", photo.pk]), {"decision": "approved"}).status_code == 403
    )
    client.force_login(world["coordinator_b"])
    assert (
        client.post(reverse("community:moderate", args=["a-b", photo.pk]), {"decision": "approved"}).status_code == 404
    )
    assert "My bike" not in client.get(reverse("community:moderation", args=["a-b"])).content.decode()
    assert CitizenPhoto.objects.get().status == "pending"


def test_a_citizen_cannot_send_in_a_picture_for_the_partner_municipality(client, world):
    from twinning.community.models import CitizenPhoto

    client.force_login(world["citizen"])
    client.post(
        reverse("community:citizen_photo_submit", args=["a-b"]),
        {"municipality": world["b"].pk, "goal_number": "11", "caption": "x", "image": png()},
    )
    assert not CitizenPhoto.objects.exists()
