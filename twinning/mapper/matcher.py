"""The transparent SDG matcher: curated patterns per language, compiled once per process into an
Aho-Corasick automaton, matched on accent-folded text and checked word by word after Snowball
stemming. Every score is the sum of its matches, so each one is explained by its passages.

Pattern files live in ``twinning/mapper/data/<language>.txt`` (one pattern a line, see the header
of en.txt). ``compiled(language)`` builds the matcher the first time a language is needed and keeps
it for the life of the process; nothing else is kept between calls.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import NamedTuple

import ahocorasick
import snowballstemmer

LANGUAGES = ("en", "nl", "fr", "es")
STEMMER_NAMES = {"en": "english", "nl": "dutch", "fr": "french", "es": "spanish"}
DATA = Path(__file__).resolve().parent / "data"
GOALS = tuple(range(1, 18))
WEAK = 0.5
# a goal is "addressed" from this score on; one ordinary match in a short passage reaches it
THRESHOLD = 0.3
# text is scored per "page" of this many words; longer documents need proportionally more matches
PAGE_WORDS = 250
WORD = re.compile(r"\w+")
SEPARATOR = re.compile(r"[\s\-'’,/]+")
SENTENCE_END = re.compile(r"[.!?;:\n]\s|\n")


def _fold_table() -> dict[int, str]:
    """Lower case without accents, one character for one, so offsets stay the same."""
    table: dict[int, str] = {}
    for code in range(0x80, 0x250):
        char = chr(code)
        base = unicodedata.normalize("NFKD", char.lower())[:1]
        if len(char.lower()) == 1 and base.isascii() and base.isalpha():
            table[code] = base
        elif len(char.lower()) == 1:
            table[code] = char.lower()
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = chr(code + 32)
    table[ord("’")] = "'"
    return table


FOLD = _fold_table()


def fold(text: str) -> str:
    return text.translate(FOLD)


@dataclass(frozen=True)
class Word:
    """One word of a pattern: ``stem`` compares Snowball stems, ``prefix`` and ``suffix`` compare
    the folded word's start or end."""

    text: str
    mode: str  # "stem", "prefix", "suffix"
    keys: tuple[str, ...]  # what the automaton looks for (folded and as written)
    id: int


@dataclass(frozen=True)
class Pattern:
    goal: int
    target: str | None
    weight: float
    words: tuple[Word, ...]
    source: str
    # context rules, checked in the sentence around a match: at least one word of ``needs`` must
    # occur there (when given) and no word of ``forbids`` ("staff training" is not SDG 4)
    needs: tuple[Word, ...] = ()
    forbids: tuple[Word, ...] = ()


class Match(NamedTuple):
    goal: int
    target: str | None
    weight: float
    start: int
    end: int
    term: str


@dataclass
class Profile:
    """What the mapper found in one text."""

    language: str
    words: int
    matches: list[Match]
    scores: dict[int, float] = field(default_factory=dict)

    @property
    def top(self) -> list[int]:
        ranked = sorted((g for g in GOALS if self.scores.get(g, 0) >= THRESHOLD), key=lambda g: -self.scores[g])
        return ranked

    def targets(self, limit: int = 10) -> list[tuple[str, int]]:
        counts: dict[str, int] = {}
        for match in self.matches:
            if match.target:
                counts[match.target] = counts.get(match.target, 0) + 1
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]


# characters a word may follow; keys start with one of them, so the automaton itself skips hits
# inside words (the text is searched with a space in front)
BOUNDARIES = " \n\t\r(\"'-/“‘«¿¡[—–"
MAX_CACHED = 500_000


class Matcher:
    def __init__(self, language: str, lines: list[str]):
        self.language = language
        self._stemmer = snowballstemmer.stemmer(STEMMER_NAMES[language])
        self._stems: dict[str, str] = {}
        self._checked: dict[tuple[int, str], bool] = {}
        self._starting: dict[tuple[int, str], tuple[Pattern, ...]] = {}
        self._word_ids = 0
        self.patterns = [p for p in (self._parse(line) for line in lines) if p is not None]
        self._automaton = ahocorasick.Automaton()
        keyed: dict[tuple[str, bool], list[Pattern]] = {}
        for pattern in self.patterns:
            first = pattern.words[0]
            anywhere = first.mode == "suffix"
            for key in first.keys:
                keyed.setdefault((key, anywhere), []).append(pattern)
        by_key: dict[str, tuple[int, int, list[Pattern], bool]] = {}
        for group, ((key, anywhere), entries) in enumerate(keyed.items()):
            entries.sort(key=lambda entry: -len(entry.words))  # the longest phrase names the match
            if anywhere:
                by_key[key] = (len(key), group, entries, True)
            else:
                for boundary in BOUNDARIES:
                    by_key[boundary + key] = (len(key) + 1, group, entries, False)
        for key, value in by_key.items():
            self._automaton.add_word(key, value)
        self._automaton.make_automaton()

    def stem(self, word: str) -> str:
        """The folded Snowball stem of a (lower-case) word; cached, the vocabulary is small."""
        stem = self._stems.get(word)
        if stem is None:
            stem = fold(self._stemmer.stemWord(word))
            if len(self._stems) < MAX_CACHED:
                self._stems[word] = stem
        return stem

    def _word(self, text: str, mode: str, keys: set[str]) -> Word:
        self._word_ids += 1
        return Word(text, mode, tuple(sorted(k for k in keys if k)), self._word_ids)

    def _parse(self, line: str) -> Pattern | None:
        line = line.strip()
        if not line or line.startswith("#"):
            return None
        code, text = line.split(None, 1)
        text, needs, forbids = self._context(text)
        weight = 1.0
        if code.startswith("~"):
            code, weight = code[1:], WEAK
        goal_text, _dot, target = code.partition(".")
        words = []
        for raw in SEPARATOR.split(text.lower().strip()):
            if raw.endswith("*"):
                words.append(self._word(fold(raw[:-1]), "prefix", {fold(raw[:-1]), raw[:-1]}))
            elif raw.startswith("*"):
                stem = self.stem(raw[1:])
                length = max(3, len(stem) - 1)
                words.append(self._word(stem, "suffix", {stem[:length], raw[1 : 1 + length]}))
            else:
                stem, surface = self.stem(raw), fold(raw)
                common = 0
                while common < min(len(stem), len(surface)) and stem[common] == surface[common]:
                    common += 1
                length = max(common, 2)
                words.append(self._word(stem, "stem", {surface[:length], raw[:length]}))
        return Pattern(int(goal_text), code if target else None, weight, tuple(words), text.strip(), needs, forbids)

    def _context(self, text: str) -> tuple[str, tuple[Word, ...], tuple[Word, ...]]:
        """Split ``pattern | with: a, b | without: c`` into the pattern and its context words."""
        pattern, *rules = text.split("|")
        needs: list[Word] = []
        forbids: list[Word] = []
        for rule in rules:
            kind, _colon, listed = rule.partition(":")
            kind = kind.strip().lower()
            if kind not in ("with", "without") or not _colon:
                raise ValueError(f"unknown context rule {rule!r} in {text!r}")
            into = needs if kind == "with" else forbids
            for raw in listed.split(","):
                raw = raw.strip().lower()
                if raw.endswith("*"):
                    into.append(self._word(fold(raw[:-1]), "prefix", set()))
                elif raw.startswith("*"):
                    into.append(self._word(self.stem(raw[1:]), "suffix", set()))
                elif raw:
                    into.append(self._word(self.stem(raw), "stem", set()))
        return pattern, tuple(needs), tuple(forbids)

    def _in_context(self, pattern: Pattern, padded: str, start: int, end: int) -> bool:
        """Whether the sentence around ``start..end`` meets the pattern's context rules."""
        left, right = sentence_bounds(padded, start, end)
        tokens = [t.group() for t in WORD.finditer(padded, left, right)]
        if pattern.needs and not any(self._word_matches(w, t) for w in pattern.needs for t in tokens):
            return False
        return not any(self._word_matches(w, t) for w in pattern.forbids for t in tokens)

    def _word_matches(self, word: Word, token: str) -> bool:
        """Whether a (lower-case) token of the text is this pattern word; remembered per token."""
        key = (word.id, token)
        known = self._checked.get(key)
        if known is not None:
            return known
        if word.mode == "prefix":
            result = fold(token).startswith(word.text)
        elif word.mode == "suffix":
            result = self.stem(token).endswith(word.text) or fold(token).endswith(word.text)
        else:
            result = self.stem(token) == word.text
        if len(self._checked) > MAX_CACHED:
            self._checked.clear()
        self._checked[key] = result
        return result

    def find(self, text: str, offset: int = 0) -> list[Match]:
        """Every match in ``text``, with offsets (plus ``offset``) into it; inner matches dropped."""
        lowered = text.lower()
        if len(lowered) != len(text):  # a few characters grow when lowered (İ): fold instead
            lowered = fold(text)
        padded = " " + lowered
        found: list[Match] = []
        taken: set[tuple[int, int]] = set()  # (goal, start): a term counts once per place
        word_at = WORD.match
        starting = self._starting
        for end_index, (key_length, group, entries, anywhere) in self._automaton.iter(padded):
            token_start = end_index - key_length + 1
            if anywhere:
                while token_start > 0 and padded[token_start - 1].isalnum():
                    token_start -= 1
            else:
                token_start += 1  # the boundary character
            token = word_at(padded, token_start)
            if token is None:
                continue
            word, token_end = token.group(), token.end()
            candidates = starting.get((group, word))
            if candidates is None:
                candidates = tuple(p for p in entries if self._word_matches(p.words[0], word))
                if len(starting) > MAX_CACHED:
                    starting.clear()
                starting[(group, word)] = candidates
            for pattern in candidates:
                end = token_end if len(pattern.words) == 1 else self._rest(pattern, padded, token_end)
                if end is None or (pattern.goal, token_start) in taken:
                    continue
                if (pattern.needs or pattern.forbids) and not self._in_context(pattern, padded, token_start, end):
                    continue
                taken.add((pattern.goal, token_start))
                found.append(
                    Match(
                        pattern.goal,
                        pattern.target,
                        pattern.weight,
                        token_start - 1 + offset,
                        end - 1 + offset,
                        pattern.source,
                    )
                )
        return _longest(found)

    def _rest(self, pattern: Pattern, padded: str, end: int) -> int | None:
        """Where the pattern's later words end, when they follow in the text; else None."""
        for word in pattern.words[1:]:
            gap = SEPARATOR.match(padded, end)
            if gap is None:
                return None
            token = WORD.match(padded, gap.end())
            if token is None or not self._word_matches(word, token.group()):
                return None
            end = token.end()
        return end

    def profile(self, text: str) -> Profile:
        matches = self.find(text)
        words = count_words(text)
        return Profile(self.language, words, matches, scores=score(matches, words))


def count_words(text: str) -> int:
    return len(text.split())


def _longest(matches: list[Match]) -> list[Match]:
    """Drop a match that lies inside a longer one: "school meal" is about food, not schools."""
    matches.sort(key=lambda m: (m.start, -(m.end - m.start), m.goal))
    kept: list[Match] = []
    reach_start, reach_end = -1, -1
    for match in matches:
        inside = reach_start <= match.start and match.end <= reach_end
        if inside and (match.end - match.start) < (reach_end - reach_start):
            continue
        kept.append(match)
        if match.end > reach_end:
            reach_start, reach_end = match.start, match.end
    return kept


def score(matches: list[Match], words: int) -> dict[int, float]:
    """0..1 per goal from the summed weight of its matches (``page_scores``)."""
    totals = dict.fromkeys(GOALS, 0.0)
    for match in matches:
        totals[match.goal] += match.weight
    return page_scores(totals, words)


def page_scores(totals: dict[int, float], words: int) -> dict[int, float]:
    """0..1 per goal: 1 - exp(-total per page / 2), with pages growing as the square root of the
    length, so a long document needs more evidence than a paragraph, but not linearly more."""
    pages = math.sqrt(max(1.0, words / PAGE_WORDS))
    return {goal: round(1 - math.exp(-totals.get(goal, 0.0) / pages / 2), 4) for goal in GOALS}


@cache
def compiled(language: str) -> Matcher:
    """The matcher of one language, built once per process from its data file."""
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language: {language}")
    lines = (DATA / f"{language}.txt").read_text(encoding="utf-8").splitlines()
    return Matcher(language, lines)


def sentence_bounds(text: str, start: int, end: int, limit: int = 300) -> tuple[int, int]:
    """The sentence around ``start..end``, at most ``limit`` characters either side."""
    left = max(0, start - limit)
    cut = left
    for found in SENTENCE_END.finditer(text, left, start):
        cut = found.end()
    right_match = SENTENCE_END.search(text, end, min(len(text), end + limit))
    right = right_match.start() + 1 if right_match else min(len(text), end + limit)
    return cut, right
