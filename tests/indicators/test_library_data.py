"""The curated indicator library: the data file, its loading by migration and by command."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from twinning.indicators.library import LANGUAGES, LibraryError, read_library, thresholds_problem
from twinning.indicators.models import LibraryIndicator
from twinning.sdg.models import Target

ENTRIES = read_library()


def test_the_library_holds_at_least_120_indicators_with_unique_codes():
    assert len(ENTRIES) >= 120
    assert len({entry.code for entry in ENTRIES}) == len(ENTRIES)


def test_every_text_is_there_in_all_four_languages():
    for entry in ENTRIES:
        for texts in (entry.name, entry.definition, entry.unit, entry.optimum_reason):
            assert all(texts[code].strip() for code in LANGUAGES), entry.code


def test_every_goal_is_covered_by_at_least_four_indicators():
    for number in range(1, 18):
        assert sum(1 for entry in ENTRIES if number in entry.goals) >= 4, number


@pytest.mark.django_db
def test_every_target_code_is_an_official_target():
    official = set(Target.objects.values_list("code", flat=True))
    assert len(official) == 169
    unknown = {code for entry in ENTRIES for code in entry.targets} - official
    assert not unknown


def test_thresholds_fit_the_direction_of_every_indicator():
    for entry in ENTRIES:
        assert entry.direction in ("higher_is_better", "lower_is_better")
        assert not thresholds_problem(
            entry.direction, entry.optimum, entry.lower_bound, entry.green_threshold, entry.red_threshold
        ), entry.code
        assert entry.source, entry.code


def test_thresholds_against_the_direction_are_named():
    assert thresholds_problem("higher_is_better", 100, 0, 80, 40) is None
    assert "do not fit" in thresholds_problem("higher_is_better", 100, 0, 40, 80)
    assert thresholds_problem("lower_is_better", 0, 100, 10, 50) is None
    assert "do not fit" in thresholds_problem("lower_is_better", 0, 100, 50, 10)


def test_a_broken_file_is_refused_with_the_indicator_named(tmp_path):
    path = tmp_path / "library.yml"
    path.write_text(
        "units: {pct: {en: '%', nl: '%', fr: '%', es: '%'}}\n"
        "reasons: {zero: {en: a, nl: b, fr: c, es: d}}\n"
        "indicators:\n"
        "  - {code: L-01-01, targets: ['1.2'], unit: pct, direction: lower_is_better, optimum: 0,"
        " lower_bound: 40, green: 5, red: 20, reason: zero, source: x,"
        " name: {en: a, nl: b, fr: c}, definition: {en: a, nl: b, fr: c, es: d}}\n",
        encoding="utf-8",
    )
    with pytest.raises(LibraryError, match="L-01-01 name: missing es"):
        read_library(path)


@pytest.mark.django_db
def test_the_migration_loaded_the_library_with_its_sdg_links():
    assert LibraryIndicator.objects.filter(owner__isnull=True).count() == len(ENTRIES)
    water = LibraryIndicator.objects.get(code="L-06-01")
    assert water.name["nl"].startswith("Aandeel huishoudens")
    assert {link.target.code for link in water.sdg_links.select_related("target")} == {"6.1"}
    assert {link.goal.number for link in water.sdg_links.select_related("goal")} == {6}


@pytest.mark.django_db
def test_reloading_the_library_changes_nothing_and_restores_edited_texts():
    water = LibraryIndicator.objects.get(code="L-06-01")
    water.name = {"en": "edited"}
    water.save()
    call_command("load_indicator_library", stdout=io.StringIO())
    water.refresh_from_db()
    assert water.name["en"].startswith("Share of households with access to safely managed drinking water")
    assert LibraryIndicator.objects.filter(owner__isnull=True).count() == len(ENTRIES)
    assert water.sdg_links.count() == 1
