"""Indicators in the browser: propose, accept, import a CSV (with a mistake, then fixed), see the dashboard."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.conftest import E2E_DB, assert_accessible, log_in, outside_browser_loop, seed_demo
from tests.e2e.journeys import (
    LOMMEL_COORDINATOR,
    LOMMEL_STAFF,
    ONGWEDIVA_COORDINATOR,
    PARTNERSHIP,
    goto_ok,
    load_indicator_library,
    second_person,
)

pytestmark = E2E_DB

INDICATORS = f"/en/partnerships/{PARTNERSHIP}/indicators/"
CODE = "L-06-03"  # share of waste water treated: not among the demo's selections
STATUS_LABELS = (
    "Target achieved",
    "On track",
    "Acceleration needed",
    "Limited progress",
    "Deterioration",
    "Insufficient data",
)
# ';'-separated with decimal commas, as a Belgian spreadsheet saves it; line 3 has a bad year.
BAD_CSV = (
    "indicator;year;value;source\n"
    f"{CODE};2022;41,5;Lommel public works\n"
    f"{CODE};20x3;47,25;Lommel public works\n"
    f"{CODE};2024;52,75;Lommel public works\n"
)
GOOD_CSV = BAD_CSV.replace("20x3", "2023")


def selection_row(page):
    return page.locator("table tbody tr", has=page.locator("span.code", has_text=CODE))


def test_partners_select_an_indicator_and_staff_import_a_corrected_csv_seen_on_the_dashboard(
    page, browser, site, tmp_path
):
    seed_demo()
    load_indicator_library()

    # Lommel's coordinator proposes the indicator on behalf of Lommel.
    log_in(page, LOMMEL_COORDINATOR)
    goto_ok(page, INDICATORS)
    expect(page.get_by_role("heading", level=1)).to_have_text("Indicators of the partnership")
    form = page.locator("main form", has=page.get_by_role("button", name="Propose"))
    option = form.locator('select[name="indicator"] option', has_text=re.compile(rf"^{CODE} · "))
    form.locator('select[name="indicator"]').select_option(option.get_attribute("value"))
    form.locator('textarea[name="reason"]').fill("Both towns treat waste water in new neighbourhoods.")
    assert_accessible(page)
    form.get_by_role("button", name="Propose").click()
    page.wait_for_url(re.compile(rf"{re.escape(INDICATORS)}$"))
    expect(page.get_by_role("status")).to_contain_text(f"{CODE} is proposed.")
    expect(selection_row(page)).to_contain_text("Proposed")
    expect(selection_row(page)).to_contain_text("Waiting for the partner")
    expect(selection_row(page).get_by_role("button", name="Accept")).to_have_count(0)

    # Ongwediva's coordinator accepts it.
    with second_person(browser, site, ONGWEDIVA_COORDINATOR) as partner:
        goto_ok(partner, INDICATORS)
        expect(selection_row(partner)).to_contain_text("Both towns treat waste water in new neighbourhoods.")
        selection_row(partner).get_by_role("button", name="Accept").click()
        partner.wait_for_url(re.compile(rf"{re.escape(INDICATORS)}$"))
        expect(partner.get_by_role("status")).to_contain_text(f"{CODE} is selected by both partners.")
        expect(selection_row(partner)).to_contain_text("Selected (Ongwediva)")

    # Lommel's staff import the figures of Lommel from a CSV file, in the background.
    bad_file = tmp_path / "lommel-waste-water.csv"
    bad_file.write_text(BAD_CSV, encoding="utf-8")
    with second_person(browser, site, LOMMEL_STAFF) as staff:
        goto_ok(staff, INDICATORS)
        expect(staff.locator("main form", has=staff.get_by_role("button", name="Propose"))).to_have_count(0)
        staff.get_by_role("link", name="Import values of Lommel from a CSV or XLSX file").click()
        staff.wait_for_url(re.compile(r"/indicators/import/lommel/$"))
        expect(staff.locator("main")).to_contain_text(CODE)
        assert_accessible(staff)
        staff.locator('input[name="file"]').set_input_files(str(bad_file))
        staff.get_by_role("button", name="Upload and preview").click()
        staff.wait_for_url(re.compile(r"/indicators/import/lommel/\d+/$"))
        expect(staff.get_by_role("heading", level=1)).to_have_text("Check the import of lommel-waste-water.csv")
        expect(staff.get_by_role("alert")).to_contain_text("1 problem: fix the file and upload it again.")
        problems = staff.locator("table", has=staff.locator("caption", has_text="Problems by row and column"))
        expect(problems.locator("tbody tr")).to_have_count(1)
        expect(problems.locator("tbody tr th")).to_have_text("3")
        expect(problems.locator("tbody tr td").first).to_have_text("year")
        expect(problems.locator("tbody tr td").last).to_have_text("“20x3” is not a year such as 2024.")
        expect(staff.get_by_role("button", name="Import all rows")).to_have_count(0)
        assert_accessible(staff)

        # The corrected file: the preview reads the decimal commas, then everything is imported.
        good_file = tmp_path / "lommel-waste-water-fixed.csv"
        good_file.write_text(GOOD_CSV, encoding="utf-8")
        staff.get_by_role("link", name="Upload a corrected file").click()
        staff.wait_for_url(re.compile(r"/indicators/import/lommel/$"))
        staff.locator('input[name="file"]').set_input_files(str(good_file))
        staff.get_by_role("button", name="Upload and preview").click()
        staff.wait_for_url(re.compile(r"/indicators/import/lommel/\d+/$"))
        expect(staff.locator("main")).to_contain_text("3 rows are ready to import for Lommel.")
        read = staff.locator("table", has=staff.locator("caption", has_text="Rows read from the file"))
        expect(read.locator("tbody tr")).to_have_count(3)
        expect(read.locator("tbody tr").nth(1)).to_contain_text("47.25")
        assert_accessible(staff)
        staff.get_by_role("button", name="Import all rows").click()
        staff.wait_for_url(re.compile(r"/indicators/import/lommel/\d+/$"))
        expect(staff.get_by_role("status")).to_contain_text("Import done: 3 new values, 0 changed, 0 unchanged.")
        expect(staff.get_by_role("progressbar", name="Import progress")).to_have_attribute("value", "100")
        staff.reload()  # the page still knows where the import is
        expect(staff.get_by_role("status")).to_contain_text("Import done: 3 new values, 0 changed, 0 unchanged.")
        assert_accessible(staff)

        # The dashboard shows the indicator, Lommel's latest value and a progress status.
        staff.get_by_role("link", name="Dashboard", exact=True).click()
        staff.wait_for_url(re.compile(r"/indicators/dashboard/$"))
        expect(staff.get_by_role("heading", level=1)).to_have_text("Indicator dashboard")
        side_by_side = staff.locator("table", has=staff.locator("caption", has_text="Latest value, target and status"))
        headers = [h.strip() for h in side_by_side.locator("thead th").all_inner_texts()]
        row = side_by_side.locator("tbody tr", has=staff.locator("span.code", has_text=CODE))
        expect(row).to_have_count(1)
        lommel = row.locator("th, td").nth(headers.index("Lommel"))
        expect(lommel).to_contain_text("latest: 52.75 (2024)")
        expect(lommel.locator("span.status")).to_have_text(re.compile("^(" + "|".join(STATUS_LABELS) + ")$"))
        ongwediva = row.locator("th, td").nth(headers.index("Ongwediva"))
        expect(ongwediva).to_contain_text("latest: –")
        expect(staff.locator("section.indicator-card", has_text=CODE)).to_have_count(1)
        assert_accessible(staff)
    assert site.blocked == [], site.blocked


def test_the_progress_bar_follows_a_running_import_and_shows_the_result_without_a_reload(page, site):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone

    from twinning.foundation.models import Municipality, Partnership
    from twinning.indicators import actions, importstate
    from twinning.indicators.models import ImportBatch

    seed_demo()
    with outside_browser_loop():
        batch = actions.import_create(
            partnership=Partnership.objects.get(slug=PARTNERSHIP),
            municipality=Municipality.objects.get(slug="lommel"),
            upload=SimpleUploadedFile("lommel-2025.csv", b"indicator;year;value\n"),
        )
        ImportBatch.objects.filter(pk=batch.pk).update(status=ImportBatch.Status.RUNNING, started_at=timezone.now())
        importstate.report(batch.pk, "writing", 2500, 10000)

    log_in(page, LOMMEL_STAFF)
    goto_ok(page, f"/en/partnerships/{PARTNERSHIP}/indicators/import/lommel/{batch.pk}/")
    bar = page.get_by_role("progressbar", name="Import progress")
    expect(bar).to_have_attribute("value", "25")
    expect(page.get_by_role("status")).to_have_text("Importing: 2500 of 10000 values written.")
    assert_accessible(page)

    # The worker writes on and finishes; the page follows by itself.
    with outside_browser_loop():
        importstate.report(batch.pk, "writing", 7500, 10000)
    expect(bar).to_have_attribute("value", "75")
    with outside_browser_loop():
        ImportBatch.objects.filter(pk=batch.pk).update(
            status=ImportBatch.Status.DONE, result={"created": 10000, "updated": 0, "unchanged": 0}
        )
    expect(page.get_by_role("status")).to_have_text("Import done: 10000 new values, 0 changed, 0 unchanged.")
    expect(bar).to_have_attribute("value", "100")
    page.get_by_role("link", name="Dashboard", exact=True).click()
    page.wait_for_url(re.compile(r"/indicators/dashboard/$"))
    assert site.blocked == [], site.blocked
