"""Small helpers shared by the feature journeys: app demo data, a second browser, forms."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.cache import cache
from django.core.management import call_command

from tests.e2e.conftest import DEFAULT_TIMEOUT_MS, Site, log_in, outside_browser_loop

PARTNERSHIP = "lommel-ongwediva"
LOMMEL_COORDINATOR = "coordinator.lommel@example.org"
ONGWEDIVA_COORDINATOR = "coordinator.ongwediva@example.org"
LOMMEL_STAFF = "staff.lommel@example.org"


def seed_app_demo(*apps: str) -> None:
    """The demo data of feature apps (``seed_demo()`` loads only the foundation's)."""
    from importlib import import_module

    with outside_browser_loop():
        for app in apps:
            import_module(f"twinning.{app}.demo").seed()
        cache.clear()


def load_indicator_library() -> None:
    """The curated indicator library: a data migration loads it, and each e2e test's flush empties it."""
    with outside_browser_loop():
        call_command("load_indicator_library", verbosity=0)
        cache.clear()


@contextmanager
def second_person(browser, site: Site, email: str) -> Iterator:
    """Another person in a browser context of her own (own cookies), logged in, as the ``page`` fixture
    sets it up: only the live server is reachable. Use it inside a test that has ``page``, which keeps
    Playwright's loop running for the test."""
    context = browser.new_context(base_url=site.url, service_workers="block", locale="en-GB")
    try:
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)

        def only_the_live_server(route):
            if site.is_local(route.request.url):
                route.continue_()
            else:
                site.blocked.append(route.request.url)
                route.abort("blockedbyclient")

        context.route("**/*", only_the_live_server)
        other = context.new_page()
        log_in(other, email)
        yield other
    finally:
        context.close()


def path_of(page) -> str:
    """The path of the page's URL (without the live server's origin and query)."""
    return re.sub(r"^https?://[^/]+", "", page.url).split("?")[0].split("#")[0]


def goto_ok(page, path: str):
    response = page.goto(path)
    assert response is not None and response.status == 200, f"{path}: HTTP {response and response.status}"
    return response
