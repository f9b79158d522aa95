"""Map a whole text: pick the language, run the matcher chunk by chunk (reporting progress), let the
learned weights decide per segment which goals each is about, score, and collect the passages that
explain each goal. The result is plain data (``as_dict``), the
shape the ``sdg_map`` command prints, the API returns and a stored document keeps."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from django.utils.translation import gettext_lazy as _

from twinning.mapper import classifier
from twinning.mapper import language as languages
from twinning.mapper.matcher import GOALS, THRESHOLD, WORD, Match, compiled, count_words, page_scores

CHUNK_CHARS = 256 * 1024
PASSAGES_PER_GOAL = 20
# a word that is not in a pattern is highlighted when its learned weight for the goal is this high
SHOWN_WEIGHT = 0.4
SHOWN_WORDS = 3


class UnsupportedLanguage(Exception):
    def __init__(self, detected: str | None):
        self.detected = detected
        if detected is None:
            message = _(
                "We could not tell the language of this text. Is it long enough, and in English, Dutch, French or Spanish?"
            )
        else:
            message = _(
                "This text seems to be in a language the mapper does not read (%(code)s). "
                "It reads English, Dutch, French and Spanish."
            ) % {"code": detected}
        super().__init__(detected or "unknown")
        self.message = message


@dataclass
class MapResult:
    language: str
    words: int
    scores: dict[int, float]
    top: list[int]
    targets: list[tuple[str, int]]
    passages: list[dict]

    def as_dict(self) -> dict:
        return {
            "language": self.language,
            "words": self.words,
            "scores": {str(goal): self.scores[goal] for goal in GOALS},
            "top": self.top,
            "targets": [{"target": code, "matches": count} for code, count in self.targets],
            "passages": self.passages,
        }


def choose_language(text: str, language: str | None = None) -> str:
    if language:
        if not languages.is_supported(language):
            raise UnsupportedLanguage(language)
        return language
    detected = languages.detect(text)
    if not languages.is_supported(detected):
        raise UnsupportedLanguage(detected)
    return detected


def _chunks(text: str, size: int = CHUNK_CHARS):
    """(offset, piece) pairs, cut at a line break (or a space) so that phrases stay whole."""
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n", start + size // 2, end)
            if cut < 0:
                cut = text.rfind(" ", start + size // 2, end)
            end = cut + 1 if cut >= 0 else end
        yield start, text[start:end]
        start = end


@dataclass(frozen=True)
class Decision:
    """One segment of the text and one goal the learned weights say it is about."""

    goal: int
    start: int
    end: int
    matches: tuple[Match, ...]  # the goal's pattern matches inside the segment
    rows: tuple[int, ...]  # the segment's features (rows of the model's weights)


@dataclass
class Tally:
    """What the segments of a text add up to: per goal the number of segments about it, the
    targets matched in those segments, and the first segments of each goal (its passages)."""

    per_goal: int = PASSAGES_PER_GOAL
    segments: np.ndarray = field(default_factory=lambda: np.zeros(len(GOALS)))
    targets: dict[str, int] = field(default_factory=dict)
    decisions: list[Decision] = field(default_factory=list)

    def add(self, text: str, code: str, matches: list[Match], offset: int = 0) -> None:
        """Cut ``text`` into segments, decide per segment which goals it is about (all segments
        weighed at once) and count them."""
        weights = classifier.model()
        cut = classifier.segments(text)
        lowered = text.lower()
        words = [weights.word_rows(code, lowered, start, end) for start, end in cut]
        # matches come in text order: each belongs to the segment it starts in
        count = len(matches)
        starts = np.fromiter((m.start - offset for m in matches), dtype=np.int64, count=count)
        goals = np.fromiter((m.goal for m in matches), dtype=np.int64, count=count)
        ends = np.array([end for _start, end in cut], dtype=np.int64)
        segment_of = np.minimum(np.searchsorted(ends, starts, side="right"), max(0, len(cut) - 1))
        weight = np.fromiter((m.weight for m in matches), dtype=float, count=count)
        chosen = weights.chosen(
            weights.probabilities_of(words, classifier.pattern_sums(len(cut), segment_of, goals, weight))
        )
        if not len(chosen):
            return
        self.segments += chosen.sum(axis=0)
        for index in np.nonzero(chosen[segment_of, goals - GOALS[0]])[0]:
            target = matches[index].target
            if target:
                self.targets[target] = self.targets.get(target, 0) + 1
        kept = np.zeros(len(GOALS), dtype=np.int64)
        for decision in self.decisions:
            kept[GOALS.index(decision.goal)] += 1
        for column in np.nonzero(chosen.any(axis=0) & (kept < self.per_goal))[0]:
            goal = GOALS[column]
            for number in np.nonzero(chosen[:, column])[0][: self.per_goal - kept[column]]:
                start, end = cut[number]
                first, last = np.searchsorted(starts, (start, end))
                own = tuple(m for m in matches[first:last] if m.goal == goal)
                self.decisions.append(Decision(goal, start + offset, end + offset, own, tuple(words[number])))


def map_text(text: str, language: str | None = None, *, progress: Callable[[float], None] | None = None) -> MapResult:
    code = choose_language(text, language)
    matcher = compiled(code)
    tally = Tally()
    words = 0
    for offset, piece in _chunks(text):
        tally.add(piece, code, matcher.find(piece, offset), offset)
        words += count_words(piece)
        if progress is not None:
            progress(min(1.0, (offset + len(piece)) / max(1, len(text))))
    scores = page_scores({goal: float(tally.segments[column]) for column, goal in enumerate(GOALS)}, words)
    top = sorted((g for g in GOALS if scores[g] >= THRESHOLD), key=lambda g: -scores[g])
    ranked_targets = sorted(tally.targets.items(), key=lambda item: (-item[1], _target_key(item[0])))[:10]
    return MapResult(code, words, scores, top, ranked_targets, passages(text, tally.decisions, code))


def _target_key(code: str) -> tuple[int, str]:
    goal, _dot, rest = code.partition(".")
    return int(goal), rest.zfill(3)


def passages(text: str, decisions: list[Decision], language: str) -> list[dict]:
    """The segments each goal was decided in, with the matched terms and the words that weighed
    most for the goal as offsets inside them."""
    matcher = compiled(language)
    found: list[dict] = []
    for decision in decisions:
        raw = text[decision.start : decision.end]
        start = decision.start + len(raw) - len(raw.lstrip())
        end = decision.end - (len(raw) - len(raw.rstrip()))
        terms = [[m.start - start, m.end - start, m.term] for m in decision.matches]
        shown = classifier.model().strongest_stems(decision.rows, decision.goal, least=SHOWN_WEIGHT, limit=SHOWN_WORDS)
        if shown:
            covered = [(m.start, m.end) for m in decision.matches]
            for word in WORD.finditer(text, start, end):
                inside = any(a <= word.start() < b for a, b in covered)
                if not inside and matcher.stem(word.group().lower()) in shown:
                    terms.append([word.start() - start, word.end() - start, word.group().lower()])
        found.append(
            {"goal": decision.goal, "text": text[start:end], "start": start, "end": end, "terms": sorted(terms)}
        )
    return sorted(found, key=lambda p: (p["goal"], p["start"]))


def highlighted(passage: dict) -> list[tuple[str, bool]]:
    """A passage cut into (text, is a matched term) pieces, for the template to escape and mark."""
    pieces: list[tuple[str, bool]] = []
    text, position = passage["text"], 0
    for start, end, _term in sorted(passage["terms"]):
        if start < position or start < 0 or end > len(text):
            continue
        if start > position:
            pieces.append((text[position:start], False))
        pieces.append((text[start:end], True))
        position = end
    if position < len(text):
        pieces.append((text[position:], False))
    return pieces
