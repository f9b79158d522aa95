"""The programme in the browser: a coordinator plans the campaign of a year's focus SDG and its
actions; the CO2 page shows routes, factors and the airports with their sources."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.conftest import E2E_DB, assert_accessible, log_in, outside_browser_loop, seed_demo
from tests.e2e.journeys import LOMMEL_COORDINATOR, PARTNERSHIP, goto_ok, seed_app_demo
from twinning.assessment.models import FocusGoal
from twinning.foundation.models import Partnership
from twinning.programme.models import Programme

pytestmark = E2E_DB


def test_a_coordinator_plans_the_campaign_of_the_focus_sdg_and_reads_the_co2_sources(page, site):
    seed_demo()
    seed_app_demo("assessment", "visits", "programme")
    with outside_browser_loop():
        partnership = Partnership.objects.get(slug=PARTNERSHIP)
        FocusGoal.objects.update_or_create(partnership=partnership, year=2027, defaults={"goal": 13})
        programme = Programme.objects.get(partnership=partnership)
    log_in(page, LOMMEL_COORDINATOR)
    detail = f"/en/partnerships/{PARTNERSHIP}/programmes/{programme.pk}/"
    goto_ok(page, detail)
    campaigns = page.locator("section[aria-labelledby='campaigns-h']")
    expect(campaigns).to_contain_text("Press visit to the Okatana pumping station")  # the demo plan of 2025
    assert_accessible(page)

    page.get_by_role("link", name="Plan the campaign of 2027").click()
    form = page.locator("main form.form")
    form.locator('textarea[name="aims"]').fill("Both towns halve the paper they use")
    form.locator('textarea[name="audiences"]').fill("Town hall staff")
    form.locator('input[name="budget"]').fill("2500.00")
    form.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(re.escape(detail)))
    expect(campaigns).to_contain_text("Both towns halve the paper they use")

    page.get_by_role("link", name="Add an action to the campaign 2027").click()
    form = page.locator("main form.form")
    form.locator('select[name="channel"]').select_option(label="Local radio or TV")
    form.locator('input[name="what"]').fill("Radio talk on climate at the town hall")
    form.locator('input[name="date"]').fill("2027-04-20")
    form.locator('input[name="owner"]').fill("Communication office Ongwediva")
    form.locator('input[name="cost"]').fill("3000.00")
    form.locator('select[name="currency"]').select_option(value="NAD")
    form.get_by_role("button", name="Save").click()
    expect(page.locator("main")).to_contain_text("give the exchange rate (EUR for 1 NAD)")
    assert_accessible(page)
    page.locator('input[name="rate"]').fill("0.05")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(re.escape(detail)))
    # 3000.00 NAD x 0.05 = 150.00 EUR
    expect(campaigns).to_contain_text("actions planned: 150.00 EUR")

    goto_ok(page, f"/en/partnerships/{PARTNERSHIP}/co2/")
    sources = page.locator("main")
    expect(sources).to_contain_text("Greenhouse gas reporting: conversion factors 2024")
    expect(sources).to_contain_text("OurAirports")
    expect(sources).to_contain_text("certified offset at 24.00 EUR per tonne CO2e")
    assert_accessible(page)
    assert site.blocked == [], site.blocked
