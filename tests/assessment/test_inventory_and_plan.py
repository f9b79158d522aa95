"""The SDG inventory (each municipality its own entries, side by side) and the joint action plan
(items with owner and due date; ideas for gaps and inventory entries become actions)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.factories import NASTY
from twinning.assessment import actions
from twinning.assessment.models import ActionItem, InventoryEntry
from twinning.foundation.concurrency import EditConflict


def inv_url(world, town: str = "town-a", goal: int = 6) -> str:
    return f"/en/partnerships/a-b/sdg-inventory/{town}/{goal}/"


def inventory_post(version: int = 0, **fields) -> dict:
    data = {"doing": "", "more": "", "gaps": "", "opportunities": "", "evidence": "", "version": version}
    data.update(fields)
    return data


@pytest.mark.django_db
def test_staff_record_their_inventory_and_partners_see_it_side_by_side(client, world):
    client.force_login(world["staff_a"])
    response = client.post(
        inv_url(world),
        inventory_post(doing=f"Drinking water plan {NASTY}", more="Rainwater", evidence="https://example.org/water"),
    )
    assert response["Location"] == "/en/partnerships/a-b/sdg-inventory/#sdg-6"
    entry = InventoryEntry.objects.get()
    assert (entry.municipality, entry.goal, entry.version) == (world["a"], 6, 1)
    client.force_login(world["coordinator_b"])
    page = client.get("/en/partnerships/a-b/sdg-inventory/").content.decode()
    assert "Drinking water plan &lt;script&gt;" in page and NASTY not in page
    assert 'href="https://example.org/water"' in page
    assert "Edit the SDG 6 entry of Ongwetown" in page
    assert "Edit the SDG 6 entry of Lommeltown" not in page  # a partner never edits our inventory


@pytest.mark.django_db
def test_the_partner_coordinator_cannot_edit_our_inventory(client, world):
    client.force_login(world["coordinator_b"])
    assert client.post(inv_url(world), inventory_post(doing="Not yours")).status_code == 403
    assert not InventoryEntry.objects.exists()


@pytest.mark.django_db
def test_evidence_must_be_web_addresses_and_nothing_is_saved_otherwise(client, world):
    client.force_login(world["staff_a"])
    response = client.post(inv_url(world), inventory_post(doing="x", evidence="https://ok.example\nnot a link"))
    assert response.status_code == 200
    assert "is not a web address" in response.content.decode()
    assert not InventoryEntry.objects.exists()


@pytest.mark.django_db
def test_two_people_saving_the_same_entry_give_the_second_a_conflict_with_both_versions(client, world):
    actions.inventory_save(
        municipality=world["a"], goal=6, expected_version=0, data=actions.InventoryInput(doing="First"), user=None
    )
    actions.inventory_save(
        municipality=world["a"], goal=6, expected_version=1, data=actions.InventoryInput(doing="Second"), user=None
    )
    client.force_login(world["coordinator_a"])
    response = client.post(inv_url(world), inventory_post(version=1, doing="Mine, opened at version 1"))
    assert response.status_code == 409
    body = response.content.decode()
    assert "Second" in body and "Mine, opened at version 1" in body
    assert InventoryEntry.objects.get().doing == "Second"
    assert 'name="version" value="2"' in body
    assert client.post(inv_url(world), inventory_post(version=2, doing="Mine")).status_code == 302
    assert InventoryEntry.objects.get().doing == "Mine"


@pytest.mark.django_db
def test_creating_an_entry_someone_just_created_is_a_conflict_not_an_overwrite(world):
    actions.inventory_save(
        municipality=world["a"], goal=6, expected_version=0, data=actions.InventoryInput(doing="First"), user=None
    )
    with pytest.raises(EditConflict) as caught:
        actions.inventory_save(
            municipality=world["a"], goal=6, expected_version=0, data=actions.InventoryInput(doing="Other"), user=None
        )
    assert caught.value.current.doing == "First"


def action_post(world, **fields) -> dict:
    data = {
        "title": "Joint water week",
        "goal": "6",
        "owner_municipality": world["b"].pk,
        "owner_name": "Water team",
        "due_date": "2030-05-01",
        "notes": "",
    }
    data.update(fields)
    return data


@pytest.mark.django_db
def test_an_idea_for_a_gap_becomes_an_action_with_owner_and_due_date(client, world):
    exercise = actions.assessment_start(partnership=world["partnership"], scope="programme")
    round_ = exercise.rounds.get()
    round_.assessment = exercise
    actions.rating_set(round_, municipality=world["a"], user=None, goal=6, entry=actions.RatingInput("none"))
    idea = actions.idea_add(round_, goal=6, municipality=world["b"], author=None, text="Exchange on waste water")
    client.force_login(world["coordinator_a"])
    round_page = client.get(f"/en/partnerships/a-b/assessments/{exercise.pk}/rounds/1/").content.decode()
    assert f"/en/partnerships/a-b/action-plan/new/?idea={idea.pk}" in round_page
    form = client.get(f"/en/partnerships/a-b/action-plan/new/?idea={idea.pk}").content.decode()
    assert "Exchange on waste water" in form and f'name="idea" value="{idea.pk}"' in form
    response = client.post("/en/partnerships/a-b/action-plan/new/", action_post(world, idea=idea.pk))
    assert response["Location"] == "/en/partnerships/a-b/action-plan/"
    item = ActionItem.objects.get()
    assert (item.source_idea, item.owner_municipality, item.due_date) == (idea, world["b"], date(2030, 5, 1))
    plan = client.get("/en/partnerships/a-b/action-plan/").content.decode()
    assert "Joint water week" in plan and "idea for gap SDG 6" in plan and "Ongwetown: Water team" in plan


@pytest.mark.django_db
def test_an_inventory_entry_becomes_an_action(client, world):
    entry = actions.inventory_save(
        municipality=world["a"],
        goal=7,
        expected_version=0,
        data=actions.InventoryInput(more="Solar roofs on schools"),
        user=None,
    )
    client.force_login(world["staff_a"])
    form = client.get(f"/en/partnerships/a-b/action-plan/new/?entry={entry.pk}").content.decode()
    assert "Solar roofs on schools" in form
    client.post("/en/partnerships/a-b/action-plan/new/", action_post(world, title="Solar roofs", entry=entry.pk))
    assert ActionItem.objects.get().source_entry == entry


@pytest.mark.django_db
def test_an_action_needs_a_title_and_a_valid_due_date_and_nothing_is_half_written(client, world):
    client.force_login(world["staff_a"])
    response = client.post("/en/partnerships/a-b/action-plan/new/", action_post(world, title="", due_date="May"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "This field is required." in body and "Enter the due date as YYYY-MM-DD." in body
    assert not ActionItem.objects.exists()


@pytest.mark.django_db
def test_the_owner_must_be_a_member_and_an_idea_of_another_partnership_is_not_found(client, world):
    client.force_login(world["staff_a"])
    response = client.post(
        "/en/partnerships/a-b/action-plan/new/", action_post(world, owner_municipality=world["c"].pk)
    )
    assert response.status_code == 200 and not ActionItem.objects.exists()
    assert client.get("/en/partnerships/a-b/action-plan/new/?idea=999999").status_code == 404
    assert client.get("/en/partnerships/a-b/action-plan/new/?entry=abc").status_code == 404


@pytest.mark.django_db
def test_a_citizen_sees_the_plan_but_cannot_add_to_it(client, world):
    client.force_login(world["citizen"])
    assert client.get("/en/partnerships/a-b/action-plan/").status_code == 200
    assert client.post("/en/partnerships/a-b/action-plan/new/", action_post(world)).status_code == 403


@pytest.mark.django_db
def test_editing_an_action_both_partners_changed_shows_a_conflict(client, world):
    item = actions.action_add(
        world["partnership"], actions.ActionInput("Plan", world["a"], date(2030, 1, 1)), user=None
    )
    actions.action_update(
        item, actions.ActionInput("Plan (B's change)", world["a"], date(2030, 2, 1)), expected_version=1
    )
    client.force_login(world["coordinator_a"])
    response = client.post(
        f"/en/partnerships/a-b/action-plan/{item.pk}/edit/", action_post(world, title="A's change", version=1)
    )
    assert response.status_code == 409
    body = response.content.decode()
    assert "Plan (B&#x27;s change)" in body and "A&#x27;s change" in body
    item.refresh_from_db()
    assert item.title == "Plan (B's change)"
    ok = client.post(
        f"/en/partnerships/a-b/action-plan/{item.pk}/edit/", action_post(world, title="Agreed", done="on", version=2)
    )
    assert ok.status_code == 302
    item.refresh_from_db()
    assert (item.title, item.done, item.version) == ("Agreed", True, 3)
