"""Chat fan-out benchmark: 200 websocket clients on two ASGI server processes sharing Redis.

Starts two ``uvicorn config.asgi:application`` processes on 127.0.0.1 (a throwaway SQLite
database in a temporary folder, the Redis of REDIS_URL or redis://127.0.0.1:6379/3), connects
CLIENTS websocket clients split between them, posts MESSAGES chat messages through the HTTP API
(alternating between the two servers) and measures, for every client and message, the time from
just before the POST until the client receives the message. Prints p50, p95 and max latency and
the number of deliveries missing. Bounded: at most DEADLINE seconds in all; only 127.0.0.1.

    .venv/bin/python bench/chat_fanout.py [--clients 200] [--messages 40]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.chat.servers import post_message, redis_url, running, server_env  # noqa: E402

DEADLINE = 240.0  # seconds for the whole run, start-up included
SLUG = "bench-chat"
SETUP = f"""
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from twinning.foundation.models import Membership, Municipality, Partnership, PartnershipMember
a = Municipality.objects.create(slug="bench-a", name="Bench A", country="BE", latitude=51, longitude=5)
b = Municipality.objects.create(slug="bench-b", name="Bench B", country="NA", latitude=-17, longitude=16)
p = Partnership.objects.create(slug="{SLUG}", title={{"en": "Bench"}})
for order, m in enumerate([a, b]):
    PartnershipMember.objects.create(partnership=p, municipality=m, order=order)
user = get_user_model().objects.create_user("bench@example.org", "bench-password-123", full_name="Bench")
Membership.objects.create(user=user, municipality=a, role="staff")
session = SessionStore()
session["_auth_user_id"] = str(user.pk)
session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
session["_auth_user_hash"] = user.get_session_auth_hash()
session.create()
print("SESSION", session.session_key)
"""


def prepare(folder: Path, env: dict[str, str]) -> str:
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=env, check=True, timeout=180)  # noqa: S603
    done = subprocess.run(  # noqa: S603
        [*manage, "shell", "-c", SETUP], cwd=ROOT, env=env, check=True, timeout=60, capture_output=True, text=True
    )
    return next(line.split()[1] for line in done.stdout.splitlines() if line.startswith("SESSION"))


posts: list[float] = []  # seconds each POST took (stored and broadcast before it answers)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


async def run(servers, session: str, clients: int, messages: int, gap: float) -> tuple[list[float], int]:
    import websockets

    sent: dict[str, float] = {}
    latencies: list[float] = []
    posts.clear()
    expected = clients * messages
    done = asyncio.Event()

    async def client(server) -> None:
        async with websockets.connect(
            f"{server.ws}/ws/chat/{SLUG}/",
            additional_headers={"Cookie": f"sessionid={session}", "Origin": server.http},
            open_timeout=30,
            max_queue=None,
        ) as socket:
            ready.append(1)
            seen = 0
            while seen < messages:
                payload = json.loads(await socket.recv())
                text = payload["html"]
                key = text[text.find("bench-") : text.find("</p>")]
                if key in sent:
                    latencies.append(time.perf_counter() - sent[key])
                    seen += 1
                    if len(latencies) == expected:
                        done.set()

    ready: list[int] = []
    tasks = [asyncio.create_task(client(servers[n % len(servers)])) for n in range(clients)]
    while len(ready) < clients:
        await asyncio.sleep(0.1)
        failed = [task for task in tasks if task.done() and task.exception()]
        if failed:
            raise failed[0].exception()
    for number in range(messages):
        key = f"bench-{number}"
        sent[key] = time.perf_counter()
        await asyncio.to_thread(post_message, servers[number % len(servers)], SLUG, session, key)
        posts.append(time.perf_counter() - sent[key])
        await asyncio.sleep(gap)
    try:
        await asyncio.wait_for(done.wait(), timeout=10)
    except TimeoutError:
        pass
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return latencies, expected - len(latencies)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--messages", type=int, default=40)
    parser.add_argument("--gap", type=float, default=0.25, help="seconds between two posts")
    options = parser.parse_args()
    redis, why = redis_url()
    if redis is None:
        print(why, file=sys.stderr)
        return 2
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="chat-bench-") as folder:
        env = server_env(redis=redis, sqlite_path=str(Path(folder) / "bench.sqlite3"))
        env["DJANGO_SETTINGS_MODULE"] = "config.test_settings"
        session = prepare(Path(folder), env)
        with running(2, env) as servers:
            remaining = DEADLINE - (time.monotonic() - started)
            try:
                latencies, lost = asyncio.run(
                    asyncio.wait_for(run(servers, session, options.clients, options.messages, options.gap), remaining)
                )
            except Exception:
                for server in servers:
                    print(f"--- server on port {server.port}:\n{server.errors()}", file=sys.stderr)
                raise
    ms = [value * 1000 for value in latencies]
    print(
        f"chat fan-out: {options.clients} clients on 2 processes (Redis), {options.messages} messages, "
        f"{len(ms)} deliveries, {lost} missing"
    )
    if ms:
        print(
            f"latency post -> every client: p50 {statistics.median(ms):.0f} ms, "
            f"p95 {percentile(ms, 0.95):.0f} ms, max {max(ms):.0f} ms"
        )
    if posts:
        post_ms = [value * 1000 for value in posts]
        print(f"the POST itself: p50 {statistics.median(post_ms):.0f} ms, p95 {percentile(post_ms, 0.95):.0f} ms")
    print(f"cpu cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f}")
    return 0 if lost == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
