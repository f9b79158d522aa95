"""The labelled evaluation set and the figures docs/mapper.md reports, kept from falling (minus
0.03). The mapper's weights are learned from the training corpus and from every part of this set
except the ones kept aside (``sdg_train.KEPT_ASIDE``); on the parts it learned from it is right
almost everywhere, which shows only that it learned them. The parts kept aside were written blind
(their authors saw neither the patterns, nor the corpus, nor the other passages) and were never
learned from: they give the honest figures, per language, for both F1 and precision."""

from __future__ import annotations

from pathlib import Path

import pytest

from twinning.mapper.evaluation import load_passages, micro
from twinning.mapper.management.commands.sdg_train import KEPT_ASIDE
from twinning.mapper.matcher import LANGUAGES
from twinning.mapper.suggest import suggest_goals

DATA = Path(__file__).resolve().parents[1] / "data" / "mapper"
MARGIN = 0.03
TARGET = 0.85  # issue 8: micro-F1 and precision per language on passages the mapper was not tuned on
LEARNED = ("tune", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6")
# micro-F1 and precision per language on each part kept aside, and on all of them together, as
# measured (docs/mapper.md)
KEPT_ASIDE_FIGURES = {
    "heldout7": {
        "en": {"f1": 0.921, "precision": 0.946},
        "nl": {"f1": 0.895, "precision": 0.919},
        "fr": {"f1": 0.947, "precision": 0.973},
        "es": {"f1": 0.895, "precision": 0.919},
        "all": {"f1": 0.914, "precision": 0.939},
    },
    "heldout8": {
        "en": {"f1": 0.907, "precision": 0.944},
        "nl": {"f1": 0.861, "precision": 0.850},
        "fr": {"f1": 0.919, "precision": 0.971},
        "es": {"f1": 0.895, "precision": 0.919},
        "all": {"f1": 0.895, "precision": 0.919},
    },
    "heldout9": {
        "en": {"f1": 0.911, "precision": 0.900},
        "nl": {"f1": 0.857, "precision": 0.868},
        "fr": {"f1": 0.897, "precision": 0.897},
        "es": {"f1": 0.892, "precision": 0.943},
        "all": {"f1": 0.890, "precision": 0.901},
    },
}
ALL_KEPT_ASIDE = {"all": {"f1": 0.900, "precision": 0.920}}  # per language: docs/mapper.md


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


def test_every_part_kept_aside_is_guarded():
    assert set(KEPT_ASIDE) == set(KEPT_ASIDE_FIGURES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_set_has_two_hundred_passages_per_language_including_some_without_any_sdg(language):
    passages = load_passages(DATA, language)
    assert len(passages) >= 200
    for split in KEPT_ASIDE:
        assert sum(1 for p in passages if p.split == split) >= 40
    assert sum(1 for p in passages if not p.goals) >= 20
    assert all(goal in range(1, 18) for p in passages for goal in p.goals)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_parts_learned_from_are_mapped_as_labelled(language):
    for split in LEARNED:
        assert micro(_pairs(language, split)).f1 >= 0.95, split


@pytest.mark.parametrize("split", KEPT_ASIDE)
@pytest.mark.parametrize("language", LANGUAGES)
def test_f1_and_precision_on_each_part_kept_aside_stay_at_the_level_reached(language, split):
    figures = micro(_pairs(language, split))
    assert figures.f1 >= KEPT_ASIDE_FIGURES[split][language]["f1"] - MARGIN
    assert figures.precision >= KEPT_ASIDE_FIGURES[split][language]["precision"] - MARGIN


@pytest.mark.parametrize("split", KEPT_ASIDE)
def test_f1_and_precision_over_all_languages_on_each_part_kept_aside(split):
    figures = micro([pair for language in LANGUAGES for pair in _pairs(language, split)])
    assert figures.f1 >= KEPT_ASIDE_FIGURES[split]["all"]["f1"] - MARGIN
    assert figures.precision >= KEPT_ASIDE_FIGURES[split]["all"]["precision"] - MARGIN


def test_on_everything_kept_aside_each_language_meets_the_target_of_issue_8():
    """F1 and precision of at least 0.85 per language on the passages never learned from (the
    parts together: 80 per language), and over all languages no lower than measured minus the
    margin."""
    every = []
    for language in LANGUAGES:
        pairs = [pair for split in KEPT_ASIDE for pair in _pairs(language, split)]
        every += pairs
        figures = micro(pairs)
        assert figures.f1 >= TARGET, (language, figures.f1)
        assert figures.precision >= TARGET, (language, figures.precision)
    figures = micro(every)
    assert figures.f1 >= ALL_KEPT_ASIDE["all"]["f1"] - MARGIN
    assert figures.precision >= ALL_KEPT_ASIDE["all"]["precision"] - MARGIN
