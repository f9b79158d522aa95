"""Work visits in the browser: plan one, share its programme (PDF, calendar), agree on follow-up."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.conftest import E2E_DB, assert_accessible, log_in, outside_browser_loop, seed_demo
from tests.e2e.journeys import (
    LOMMEL_COORDINATOR,
    ONGWEDIVA_COORDINATOR,
    PARTNERSHIP,
    goto_ok,
    path_of,
    second_person,
    seed_app_demo,
)
from twinning.visits.models import Agreement

pytestmark = E2E_DB

VISITS = f"/en/partnerships/{PARTNERSHIP}/visits/"
ITEM_TITLE = "Site visit of the Okatana water project"
DELEGATE = "Griet Vermeulen"
AGREEMENT = "Send the tender file of the Okatana pumping station to Lommel"
OVERDUE_DEMO_AGREEMENT = "Draft a joint application for the sanitation project in Extension 14"


def test_coordinator_builds_a_visit_shares_it_and_the_partner_records_an_agreement(page, browser, site):
    seed_demo()
    seed_app_demo("visits")
    log_in(page, LOMMEL_COORDINATOR)
    goto_ok(page, VISITS)
    assert_accessible(page)

    # Dates and host.
    page.get_by_role("link", name="Plan a visit").click()
    page.wait_for_url(re.compile(r"/visits/new/$"))
    form = page.locator("main form.form")
    form.locator('input[name="start_date"]').fill("2027-09-06")
    form.locator('input[name="end_date"]').fill("2027-09-09")
    form.locator('select[name="host"]').select_option(label="Ongwediva")
    form.locator('textarea[name="purpose"]').fill("Water and sanitation: the Okatana project <script>x</script>")
    form.locator('input[name="time_zone"]').fill("Africa/Windhoek")
    assert_accessible(page)
    form.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/visits/\d+/$"))
    visit_path = path_of(page)
    expect(page.get_by_role("status")).to_contain_text("The visit is created.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Work visit to Ongwediva, 2027-09-06 – 2027-09-09")

    # A member of the delegation.
    page.get_by_role("link", name="Add a member of the delegation").click()
    page.wait_for_url(re.compile(r"/delegation/new/$"))
    form = page.locator("main form.form")
    form.locator('input[name="name"]').fill(DELEGATE)
    form.locator('input[name="role"]').fill("Water engineer")
    form.locator('select[name="travelling_from"]').select_option(label="Lommel")
    assert_accessible(page)
    form.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(re.escape(visit_path) + "$"))
    expect(page.get_by_role("status")).to_contain_text(f"{DELEGATE} is added to the delegation.")
    expect(page.locator("section[aria-labelledby='delegation-h']")).to_contain_text(DELEGATE)

    # A programme item.
    page.get_by_role("link", name="Add a programme item").click()
    page.wait_for_url(re.compile(r"/programme/new/$"))
    form = page.locator("main form.form")
    expect(form.locator('input[name="day"]')).to_have_value("2027-09-06")
    form.locator('input[name="day"]').fill("2027-09-07")
    form.locator('input[name="start_time"]').fill("09:30")
    form.locator('input[name="end_time"]').fill("12:00")
    form.locator('input[name="place"]').fill("Okatana pumping station")
    form.locator('input[name="who"]').fill("Engineers of both towns")
    form.locator('textarea[name="what"]').fill(ITEM_TITLE)
    assert_accessible(page)
    form.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(re.escape(visit_path) + "$"))
    expect(page.get_by_role("status")).to_contain_text("The programme item is added.")
    programme = page.locator("section[aria-labelledby='programme-h']")
    expect(programme).to_contain_text(ITEM_TITLE)
    expect(programme).to_contain_text("Okatana pumping station")
    page.reload()  # without the flash message (base.html's <ul role="status"> fails axe's "listitem")
    assert_accessible(page)

    # The programme as PDF ...
    with page.expect_download() as downloaded:
        page.get_by_role("link", name="Download the programme (PDF)").click()
    download = downloaded.value
    assert download.suggested_filename.endswith("-programme.pdf"), download.suggested_filename
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    # ... and as a calendar feed, from the subscription link shown on the page.
    feed_url = page.locator("input#feed-url").input_value()
    assert site.is_local(feed_url), feed_url
    feed = page.request.get(feed_url)
    assert feed.status == 200 and feed.headers["content-type"].startswith("text/calendar")
    calendar = feed.text().replace("\r\n ", "")  # unfold folded lines
    assert calendar.startswith("BEGIN:VCALENDAR"), calendar[:80]
    assert f"SUMMARY:{ITEM_TITLE}" in calendar, calendar

    # The partner's coordinator adds an agreement to the visit's memo.
    with second_person(browser, site, ONGWEDIVA_COORDINATOR) as partner:
        goto_ok(partner, visit_path)
        partner.get_by_role("link", name="Agreement memo").click()
        partner.wait_for_url(re.compile(re.escape(visit_path) + "agreements/$"))
        expect(partner.locator("main")).to_contain_text("No agreements recorded yet.")
        partner.get_by_role("link", name="Add an agreement").click()
        partner.wait_for_url(re.compile(r"/agreements/new/$"))
        form = partner.locator("main form.form")
        form.locator('textarea[name="what"]').fill(AGREEMENT)
        form.locator('select[name="owner_municipality"]').select_option(label="Ongwediva")
        form.locator('input[name="owner_name"]').fill("Ndapewa Shilongo")
        form.locator('input[name="owner_email"]').fill("coordinator.ongwediva@example.org")
        expect(form.locator('input[name="deadline"]')).to_have_value("2027-09-09")
        assert_accessible(partner)
        form.get_by_role("button", name="Save").click()
        partner.wait_for_url(re.compile(re.escape(visit_path) + "agreements/$"))
        expect(partner.get_by_role("status")).to_contain_text("The agreement is added to the memo.")
        row = partner.locator("table tbody tr", has_text=AGREEMENT)
        expect(row).to_contain_text("Ndapewa Shilongo (Ongwediva)")
        expect(row).to_contain_text("2027-09-09")
        expect(row).not_to_contain_text("Overdue")

    # Lommel's coordinator sees it in the memo, and the overview of open agreements of all visits.
    goto_ok(page, visit_path + "agreements/")
    expect(page.locator("table tbody tr", has_text=AGREEMENT)).to_have_count(1)
    assert_accessible(page)
    page.get_by_role("link", name="Open agreements of all visits").click()
    page.wait_for_url(re.compile(rf"/partnerships/{PARTNERSHIP}/agreements/$"))
    rows = page.locator("table tbody tr")
    overdue = rows.filter(has_text=OVERDUE_DEMO_AGREEMENT)
    expect(overdue).to_have_count(1)
    expect(overdue.locator("td strong")).to_have_text("Overdue")
    expect(overdue).to_contain_text("2025-09-30")
    ours = rows.filter(has_text=AGREEMENT)
    expect(ours).to_have_count(1)
    expect(ours).not_to_contain_text("Overdue")
    # Done agreements are not open; the earliest deadline comes first.
    expect(rows.filter(has_text="Share the design of the Lommel sludge drying beds")).to_have_count(0)
    expect(rows.first).to_contain_text(OVERDUE_DEMO_AGREEMENT)
    assert_accessible(page)
    assert site.blocked == [], site.blocked


GENDER_AGREEMENT = "Evaluate the gender balance of both delegations before the return visit"
NEW_AGREEMENT = "Share the Ongwediva youth council's climate plan with Lommel"


def test_partners_edit_the_same_memo_at_once_and_both_changes_survive(page, browser, site):
    seed_demo()
    seed_app_demo("visits")
    with outside_browser_loop():
        agreement = Agreement.objects.select_related("visit__partnership").get(what=GENDER_AGREEMENT)
        memo_path = f"/en/partnerships/{PARTNERSHIP}/visits/{agreement.visit_id}/agreements/"
        edit_path = f"{memo_path}{agreement.pk}/edit/"
    log_in(page, LOMMEL_COORDINATOR)

    # Lommel's coordinator opens the agreement to write a follow-up ...
    goto_ok(page, edit_path)
    page.locator('textarea[name="follow_up"]').fill("Lommel: both delegations were 50/50.")

    # ... while Ongwediva's coordinator adds an agreement to the same memo, and then edits the same agreement.
    with second_person(browser, site, ONGWEDIVA_COORDINATOR) as partner:
        goto_ok(partner, memo_path)
        partner.get_by_role("link", name="Add an agreement").click()
        form = partner.locator("main form.form")
        form.locator('textarea[name="what"]').fill(NEW_AGREEMENT)
        form.locator('select[name="owner_municipality"]').select_option(label="Ongwediva")
        form.locator('input[name="owner_name"]').fill("Maria Nghipondoka")
        form.locator('input[name="deadline"]').fill("2027-06-30")
        form.get_by_role("button", name="Save").click()
        partner.wait_for_url(re.compile(re.escape(memo_path) + "$"))
        expect(partner.get_by_role("status")).to_contain_text("The agreement is added to the memo.")
        goto_ok(partner, edit_path)
        partner.locator('select[name="status"]').select_option(label="Done")
        partner.get_by_role("button", name="Save").click()
        partner.wait_for_url(re.compile(re.escape(memo_path) + "$"))

    # Lommel saves: the partner saved this agreement meanwhile, so a conflict screen shows both versions.
    page.get_by_role("button", name="Save").click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Saved meanwhile by your partner")
    expect(alert).to_contain_text("Done")
    expect(page.locator('textarea[name="follow_up"]')).to_have_value("Lommel: both delegations were 50/50.")
    assert_accessible(page)
    # Lommel keeps the partner's status and saves again: nothing is lost.
    page.locator('select[name="status"]').select_option(label="Done")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(re.escape(memo_path) + "$"))
    row = page.locator("table tbody tr", has_text=GENDER_AGREEMENT)
    expect(row).to_contain_text("Lommel: both delegations were 50/50.")
    expect(row).to_contain_text("Done")
    expect(page.locator("table tbody tr", has_text=NEW_AGREEMENT)).to_contain_text("Maria Nghipondoka (Ongwediva)")
    assert site.blocked == [], site.blocked
