"""Every user-visible string is translated into nl, fr and es, and the compiled catalogues are current."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ["nl", "fr", "es"]


def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_no_untranslated_or_fuzzy_entries(language):
    po = catalogue(language)
    missing = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert not missing, f"{language}: untranslated {missing[:10]}"
    assert not fuzzy, f"{language}: fuzzy {fuzzy[:10]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_the_source(language):
    po = catalogue(language)
    mo = polib.mofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.mo"))
    compiled = {(entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural for entry in mo}
    source = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in po.translated_entries()}
    assert compiled == source, f"{language}: run `make messages` to recompile"


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_survive_translation(language):
    import re

    pattern = re.compile(r"%\(\w+\)s|\{\{ ?\w+ ?\}\}")
    for entry in catalogue(language).translated_entries():
        translations = [entry.msgstr] if entry.msgstr else list(entry.msgstr_plural.values())
        for text in translations:
            want = set(pattern.findall(entry.msgid_plural or entry.msgid)) | set(pattern.findall(entry.msgid))
            assert set(pattern.findall(text)) <= want and set(pattern.findall(text)) >= set(
                pattern.findall(entry.msgid)
            ) - {"{{ counter }}"}, f"{language}: placeholders differ in {entry.msgid!r}"


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext (xgettext) is not installed")
def test_every_marked_string_in_the_code_is_in_the_catalogues(tmp_path):
    """Extract the strings afresh from a copy of the code and compare with the committed catalogues."""
    for name in ["config", "twinning", "templates", "manage.py"]:
        source = ROOT / name
        target = tmp_path / name
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "data"))
        else:
            shutil.copy(source, target)
    (tmp_path / "locale").mkdir()
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "nl", "--no-location", "--no-wrap"],
        cwd=tmp_path, check=True, capture_output=True,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.test_settings", "PYTHONPATH": str(tmp_path)},
    )  # fmt: skip
    fresh = polib.pofile(str(tmp_path / "locale" / "nl" / "LC_MESSAGES" / "django.po"))
    extracted = {(entry.msgctxt, entry.msgid) for entry in fresh}
    for language in LANGUAGES:
        known = {(entry.msgctxt, entry.msgid) for entry in catalogue(language) if not entry.obsolete}
        missing = sorted(msgid for _ctx, msgid in extracted - known)
        assert not missing, f"{language}: strings missing from the catalogue (run `make messages`): {missing[:10]}"
