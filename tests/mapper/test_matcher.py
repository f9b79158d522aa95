"""The matcher: word forms, prefix and suffix words, the longest match, scores by hand."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from twinning.mapper import matcher
from twinning.mapper.matcher import GOALS, LANGUAGES, Match, Matcher, compiled, fold, score


def test_folding_keeps_every_offset_and_drops_accents():
    assert fold("Énergie Coöperatie Niñas") == "energie cooperatie ninas"


@given(st.text(max_size=200))
def test_folding_never_changes_the_length(text):
    assert len(fold(text)) == len(text)


def test_a_stemmed_word_finds_its_other_forms():
    m = Matcher("en", ["11 city"])
    assert [x.term for x in m.find("Cities and a city.")] == ["city", "city"]


def test_prefix_and_suffix_words_find_compounds():
    m = Matcher("nl", ["1 *armoede", "6 drinkwater*"])
    found = m.find("Kinderarmoede en drinkwaterleidingen.")
    assert [(x.goal, x.start, x.end) for x in found] == [(1, 0, 13), (6, 17, 36)]


def test_a_word_inside_a_longer_match_does_not_count():
    m = Matcher("en", ["4 school", "2 school meal"])
    assert [(x.goal, x.term) for x in m.find("Free school meals.")] == [(2, "school meal")]


def test_phrases_allow_hyphens_commas_and_line_breaks():
    m = Matcher("en", ["9 public private partnership", "8 employment, education or training"])
    text = "A public-\nprivate partnership for people not in employment, education or training."
    assert [x.goal for x in m.find(text)] == [9, 8]


def test_a_word_must_start_where_a_word_starts():
    m = Matcher("en", ["14 sea"])
    assert m.find("The research seat.") == []


def test_weak_patterns_count_half():
    m = Matcher("en", ["~11 housing"])
    assert m.find("housing")[0].weight == 0.5


def test_scores_follow_the_formula_by_hand():
    one = [Match(13, None, 1.0, 0, 7, "climate")]
    assert score(one, 20)[13] == round(1 - math.exp(-0.5), 4)  # 0.3935: one match in a paragraph
    # a 1,000-word text counts as sqrt(4) = 2 pages: two matches make one per page
    two = one * 2
    assert score(two, 1000)[13] == round(1 - math.exp(-0.5), 4)
    assert score([], 10) == dict.fromkeys(GOALS, 0.0)


@given(st.lists(st.sampled_from(GOALS), max_size=60), st.integers(min_value=0, max_value=100_000))
def test_scores_stay_between_zero_and_one_and_grow_with_matches(goals, words):
    matches = [Match(g, None, 1.0, 0, 1, "x") for g in goals]
    scores = score(matches, words)
    assert all(0 <= value < 1 for value in scores.values())
    more = score([*matches, Match(1, None, 1.0, 0, 1, "x")], words)
    assert more[1] > scores[1]


def test_every_language_has_patterns_for_all_seventeen_goals():
    for language in LANGUAGES:
        covered = {pattern.goal for pattern in compiled(language).patterns}
        assert covered == set(GOALS), language


def test_a_language_is_compiled_once_per_process():
    assert compiled("nl") is compiled("nl")


def test_sentence_bounds_stop_at_sentence_ends():
    text = "First one. The climate plan is here. Last."
    start, end = matcher.sentence_bounds(text, 15, 22)
    assert text[start:end].strip() == "The climate plan is here."


def test_a_context_rule_can_forbid_words_in_the_same_sentence():
    m = Matcher("nl", ["4 opleiding | without: medewerker*, personeel*"])
    assert m.find("Medewerkers volgen een opleiding over begrotingen.") == []
    assert [x.term for x in m.find("Jongeren volgen een opleiding tot lasser.")] == ["opleiding"]


def test_a_context_rule_can_require_one_word_in_the_same_sentence_only():
    m = Matcher("en", ["~4 training | with: school*, pupil*"])
    assert m.find("Staff get a training. The school is new.") == []
    found = m.find("Pupils get a training in first aid.")
    assert [(x.goal, x.weight, x.term) for x in found] == [(4, 0.5, "training")]


def test_an_unknown_context_rule_is_refused_when_the_patterns_are_read():
    with pytest.raises(ValueError):
        Matcher("en", ["4 training | near: school"])


def test_the_words_drawn_from_the_target_texts_are_all_weak():
    for language in LANGUAGES:
        lines = (matcher.DATA / f"{language}.txt").read_text(encoding="utf-8").splitlines()
        start = next(i for i, line in enumerate(lines) if line.startswith("# Weak words drawn from the official"))
        drawn = [line for line in lines[start:] if line.strip() and not line.startswith("#")]
        assert len(drawn) >= 25, language
        assert all(line.startswith("~") for line in drawn), language


def test_one_broad_word_alone_does_not_make_a_goal_but_two_words_of_the_goal_do():
    en = compiled("en")
    assert en.profile("The plan mentions employment.").scores[8] < matcher.THRESHOLD
    assert en.profile("The plan creates jobs and employment.").scores[8] >= matcher.THRESHOLD


def test_staff_training_is_not_education_but_a_training_for_pupils_with_a_teacher_is():
    en, nl = compiled("en"), compiled("nl")
    assert 4 not in en.profile("Staff of both municipalities follow a training on budgets.").top
    assert 4 not in nl.profile("Medewerkers van beide gemeenten volgen een opleiding over begrotingen.").top
    assert 4 in en.profile("Pupils and their teachers get a training in first aid.").top
