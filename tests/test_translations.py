"""Every user-visible string is translated into nl, fr and es, and the compiled catalogues are current.

The project-wide catalogue (locale/) holds the strings of config, templates/, the foundation,
accounts and sdg apps; each feature app keeps its own catalogue in twinning/<app>/locale/, so
that one app's strings can change without touching another's.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ["nl", "fr", "es"]
PLACEHOLDER = re.compile(r"%\(\w+\)s|\{\{ ?\w+ ?\}\}")


def locale_dirs(root: Path = ROOT) -> list[Path]:
    """The project catalogue's folder and every feature app's."""
    return [root / "locale", *sorted(path for path in (root / "twinning").glob("*/locale") if path.is_dir())]


def catalogues(language: str, root: Path = ROOT) -> list[tuple[Path, polib.POFile]]:
    found = []
    for folder in locale_dirs(root):
        path = folder / language / "LC_MESSAGES" / "django.po"
        if path.exists():
            found.append((path, polib.pofile(str(path))))
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_no_untranslated_or_fuzzy_entries(language):
    for path, po in catalogues(language):
        missing = [entry.msgid for entry in po.untranslated_entries()]
        fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
        assert not missing, f"{path}: untranslated {missing[:10]}"
        assert not fuzzy, f"{path}: fuzzy {fuzzy[:10]}"
        assert not po.metadata_is_fuzzy, f"{path}: the header is marked fuzzy, so its plural forms would not compile"


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_the_source(language):
    for path, po in catalogues(language):
        mo_path = path.with_suffix(".mo")
        assert mo_path.exists(), f"{mo_path} is missing: run `make messages`"
        mo = polib.mofile(str(mo_path))
        compiled = {(entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural for entry in mo}
        source = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in po.translated_entries()}
        assert compiled == source, f"{path}: run `make messages` to recompile"


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_survive_translation(language):
    for path, po in catalogues(language):
        for entry in po.translated_entries():
            translations = [entry.msgstr] if entry.msgstr else list(entry.msgstr_plural.values())
            allowed = set(PLACEHOLDER.findall(entry.msgid_plural or entry.msgid)) | set(
                PLACEHOLDER.findall(entry.msgid)
            )
            required = set(PLACEHOLDER.findall(entry.msgid)) - {"{{ counter }}"}
            for text in translations:
                found = set(PLACEHOLDER.findall(text))
                assert required <= found <= allowed, f"{path}: placeholders differ in {entry.msgid!r}"


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext (xgettext) is not installed")
def test_every_marked_string_in_the_code_is_in_the_catalogues(tmp_path):
    """Extract the strings afresh from a copy of the code and compare with the committed catalogues."""
    for name in ["config", "twinning", "templates", "manage.py"]:
        source = ROOT / name
        target = tmp_path / name
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "data", "*.po", "*.mo"))
        else:
            shutil.copy(source, target)
    (tmp_path / "locale").mkdir()
    for folder in locale_dirs(tmp_path):
        (folder / "nl" / "LC_MESSAGES").mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "nl", "--no-location", "--no-wrap"],
        cwd=tmp_path, check=True, capture_output=True,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.test_settings", "PYTHONPATH": str(tmp_path)},
    )  # fmt: skip
    for folder in locale_dirs(tmp_path):
        fresh_path = folder / "nl" / "LC_MESSAGES" / "django.po"
        if not fresh_path.exists():
            continue
        extracted = {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(fresh_path))}
        committed = ROOT / fresh_path.relative_to(tmp_path)
        for language in LANGUAGES:
            path = Path(str(committed).replace("/nl/LC_MESSAGES", f"/{language}/LC_MESSAGES"))
            assert path.exists(), f"{path} is missing: run `make messages`"
            known = {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(path)) if not entry.obsolete}
            missing = sorted(msgid for _ctx, msgid in extracted - known)
            assert not missing, f"{path}: strings missing (run `make messages`): {missing[:10]}"
