"""Workshop mode in the browser: a participant joins from a phone with the code, without an
account, and her rating appears on the facilitator's wheel without a reload (htmx polling)."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.conftest import DEFAULT_TIMEOUT_MS, E2E_DB, assert_accessible, log_in, seed_demo
from tests.e2e.journeys import LOMMEL_COORDINATOR, PARTNERSHIP, goto_ok, seed_app_demo

pytestmark = E2E_DB
PHONE = {"width": 390, "height": 844}


def test_a_participant_joins_with_a_code_on_a_phone_and_her_rating_appears_on_the_facilitators_wheel(
    page, browser, site
):
    seed_demo()
    seed_app_demo("assessment")
    log_in(page, LOMMEL_COORDINATOR)
    goto_ok(page, f"/en/partnerships/{PARTNERSHIP}/assessments/")
    page.locator("li.card").first.get_by_role("link", name="Round 2", exact=True).click()
    page.get_by_role("button", name="Run a workshop on this round").click()
    page.wait_for_url(re.compile(rf"/partnerships/{PARTNERSHIP}/workshops/[A-Z0-9]{{6}}/$"))
    code = page.locator("p.assess-code").inner_text().strip()
    expect(page.locator("figure.assess-qr svg")).to_be_visible()
    live = page.locator("#workshop-live")
    expect(live).to_contain_text("0 participants joined")
    page.reload()  # the flash message's list is a known axe finding of base.html (see the journeys file)
    assert_accessible(page)

    phone = browser.new_context(
        base_url=site.url, viewport=PHONE, is_mobile=True, has_touch=True, service_workers="block", locale="en-GB"
    )
    try:
        phone.set_default_timeout(DEFAULT_TIMEOUT_MS)
        phone.route(
            "**/*",
            lambda route: (
                route.continue_()
                if site.is_local(route.request.url)
                else (site.blocked.append(route.request.url), route.abort("blockedbyclient"))
            ),
        )
        participant = phone.new_page()
        goto_ok(participant, "/en/workshop/")
        assert_accessible(participant)
        participant.get_by_label("Join code").fill(code.lower()[:3] + " " + code.lower()[3:])
        participant.get_by_role("button", name="Join").click()
        participant.wait_for_url(re.compile(rf"/en/workshop/{code}/$"))
        participant.get_by_label("Your name").fill("Ndapewa")
        participant.get_by_label("You rate for").select_option(label="Ongwediva")
        assert_accessible(participant)
        participant.get_by_role("button", name="Join").click()
        participant.wait_for_url(re.compile(rf"/en/workshop/{code}/rate/$"))
        expect(participant.get_by_role("heading", level=1)).to_have_text("Your ratings")
        # Fits a phone: nothing wider than the screen.
        assert participant.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        participant.get_by_label(re.compile(r"^14\. ")).select_option("strong")
        participant.get_by_label(re.compile(r"^5\. ")).select_option("direct")
        participant.get_by_role("button", name="Save my ratings").click()
        expect(participant.get_by_role("status")).to_contain_text("Your ratings are saved")
        participant.reload()
        expect(participant.get_by_label(re.compile(r"^14\. "))).to_have_value("strong")
        assert_accessible(participant)
    finally:
        phone.close()

    # The projector's page polls: her ratings arrive without a reload.
    expect(live).to_contain_text("1 participant joined, 1 has rated", timeout=10_000)
    expect(live).to_contain_text("Ndapewa (Ongwediva)")
    expect(live.locator("svg title", has_text=re.compile(r"^14\. "))).to_have_text(re.compile(r": 100%$"))
    expect(live.locator("svg title", has_text=re.compile(r"^5\. "))).to_have_text(re.compile(r": 67%$"))
    assert_accessible(page)
    assert site.blocked == [], site.blocked

    # The facilitator closes the workshop and adopts its outcome: the round counts a workshop group.
    page.get_by_role("button", name="Close the workshop").click()
    expect(page.locator("section[aria-labelledby='outcome-h']")).to_contain_text("SDG 14: Strong contribution")
    page.get_by_label("Name of the workshop group").fill("Workshop Lommel phones")
    assert_accessible(page)
    page.get_by_role("button", name="Adopt into the round").click()
    page.wait_for_url(re.compile(rf"/partnerships/{PARTNERSHIP}/assessments/\d+/rounds/2/$"))
    expect(page.get_by_role("columnheader", name=re.compile(r"^Workshop Lommel phones"))).to_contain_text(
        "(workshop group)"
    )
    page.reload()
    assert_accessible(page)


def test_inventory_plan_interlinkages_and_network_pages_are_accessible_and_an_idea_becomes_an_action(page):
    seed_demo()
    seed_app_demo("assessment")
    log_in(page, LOMMEL_COORDINATOR)
    base = f"/en/partnerships/{PARTNERSHIP}/"
    goto_ok(page, f"{base}sdg-inventory/")
    expect(page.locator("#sdg-6")).to_contain_text("Waste-water treatment for the new neighbourhoods.")
    assert_accessible(page)
    goto_ok(page, f"{base}interlinkages/")
    expect(page.locator("p.assess-start")).to_contain_text("Start with target")
    assert_accessible(page)
    goto_ok(page, "/en/municipalities/lommel/sdg-network/")
    expect(page.locator("section[aria-labelledby='matches-h'] li").first).to_contain_text("can help")
    assert_accessible(page)

    # An idea for a gap of round 1 becomes an action of the joint plan.
    goto_ok(page, f"{base}assessments/")
    page.locator("li.card").first.get_by_role("link", name="Round 1", exact=True).click()
    page.get_by_role("link", name=re.compile(r"^Make it an action\s*: Solar panels")).click()
    page.wait_for_url(re.compile(r"/action-plan/new/\?idea=\d+$"))
    assert_accessible(page)
    page.get_by_label("Owner (person or team)").fill("Energy coach")
    page.locator("main form").get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/action-plan/$"))
    row = page.locator("tbody tr", has_text="Solar panels on the partner schools")
    expect(row).to_contain_text("idea for gap SDG 7")
    expect(row).to_contain_text("Energy coach")
    page.reload()
    assert_accessible(page)
