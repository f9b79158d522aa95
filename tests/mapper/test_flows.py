"""The mapper pages: upload (file or text), the profile with wheel and highlighted passages,
background progress, sharing with the partner, comparison, every bad input with its message."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from tests.mapper.documents import (
    DUTCH_COALITION,
    SPANISH_PLAN,
    encrypted_pdf,
    make_docx,
    make_pdf,
    scanned_pdf,
    zip_bomb_docx,
)
from twinning.mapper import actions
from twinning.mapper.models import MappedDocument

pytestmark = pytest.mark.django_db


def _create_url(world) -> str:
    return reverse("mapper:create", kwargs={"slug": world["partnership"].slug})


def _upload(client, world, data: bytes, name: str, title: str = "Coalition agreement", **extra):
    upload = SimpleUploadedFile(name, data)
    return client.post(_create_url(world), {"title": title, "owner": world["a"].pk, "file": upload, **extra})


def test_coordinator_uploads_a_dutch_pdf_and_sees_wheel_and_highlighted_passages(client, world):
    client.force_login(world["coordinator_a"])
    response = _upload(client, world, make_pdf(DUTCH_COALITION), "akkoord.pdf", title="Bestuursakkoord")
    document = MappedDocument.objects.get()
    assert response.status_code == 302 and response.url.endswith(f"/mapper/{document.pk}/")
    assert document.status == "done" and document.language == "nl" and document.progress == 100
    assert {1, 2, 7, 11, 13, 17} <= set(document.top())
    page = client.get(response.url).content.decode()
    assert "sdg-wheel" in page or "<svg" in page
    assert "<mark>Kinderarmoede</mark>" in page
    assert "Targets most addressed" in page


def test_pasted_spanish_text_is_mapped(client, world):
    client.force_login(world["staff_a"])
    response = client.post(
        _create_url(world), {"title": "Plan", "owner": world["a"].pk, "text": "\n".join(SPANISH_PLAN)}
    )
    document = MappedDocument.objects.get()
    assert response.status_code == 302
    assert document.language == "es" and {4, 5, 6} <= set(document.top())


def test_a_docx_is_read_and_the_chosen_language_is_kept(client, world):
    client.force_login(world["coordinator_a"])
    _upload(client, world, make_docx(DUTCH_COALITION), "akkoord.docx", language="nl")
    document = MappedDocument.objects.get()
    assert document.language == "nl" and document.status == "done" and "broeikasgassen" in document.text


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (scanned_pdf(), "scan.pdf", "no text layer"),
        (encrypted_pdf(), "secret.pdf", "protected with a password"),
        (b"%PDF-1.7\nbroken", "broken.pdf", "damaged"),
        (zip_bomb_docx(40), "bomb.docx", "zip bomb"),
        (b"\x00\x01binary", "plan.exe", "Upload a PDF"),
    ],
)
def test_bad_files_get_a_clear_message_and_nothing_is_stored(client, world, data, name, message):
    client.force_login(world["coordinator_a"])
    response = _upload(client, world, data, name)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not MappedDocument.objects.exists()


def test_an_unsupported_language_is_refused_by_name(client, world):
    client.force_login(world["coordinator_a"])
    german = "Die Gemeinde wird die Energiewende mit den Bürgern gestalten, und das Klima ist uns wichtig."
    response = client.post(_create_url(world), {"title": "Vertrag", "owner": world["a"].pk, "text": german})
    assert response.status_code == 400
    assert "does not read (de)" in response.content.decode()
    assert not MappedDocument.objects.exists()


def test_a_declared_500_mb_upload_is_refused_before_the_body_is_read(client, world):
    client.force_login(world["coordinator_a"])
    response = client.generic(
        "POST",
        _create_url(world),
        b"x" * 10,
        content_type="multipart/form-data; boundary=BoUnDaRy",
        CONTENT_LENGTH=str(500 * 1024 * 1024),
    )
    assert response.status_code == 413
    assert "larger than 25 MB" in response.content.decode()


@override_settings(MAPPER_MAX_UPLOAD_BYTES=2000)
def test_a_file_over_the_limit_is_dropped_while_it_streams_in(client, world):
    client.force_login(world["coordinator_a"])
    response = _upload(client, world, b"The climate plan. " * 500, "long.txt")
    assert response.status_code == 400
    assert "larger than" in response.content.decode()
    assert not MappedDocument.objects.exists()


def test_empty_form_and_both_inputs_are_refused(client, world):
    client.force_login(world["coordinator_a"])
    response = client.post(_create_url(world), {"title": "x", "owner": world["a"].pk})
    assert "Upload a file or paste a text." in response.content.decode()
    both = _upload(client, world, b"The climate plan.", "a.txt", text="The climate plan and the emissions.")
    assert "not both" in both.content.decode()


def test_a_citizen_cannot_upload(client, world):
    client.force_login(world["citizen"])
    response = client.post(_create_url(world), {"title": "x", "owner": world["a"].pk, "text": "The climate plan."})
    assert response.status_code == 404
    assert not MappedDocument.objects.exists()


def test_staff_cannot_upload_on_behalf_of_the_partner(client, world):
    client.force_login(world["staff_a"])
    response = client.post(_create_url(world), {"title": "x", "owner": world["b"].pk, "text": "The climate plan."})
    assert response.status_code == 400
    assert not MappedDocument.objects.exists()


def _document(world, **fields) -> MappedDocument:
    values = {"partnership": world["partnership"], "owner": world["a"], "title": "Doc", "language": "en"}
    return MappedDocument.objects.create(**{**values, **fields})


def test_a_long_document_shows_a_progress_bar_that_htmx_polls_and_survives_a_reload(client, world):
    document = _document(world, status="running", progress=40, text="The climate plan.")
    client.force_login(world["staff_a"])
    url = reverse("mapper:detail", kwargs={"slug": "a-b", "pk": document.pk})
    page = client.get(url).content.decode()
    assert 'value="40"' in page and 'hx-trigger="every 2s"' in page and "htmx.min.js" in page
    progress_url = reverse("mapper:progress", kwargs={"slug": "a-b", "pk": document.pk})
    assert "HX-Refresh" not in client.get(progress_url, HTTP_HX_REQUEST="true")
    actions.document_process(document.pk)
    finished = client.get(progress_url, HTTP_HX_REQUEST="true")
    assert finished["HX-Refresh"] == "true"
    assert "<mark>climate plan</mark>" in client.get(url).content.decode()


def test_a_scan_found_in_the_background_is_reported_on_the_page(client, world):
    from django.core.files.base import ContentFile

    document = _document(world, file_name="scan.pdf")
    document.file.save("scan.pdf", ContentFile(scanned_pdf()))
    assert actions.document_process(document.pk) == "failed"
    client.force_login(world["staff_a"])
    page = client.get(reverse("mapper:detail", kwargs={"slug": "a-b", "pk": document.pk})).content.decode()
    assert "no text layer" in page


def test_sharing_makes_a_document_visible_to_the_partner(client, world):
    document = _document(world, text="The climate plan.")
    actions.document_process(document.pk)
    url = reverse("mapper:detail", kwargs={"slug": "a-b", "pk": document.pk})
    client.force_login(world["coordinator_b"])
    assert client.get(url).status_code == 404
    assert (
        client.post(reverse("mapper:share", kwargs={"slug": "a-b", "pk": document.pk}), {"shared": "1"}).status_code
        == 404
    )
    client.force_login(world["staff_a"])
    client.post(reverse("mapper:share", kwargs={"slug": "a-b", "pk": document.pk}), {"shared": "1"})
    client.force_login(world["coordinator_b"])
    assert client.get(url).status_code == 200
    share = client.post(reverse("mapper:share", kwargs={"slug": "a-b", "pk": document.pk}), {"shared": "0"})
    assert share.status_code == 403  # the partner sees it but may not unshare it


def test_compare_names_the_goals_one_covers_and_the_other_does_not(client, world):
    first = _document(world, title="Bestuursakkoord", text="\n".join(DUTCH_COALITION), language="nl")
    second = _document(
        world, title="Plan plurianual", text="\n".join(SPANISH_PLAN), language="es", owner=world["b"], shared=True
    )
    for document in (first, second):
        actions.document_process(document.pk)
    client.force_login(world["coordinator_a"])
    url = reverse("mapper:compare", kwargs={"slug": "a-b"})
    page = client.get(url, {"a": first.pk, "b": second.pk}).content.decode()
    assert page.count("<svg") >= 2
    assert "“Bestuursakkoord” addresses these SDGs and “Plan plurianual” does not:" in page
    assert "13. Climate action" in page.split("does not:")[1]
    same = client.get(url, {"a": first.pk, "b": first.pk})
    assert same.status_code == 400 and "two different documents" in same.content.decode()


def test_the_suggest_fragment_ticks_the_suggested_goals(client, world):
    client.force_login(world["staff_a"])
    response = client.post(
        reverse("mapper:suggest"),
        {
            "title": "Trees for the town",
            "body": "We plant trees against heat waves and restore wetlands for biodiversity.",
            "sdgs_goals": ["4"],
            "sdg_field": "sdgs",
            "sdg_prefix": "id_sdgs",
        },
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_sdgs_goal_13" name="sdgs_goals" value="13" checked hx-swap-oob="true"' in html
    assert 'id="id_sdgs_goal_15"' in html and 'id="id_sdgs_goal_4"' not in html
    assert "Suggested and ticked" in html


def test_the_suggest_fragment_refuses_odd_field_names(client, world):
    client.force_login(world["staff_a"])
    response = client.post(reverse("mapper:suggest"), {"sdg_field": '"><script>', "sdg_prefix": "x"})
    assert response.status_code == 400


def test_the_sdg_picker_offers_the_suggest_button(world):
    from django import forms

    from twinning.sdg.forms import SdgLinkField

    class StoryForm(forms.Form):
        sdgs = SdgLinkField(label="SDGs")

    html = str(StoryForm()["sdgs"])
    assert reverse("mapper:suggest") in html and 'hx-include="closest form"' in html
    assert 'id="id_sdgs_goal_13"' in html


def test_the_partnership_page_links_members_to_the_mapper(client, world):
    client.force_login(world["staff_a"])
    assert reverse("mapper:list", kwargs={"slug": "a-b"}) in client.get("/en/partnerships/a-b/").content.decode()
    client.force_login(world["citizen"])
    assert reverse("mapper:list", kwargs={"slug": "a-b"}) not in client.get("/en/partnerships/a-b/").content.decode()
