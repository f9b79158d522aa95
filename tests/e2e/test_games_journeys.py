"""SDG games in the browser with Chromium's geolocation override: a team walks a route (positions
set step by step), unlocks stops, answers and finishes with the right score; the same with the
network offline half-way (answers wait on the phone and sync once, even when the queue is sent
twice); and the game page on a 400 kbit/s connection."""

from __future__ import annotations

import gzip
import re
import time
from decimal import Decimal

from playwright.sync_api import expect

from tests.e2e.conftest import (
    DEFAULT_TIMEOUT_MS,
    E2E_DB,
    LEAFLET_JS,
    PAGE_WEIGHT_PROPERTY,
    assert_accessible,
    measure_page_weight,
    outside_browser_loop,
    require_leaflet,
    seed_demo,
    wait_until,
)

pytestmark = E2E_DB

GAME_BUDGET = 150 * 1024  # bytes, gzip: the game page with its CSS and JavaScript, before map tiles
# Three stops in Roeselare 45 m apart with 50 m circles: all circles overlap, so a test may "walk"
# from one to the next in a second without the referee finding the trip implausible.
ROUTE = [("50.946700", "3.122600"), ("50.947105", "3.122600"), ("50.947510", "3.122600")]


def published_game(title: str):
    """A published game of the demo partnership Roeselare–Dogbo, without stops (call outside the browser loop)."""
    from twinning.foundation.models import Municipality, Partnership
    from twinning.games.models import Game

    seed_demo()
    return Game.objects.create(
        partnership=Partnership.objects.get(slug="roeselare-dogbo"),
        municipality=Municipality.objects.get(slug="roeselare"),
        title={"en": title},
        languages=["en"],
        time_limit_minutes=60,
        is_published=True,
    )


def make_game() -> tuple[str, int]:
    """The browser route: three stops; returns (partnership slug, game id)."""
    from twinning.games.models import Stop

    with outside_browser_loop():
        game = published_game("Browser route")
        partnership = game.partnership
        common = {"game": game, "radius_m": 50, "points": 10}
        Stop.objects.create(
            order=1,
            title={"en": "Market"},
            latitude=Decimal(ROUTE[0][0]),
            longitude=Decimal(ROUTE[0][1]),
            kind="choice",
            question={"en": "Which SDG is about clean water?"},
            choices=[{"en": "SDG 6"}, {"en": "SDG 9"}],
            correct_choice=0,
            partner_fact={"en": "Dogbo lies in the Couffo department of Benin."},
            **common,
        )
        Stop.objects.create(
            order=2,
            title={"en": "Church"},
            latitude=Decimal(ROUTE[1][0]),
            longitude=Decimal(ROUTE[1][1]),
            kind="number",
            question={"en": "In which year were the SDGs adopted?"},
            number_answer=Decimal(2015),
            **common,
        )
        Stop.objects.create(
            order=3,
            title={"en": "Station"},
            latitude=Decimal(ROUTE[2][0]),
            longitude=Decimal(ROUTE[2][1]),
            kind="choice",
            question={"en": "How many SDGs are there?"},
            choices=[{"en": "17"}, {"en": "12"}],
            correct_choice=0,
            **common,
        )
        return partnership.slug, game.pk


def answers_in_database() -> list[tuple[int, int]]:
    from twinning.games.models import Answer

    with outside_browser_loop():
        return list(Answer.objects.order_by("stop__order").values_list("stop__order", "points"))


def walk_to(context, page, index: int) -> None:
    lat, lon = ROUTE[index]
    context.set_geolocation({"latitude": float(lat), "longitude": float(lon)})
    page.get_by_role("button", name="Update my position").click()


def stop_item(page, order: int):
    return page.locator("li.stop").nth(order - 1)


def start_team(page, slug: str, game_id: int, name: str) -> None:
    page.goto(f"/en/partnerships/{slug}/games/{game_id}/")
    page.get_by_label("Team name").fill(name)
    page.get_by_role("button", name="Start our team").click()
    page.wait_for_url(re.compile(r"/en/play/[\w-]+/$"))


def answer_stop(page, order: int, *, choice: str | None = None, number: str | None = None) -> None:
    stop = stop_item(page, order)
    expect(stop.locator("form")).to_be_visible()
    if choice is not None:
        stop.get_by_label(choice, exact=True).check()
    if number is not None:
        stop.get_by_label("Your answer").fill(number)
    stop.get_by_role("button", name="Send answer").click()


def new_context(browser, site, *, service_workers: str = "block", latitude=50.9400, longitude=3.1200):
    context = browser.new_context(
        base_url=site.url,
        service_workers=service_workers,
        locale="en-GB",
        geolocation={"latitude": latitude, "longitude": longitude},
        permissions=["geolocation"],
    )
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    return context


def test_a_team_walks_the_route_unlocks_stops_and_finishes_with_the_right_score(page, browser, site):
    require_leaflet()
    slug, game_id = make_game()
    context = new_context(browser, site)
    try:
        phone = context.new_page()
        start_team(phone, slug, game_id, "The Otters")
        expect(stop_item(phone, 1).locator("form")).to_be_hidden()  # 700 m away: locked
        expect(stop_item(phone, 1).locator(".stop__distance")).to_contain_text("m to go")
        assert_accessible(phone)

        walk_to(context, phone, 0)
        answer_stop(phone, 1, choice="SDG 6")
        expect(stop_item(phone, 1).locator(".stop__result")).to_have_text("Correct · 10 points")
        expect(stop_item(phone, 1).locator(".stop__fact")).to_contain_text("Couffo")
        expect(stop_item(phone, 3).locator("form")).to_be_hidden()  # 90 m away: still locked

        walk_to(context, phone, 1)
        answer_stop(phone, 2, number="2015")
        expect(stop_item(phone, 2).locator(".stop__result")).to_have_text("Correct · 10 points")

        walk_to(context, phone, 2)
        answer_stop(phone, 3, choice="12")
        expect(stop_item(phone, 3).locator(".stop__result")).to_have_text("Not correct · 0 points")
        expect(phone.locator("#points")).to_have_text("20")

        phone.goto(phone.url.split("#")[0] + "results/")
        expect(phone.get_by_text("Team The Otters has 20 points.")).to_be_visible()
        assert_accessible(phone)
        assert answers_in_database() == [(1, 10), (2, 10), (3, 0)]
    finally:
        context.close()


def test_answers_made_offline_sync_after_reconnecting_without_duplicates(page, browser, site):
    require_leaflet()
    slug, game_id = make_game()
    context = new_context(browser, site, service_workers="allow")
    try:
        phone = context.new_page()
        start_team(phone, slug, game_id, "Offline Owls")
        phone.evaluate("navigator.serviceWorker.ready.then(() => true)")
        walk_to(context, phone, 0)
        answer_stop(phone, 1, choice="SDG 6")
        expect(stop_item(phone, 1).locator(".stop__result")).to_have_text("Correct · 10 points")

        # The phone keeps the page as the server shows it now (stop 1 answered) for reopening offline.
        wait_until(
            phone,
            "async () => { const hit = await caches.match(location.pathname);"
            " return !!hit && (await hit.text()).includes('data-done'); }",
        )
        context.set_offline(True)
        walk_to(context, phone, 1)
        answer_stop(phone, 2, number="2015")
        expect(stop_item(phone, 2).locator(".stop__result")).to_have_text(
            "Saved on this phone; it is sent when there is a connection."
        )
        walk_to(context, phone, 2)
        answer_stop(phone, 3, choice="17")
        expect(phone.locator("#sync")).to_contain_text("No connection")
        queue = phone.evaluate("JSON.stringify(Object.entries(localStorage))")
        assert answers_in_database() == [(1, 10)]

        # Reopened without a connection: the service worker serves the game as last seen.
        phone.reload()
        expect(stop_item(phone, 1).locator(".stop__result")).to_have_text("Correct · 10 points")
        expect(stop_item(phone, 2).locator(".stop__result")).to_have_text(
            "Saved on this phone; it is sent when there is a connection."
        )

        context.set_offline(False)
        expect(stop_item(phone, 3).locator(".stop__result")).to_have_text("Correct · 10 points")
        expect(phone.locator("#points")).to_have_text("30")
        expect(phone.locator("#sync")).to_have_text("All answers are sent.")

        # The same queue sent a second time: the server knows the answers' ids and stores nothing new.
        phone.evaluate("(entries) => JSON.parse(entries).forEach(([k, v]) => localStorage.setItem(k, v))", queue)
        phone.reload()
        expect(phone.locator("#sync")).to_have_text("All answers are sent.")
        assert answers_in_database() == [(1, 10), (2, 10), (3, 10)]
    finally:
        context.close()


def test_the_game_page_is_small_and_loads_within_5_seconds_at_400_kbit(page, browser, site, record_property):
    require_leaflet()
    slug, game_id = make_game()
    start_team(page, slug, game_id, "Slow Snails")
    play_path = re.sub(r"^https?://[^/]+", "", page.url)
    expect(page.locator("#play-map.map--live")).to_be_visible()  # nothing of this load is still arriving
    weight = measure_page_weight(page, play_path)
    # Leaflet loads after the page (the questions come first on a slow line): weigh it too.
    expect(page.locator("#play-map.map--live")).to_be_visible()
    total = weight.total + len(gzip.compress(LEAFLET_JS.read_bytes(), 6))
    assert total < GAME_BUDGET, f"{total / 1024:.1f} KB with Leaflet\n{weight.report()}"
    record_property(PAGE_WEIGHT_PROPERTY, ("/en/play/<team>/ with Leaflet", total))

    slow = browser.new_context(base_url=site.url, service_workers="block", locale="en-GB")
    try:
        phone = slow.new_page()
        cdp = slow.new_cdp_session(phone)
        cdp.send("Network.enable")
        cdp.send(
            "Network.emulateNetworkConditions",
            {"offline": False, "latency": 100, "downloadThroughput": 400_000 / 8, "uploadThroughput": 400_000 / 8},
        )
        started = time.monotonic()
        phone.goto(play_path, wait_until="load", timeout=15_000)
        seconds = time.monotonic() - started
        expect(phone.locator("#play-map.map--live")).to_be_visible(timeout=15_000)  # then the map
        assert seconds < 5, f"the game page took {seconds:.1f} s at 400 kbit/s"
    finally:
        slow.close()


def test_author_quiz_and_check_in_pages_are_accessible(page, site):
    """The other pages of the app, each checked with axe: the author's stop form with its map, the
    game master, the quiz (a round played), the SDG places and one place."""
    from django.core.management import call_command

    from tests.e2e.conftest import log_in
    from tests.e2e.journeys import seed_app_demo

    require_leaflet()
    seed_demo()
    seed_app_demo("games")
    with outside_browser_loop():
        call_command("load_quiz", verbosity=0)
        from twinning.games.models import CheckInPlace, Game

        game = Game.objects.get(title__en="SDG city game Roeselare")
        place = CheckInPlace.objects.get(title__en="Fair-trade shop")
    log_in(page, "admin@example.org")
    base = f"/en/partnerships/roeselare-dogbo/games/{game.pk}/"
    page.goto(base)
    expect(page.get_by_role("heading", level=1)).to_have_text("SDG city game Roeselare")
    assert_accessible(page)
    page.goto(base + "stops/new/")
    expect(page.locator("#stop-map.map--live")).to_be_visible()
    assert_accessible(page)
    page.goto(base + "master/")
    expect(page.get_by_role("heading", name="Leaderboard")).to_be_visible()
    assert_accessible(page)

    page.goto("/en/quiz/?goal=6")
    for group in page.locator("main form.form fieldset").all():
        group.get_by_role("radio").first.check()
    page.get_by_role("button", name="Check my answers").click()
    expect(page.get_by_role("status").last).to_contain_text("right.")
    assert_accessible(page)

    page.goto("/en/partnerships/roeselare-dogbo/checkins/")
    expect(page.locator("#places-map.map--live")).to_be_visible()
    assert_accessible(page)
    page.goto(f"/en/partnerships/roeselare-dogbo/checkins/{place.pk}/")
    expect(page.get_by_role("button", name="Check in here")).to_be_visible()
    assert_accessible(page)


def test_a_check_in_made_offline_is_sent_once_on_the_next_visit_after_the_page_was_closed(page, browser, site):
    from tests.e2e.conftest import log_in
    from tests.e2e.journeys import seed_app_demo

    seed_demo()
    seed_app_demo("games")
    with outside_browser_loop():
        from twinning.games.models import CheckIn, CheckInPlace

        place = CheckInPlace.objects.get(title__en="Fair-trade shop")
    # The phone stands at the place from the start: a position changed after the context was
    # made may reach the page late, and the first one (the default, 800 m away) is refused.
    context = new_context(browser, site, latitude=float(place.latitude), longitude=float(place.longitude))
    try:
        phone = context.new_page()
        log_in(phone, "citizen.lommel@example.org")
        phone.goto(f"/en/partnerships/roeselare-dogbo/checkins/{place.pk}/")
        expect(phone.locator("[name=latitude]")).to_have_value(re.compile(r"^50\.9459"))
        expect(phone.locator("[name=longitude]")).to_have_value(re.compile(r"^3\.1248"))
        context.set_offline(True)
        phone.get_by_label("A word about your visit").fill("Bought fair coffee")
        phone.get_by_role("button", name="Check in here").click()
        phone.get_by_role("button", name="Check in here").click()  # twice: still one check-in
        expect(phone.locator(".checkin__status")).to_have_text(
            "Saved on this phone; it is sent when there is a connection."
        )
        # The page is closed before the connection returns: the check-in waits in IndexedDB and
        # goes with the next visit of an SDG place page.
        phone.close()
        context.set_offline(False)
        phone = context.new_page()
        phone.goto("/en/partnerships/roeselare-dogbo/checkins/")
        wait_until(phone, "() => SDGOutbox.all('checkins').then((items) => !items.length)")
        phone.goto(f"/en/partnerships/roeselare-dogbo/checkins/{place.pk}/")
        expect(phone.get_by_text("Bought fair coffee")).to_be_visible()
        with outside_browser_loop():
            assert CheckIn.objects.filter(place=place).count() == 1
    finally:
        context.close()
