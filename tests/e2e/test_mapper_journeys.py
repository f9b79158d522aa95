"""The SDG mapper in the browser: a coordinator uploads a Dutch coalition agreement, sees the wheel
and the highlighted passages, and compares it with a Spanish multi-annual plan."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.conftest import E2E_DB, assert_accessible, log_in, seed_demo
from tests.e2e.journeys import LOMMEL_COORDINATOR, PARTNERSHIP, goto_ok
from tests.mapper.documents import DUTCH_COALITION, SPANISH_PLAN, make_docx, make_pdf

pytestmark = E2E_DB

MAPPER = f"/en/partnerships/{PARTNERSHIP}/mapper/"


def _upload(page, title: str, name: str, mime: str, payload: bytes) -> None:
    form = page.locator("main form.form")
    form.locator('input[name="title"]').fill(title)
    form.locator('input[name="file"]').set_input_files({"name": name, "mimeType": mime, "buffer": payload})
    form.get_by_role("button", name="Map it").click()
    page.wait_for_url(re.compile(r"/mapper/\d+/$"))


def test_coordinator_maps_a_dutch_agreement_and_compares_it_with_a_spanish_plan(page):
    seed_demo()
    log_in(page, LOMMEL_COORDINATOR)
    goto_ok(page, MAPPER)
    expect(page.get_by_role("heading", level=1)).to_contain_text("SDG mapper of")
    assert_accessible(page)

    # A Dutch coalition agreement as PDF: the wheel, the goals and the passages that explain them.
    _upload(page, "Bestuursakkoord 2025-2030", "bestuursakkoord.pdf", "application/pdf", make_pdf(DUTCH_COALITION))
    expect(page.get_by_role("heading", level=1)).to_have_text("Bestuursakkoord 2025-2030")
    expect(page.locator("main svg").first).to_be_visible()
    expect(page.get_by_role("heading", name="13. Climate action")).to_be_visible()
    expect(page.locator("mark", has_text="Kinderarmoede")).to_be_visible()
    assert_accessible(page)

    # A Spanish multi-annual plan as a Word document.
    goto_ok(page, MAPPER)
    _upload(
        page,
        "Plan plurianual 2025-2029",
        "plan.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        make_docx(SPANISH_PLAN),
    )
    expect(page.locator("mark", has_text="tuberías de agua")).to_be_visible()

    # A scanned-looking file is refused with a message, nothing stored.
    goto_ok(page, MAPPER)
    form = page.locator("main form.form")
    form.locator('input[name="title"]').fill("Scan")
    form.locator('input[name="file"]').set_input_files(
        {"name": "scan.exe", "mimeType": "application/octet-stream", "buffer": b"MZ\x90"}
    )
    form.get_by_role("button", name="Map it").click()
    expect(page.locator(".errors")).to_contain_text("Upload a PDF")
    assert_accessible(page)

    # Side by side: two wheels, and in words what one covers and the other does not.
    goto_ok(page, MAPPER)
    page.get_by_role("link", name="Compare two documents").click()
    page.get_by_label("First document").select_option(label="Bestuursakkoord 2025-2030 (Lommel)")
    page.get_by_label("Second document").select_option(label="Plan plurianual 2025-2029 (Lommel)")
    page.get_by_role("button", name="Compare").click()
    expect(page.locator("main svg")).to_have_count(2)
    expect(
        page.get_by_text("“Bestuursakkoord 2025-2030” addresses these SDGs and “Plan plurianual 2025-2029” does not:")
    ).to_contain_text("13. Climate action")
    expect(page.get_by_text("“Plan plurianual 2025-2029” addresses these SDGs")).to_contain_text(
        "6. Clean water and sanitation"
    )
    assert_accessible(page)


def test_the_suggest_button_ticks_sdgs_from_a_story_text(page):
    seed_demo()
    log_in(page, LOMMEL_COORDINATOR)
    goto_ok(page, f"/en/partnerships/{PARTNERSHIP}/stories/new/")
    form = page.locator("main form.form")
    form.locator('input[name="title"]').fill("Trees for a cooler town")
    form.locator('textarea[name="text"]').fill(
        "We plant trees against heat waves, restore wetlands for biodiversity and adapt to climate change."
    )
    form.get_by_role("button", name="Suggest SDGs from the text").click()
    expect(form.get_by_text("Suggested and ticked:")).to_contain_text("13. Climate action")
    expect(form.locator('input[name="sdgs_goals"][value="13"]')).to_be_checked()
    expect(form.locator('input[name="sdgs_goals"][value="15"]')).to_be_checked()
    expect(form.locator('input[name="sdgs_goals"][value="4"]')).not_to_be_checked()
    assert_accessible(page)
