"""The database settings read from the environment: PostgreSQL by DATABASE_URL, an optional pool."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PRINT_DATABASE = "from django.conf import settings; import json; print(json.dumps(settings.DATABASES['default']))"


def database_settings(**variables: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DB_") and k != "DATABASE_URL"}
    env.update({"DJANGO_SETTINGS_MODULE": "config.test_settings", **variables})
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); " + PRINT_DATABASE],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip


def test_postgresql_gets_a_bounded_pool_when_db_pool_max_size_is_set():
    result = database_settings(DATABASE_URL="postgres://postgres@127.0.0.1:5432/twinning", DB_POOL_MAX_SIZE="20")
    assert result.returncode == 0, result.stderr
    database = json.loads(result.stdout)
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["OPTIONS"]["pool"] == {"min_size": 2, "max_size": 20, "timeout": 20}


def test_postgresql_has_no_pool_by_default():
    result = database_settings(DATABASE_URL="postgres://postgres@127.0.0.1:5432/twinning")
    assert result.returncode == 0, result.stderr
    assert "pool" not in json.loads(result.stdout).get("OPTIONS", {})


def test_a_pool_and_persistent_connections_together_are_refused():
    result = database_settings(
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/twinning", DB_POOL_MAX_SIZE="5", DB_CONN_MAX_AGE="60"
    )
    assert result.returncode != 0
    assert "cannot be used together" in result.stderr
