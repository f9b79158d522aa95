"""ASGI server processes for the multi-process chat test and bench/chat_fanout.py.

Each server is ``uvicorn config.asgi:application`` on a free 127.0.0.1 port, with the database
and Redis given in its environment. Servers are always killed: use ``running(...)``.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_REDIS = "redis://127.0.0.1:6379/3"
START_TIMEOUT = 40.0  # seconds for Django to load and the port to answer


def redis_url() -> tuple[str | None, str]:
    """REDIS_URL when set, else the chat's Redis database when it answers; (None, why) otherwise."""
    url = os.environ.get("REDIS_URL") or DEFAULT_REDIS
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except Exception as exc:  # any failure means: no Redis to share between the processes
        return None, f"no Redis reachable at {url} ({exc.__class__.__name__}); the cross-process test needs one"
    return url, ""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Server:
    port: int
    env: dict[str, str]
    process: subprocess.Popen | None = None
    log: Path | None = None  # the server's stderr, read when it fails (a pipe nobody reads would block it)

    @property
    def http(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    def start(self) -> Server:
        command = [
            sys.executable,
            "-m",
            "uvicorn",
            "config.asgi:application",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--log-level",
            "warning",
            "--no-access-log",
        ]
        handle, name = tempfile.mkstemp(prefix=f"uvicorn-{self.port}-", suffix=".log")
        self.log = Path(name)
        with os.fdopen(handle, "wb") as stderr:
            self.process = subprocess.Popen(  # noqa: S603 (our own interpreter and module)
                command, cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=stderr
            )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"uvicorn on port {self.port} exited: {self.errors()}")
            try:
                with urllib.request.urlopen(f"{self.http}/healthz", timeout=2):  # noqa: S310 (127.0.0.1 only)
                    return self
            except (urllib.error.URLError, OSError):
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"uvicorn on port {self.port} did not answer within {START_TIMEOUT:.0f} s")

    def errors(self) -> str:
        return self.log.read_text(errors="replace")[-3000:] if self.log and self.log.exists() else ""

    def stop(self) -> None:
        if self.process is not None:
            if self.process.poll() is None:
                self.process.kill()
            self.process.wait(timeout=10)
            self.process = None
        if self.log is not None:
            self.log.unlink(missing_ok=True)
            self.log = None


def database_env(folder: Path) -> dict[str, str]:
    """How a server process reaches the test database (inside a pytest-django transactional test):
    PostgreSQL's test database itself, or a copy of SQLite's in-memory one in ``folder``."""
    import sqlite3

    from django.db import connection

    settings = connection.settings_dict
    if connection.vendor == "postgresql":
        host = settings["HOST"] or "127.0.0.1"
        port = settings["PORT"] or 5432
        return {"database_url": f"postgres://{settings['USER']}@{host}:{port}/{settings['NAME']}"}
    if connection.vendor != "sqlite":
        raise RuntimeError(f"server processes know PostgreSQL and SQLite, not {connection.vendor}")
    path = folder / "chat.sqlite3"
    connection.ensure_connection()
    copy = sqlite3.connect(path)
    try:
        connection.connection.backup(copy)  # the migrated test database with the test's rows
    finally:
        copy.close()
    return {"sqlite_path": str(path)}


def session_for(user) -> str:
    """A session key for ``user``, stored in the test database."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def server_env(*, redis: str = "", database_url: str = "", sqlite_path: str = "") -> dict[str, str]:
    """The environment of a server process; without ``redis`` it uses the in-memory channel layer."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTEST_", "DJANGO_"))}
    for name in ("DATABASE_URL", "SQLITE_PATH", "REDIS_URL"):
        env.pop(name, None)
    env.update(DJANGO_SETTINGS_MODULE="config.test_settings", AXES_ENABLED="false")
    env["PYTHONPATH"] = str(ROOT)
    if redis:
        env["REDIS_URL"] = redis
    if database_url:
        env["DATABASE_URL"] = database_url
    if sqlite_path:
        env["SQLITE_PATH"] = sqlite_path
    return env


@contextlib.contextmanager
def running(count: int, env: dict[str, str]) -> Iterator[list[Server]]:
    """``count`` servers sharing ``env``; all killed on the way out, whatever happened."""
    servers = [Server(free_port(), env) for _n in range(count)]
    try:
        for server in servers:
            server.start()
        yield servers
    finally:
        for server in servers:
            server.stop()


def auth_headers(server: Server, session_key: str) -> dict[str, str]:
    """Cookie, CSRF token and origin for a logged-in request to ``server``."""
    token = secrets.token_hex(16)
    return {
        "Cookie": f"sessionid={session_key}; csrftoken={token}",
        "X-CSRFToken": token,
        "Origin": server.http,
    }


def post_message(server: Server, slug: str, session_key: str, text: str, timeout: float = 10) -> dict:
    import json

    request = urllib.request.Request(  # noqa: S310 (127.0.0.1 only)
        f"{server.http}/api/v1/chat/partnerships/{slug}/messages",
        data=json.dumps({"text": text}).encode(),
        headers={"Content-Type": "application/json", **auth_headers(server, session_key)},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
        return json.loads(response.read())
