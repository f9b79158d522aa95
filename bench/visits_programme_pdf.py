"""Benchmark: the PDF of a 5-day work visit programme renders in under 2 seconds.

    .venv/bin/python bench/visits_programme_pdf.py [--runs 5]

Builds a throwaway SQLite database in a temporary folder (all migrations, the foundation's demo
data), plans a 5-day Lommel–Ongwediva visit with 6 programme items a day, each linked to two
SDGs, logs in Lommel's coordinator through Django's test client and asks the real view for the
PDF ``--runs`` times (bounded: at most 20). Prints the first (cold: fonts loaded) and the warm
runs' median and maximum, in wall-clock time and in the process's CPU time (which a busy
machine does not inflate), with the load average; exits 1 when the warm wall-clock median
reaches 2 s. Nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

BUDGET_S = 2.0
ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = max(2, min(parser.parse_args().runs, 20))

    folder = tempfile.mkdtemp(prefix="bench-visits-pdf-")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.test_settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from twinning.accounts.models import User
    from twinning.foundation import demo as foundation_demo
    from twinning.foundation.models import Municipality, Partnership
    from twinning.sdg.links import SdgSelection
    from twinning.visits import actions

    call_command("migrate", verbosity=0)
    foundation_demo.seed(1)
    partnership = Partnership.objects.get(slug="lommel-ongwediva")
    host = Municipality.objects.get(slug="ongwediva")
    start = dt.date(2027, 9, 6)
    visit = actions.visit_create(
        partnership,
        data={
            "start_date": start,
            "end_date": start + dt.timedelta(days=4),
            "host": host,
            "purpose": "Water and sanitation: the Okatana project (benchmark)",
            "time_zone": "Africa/Windhoek",
        },
        sdgs=SdgSelection(goals=frozenset({6, 11, 17})),
    )
    for day in range(5):
        for slot in range(6):
            actions.item_add(
                visit,
                data={
                    "day": start + dt.timedelta(days=day),
                    "start_time": dt.time(8 + slot * 2, 0),
                    "end_time": dt.time(9 + slot * 2, 30),
                    "place": f"Meeting place {day}-{slot}",
                    "who": "Engineers and councillors of both towns",
                    "what": f"Session {slot + 1} of day {day + 1}: water, sanitation and waste in practice",
                    "good_practice": slot % 2 == 0,
                },
                sdgs=SdgSelection(goals=frozenset({1 + (day + slot) % 17, 6})),
            )
    client = Client()
    client.force_login(User.objects.get(email="coordinator.lommel@example.org"))
    url = f"/en/partnerships/{partnership.slug}/visits/{visit.pk}/programme.pdf"

    timings, cpu = [], []
    for _run in range(runs):
        began, began_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        timings.append(time.perf_counter() - began)
        cpu.append(time.process_time() - began_cpu)
        if response.status_code != 200 or not response.content.startswith(b"%PDF-"):
            print(f"FAILED: HTTP {response.status_code}")
            return 1
    warm = timings[1:]
    median = statistics.median(warm)
    print(f"visit programme PDF, 5 days x 6 items ({len(response.content) / 1024:.0f} KB), {runs} runs")
    print(f"cold {timings[0]:.3f} s; warm median {median:.3f} s, max {max(warm):.3f} s (budget {BUDGET_S} s)")
    print(f"CPU time: cold {cpu[0]:.3f} s; warm median {statistics.median(cpu[1:]):.3f} s")
    print("load average: " + " ".join(f"{load:.1f}" for load in os.getloadavg()))
    return 0 if median < BUDGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
