"""Photos taken offline: a team without a connection takes the photo of a photo stop; it waits on
the phone (IndexedDB, also across a reload served by the service worker) and, once the
connection returns, the server holds exactly one photo, without its GPS position, however often
the phone sends it."""

from __future__ import annotations

import base64
from decimal import Decimal

from playwright.sync_api import expect

from tests.community.images import gps_of, jpeg_with_gps
from tests.e2e.conftest import E2E_DB, assert_accessible, outside_browser_loop, wait_until
from tests.e2e.test_games_journeys import ROUTE, new_context, published_game, start_team, stop_item, walk_to

pytestmark = E2E_DB

QUEUED = "Saved on this phone; it is sent when there is a connection."


def make_photo_game() -> tuple[str, int]:
    from twinning.games.models import Stop

    with outside_browser_loop():
        game = published_game("Photo route")
        Stop.objects.create(
            game=game,
            order=1,
            title={"en": "Fair-trade shop"},
            latitude=Decimal(ROUTE[0][0]),
            longitude=Decimal(ROUTE[0][1]),
            radius_m=50,
            points=10,
            kind="photo",
            question={"en": "Take a photo of a fair-trade product."},
        )
        return game.partnership.slug, game.pk


def stored_photos() -> list[tuple[str, bytes]]:
    from twinning.games.models import Answer

    with outside_browser_loop():
        result = []
        for answer in Answer.objects.all():
            with answer.photo.open("rb") as photo:
                result.append((str(answer.client_id), photo.read()))
        return result


def test_a_photo_taken_offline_is_sent_once_without_its_gps_position(page, browser, site):
    slug, game_id = make_photo_game()
    photo = jpeg_with_gps("shop.jpg").read()
    assert gps_of(photo)  # the phone's photo carries a position
    context = new_context(browser, site, service_workers="allow")
    try:
        phone = context.new_page()
        start_team(phone, slug, game_id, "Photo Foxes")
        scope = "team-" + phone.url.rstrip("/").rsplit("/", 1)[1]
        phone.evaluate("navigator.serviceWorker.ready.then(() => true)")
        wait_until(phone, "async () => !!(await caches.match(location.pathname))")
        walk_to(context, phone, 0)
        stop = stop_item(phone, 1)
        expect(stop.locator("form")).to_be_visible()

        context.set_offline(True)
        stop.get_by_label("Your photo").set_input_files({"name": "shop.jpg", "mimeType": "image/jpeg", "buffer": photo})
        stop.get_by_role("button", name="Send answer").click()
        expect(stop.locator(".stop__result")).to_have_text(QUEUED)
        queued = phone.evaluate(f"SDGOutbox.all('{scope}').then((items) => Object.assign(items[0], {{ file: null }}))")
        assert stored_photos() == []

        # Reopened without a connection: the photo still waits on the phone.
        phone.reload()
        expect(stop_item(phone, 1).locator(".stop__result")).to_have_text(QUEUED)
        assert_accessible(phone)

        context.set_offline(False)
        expect(stop_item(phone, 1).locator(".stop__result")).to_have_text(
            "The game master checks this answer. · 0 points"
        )
        expect(phone.locator("#sync")).to_have_text("All answers are sent.")
        [(client_id, stored)] = stored_photos()
        assert gps_of(stored) == {}

        # The same photo sent again from the phone's outbox: the server knows its id.
        phone.evaluate(
            """([item, data]) => SDGOutbox.add(Object.assign(item, {
                 file: new Blob([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], { type: "image/jpeg" }) }))""",
            [queued, base64.b64encode(photo).decode()],
        )
        phone.reload()
        wait_until(phone, f"() => SDGOutbox.all('{scope}').then((items) => !items.length)")
        assert queued["client_id"] == client_id
        assert [c for c, _ in stored_photos()] == [client_id]
    finally:
        context.close()
