"""The partnership chat in the browser: two people chat in real time over websockets, a
coordinator hides a message and the partner sees it hidden at once, and a third person whose
browser has no websockets follows by polling.

pytest-django's live server speaks WSGI (no websockets), so this journey runs the project in a
real ASGI server process (uvicorn, in-memory channel layer) on a copy of the test database.
"""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.chat.servers import database_env, running, server_env
from tests.e2e.conftest import E2E_DB, Site, assert_accessible, outside_browser_loop, seed_demo
from tests.e2e.journeys import (
    LOMMEL_COORDINATOR,
    LOMMEL_STAFF,
    ONGWEDIVA_COORDINATOR,
    PARTNERSHIP,
    second_person,
    seed_app_demo,
)

pytestmark = E2E_DB

ROOM = f"/en/partnerships/{PARTNERSHIP}/chat/"
LIVE = "Live: new messages appear as they are sent."
NO_WEBSOCKETS = "delete window.WebSocket;"  # as behind a proxy that blocks them: the page polls instead


def _send(page, text: str) -> None:
    box = page.get_by_label("Your message")
    box.fill(text)
    box.press("Enter")
    expect(box).to_have_value("")


def test_two_partners_chat_in_real_time_and_a_third_follows_by_polling(page, browser, tmp_path):
    seed_demo()
    seed_app_demo("chat")
    with outside_browser_loop():
        env = server_env(**database_env(tmp_path))
    with running(1, env) as (server,):
        site = Site(url=server.http)
        with (
            second_person(browser, site, LOMMEL_COORDINATOR) as lommel,
            second_person(browser, site, ONGWEDIVA_COORDINATOR) as ongwediva,
        ):
            for person in (lommel, ongwediva):
                person.goto(ROOM)
                expect(person.get_by_role("heading", level=1)).to_contain_text("Chat of")
                expect(person.locator("#chat-log")).to_contain_text("youth exchange dates are confirmed")
                expect(person.locator("#chat-status")).to_have_text(LIVE)
            assert_accessible(lommel, ongwediva)

            _send(lommel, "Hello @Ndapewa Shilongo, the **tree list** is ready <script>x</script>")
            message = ongwediva.locator(".chat-msg").last
            expect(message).to_contain_text("Liesbeth Peeters", timeout=3000)
            expect(message.locator("strong", has_text="tree list")).to_be_visible()
            expect(message).to_contain_text("<script>x</script>")  # shown as text, never run

            _send(ongwediva, "Thank you! We plant on the 14th.")
            expect(lommel.locator(".chat-msg").last).to_contain_text("We plant on the 14th", timeout=3000)

            with second_person(browser, site, LOMMEL_STAFF) as jan:
                jan.context.add_init_script(NO_WEBSOCKETS)
                jan.goto(ROOM)
                expect(jan.locator("#chat-status")).to_contain_text("fetched every few seconds")
                _send(ongwediva, "Polling works too")
                expect(jan.locator(".chat-msg").last).to_contain_text("Polling works too", timeout=8000)
                _send(jan, "And posting without websockets")
                expect(lommel.locator(".chat-msg").last).to_contain_text("posting without websockets", timeout=3000)

            # The Lommel coordinator hides the partner's message; it changes in the partner's page at once.
            lommel.locator(".chat-msg", has_text="Polling works too").get_by_role("link", name="Hide").click()
            lommel.wait_for_url(re.compile(r"/chat/\d+/hide/$"))
            assert_accessible(lommel)
            lommel.get_by_label("Why is this message hidden?").fill("Test message")
            lommel.get_by_role("button", name="Hide the message").click()
            lommel.wait_for_url(re.compile(r"/chat/#m\d+$"))
            expect(ongwediva.locator(".chat-msg", has_text="Hidden by a coordinator: Test message")).to_be_visible(
                timeout=3000
            )
            expect(ongwediva.locator("#chat-log")).not_to_contain_text("Polling works too")
