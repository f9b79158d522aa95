"""The deciding step of the mapper: which goals a passage is about, from its words and the pattern
matches in it, with weights learned from labelled passages.

The patterns (``matcher.py``) propose goals and explain them; this step weighs what they found
against the other words of the passage: one logistic regression per goal over two kinds of
features, both plain and inspectable in ``data/model.json``:

* ``pattern:<goal>``: the summed weight of the goal's pattern matches in the passage (at most 2);
* ``<language>:<stem>``: the passage contains a word with this Snowball stem (accents folded).

A passage is about its most probable goal when that probability reaches ``first``, and about any
other goal whose probability reaches ``more`` (most passages are about one goal; a second needs
stronger evidence). The weights are trained by ``python manage.py sdg_train`` (``training.py``)
and loaded once per process; nothing is downloaded or learned at run time.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from itertools import chain
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix

from twinning.mapper.matcher import DATA, GOALS, MAX_CACHED, WORD, Match, compiled

MODEL_FILE = DATA / "model.json"
PATTERN_FEATURE = "pattern:{goal}"
PATTERN_CAP = 2.0
# a document is weighed in segments of whole sentences of up to this many characters (about 40
# words), the length of the passages the weights were learned on
SEGMENT_CHARS = 250
# a blank line, or a line break after the end of a sentence, ends a segment (a line break inside
# a sentence, as in text taken from a PDF, does not)
BLANK_LINE = re.compile(r"\n[ \t\r]*\n|(?<=[.!?:;])[ \t\r]*\n")
SEGMENT = re.compile(rf"\s*(?=\S)[\s\S]{{1,{SEGMENT_CHARS}}}(?:[.!?](?=\s|\Z)|\Z)|\s*(?=\S)[\s\S]{{1,{SEGMENT_CHARS}}}")


def stems_of(language: str, text: str) -> set[str]:
    """The folded stems of the words of a text (numbers and one-letter words left out)."""
    matcher = compiled(language)
    return {matcher.stem(word) for word in WORD.findall(text.lower()) if len(word) > 1 and not word.isdigit()}


def features(language: str, text: str, matches: list[Match]) -> dict[str, float]:
    """The features of one passage, named as in the model file."""
    found: dict[str, float] = {}
    for match in matches:
        name = PATTERN_FEATURE.format(goal=match.goal)
        found[name] = min(PATTERN_CAP, found.get(name, 0.0) + match.weight)
    for stem in stems_of(language, text):
        found[f"{language}:{stem}"] = 1.0
    return found


@dataclass(frozen=True)
class Model:
    index: dict[str, int]  # feature name -> row of ``weights``
    weights: np.ndarray  # features x 17
    bias: np.ndarray  # 17
    first: float
    more: float
    names: tuple[str, ...] = ()  # feature name of each row
    pattern_weights: np.ndarray = field(default_factory=lambda: np.zeros((len(GOALS), len(GOALS))))
    # (language, lower-case word) -> row of its stem feature, or -1; filled as words are met
    _word_rows: dict = field(default_factory=dict, repr=False, compare=False)

    def word_rows(self, language: str, text: str, start: int = 0, end: int | None = None) -> set[int]:
        """The rows of the stem features of the words of a (lower-case) text, or of a part of it."""
        end = len(text) if end is None else end
        known = self._word_rows.get(language)
        if known is None:
            known = self._word_rows[language] = {}
        rows = set(map(known.get, WORD.findall(text, start, end)))
        if None in rows:  # words not met before: stem them (other threads may share the table)
            if len(known) > MAX_CACHED:
                known.clear()
            stem = compiled(language).stem

            def row_of(word: str) -> int:
                row = known.get(word)
                if row is None:
                    usable = len(word) > 1 and not word.isdigit()
                    row = known[word] = self.index.get(f"{language}:{stem(word)}", -1) if usable else -1
                return row

            rows = {row_of(word) for word in WORD.findall(text, start, end)}
        rows.discard(-1)
        return rows

    def probabilities_of(self, words: list[set[int]], pattern_sums: np.ndarray) -> np.ndarray:
        """Probabilities (passages x 17) of many passages, given the rows of their words and their
        ``pattern_sums``, in one sparse product."""
        if not words:
            return np.zeros((0, len(GOALS)))
        lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
        indptr = np.concatenate(([0], np.cumsum(lengths)))
        indices = np.array(list(chain.from_iterable(words)), dtype=np.int64)
        matrix = csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(words), len(self.index)))
        logits = matrix @ self.weights + pattern_sums @ self.pattern_weights + self.bias
        return 1.0 / (1.0 + np.exp(-logits))

    def probabilities(self, found: dict[str, float]) -> np.ndarray:
        """Probabilities (17) of one passage given its features by name."""
        logits = self.bias.copy()
        for name, value in found.items():
            row = self.index.get(name)
            if row is not None:
                logits += value * self.weights[row]
        return 1.0 / (1.0 + np.exp(-logits))

    def decide(self, probabilities: np.ndarray) -> list[int]:
        """The goals one passage is about (the rule of ``chosen``), most probable first."""
        chosen = self.chosen(probabilities[np.newaxis, :])[0]
        return [GOALS[column] for column in np.argsort(-probabilities, kind="stable") if chosen[column]]

    def chosen(self, probabilities: np.ndarray) -> np.ndarray:
        """``decide`` for many passages at once: a passages x 17 matrix of booleans."""
        chosen = probabilities >= self.more
        if len(probabilities):
            every = np.arange(len(probabilities))
            best = probabilities.argmax(axis=1)
            chosen[every, best] |= probabilities[every, best] >= self.first
        return chosen

    def stem_of(self, row: int) -> str:
        """The stem of a stem feature's row; "" for a pattern feature."""
        name = self.names[row]
        return "" if name.startswith("pattern:") else name.split(":", 1)[1]

    def strongest_stems(self, rows, goal: int, *, least: float, limit: int) -> set[str]:
        """The stems among a passage's feature ``rows`` that weighed most for ``goal`` (at least
        ``least``, at most ``limit`` of them): the words shown as its reasons besides the patterns."""
        column = GOALS.index(goal)
        pushes = {row: self.weights[row, column] for row in rows if self.stem_of(row)}
        strongest = sorted((row for row, weight in pushes.items() if weight >= least), key=lambda row: -pushes[row])
        return {self.stem_of(row) for row in strongest[:limit]}


def from_data(data: dict) -> Model:
    names = list(data["features"])
    weights = np.zeros((len(names), len(GOALS)))
    for row, name in enumerate(names):
        for goal, weight in data["features"][name].items():
            weights[row, GOALS.index(int(goal))] = weight
    bias = np.array([data["bias"][str(goal)] for goal in GOALS], dtype=float)
    index = {name: row for row, name in enumerate(names)}
    pattern_weights = np.zeros((len(GOALS), len(GOALS)))  # the rows of the pattern features, by goal
    for goal in GOALS:
        row = index.get(PATTERN_FEATURE.format(goal=goal))
        if row is not None:
            pattern_weights[GOALS.index(goal)] = weights[row]
    return Model(index, weights, bias, data["first"], data["more"], tuple(names), pattern_weights)


def pattern_sums(passages: int, passage_of: np.ndarray, goals: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """The pattern features (passages x 17) from matches given as arrays of their passage
    number, goal and weight: the summed weight of each goal's matches, at most ``PATTERN_CAP``."""
    sums = np.zeros((passages, len(GOALS)))
    np.add.at(sums, (passage_of, goals - GOALS[0]), weights)
    return np.minimum(sums, PATTERN_CAP)


@cache
def model(path: Path = MODEL_FILE) -> Model:
    """The learned weights, read once per process."""
    return from_data(json.loads(path.read_text(encoding="utf-8")))


def segments(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text's segments: runs of whole sentences of up to ``SEGMENT_CHARS``
    characters (cut mid-sentence only when a sentence is longer); a blank line, or a line that
    ends a sentence, ends a segment."""
    found: list[tuple[int, int]] = []
    start = 0
    for blank in [*BLANK_LINE.finditer(text), None]:
        end = len(text) if blank is None else blank.start()
        if end - start <= SEGMENT_CHARS:  # most blocks: one line, one segment
            if start < end and not text[start:end].isspace():
                found.append((start, end))
        else:
            found += [piece.span() for piece in SEGMENT.finditer(text, start, end)]
        start = end if blank is None else blank.end()
    return found
