"""The labelled evaluation set and the figures docs/mapper.md reports, kept from falling (minus
0.03). Read docs/mapper.md for what each part is worth: "heldout2" was clean when first measured
(F1 0.618, before the vocabulary was broadened); "heldout3" was written before the broadening but
its wording was in the author's mind while broadening, so its figures are not a clean held-out
measure. "heldout4" and "heldout5" were written blind (their authors saw neither the patterns nor
the other passages): they are the honest figures (F1 0.664 and 0.751 over all languages with the
patterns as committed, docs/mapper.md steps 5 to 7). Every part is guarded as it stands now."""

from __future__ import annotations

from pathlib import Path

import pytest

from twinning.mapper.evaluation import load_passages, micro
from twinning.mapper.matcher import LANGUAGES
from twinning.mapper.suggest import suggest_goals

DATA = Path(__file__).resolve().parents[1] / "data" / "mapper"
MARGIN = 0.03
SPLITS = ("tune", "heldout", "heldout2", "heldout3", "heldout4", "heldout5")
# micro-F1 per part and language as measured at the last pattern change (docs/mapper.md)
F1 = {
    "tune": {"en": 1.0, "nl": 1.0, "fr": 1.0, "es": 1.0},
    "heldout": {"en": 1.0, "nl": 1.0, "fr": 1.0, "es": 1.0},
    "heldout2": {"en": 0.980, "nl": 0.979, "fr": 0.958, "es": 0.957},
    "heldout3": {"en": 0.933, "nl": 0.977, "fr": 0.955, "es": 0.933},
    "heldout4": {"en": 0.700, "nl": 0.667, "fr": 0.710, "es": 0.553},
    "heldout5": {"en": 0.794, "nl": 0.787, "fr": 0.733, "es": 0.679},
}
BLIND_MICRO_F1 = {"heldout4": 0.664, "heldout5": 0.751}  # all languages


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
def test_the_set_has_a_hundred_passages_per_language_including_some_without_any_sdg(language):
    passages = load_passages(DATA, language)
    assert len(passages) >= 100
    assert sum(1 for p in passages if p.split == "heldout") >= 20
    assert sum(1 for p in passages if p.split == "heldout2") >= 20
    assert sum(1 for p in passages if p.split == "heldout3") >= 20
    assert sum(1 for p in passages if p.split == "heldout4") >= 30
    assert sum(1 for p in passages if p.split == "heldout5") >= 30
    assert sum(1 for p in passages if not p.goals) >= 5
    assert all(goal in range(1, 18) for p in passages for goal in p.goals)


@pytest.mark.parametrize("split", SPLITS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_micro_f1_of_each_part_stays_at_the_level_reached(language, split):
    assert micro(_pairs(language, split)).f1 >= F1[split][language] - MARGIN


@pytest.mark.parametrize("split", sorted(BLIND_MICRO_F1))
def test_micro_f1_of_each_blind_held_out_part_over_all_languages_stays_at_the_level_reached(split):
    pairs = [pair for language in LANGUAGES for pair in _pairs(language, split)]
    assert micro(pairs).f1 >= BLIND_MICRO_F1[split] - MARGIN
