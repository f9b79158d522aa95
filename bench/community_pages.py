"""Time the community's list pages and the exhibit PDF in-process (Django test client).

Usage, against a database loaded with the demo data (never a production database):

    SQLITE_PATH=/tmp/bench.sqlite3 DEBUG=true .venv/bin/python manage.py migrate
    SQLITE_PATH=/tmp/bench.sqlite3 DEBUG=true .venv/bin/python manage.py seed_demo --scale 20
    SQLITE_PATH=/tmp/bench.sqlite3 DEBUG=true .venv/bin/python bench/community_pages.py

Bounded: at most ROUNDS requests per page and LIMIT_SECONDS in all. Prints, per page, the median
and 95th percentile in milliseconds, the SQL query count and the gzip-compressed HTML size.
"""

from __future__ import annotations

import gzip
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

ROUNDS = 30
LIMIT_SECONDS = 90
SLUG = "lommel-ongwediva"


def pages() -> dict[str, tuple[str, int]]:
    from twinning.community.models import Challenge

    challenge = Challenge.objects.filter(partnership__slug=SLUG).order_by("-ends_on").first()
    return {
        "story list": (f"/en/partnerships/{SLUG}/stories/", ROUNDS),
        "joint feed": (f"/en/partnerships/{SLUG}/feed/", ROUNDS),
        "atom feed": (f"/en/partnerships/{SLUG}/feed/atom/", ROUNDS),
        "scoreboard fragment": (f"/en/partnerships/{SLUG}/challenges/{challenge.pk}/scoreboard/", ROUNDS),
        "exhibit PDF (18 A3 pages)": (f"/en/partnerships/{SLUG}/exhibit.pdf?language=en", 3),
    }


def main() -> None:
    client = Client(HTTP_ACCEPT_ENCODING="gzip")
    started = time.monotonic()
    print(f"{'page':<28} {'n':>3} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8} {'gzip KB':>8}")
    for name, (url, rounds) in pages().items():
        timings = []
        for _ in range(rounds):
            if time.monotonic() - started > LIMIT_SECONDS:
                break
            cache.clear()
            with CaptureQueriesContext(connection) as queries:
                begin = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - begin) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        body = response.content
        size = len(body) if response.get("Content-Encoding") == "gzip" else len(gzip.compress(body, 6))
        p95 = sorted(timings)[max(0, int(len(timings) * 0.95) - 1)]
        print(
            f"{name:<28} {len(timings):>3} {statistics.median(timings):>8.1f} {p95:>8.1f} {len(queries):>8} {size / 1024:>8.1f}"
        )


if __name__ == "__main__":
    main()
