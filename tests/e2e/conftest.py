"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

* No browser is ever downloaded: Chromium is /usr/bin/chromium, or every e2e test is skipped.
* One browser per session, a fresh context and page per test.
* Nothing leaves the machine: every request to another origin than the live server's
  (map tiles from tile.openstreetmap.org included) is aborted and recorded.
* ``assert_accessible(page)`` fails on serious or critical axe violations.
* ``measure_page_weight(page, url)`` sums what a compressing server would transfer for the
  HTML, CSS and JavaScript of one page load.
"""

from __future__ import annotations

import asyncio
import functools
import gzip
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.cache import cache

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_MISSING = "Chromium not found at /usr/bin/chromium; install the Debian package 'chromium' to run browser tests"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Belt and braces for "never reach the network": the request router below aborts foreign
# requests, and this makes Chromium's own DNS look-ups (prefetch, preconnect) fail too.
CHROMIUM_OFFLINE_ARGS = ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"]
E2E_DIR = Path(__file__).resolve().parent
LEAFLET_JS = Path(settings.BASE_DIR) / "static" / "vendor" / "leaflet" / "leaflet.js"

PAGE_WEIGHT_BUDGET = 60 * 1024  # bytes, gzip-compressed HTML + CSS + JS of one page
WEIGHED_RESOURCE_TYPES = {"document", "stylesheet", "script"}
AXE_FAILING_IMPACTS = {"serious", "critical"}
DEFAULT_TIMEOUT_MS = 10_000

# Every e2e test: a transactional database, since the live server answers from other threads.
# The flush after each transactional test empties every table, so seed_demo() loads the SDG
# reference data again (rather than serialized_rollback=True, which serializes every table
# of every app when the test database is created, and leaves the database without content
# types and permissions for the tests that follow).
E2E_DB = pytest.mark.django_db(transaction=True)


PAGE_WEIGHT_PROPERTY = "page_weight"


def pytest_terminal_summary(terminalreporter):
    """Print the page weights measured in this run, whatever the output options."""
    rows = []
    for report in terminalreporter.getreports("passed") + terminalreporter.getreports("failed"):
        if report.when != "call":
            continue
        rows += [value for name, value in report.user_properties if name == PAGE_WEIGHT_PROPERTY]
    if rows:
        terminalreporter.write_sep("-", "page weight (gzip level 6: HTML + CSS + JS)")
        for path, total in sorted(rows):
            terminalreporter.write_line(f"{path:<40} {total / 1024:5.1f} KB of {PAGE_WEIGHT_BUDGET // 1024} KB")


def pytest_collection_modifyitems(config, items):
    """Mark the tests of this folder as e2e, and skip them all when Chromium is missing."""
    skip = pytest.mark.skip(reason=CHROMIUM_MISSING) if not CHROMIUM.exists() else None
    for item in items:
        if E2E_DIR not in Path(str(item.path)).resolve().parents:
            continue
        item.add_marker(pytest.mark.e2e)
        if skip is not None:
            item.add_marker(skip)


# --- Browser ------------------------------------------------------------------------------


# The sync API of Playwright runs its asyncio loop in a greenlet of the main thread, so that
# loop counts as running in this thread from launch on. Django then refuses ORM calls
# (SynchronousOnlyOperation), keeps its connections for "async" code apart from the test's
# (a connection nobody closes: PostgreSQL then refuses to drop the test database), and
# asyncio.run() or async_to_sync() in any later test would fail. So the loop is parked (no
# running loop in this thread) while no e2e test runs, set running only for the lifetime of
# the ``page`` fixture, and parked again around ORM code in a test (``outside_browser_loop``).
_PLAYWRIGHT_LOOP: list = []


def _resume_playwright_loop() -> None:
    asyncio._set_running_loop(_PLAYWRIGHT_LOOP[0] if _PLAYWRIGHT_LOOP else None)


def _park_playwright_loop() -> None:
    asyncio._set_running_loop(None)


@contextmanager
def outside_browser_loop() -> Iterator[None]:
    """Wrap Django ORM code in an e2e test body: it then runs as in any sync test."""
    running = asyncio._get_running_loop()
    asyncio._set_running_loop(None)
    try:
        yield
    finally:
        asyncio._set_running_loop(running)


@pytest.fixture(scope="session")
def browser(django_db_setup, live_server):
    """Chromium for the whole session.

    It asks for the test database and the live server so that they are set up before it and
    torn down after it, in that order: the browser's keep-alive connections end first, then
    the server's threads and their database connections, and only then is the test database
    dropped (PostgreSQL refuses to drop a database that still has sessions).
    """
    if not CHROMIUM.exists():  # belt and braces: the collection hook skips these tests already
        pytest.skip(CHROMIUM_MISSING)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS + CHROMIUM_OFFLINE_ARGS
        )
        _PLAYWRIGHT_LOOP[:] = [asyncio._get_running_loop()]
        _park_playwright_loop()
        try:
            yield browser
        finally:
            _resume_playwright_loop()
            browser.close()
    _PLAYWRIGHT_LOOP.clear()


@dataclass
class Site:
    """The live server as the browser sees it, and what the browser was not allowed to fetch."""

    url: str
    blocked: list[str] = field(default_factory=list)

    @property
    def origin(self) -> tuple[str, str]:
        parts = urlsplit(self.url)
        return parts.scheme, parts.netloc

    def is_local(self, url: str) -> bool:
        parts = urlsplit(url)
        return (parts.scheme, parts.netloc) == self.origin


@pytest.fixture
def site(live_server) -> Site:
    return Site(url=live_server.url)


@pytest.fixture
def page(browser, site: Site) -> Iterator:
    """A fresh context and page, which can reach the live server and nothing else."""
    _resume_playwright_loop()
    context = None
    try:
        context = browser.new_context(base_url=site.url, service_workers="block", locale="en-GB")
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)

        def only_the_live_server(route):
            url = route.request.url
            if site.is_local(url):
                route.continue_()
            else:
                site.blocked.append(url)
                route.abort("blockedbyclient")

        context.route("**/*", only_the_live_server)
        yield context.new_page()
    finally:
        try:
            if context is not None:
                context.close()
        finally:
            _park_playwright_loop()


# --- Data ---------------------------------------------------------------------------------


@functools.cache
def _sdg_texts():
    from twinning.sdg.loading import read_texts

    return read_texts()  # parsing the YAML files takes a second or more: once per session


def load_sdg_reference_data() -> None:
    """The 17 goals, their targets and indicators, as the data migration loads them."""
    from django.db import transaction

    from twinning.sdg.loading import load_texts
    from twinning.sdg.models import Goal, Indicator, Target

    with transaction.atomic():  # one commit, not one per row
        load_texts(_sdg_texts(), Goal, Target, Indicator)


def seed_demo() -> None:
    """The SDG reference data and the demo partnerships and people; then an empty cache."""
    from twinning.foundation import demo

    with outside_browser_loop():
        load_sdg_reference_data()
        demo.seed()
        cache.clear()  # the SDG goals are cached; never serve a list from an earlier test


# --- Actions ------------------------------------------------------------------------------


def log_in(page, email: str, password: str | None = None, language: str = "en") -> None:
    """Log in through the real form, as a person would; lands on the dashboard."""
    page.goto(f"/{language}/accounts/login/")
    form = page.locator("main form", has=page.locator('input[name="password"]'))
    form.locator('input[name="username"]').fill(email)
    form.locator('input[name="password"]').fill(password if password is not None else settings.DEMO_PASSWORD)
    with page.expect_response(lambda r: r.request.method == "POST" and "/accounts/login/" in r.url) as posted:
        form.locator('button[type="submit"]').click()
    response = posted.value
    assert response.status == 302, f"login as {email} failed: HTTP {response.status}"
    page.wait_for_url(re.compile(rf"/{language}/me/$"))


def wait_until(page, function: str, timeout_ms: int = DEFAULT_TIMEOUT_MS) -> None:
    """Poll an (async) page function until it gives a truthy value.

    ``page.wait_for_function`` is no use for that: when the function returns a promise it returns
    as soon as the promise settles, whatever it resolves to. ``page.evaluate`` awaits the value.
    """
    deadline = time.monotonic() + timeout_ms / 1000
    while not page.evaluate(function):
        if time.monotonic() > deadline:
            raise AssertionError(f"still not true after {timeout_ms} ms: {function}")
        page.wait_for_timeout(100)


def require_leaflet() -> None:
    if not LEAFLET_JS.exists():
        pytest.fail(
            f"{LEAFLET_JS.relative_to(settings.BASE_DIR)} is missing, so the map cannot load: "
            "run `make static/vendor/.installed` first"
        )


# --- Accessibility ------------------------------------------------------------------------


def axe_violations(page) -> list[dict]:
    """Serious and critical axe-core violations on the current page."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [v for v in results.response["violations"] if v.get("impact") in AXE_FAILING_IMPACTS]


def format_violations(violations: list[dict], max_nodes: int = 5) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']} [{violation.get('helpUrl', '')}]"
        )
        nodes = violation.get("nodes", [])
        for node in nodes[:max_nodes]:
            target = " ".join(str(part) for part in node.get("target", []))
            html = " ".join(node.get("html", "").split())
            lines.append(f"    {target}    {html[:160]}")
        if len(nodes) > max_nodes:
            lines.append(f"    ... and {len(nodes) - max_nodes} more")
    return "\n".join(lines)


class AccessibilityError(AssertionError):
    """Serious or critical axe violations."""


def assert_accessible(*pages) -> None:
    """Run axe on each page and fail listing every serious or critical violation on any of them
    (rule id, impact, help and the first target nodes)."""
    reports = []
    for page in pages:
        violations = axe_violations(page)
        if violations:
            reports.append(f"{len(violations)} on {page.url}:\n{format_violations(violations)}")
    if reports:
        raise AccessibilityError("serious/critical accessibility violations " + "\n".join(reports))


# --- Page weight --------------------------------------------------------------------------


@dataclass
class PageWeight:
    url: str
    files: list[tuple[str, str, int, int]]  # (url, resource type, raw bytes, gzip bytes)

    @property
    def total(self) -> int:
        return sum(compressed for _url, _kind, _raw, compressed in self.files)

    @property
    def raw(self) -> int:
        return sum(raw for _url, _kind, raw, _compressed in self.files)

    def report(self) -> str:
        rows = [f"{self.url}: {self.total / 1024:.1f} KB compressed ({self.raw / 1024:.1f} KB raw)"]
        rows += [
            f"  {compressed / 1024:6.1f} KB  {kind:<10} {url}"
            for url, kind, _raw, compressed in sorted(self.files, key=lambda f: -f[3])
        ]
        return "\n".join(rows)


def measure_page_weight(page, url: str) -> PageWeight:
    """Load ``url`` and weigh its document, stylesheets and scripts as gzip level 6 would send them.

    That is what GZipMiddleware (HTML) and WhiteNoise's precompressed files (static) transfer;
    images and map tiles are left out.
    """
    responses = []

    def record(response):
        if response.request.resource_type in WEIGHED_RESOURCE_TYPES:
            responses.append(response)

    page.on("response", record)
    try:
        loaded = page.goto(url, wait_until="load")
    finally:
        page.remove_listener("response", record)
    assert loaded is not None and loaded.status == 200, f"{url}: HTTP {loaded and loaded.status}"
    files = []
    for response in responses:
        if 300 <= response.status < 400:
            continue  # a redirect has no body; its target is recorded as well
        body = response.body()
        files.append((response.url, response.request.resource_type, len(body), len(gzip.compress(body, 6))))
    return PageWeight(url=url, files=files)
