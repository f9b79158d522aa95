"""Security baseline: deploy checks, CSP without inline scripts, login throttling, safe uploads."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.factories import UserFactory
from twinning.uploads import validate_image

ROOT = Path(__file__).resolve().parents[1]


def test_check_deploy_is_clean_with_production_settings():
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "TWINNING_TESTING", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "SECRET_KEY": "a-long-random-production-secret-key-for-the-deploy-check-0123456789abcdef",
            "ALLOWED_HOSTS": "twinning.example.org",
        }
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_settings_refuse_to_start_without_secret_key_when_debug_is_off():
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "TWINNING_TESTING", "SECRET_KEY"}}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings"
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY is required" in result.stderr


@pytest.mark.django_db
def test_pages_send_a_content_security_policy_without_inline_scripts(client):
    response = client.get("/en/")
    policy = response["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]+)", policy).group(1)
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert "frame-ancestors 'none'" in policy


def test_no_template_contains_an_inline_script_or_event_handler():
    offenders = []
    for path in list(ROOT.glob("templates/**/*.html")) + list(ROOT.glob("twinning/**/templates/**/*.html")):
        text = path.read_text(encoding="utf-8")
        if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text) or re.search(r"\son[a-z]+=\"", text):
            offenders.append(str(path.relative_to(ROOT)))
    assert not offenders


@pytest.mark.django_db
def test_login_is_throttled_after_repeated_failures(client, settings):
    settings.AXES_ENABLED = True
    user = UserFactory(email="target@example.org")
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post("/en/accounts/login/", {"username": user.email, "password": "wrong"})
        assert response.status_code == 200
    client.post("/en/accounts/login/", {"username": user.email, "password": "wrong"})
    response = client.post("/en/accounts/login/", {"username": user.email, "password": "correct horse battery staple"})
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()


@pytest.mark.django_db
def test_correct_login_works(client, settings):
    UserFactory(email="ok@example.org")
    response = client.post(
        "/en/accounts/login/", {"username": "ok@example.org", "password": "correct horse battery staple"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/me/"


def _png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "#26BDE2").save(buffer, "PNG")
    return buffer.getvalue()


def test_html_disguised_as_an_image_is_refused():
    upload = SimpleUploadedFile("logo.png", b"<html><script>alert(1)</script></html>", content_type="image/png")
    with pytest.raises(ValidationError):
        validate_image(upload)


def test_a_real_png_is_accepted():
    validate_image(SimpleUploadedFile("logo.png", _png_bytes(), content_type="image/png"))


@pytest.mark.django_db
def test_uploaded_files_are_never_served_as_html(client):
    name = default_storage.save("tests/page.html", ContentFile(b"<html><script>alert(1)</script></html>"))
    response = client.get(f"/media/{name}")
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    image = default_storage.save("tests/pic.png", ContentFile(_png_bytes()))
    assert client.get(f"/media/{image}")["Content-Type"] == "image/png"
    default_storage.delete(name)
    default_storage.delete(image)


@pytest.mark.django_db
def test_media_paths_cannot_climb_out_of_the_storage(client):
    assert client.get("/media/../config/settings.py").status_code in {400, 404}


@pytest.mark.django_db
def test_healthz_reports_database_and_cache(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_production_static_files_collect_with_hashed_names(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "TWINNING_TESTING", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "SECRET_KEY": "a-long-random-production-secret-key-for-collectstatic-0123456789abcdef",
            "STATIC_ROOT": str(tmp_path),
        }
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert (tmp_path / "staticfiles.json").exists()
    assert list(tmp_path.glob("vendor/leaflet/leaflet.*.js.gz")), "compressed copies for WhiteNoise"
