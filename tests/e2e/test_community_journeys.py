"""Awareness and community in the browser: a story with a photo whose GPS position is gone, the
partner's comment, a pupil's picture through moderation, a live scoreboard, the 17-panel exhibit."""

from __future__ import annotations

import io
import re

from playwright.sync_api import expect

from tests.community.images import gps_of, jpeg_with_gps
from tests.e2e.conftest import (
    E2E_DB,
    PAGE_WEIGHT_PROPERTY,
    assert_accessible,
    log_in,
    measure_page_weight,
    outside_browser_loop,
    seed_demo,
)
from tests.e2e.journeys import PARTNERSHIP, goto_ok, path_of, second_person, seed_app_demo

pytestmark = E2E_DB

HARELBEKE_STAFF = "staff.harelbeke@example.org"  # demo logins
EENHANA_COORDINATOR = "coordinator.eenhana@example.org"
PUPIL = "pupil.lommel@example.org"
TWINNING = "/en/partnerships/harelbeke-eenhana"


def _person(email: str, municipality: str, role: str) -> None:
    from django.conf import settings

    from twinning.accounts.models import User
    from twinning.foundation.models import Membership, Municipality

    with outside_browser_loop():
        user = User.objects.create_user(email=email, password=settings.DEMO_PASSWORD, full_name=email.split("@")[0])
        user.email_verified = True
        user.save()
        Membership.objects.create(user=user, municipality=Municipality.objects.get(slug=municipality), role=role)


def _photo_file(tmp_path):
    path = tmp_path / "square.jpg"
    path.write_bytes(jpeg_with_gps(size=(900, 600)).read())
    return path


def test_harelbeke_posts_a_story_without_gps_and_eenhanas_coordinator_comments(
    page, browser, site, tmp_path, record_property
):
    seed_demo()
    seed_app_demo("community")
    # Harelbeke's staff member and Eenhana's coordinator are demo logins.
    log_in(page, HARELBEKE_STAFF)
    weight = measure_page_weight(page, f"{TWINNING}/stories/")
    assert weight.total < 60 * 1024, weight.report()
    record_property(PAGE_WEIGHT_PROPERTY, (f"{TWINNING}/stories/", weight.total))
    assert_accessible(page)
    page.get_by_role("link", name="Publish a story").click()
    form = page.locator("main form.form")
    form.locator('select[name="municipality"]').select_option(label="Harelbeke")
    form.locator('input[name="title"]').fill("Climate street party in Harelbeke")
    form.locator('textarea[name="text"]').fill("Neighbours **planted** trees. <script>alert(1)</script>")
    form.locator('input[name="photo"]').set_input_files(str(_photo_file(tmp_path)))
    form.locator('input[name="photo_caption"]').fill("Neighbours planting a tree")
    form.locator('input[name="sdgs_goals"][value="13"]').check()
    assert_accessible(page)
    form.get_by_role("button", name="Publish").click()
    page.wait_for_url(re.compile(r"/stories/\d+/$"))
    story_path = path_of(page)
    expect(page.get_by_role("status")).to_contain_text("Your story is published.")
    image = page.get_by_role("img", name="Neighbours planting a tree")
    stored = page.request.get(image.get_attribute("src"))
    assert stored.ok and stored.headers["content-type"] == "image/jpeg"
    assert gps_of(stored.body()) == {}, "the GPS position is gone from the stored photo"
    expect(page.locator(".community-text strong")).to_have_text("planted")
    assert_accessible(page)

    with second_person(browser, site, EENHANA_COORDINATOR) as partner:
        goto_ok(partner, story_path)
        partner.locator('textarea[name="text"]').fill("Eenhana planted 40 trees at the school the same week!")
        partner.get_by_role("button", name="Comment").click()
        expect(partner.get_by_role("status")).to_contain_text("Your comment is added.")
        assert_accessible(partner)
    page.reload()
    expect(page.locator("#comments")).to_contain_text("Eenhana planted 40 trees at the school the same week!")

    weight = measure_page_weight(page, f"/en/partnerships/{PARTNERSHIP}/feed/")
    assert weight.total < 60 * 1024, weight.report()
    record_property(PAGE_WEIGHT_PROPERTY, (f"/en/partnerships/{PARTNERSHIP}/feed/", weight.total))
    assert_accessible(page)


def test_a_pupils_picture_waits_for_moderation_and_appears_after_approval(page, browser, site, tmp_path):
    seed_demo()
    _person(PUPIL, "lommel", "citizen")
    log_in(page, PUPIL)
    goto_ok(page, f"/en/partnerships/{PARTNERSHIP}/sdg-photos/")
    page.get_by_role("link", name="Send in your SDG picture").click()
    form = page.locator("main form.form")
    form.locator('select[name="municipality"]').select_option(label="Lommel")
    form.locator('select[name="goal_number"]').select_option(value="4")
    form.locator('input[name="image"]').set_input_files(str(_photo_file(tmp_path)))
    form.locator('input[name="caption"]').fill("Our class garden")
    assert_accessible(page)
    form.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status")).to_contain_text("waits for a coordinator")
    expect(page.get_by_role("img", name="Our class garden")).to_have_count(0)

    with second_person(browser, site, "coordinator.lommel@example.org") as coordinator:
        goto_ok(coordinator, f"/en/partnerships/{PARTNERSHIP}/sdg-photos/moderation/")
        assert_accessible(coordinator)
        item = coordinator.locator("li", has=coordinator.get_by_role("img", name="Our class garden"))
        item.get_by_role("button", name="Approve").click()
        expect(coordinator.get_by_role("status")).to_contain_text("approved")
    page.reload()
    expect(page.get_by_role("img", name="Our class garden")).to_be_visible()
    assert_accessible(page)


def test_the_scoreboard_updates_by_itself_after_a_contribution(page, browser, site):
    seed_demo()
    seed_app_demo("community")
    goto_ok(page, f"/en/partnerships/{PARTNERSHIP}/challenges/")
    assert_accessible(page)
    page.get_by_role("link", name="Cycle to school and work (demo)").click()
    scoreboard = page.locator("#scoreboard")
    expect(scoreboard).to_contain_text("Ongwediva leads.")  # 1,790 km / 36,000 inhabitants > 1,680 km / 35,700
    assert_accessible(page)
    with second_person(browser, site, "staff.lommel@example.org") as staff:
        goto_ok(staff, path_of(page))
        form = staff.locator("main form.form")
        form.locator('select[name="municipality"]').select_option(label="Lommel")
        form.locator('input[name="amount"]').fill("500")
        form.get_by_role("button", name="Add").click()
        expect(staff.get_by_role("status")).to_contain_text("Your contribution is counted.")
    expect(scoreboard).to_contain_text("Lommel leads.", timeout=15_000)  # polled by htmx, no reload


def test_the_exhibit_pdf_has_a_cover_and_17_panels_with_the_sdg_titles(page):
    from pypdf import PdfReader

    seed_demo()
    seed_app_demo("community")
    goto_ok(page, f"/en/partnerships/{PARTNERSHIP}/exhibit/")
    assert_accessible(page)
    page.locator('select[name="language"]').select_option(value="fr")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the PDF").click()
    reader = PdfReader(io.BytesIO(open(download.value.path(), "rb").read()))
    assert len(reader.pages) == 18
    texts = [" ".join(p.extract_text().split()) for p in reader.pages]
    assert "17 ODD" in texts[0]
    assert "ODD 1 :" in texts[1] and "ODD 13 :" in texts[13] and "ODD 17 :" in texts[17]
