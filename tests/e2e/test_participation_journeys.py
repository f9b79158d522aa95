"""Citizen participation in the browser: a ballot code on a phone, paper tallies entered by
staff, the closed results side by side, and a budget vote computed by the parliament."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.conftest import E2E_DB, assert_accessible, log_in, outside_browser_loop, seed_demo
from tests.e2e.journeys import LOMMEL_COORDINATOR, LOMMEL_STAFF, PARTNERSHIP, goto_ok, second_person, seed_app_demo

pytestmark = E2E_DB

CITIZEN = "citizen.lommel@example.org"
PHONE = {"width": 375, "height": 667}


def _orm(function):
    with outside_browser_loop():
        return function()


def test_a_citizen_votes_with_a_ballot_code_on_a_phone(page):
    seed_demo()
    seed_app_demo("participation")

    def make_codes():
        from twinning.foundation.models import Municipality
        from twinning.participation import actions, demo
        from twinning.participation.models import Consultation

        consultation = Consultation.objects.get(title=demo.OPEN_TITLE)
        municipality = Municipality.objects.get(slug="ongwediva")
        return consultation.pk, actions.codes_generate(
            consultation, actor=None, municipality=municipality, community=None, count=1
        )[0]

    pk, code = _orm(make_codes)
    page.set_viewport_size(PHONE)
    vote = f"/en/partnerships/{PARTNERSHIP}/consultations/{pk}/vote/"
    goto_ok(page, f"{vote}?code={code}")  # what the QR code on the slip opens
    form = page.locator("main form.form")
    expect(form.locator('input[name="code"]')).to_have_value(code)
    form.locator('select[name="rank_1"]').select_option(value="6")
    form.locator('select[name="rank_2"]').select_option(value="13")
    form.get_by_label("4. Quality Education", exact=False).first.check()
    assert_accessible(page)
    form.get_by_role("button", name="Send my vote").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you for voting")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(page)

    goto_ok(page, f"{vote}?code={code}")
    page.locator('main form.form select[name="rank_1"]').select_option(value="4")
    page.get_by_role("button", name="Send my vote").click()
    expect(page.get_by_role("alert")).to_contain_text("This ballot code has already been used.")


def test_staff_enter_paper_tallies_for_a_community(page):
    seed_demo()

    def make_consultation():
        from twinning.foundation.models import Municipality, Partnership
        from twinning.participation import actions

        partnership = Partnership.objects.get(slug=PARTNERSHIP)
        lommel = Municipality.objects.get(slug="lommel")
        consultation = actions.consultation_create(
            partnership,
            actor=None,
            data={
                "title": "SDG priorities on paper",
                "question": "",
                "method": "approval",
                "max_choices": 2,
                "ask_worries": True,
                "allow_proposals": True,
            },
            communities={lommel.pk: ["Kerkhoven", "Stevensvennen"]},
        )
        actions.consultation_set_phase(consultation, actor=None, phase="open")
        return consultation.pk

    pk = _orm(make_consultation)
    log_in(page, LOMMEL_STAFF)
    goto_ok(page, f"/en/partnerships/{PARTNERSHIP}/consultations/{pk}/")
    page.get_by_role("link", name="Enter paper tallies for Kerkhoven").click()
    page.wait_for_url(re.compile(r"/paper/\d+/$"))
    form = page.locator("main form.form")
    form.locator('input[name="ballots"]').fill("25")
    form.locator('input[name="priority_13"]').fill("30")  # more votes than ballots
    assert_accessible(page)
    form.get_by_role("button", name="Save the tallies").click()
    expect(page.get_by_role("alert").first).to_contain_text("A goal cannot have more votes than there are ballots.")
    form = page.locator("main form.form")
    form.locator('input[name="priority_13"]').fill("18")
    form.locator('input[name="priority_4"]').fill("15")
    form.locator('input[name="worry_13"]').fill("9")
    form.get_by_role("button", name="Save the tallies").click()
    expect(page.get_by_role("status")).to_contain_text("The paper tallies of Kerkhoven are saved.")


def test_the_closed_results_show_both_municipalities_side_by_side(page):
    seed_demo()
    seed_app_demo("participation")

    def closed_pk():
        from twinning.participation import demo
        from twinning.participation.models import Consultation

        return Consultation.objects.get(title=demo.CLOSED_TITLE).pk

    pk = _orm(closed_pk)
    goto_ok(page, f"/en/partnerships/herent-nimlahakok/consultations/{pk}/results/")
    herent = page.get_by_role("heading", level=2, name="Herent", exact=True)
    nimlahakok = page.get_by_role("heading", level=2, name="Nimlaha'kok", exact=True)
    expect(herent).to_be_visible()
    expect(nimlahakok).to_be_visible()
    left, right = herent.bounding_box(), nimlahakok.bounding_box()
    assert abs(left["y"] - right["y"]) < 2 and left["x"] < right["x"]  # side by side
    expect(page.locator("main")).to_contain_text("Top goals across the partnership: 13, 4")
    expect(page.locator("main")).to_contain_text(
        "Interconnectedness of the 17 SDGs, expressed through the Mayan Cosmovision"
    )
    expect(page.locator("main")).to_contain_text("0 online ballots, 235 on paper.")
    assert_accessible(page)

    # The youth debate of the same partnership: both classes' arguments side by side, and the vote.
    goto_ok(page, "/en/partnerships/herent-nimlahakok/participation/")
    page.get_by_role("link", name=re.compile("^Youth debate:")).click()
    expect(page.locator("main")).to_contain_text("A weather station is expensive")
    expect(page.locator("main table")).to_contain_text("A bilingual book swap between the schools")
    assert_accessible(page)


def test_a_parliament_member_allocates_the_budget_and_the_result_is_computed(page, browser, site):
    seed_demo()

    def make_parliament():
        from django.contrib.auth import get_user_model

        from twinning.foundation.models import Municipality, Partnership
        from twinning.participation import actions

        partnership = Partnership.objects.get(slug=PARTNERSHIP)
        lommel, ongwediva = Municipality.objects.get(slug="lommel"), Municipality.objects.get(slug="ongwediva")
        parliament = actions.parliament_create(
            partnership,
            actor=None,
            data={
                "title": "Youth and water budget",
                "seats_per_municipality": 3,
                "budget": 10000,
                "currency": "EUR",
                "rule": "knapsack",
                "min_share": 50,
                "min_projects": 1,
                "max_projects": 2,
            },
        )
        users = get_user_model().objects
        member = actions.member_seat(parliament, actor=None, user=users.get(email=CITIZEN), municipality=lommel)
        other = actions.member_seat(
            parliament, actor=None, user=users.get(email="coordinator.ongwediva@example.org"), municipality=ongwediva
        )
        actions.budget_proposal_add(
            parliament, member=member, title="Water kiosk", description="Clean water", cost=7000, goal=6
        )
        actions.budget_proposal_add(
            parliament, member=other, title="Youth hub", description="A place to meet", cost=4000, goal=4
        )
        actions.budget_proposal_add(
            parliament, member=other, title="Bike repair", description="Tools", cost=2000, goal=11
        )
        actions.parliament_set_phase(parliament, actor=None, phase="open")
        return parliament.pk

    pk = _orm(make_parliament)
    log_in(page, CITIZEN)
    goto_ok(page, f"/en/partnerships/{PARTNERSHIP}/parliaments/{pk}/")
    page.get_by_role("link", name="Vote on the budget").click()
    form = page.locator("main form.form")
    form.get_by_label("Water kiosk", exact=False).check()
    form.get_by_label("Youth hub", exact=False).check()  # 11000 > 10000
    assert_accessible(page)
    form.get_by_role("button", name="Send my budget vote").click()
    expect(page.get_by_role("alert").first).to_contain_text("Your projects cost more than the budget of 10000 EUR.")
    form = page.locator("main form.form")
    form.get_by_label("Youth hub", exact=False).uncheck()
    form.get_by_label("Bike repair", exact=False).check()  # 9000
    form.get_by_role("button", name="Send my budget vote").click()
    expect(page.get_by_role("status")).to_contain_text("Your budget vote is counted.")

    with second_person(page.context.browser, site, LOMMEL_COORDINATOR) as coordinator:
        coordinator.goto(f"/en/partnerships/{PARTNERSHIP}/parliaments/{pk}/")
        coordinator.get_by_role("button", name="Close the vote and compute the result").click()
        expect(coordinator.get_by_role("status")).to_contain_text("The vote is now closed.")
        coordinator.get_by_role("link", name="Budget results").click()
        table = coordinator.locator("main table")
        expect(table.locator("tr", has_text="Water kiosk")).to_contain_text("Funded")
        expect(table.locator("tr", has_text="Bike repair")).to_contain_text("Funded")
        expect(table.locator("tr", has_text="Youth hub")).to_contain_text("No votes")
        expect(coordinator.locator("main")).to_contain_text("1 members voted. 9000 of 10000 EUR is allocated.")
        assert_accessible(coordinator)
