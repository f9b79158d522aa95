"""Settings for the test suite: the production settings with testing switched on."""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("TWINNING_TESTING", "1")
os.environ.setdefault("AXES_ENABLED", "true")

from config.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast hashing in tests only
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "tests" / "templates"]  # noqa: F405
# Parallel test workers (pytest-xdist) each get their own Redis database, since tests clear the cache.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if REDIS_URL and _worker.startswith("gw"):  # noqa: F405
    _location = f"{REDIS_URL.rsplit('/', 1)[0]}/{10 + int(_worker[2:]) % 6}"  # noqa: F405
    CACHES["default"]["LOCATION"] = _location  # noqa: F405
    CHANNEL_LAYERS["default"]["CONFIG"]["hosts"][0]["address"] = _location  # noqa: F405

# Uploads made by tests go to a throwaway folder, never into the project's media/.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="twinning-test-media-"))  # noqa: F405
