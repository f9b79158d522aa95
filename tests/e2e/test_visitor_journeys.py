"""What an anonymous visitor does: switch language, open a partnership, filter, read the SDGs."""

from __future__ import annotations

import re
import unicodedata

import pytest
import yaml
from playwright.sync_api import expect

from tests.e2e.conftest import (
    E2E_DB,
    PAGE_WEIGHT_BUDGET,
    PAGE_WEIGHT_PROPERTY,
    assert_accessible,
    measure_page_weight,
    require_leaflet,
    seed_demo,
)
from twinning.sdg.loading import DATA_DIR

pytestmark = E2E_DB

LOMMEL_ONGWEDIVA = "Lommel – Ongwediva"
# The official French title of SDG 6, as in twinning/sdg/data/fr/global_goals.yml ("6-title").
FRENCH_GOAL_6 = (
    "Garantir l’accès de tous à des services d’alimentation en eau et d’assainissement gérés de façon durable"
)


def nfc(text: str) -> str:
    """The data files spell accents decomposed (NFD); compare letters, not code points."""
    return unicodedata.normalize("NFC", " ".join(text.split()))


def french_text(file: str, key: str) -> str:
    with (DATA_DIR / "fr" / file).open(encoding="utf-8") as handle:
        return str(yaml.safe_load(handle)[key]).strip()


def wait_until(page, condition, timeout_ms: int = 5_000) -> None:
    for _attempt in range(timeout_ms // 100):
        if condition():
            return
        page.wait_for_timeout(100)
    assert condition(), "condition not met in time"


def card_titles(page) -> list[str]:
    return [title.strip() for title in page.locator("ul.cards li.card h3 a").all_inner_texts()]


def test_visitor_switches_to_dutch_and_opens_lommel_ongwediva(page, site):
    require_leaflet()
    seed_demo()

    page.goto("/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert_accessible(page)

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Nederlands", exact=True).click()
    page.wait_for_url(re.compile(r"/nl/"))
    assert page.url.startswith(f"{site.url}/nl/"), page.url
    expect(page.locator("html")).to_have_attribute("lang", "nl")

    page.locator("ul.cards").get_by_role("link", name=LOMMEL_ONGWEDIVA, exact=True).click()
    page.wait_for_url(re.compile(r"/nl/partnerships/lommel-ongwediva/$"))
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("heading", level=1)).to_have_text(LOMMEL_ONGWEDIVA)
    for name in ("Lommel", "Ongwediva"):
        expect(page.locator("article.member").get_by_role("heading", name=name, exact=True)).to_be_visible()

    # map.js turns the OpenStreetMap links into a live Leaflet map with one marker per member.
    map_element = page.locator("#map")
    expect(map_element).to_be_visible()
    expect(map_element).to_have_class(re.compile(r"\bmap--live\b"))
    expect(map_element.locator(".leaflet-marker-icon")).to_have_count(2)
    expect(map_element.locator(".leaflet-marker-icon").first).to_be_visible()

    # The tiles were asked for, and none of them left the machine.
    wait_until(page, lambda: any("tile.openstreetmap.org" in url for url in site.blocked))
    assert all("tile.openstreetmap.org" in url for url in site.blocked), site.blocked
    assert_accessible(page)


def test_visitor_filters_partnerships_by_country(page):
    seed_demo()

    page.goto("/en/")
    assert "Bierbeek – San Felipe de Oña" in card_titles(page)

    filters = page.get_by_role("search", name="Filter partnerships")
    filters.locator('select[name="country"]').select_option(label="Namibia")
    filters.get_by_role("button", name="Filter").click()

    page.wait_for_url(re.compile(r"/en/\?(.*&)?country=NA(&|$)"))
    expect(page.locator("ul.cards li.card")).to_have_count(2)
    assert sorted(card_titles(page)) == ["Harelbeke – Eenhana", LOMMEL_ONGWEDIVA]
    expect(page.locator("ul.cards")).not_to_contain_text("Bierbeek")
    expect(page.locator('select[name="country"]')).to_have_value("NA")


def test_sdg_pages(page):
    seed_demo()

    page.goto("/en/sdgs/")
    wheel = page.locator("figure.sdg-wheel svg")
    expect(wheel).to_have_count(1)
    expect(wheel).to_be_visible()
    expect(wheel.locator("a")).to_have_count(17)
    expect(page.get_by_role("heading", name="The five Ps", exact=True)).to_be_visible()
    for pillar in ("People", "Planet", "Prosperity", "Peace", "Partnership"):
        expect(page.get_by_role("heading", level=3, name=pillar, exact=True)).to_be_visible()

    data_title = french_text("global_goals.yml", "6-title")
    assert nfc(data_title) == FRENCH_GOAL_6, "the French title of SDG 6 in the data files changed"
    data_target = french_text("global_targets.yml", "6-1-title")

    goal = page.context.new_page()  # a second tab, so that axe can audit both pages at the end
    goal.goto("/fr/sdgs/6/")
    expect(goal.locator("html")).to_have_attribute("lang", "fr")
    assert nfc(goal.locator(".goal-head .lead").inner_text()) == FRENCH_GOAL_6
    target = goal.locator('li[id="t6.1"]')
    expect(target).to_be_visible()
    expect(target.locator("strong").first).to_have_text("6.1")
    assert nfc(data_target) in nfc(target.inner_text())

    assert_accessible(page, goal)


@pytest.mark.parametrize(
    "path",
    ["/en/", "/en/partnerships/lommel-ongwediva/", "/en/sdgs/6/", "/en/sdgs/"],
    ids=["home", "partnership", "sdg-page", "sdg-list"],
)
def test_page_weight_within_budget(page, path, record_property):
    seed_demo()

    weight = measure_page_weight(page, path)
    print(f"\npage weight {weight.report()}")
    record_property(PAGE_WEIGHT_PROPERTY, (path, weight.total))  # summed up at the end of the run

    kinds = {kind for _url, kind, _raw, _compressed in weight.files}
    assert "document" in kinds and "stylesheet" in kinds, weight.report()
    assert weight.total <= PAGE_WEIGHT_BUDGET, (
        f"{path} weighs {weight.total / 1024:.1f} KB compressed, over the {PAGE_WEIGHT_BUDGET // 1024} KB budget:\n"
        f"{weight.report()}"
    )
