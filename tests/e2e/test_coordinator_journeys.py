"""What coordinators do in the browser: edit their own municipality, and only their own."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.conftest import E2E_DB, assert_accessible, log_in, seed_demo

pytestmark = E2E_DB

NEW_REGION = "Limburg (e2e edit)"
NEW_DESCRIPTION = "Lommel, town of sand and glass, edited in a browser test."


def test_coordinator_edits_her_municipality_and_cannot_reach_partner_edit_page(page):
    seed_demo()
    log_in(page, "coordinator.lommel@example.org")

    response = page.goto("/en/municipalities/lommel/edit/")
    assert response is not None and response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text("Edit the profile of Lommel")
    expect(page.locator('input[name="region"]')).to_have_value("Limburg")
    assert_accessible(page)

    page.locator('input[name="region"]').fill(NEW_REGION)
    page.locator('textarea[name="description_0"]').fill(NEW_DESCRIPTION)
    page.locator("form.form").get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/en/municipalities/lommel/$"))
    expect(page.get_by_role("status")).to_contain_text("The profile of Lommel is saved.")
    region = page.locator("dl.facts div", has=page.locator("dt", has_text="Region")).locator("dd")
    expect(region).to_have_text(NEW_REGION)
    expect(page.locator(".prose")).to_contain_text(NEW_DESCRIPTION)

    # A reload shows the saved data, not just a page rendered from the form.
    page.goto("/en/municipalities/lommel/")
    expect(region).to_have_text(NEW_REGION)

    # The partner's profile is hers to read, not to change.
    response = page.goto("/en/municipalities/ongwediva/edit/")
    assert response is not None and response.status == 403, response and response.status
    expect(page.get_by_role("heading", level=1)).to_have_text("Not allowed")
    expect(page.locator('input[name="region"]')).to_have_count(0)
    assert_accessible(page)


def test_partnership_page_offers_edit_link_only_to_coordinators(page):
    seed_demo()
    edit_link = page.get_by_role("link", name="Edit partnership", exact=True)

    page.goto("/en/partnerships/lommel-ongwediva/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Lommel – Ongwediva")
    expect(edit_link).to_have_count(0)

    log_in(page, "coordinator.ongwediva@example.org")
    page.goto("/en/partnerships/lommel-ongwediva/")
    expect(edit_link).to_be_visible()
    edit_link.click()

    page.wait_for_url(re.compile(r"/en/partnerships/lommel-ongwediva/edit/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Edit Lommel – Ongwediva")
    expect(page.locator('input[name="title_0"]')).to_have_value("Lommel – Ongwediva")
    assert_accessible(page)
