"""Import 100,000 measurement rows from one CSV file and report the time and the peak memory.

Budget (issue 4): under 20 s on SQLite and on PostgreSQL, memory under 300 MB.

    .venv/bin/python bench/indicators_import_100k.py                       # SQLite, a throwaway file
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wt_indicators .venv/bin/python bench/indicators_import_100k.py

The timed part is what the background task does: read and check every row of the file
(';'-separated, decimal commas), then write them all in one transaction. It runs twice: the
first import creates 100,000 rows, the second (the same file again) must change none. The
bench creates its own partnership and municipalities and deletes them afterwards; it only
talks to the database given (127.0.0.1).
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROWS = 100_000
BUDGET_SECONDS = 20.0
BUDGET_MB = 300.0
YEARS = range(2000, 2100)
BREAKDOWNS = [(sex, age) for sex in ("", "female", "male") for age in ("", "0-14", "15-24", "25-64", "65+")]

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
scratch = Path(tempfile.mkdtemp(prefix="indicators-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")  # DEBUG stays off: it would log every query
os.environ.setdefault("MEDIA_ROOT", str(scratch / "media"))
if not os.environ.get("DATABASE_URL"):
    os.environ["SQLITE_PATH"] = str(scratch / "bench.sqlite3")

import django  # noqa: E402

django.setup()

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from twinning.foundation.models import Municipality, Partnership, PartnershipMember  # noqa: E402
from twinning.indicators import actions  # noqa: E402
from twinning.indicators.models import LibraryIndicator, Measurement, Selection  # noqa: E402


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def the_file(codes: list[str]) -> bytes:
    lines = ["indicator;year;value;sex;age_group;source"]
    for n in range(ROWS):
        code = codes[n // (len(YEARS) * len(BREAKDOWNS))]
        year = YEARS[(n // len(BREAKDOWNS)) % len(YEARS)]
        sex, age = BREAKDOWNS[n % len(BREAKDOWNS)]
        lines.append(f"{code};{year};{n % 997},{n % 100:02d};{sex};{age};Bench {code}")
    return ("\n".join(lines) + "\n").encode()


def main() -> int:
    call_command("migrate", verbosity=0)
    Partnership.objects.filter(slug="bench-import").delete()
    Municipality.objects.filter(slug__in=["bench-a", "bench-b"]).delete()
    a = Municipality.objects.create(slug="bench-a", name="Bench A", country="BE", latitude=51, longitude=5)
    b = Municipality.objects.create(slug="bench-b", name="Bench B", country="NA", latitude=-17, longitude=16)
    partnership = Partnership.objects.create(slug="bench-import", title={"en": "Bench"})
    PartnershipMember.objects.bulk_create([PartnershipMember(partnership=partnership, municipality=m) for m in (a, b)])
    per_indicator = len(YEARS) * len(BREAKDOWNS)
    indicators = list(LibraryIndicator.objects.filter(owner__isnull=True)[: -(-ROWS // per_indicator)])
    Selection.objects.bulk_create(
        [Selection(partnership=partnership, indicator=i, proposed_by=a, status="accepted") for i in indicators]
    )
    data = the_file([i.code for i in indicators])
    print(f"{connection.vendor}: {ROWS:,} rows, {len(data) / 1e6:.1f} MB CSV, {len(indicators)} indicators")
    ok = True
    try:
        for label, expected in (("first import", "created"), ("same file again", "unchanged")):
            batch = actions.import_create(
                partnership=partnership, municipality=a, upload=SimpleUploadedFile("bench.csv", data)
            )
            marks: list[float] = []
            started = time.perf_counter()
            result = actions.import_commit(
                batch, progress=lambda done, total, marks=marks: marks.append(time.perf_counter())
            )
            seconds = time.perf_counter() - started
            reading = (marks[0] if marks else started + seconds) - started
            memory = peak_rss_mb()
            fits = seconds < BUDGET_SECONDS and memory < BUDGET_MB and result[expected] == ROWS
            ok &= fits
            print(
                f"  {label}: {seconds:.1f} s ({reading:.1f} s reading and checking), peak RSS {memory:.0f} MB, {result} "
                f"-> {'within' if fits else 'OVER'} budget ({BUDGET_SECONDS:.0f} s, {BUDGET_MB:.0f} MB)"
            )
        assert Measurement.objects.filter(municipality=a).count() == ROWS
    finally:
        partnership.delete()
        a.delete()
        b.delete()
    print(f"  {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, python {sys.version.split()[0]}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
