"""The protocol for visits: prefilled with the publication's three examples, edited by coordinators."""

from __future__ import annotations

from twinning.programme.actions import protocol_for
from twinning.programme.models import ProtocolItem

URL = "/en/partnerships/a-b/protocol/"
SCRIPT = "<script>alert(1)</script>"


def goals_of(item):
    return sorted(link.goal.number for link in item.sdg_links.all())


def test_the_protocol_opens_prefilled_with_the_three_examples_in_four_languages(client, world):
    client.force_login(world["staff_a"])
    page = client.get(URL).content.decode()
    assert "balanced distribution of women and men" in page
    items = list(ProtocolItem.objects.order_by("position"))
    assert [goals_of(item) for item in items] == [[5], [13], [16]]
    assert all(set(item.text) == {"en", "nl", "fr", "es"} for item in items)
    assert "planting trees" in items[1].text["en"] and "bomen" in items[1].text["nl"]
    assert "frais" in items[2].text["fr"] and "dietas" in items[2].text["es"]
    client.get(URL)
    assert ProtocolItem.objects.count() == 3  # prefilled once only


def test_members_read_the_protocol_in_their_language(client, world):
    client.force_login(world["staff_a"])
    page = client.get("/nl/partnerships/a-b/protocol/").content.decode()
    assert "evenwichtige verdeling van vrouwen en mannen" in page
    assert "Edit item 1" not in page


def test_coordinators_add_edit_and_remove_items(client, world):
    client.force_login(world["coordinator_b"])
    post = {
        "text_0": f"Hosts book local guesthouses {SCRIPT}",
        "text_1": "",
        "text_2": "",
        "text_3": "",
        "sdgs_goals": ["8"],
    }
    assert client.post(URL + "new/", post).status_code == 302
    item = ProtocolItem.objects.get(position=3)
    assert item.text == {"en": f"Hosts book local guesthouses {SCRIPT}"} and goals_of(item) == [8]
    page = client.get(URL).content.decode()
    assert "&lt;script&gt;" in page and SCRIPT not in page
    edit = {**post, "text_0": "", "text_2": "Hébergement local", "sdgs_goals": ["8", "11"]}
    assert client.post(f"{URL}{item.pk}/edit/", edit).status_code == 302
    item.refresh_from_db()
    assert item.text == {"fr": "Hébergement local"} and goals_of(item) == [8, 11]
    assert client.post(f"{URL}{item.pk}/remove/").status_code == 302
    assert ProtocolItem.objects.count() == 3


def test_an_item_needs_text_in_at_least_one_language(client, world):
    client.force_login(world["coordinator_a"])
    response = client.post(URL + "new/", {"text_0": " ", "text_1": "", "text_2": "", "text_3": ""})
    assert response.status_code == 200
    assert "Fill in the text in at least one language." in response.content.decode()


def test_staff_may_not_change_the_protocol_and_citizens_do_not_see_it(client, world):
    item = protocol_for(world["partnership"]).items.first()
    client.force_login(world["staff_a"])
    assert client.post(f"{URL}{item.pk}/remove/").status_code == 403
    client.force_login(world["citizen"])
    assert client.get(URL).status_code == 404


def test_the_partnership_page_shows_the_programme_panel_to_members_only(client, world):
    from twinning.programme.models import Programme

    Programme.objects.create(partnership=world["partnership"], title="Panel programme", start_year=2025, end_year=2027)
    client.force_login(world["staff_a"])
    assert "Panel programme" in client.get("/en/partnerships/a-b/").content.decode()
    client.force_login(world["citizen"])
    assert "Panel programme" not in client.get("/en/partnerships/a-b/").content.decode()
    client.logout()
    assert "Panel programme" not in client.get("/en/partnerships/a-b/").content.decode()
