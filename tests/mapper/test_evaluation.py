"""The labelled evaluation set and the figures docs/mapper.md reports, kept from falling (minus
0.03). "heldout2" is the part the patterns were never changed for: its figures are the honest
ones. The first held-out part was written before any pattern, measured once (docs/mapper.md), and
then used to fix four generic errors, so it now counts as tuning data."""

from __future__ import annotations

from pathlib import Path

import pytest

from twinning.mapper.evaluation import load_passages, micro
from twinning.mapper.matcher import LANGUAGES
from twinning.mapper.suggest import suggest_goals

DATA = Path(__file__).resolve().parents[1] / "data" / "mapper"
MARGIN = 0.03
FIRST_HELD_OUT_F1 = 0.978  # each language, after the fixes
HELD_OUT_F1 = {"en": 0.667, "nl": 0.556, "fr": 0.579, "es": 0.667}  # heldout2, measured once
HELD_OUT_MICRO_F1 = 0.618
TUNE_F1 = 1.0


def _pairs(language: str, split: str):
    return [
        (p.goals, set(suggest_goals(p.text, p.language))) for p in load_passages(DATA, language) if p.split == split
    ]


def test_micro_figures_by_hand():
    figures = micro([({1, 2}, {1}), (set(), {3}), ({4}, {4})])
    assert (figures.true_positives, figures.false_positives, figures.false_negatives) == (2, 1, 1)
    assert figures.precision == pytest.approx(2 / 3)
    assert figures.recall == pytest.approx(2 / 3)
    assert figures.f1 == pytest.approx(2 / 3)
    assert micro([]).f1 == 1.0


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_set_has_eighty_passages_per_language_including_some_without_any_sdg(language):
    passages = load_passages(DATA, language)
    assert len(passages) >= 80
    assert sum(1 for p in passages if p.split == "heldout") >= 20
    assert sum(1 for p in passages if p.split == "heldout2") >= 20
    assert sum(1 for p in passages if not p.goals) >= 5
    assert all(goal in range(1, 18) for p in passages for goal in p.goals)


@pytest.mark.parametrize("language", LANGUAGES)
def test_held_out_micro_f1_stays_at_the_level_reached(language):
    assert micro(_pairs(language, "heldout2")).f1 >= HELD_OUT_F1[language] - MARGIN


def test_held_out_micro_f1_over_all_languages_stays_at_the_level_reached():
    pairs = [pair for language in LANGUAGES for pair in _pairs(language, "heldout2")]
    assert micro(pairs).f1 >= HELD_OUT_MICRO_F1 - MARGIN


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_tuning_parts_are_still_matched(language):
    assert micro(_pairs(language, "tune")).f1 >= TUNE_F1 - MARGIN
    assert micro(_pairs(language, "heldout")).f1 >= FIRST_HELD_OUT_F1 - MARGIN
