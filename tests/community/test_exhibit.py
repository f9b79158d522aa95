"""The 17-panel exhibit: an A3 PDF with a cover and one panel per SDG, in the chosen language."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tests.community.conftest import png
from tests.community.factories import HeroFactory, StoryFactory
from twinning.community import actions
from twinning.community.exhibit import MediaOnlyFetcher, panels
from twinning.sdg.links import SdgSelection, set_links
from twinning.sdg.models import Goal

pytestmark = pytest.mark.django_db
A3_POINTS = (842, 1191)  # 297 x 420 mm


def _pdf(client, language="en") -> PdfReader:
    response = client.get(reverse("community:exhibit_pdf", args=["a-b"]) + f"?language={language}")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(response.content))


def test_the_exhibit_has_a_cover_and_17_a3_panels_with_the_sdg_titles_and_the_members_content(client, world):
    story = StoryFactory(partnership=world["partnership"], municipality=world["a"], title="Water hike")
    set_links(story, SdgSelection(goals=frozenset({6})))
    HeroFactory(municipality=world["b"], goal=Goal.objects.get(number=4), name="Reading club")
    actions.sdg_photo_set(
        municipality=world["a"], goal_number=6, image=png(), caption="Our water tower", allowed_ids=[world["a"].pk]
    )
    reader = _pdf(client)
    assert len(reader.pages) == 18
    for page in reader.pages:
        box = page.mediabox
        assert (round(float(box.width)), round(float(box.height))) == A3_POINTS
    texts = [" ".join(page.extract_text().split()) for page in reader.pages]
    assert "working together on the 17 SDGs" in texts[0]
    assert "SDG 1: No poverty" in texts[1]
    assert "SDG 6: Clean water and sanitation" in texts[6]
    assert "SDG 17: Partnerships for the goals" in texts[17]
    assert "What Lommeltown does" in texts[6] and "Water hike" in texts[6] and "Our water tower" in texts[6]
    assert "Reading club" in texts[4]
    assert any(page.images for page in reader.pages[6:7]), "the SDG 6 panel shows the photo"


def test_the_exhibit_speaks_the_chosen_language(client, world):
    texts = [" ".join(page.extract_text().split()) for page in _pdf(client, "nl").pages]
    assert "SDG 6:" in texts[6]
    assert "Wat Lommeltown doet" in texts[6]


def test_an_unknown_language_gets_a_message(client, world):
    response = client.get(reverse("community:exhibit_pdf", args=["a-b"]) + "?language=xx")
    assert response.status_code == 400 and "Select a valid choice" in response.content.decode()


def test_the_exhibit_of_a_members_only_partnership_is_hidden(client, world):
    assert client.get(reverse("community:exhibit_pdf", args=["c-d"])).status_code == 404


def test_the_pdf_renderer_loads_stored_photos_only_never_the_network():
    fetcher = MediaOnlyFetcher()
    with pytest.raises(ValueError, match="stored photos only"):
        fetcher("https://example.org/tracker.png")
    with pytest.raises(ValueError):
        fetcher("file:///etc/passwd")


class _Thing:
    def __init__(self, municipality_id, number, **extra):
        self.municipality_id = municipality_id
        self.goal = type("G", (), {"number": number})()
        self.__dict__.update(extra)


def test_panels_put_each_members_content_under_its_goals():
    goals = [type("G", (), {"number": n})() for n in (1, 2)]
    members = [type("M", (), {"pk": 10})(), type("M", (), {"pk": 20})()]
    result = panels(
        goals,
        members,
        stories=[(10, [1, 2], "Food bank"), (20, [2], "Farm")],
        heroes=[_Thing(20, 1, name="Ana")],
        photos=[_Thing(10, 2, caption="Field")],
        challenges=[([2], "Grow more")],
        partnership_goals={1},
    )
    assert [cell["stories"] for cell in result[0]["members"]] == [["Food bank"], []]
    assert [cell["heroes"] for cell in result[0]["members"]] == [[], ["Ana"]]
    assert [cell["stories"] for cell in result[1]["members"]] == [["Food bank"], ["Farm"]]
    assert result[1]["members"][0]["photo"].caption == "Field"
    assert (result[0]["focus"], result[1]["focus"]) == (True, False)
    assert result[1]["joint"] == ["Grow more"]
