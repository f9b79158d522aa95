#!/usr/bin/env python
"""Load benchmark of consultation voting: VOTERS simultaneous voters for DURATION seconds
against uvicorn and PostgreSQL on 127.0.0.1. Each voter posts ballots with fresh one-time codes
to the API (POST /api/v1/participation/.../votes); one request in twenty re-uses a code that
has already voted and must be refused with 409.

Afterwards it checks that no ballot was lost or duplicated (ballots in the database == 201
answers; every re-used code refused; priority counts == what was sent) and reports p50/p95.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wt_participation_bench \\
        .venv/bin/python bench/participation_voters.py

Knobs (environment): VOTERS (200), DURATION (60), WORKERS (2), PORT (a free one), BUDGET_MS
(300, for p95), THINK (3 s mean between a voter's ballots; 0 = back to back),
DB_POOL_MAX_SIZE (20 connections per worker). DATABASE_URL must be PostgreSQL; the database is migrated and gets a
benchmark partnership. Exit status 0 within budget and exact, 1 otherwise.
"""

from __future__ import annotations

import http.client
import json
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
VOTERS = int(os.environ.get("VOTERS", "200"))
DURATION = float(os.environ.get("DURATION", "60"))
WORKERS = int(os.environ.get("WORKERS", "2"))
BUDGET_MS = float(os.environ.get("BUDGET_MS", "300"))
# Seconds a voter spends between two ballots (uniform 0..2*THINK): the time to read and fill in a
# ballot. THINK=0 makes every voter post back to back, which measures saturation, not voters.
THINK = float(os.environ.get("THINK", "3"))
REUSE_EVERY = 20
STATIC_ROOT = tempfile.mkdtemp(prefix="twinning-bench-static-")
sys.path.insert(0, str(ROOT))


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def environment() -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.participation_settings",
        DEBUG="false",
        TWINNING_TESTING="false",
        SECRET_KEY="bench-only-" + secrets.token_hex(24),
        ALLOWED_HOSTS=HOST,
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
        AXES_ENABLED="false",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        PYTHONPATH=str(ROOT),
        STATIC_ROOT=STATIC_ROOT,
        NO_PROXY=HOST,
        no_proxy=HOST,
    )
    env.setdefault("DB_POOL_MAX_SIZE", "20")  # per uvicorn worker; without a pool, connections run out
    return env


def prepare(codes_needed: int) -> tuple[str, int, list[str]]:
    """A fresh open consultation in a benchmark partnership, and its codes (in memory only)."""
    import django

    os.environ.update(environment())
    django.setup()
    from django.core.management import call_command

    from twinning.foundation.models import Municipality, Partnership, PartnershipMember
    from twinning.participation import actions

    call_command("migrate", verbosity=0)
    a, _ = Municipality.objects.get_or_create(
        slug="bench-a", defaults={"name": "Bench A", "country": "BE", "latitude": 50.9, "longitude": 4.7}
    )
    b, _ = Municipality.objects.get_or_create(
        slug="bench-b", defaults={"name": "Bench B", "country": "GT", "latitude": 15.5, "longitude": -90.4}
    )
    partnership, _ = Partnership.objects.get_or_create(
        slug="bench-participation", defaults={"title": {"en": "Bench A – Bench B"}, "is_demo": True}
    )
    for order, town in enumerate((a, b)):
        PartnershipMember.objects.get_or_create(partnership=partnership, municipality=town, defaults={"order": order})
    consultation = actions.consultation_create(
        partnership,
        actor=None,
        data={
            "title": f"Benchmark {time.strftime('%Y-%m-%d %H:%M:%S')}",
            "question": "",
            "method": "approval",
            "max_choices": 2,
            "ask_worries": True,
            "allow_proposals": False,
        },
        is_demo=True,
    )
    actions.consultation_set_phase(consultation, actor=None, phase="open")
    codes: list[str] = []
    while len(codes) < codes_needed:
        town = a if len(codes) % 2 else b
        codes += actions.codes_generate(consultation, actor=None, municipality=town, community=None, count=500)
    return partnership.slug, consultation.pk, codes


def main() -> int:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        print("bench: set DATABASE_URL to a scratch PostgreSQL database on 127.0.0.1", file=sys.stderr)
        return 1
    slug, pk, codes = prepare(codes_needed=int(VOTERS * DURATION * 2))
    path = f"/api/v1/participation/partnerships/{slug}/consultations/{pk}/votes"
    port = int(os.environ.get("PORT") or free_port())
    server = subprocess.Popen(  # noqa: S603 (our own virtualenv's uvicorn, bound to 127.0.0.1)
        [sys.executable, "-m", "uvicorn", "config.asgi:application", "--host", HOST, "--port", str(port),
         "--workers", str(WORKERS), "--no-access-log", "--log-level", "warning", "--timeout-keep-alive", "30"],
        cwd=ROOT, env=environment(),
    )  # fmt: skip
    try:
        for _ in range(100):
            try:
                connection = http.client.HTTPConnection(HOST, port, timeout=2)
                connection.request("GET", "/healthz")
                if connection.getresponse().status == 200:
                    break
            except OSError:
                time.sleep(0.2)
        else:
            print("bench: the server did not start", file=sys.stderr)
            return 1

        lock = threading.Lock()
        fresh = iter(codes)
        used: list[str] = []
        latencies: list[float] = []
        outcomes: Counter = Counter()
        sent: Counter = Counter()
        stop_at = time.monotonic() + DURATION
        start = threading.Barrier(VOTERS)

        def voter(number: int) -> None:
            connection = http.client.HTTPConnection(HOST, port, timeout=30)
            start.wait()
            count = 0
            pacing = random.Random(number)  # noqa: S311 (pacing of simulated voters, not security)
            while time.monotonic() < stop_at:
                if THINK:
                    time.sleep(pacing.uniform(0, 2 * THINK))
                    if time.monotonic() >= stop_at:
                        break
                count += 1
                with lock:
                    reuse = count % REUSE_EVERY == 0 and used
                    code = used[(number * 7919 + count) % len(used)] if reuse else next(fresh)
                goals = [13, 4] if (number + count) % 2 else [13]
                body = json.dumps({"code": code, "priorities": goals, "worries": [13]})
                began = time.perf_counter()
                try:
                    connection.request("POST", path, body, {"Content-Type": "application/json"})
                    response = connection.getresponse()
                    response.read()
                    status = response.status
                except (OSError, http.client.HTTPException):
                    status = "error"
                    connection.close()
                    connection = http.client.HTTPConnection(HOST, port, timeout=30)
                elapsed = (time.perf_counter() - began) * 1000
                with lock:
                    latencies.append(elapsed)
                    kind = "reused" if reuse else "fresh"
                    outcomes[(kind, status)] += 1
                    if status == 201:
                        used.append(code)
                        sent.update(goals)

        threads = [threading.Thread(target=voter, args=(n,)) for n in range(VOTERS)]
        began = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.monotonic() - began
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()

    from twinning.participation.models import Ballot, BallotChoice

    stored = Ballot.objects.filter(consultation_id=pk).count()
    counted = Counter(
        BallotChoice.objects.filter(ballot__consultation_id=pk, kind="priority").values_list("goal", flat=True)
    )
    accepted = outcomes[("fresh", 201)]
    reused = sum(n for (kind, _status), n in outcomes.items() if kind == "reused")
    refused_reuse = outcomes[("reused", 409)]
    quantiles = statistics.quantiles(latencies, n=100)
    p50, p95 = quantiles[49], quantiles[94]
    errors = sum(n for (_kind, status), n in outcomes.items() if status not in {201, 409})
    # Exact: every accepted ballot is stored once with its choices, and no used code voted again.
    exact = stored == accepted and counted == sent and outcomes[("reused", 201)] == 0
    print(f"voters {VOTERS}, {DURATION:.0f} s, think {THINK:g} s, {WORKERS} uvicorn workers, PostgreSQL")
    print(f"requests {len(latencies)} in {wall:.1f} s = {len(latencies) / wall:.0f}/s")
    print(f"accepted ballots {accepted}; stored {stored}; re-used codes {reused}, refused {refused_reuse}")
    print(
        f"failed requests (neither 201 nor 409): {errors} {dict(k for k in outcomes.items() if k[0][1] not in {201, 409})}"
    )
    print(f"latency p50 {p50:.0f} ms, p95 {p95:.0f} ms (budget {BUDGET_MS:.0f} ms)")
    print("exact: no lost or duplicated ballot" if exact else "NOT EXACT: ballots lost or duplicated")
    return 0 if exact and not errors and p95 <= BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
