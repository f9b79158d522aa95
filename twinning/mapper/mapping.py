"""Map a whole text: pick the language, run the matcher chunk by chunk (reporting progress), score,
and collect the passages that explain each goal. The result is plain data (``as_dict``), the
shape the ``sdg_map`` command prints, the API returns and a stored document keeps."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from twinning.mapper import language as languages
from twinning.mapper.matcher import GOALS, THRESHOLD, Match, compiled, count_words, score, sentence_bounds

CHUNK_CHARS = 256 * 1024
PASSAGES_PER_GOAL = 20


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


def map_text(text: str, language: str | None = None, *, progress: Callable[[float], None] | None = None) -> MapResult:
    code = choose_language(text, language)
    matcher = compiled(code)
    matches: list[Match] = []
    words = 0
    for offset, piece in _chunks(text):
        matches.extend(matcher.find(piece, offset))
        words += count_words(piece)
        if progress is not None:
            progress(min(1.0, (offset + len(piece)) / max(1, len(text))))
    scores = score(matches, words)
    top = sorted((g for g in GOALS if scores[g] >= THRESHOLD), key=lambda g: -scores[g])
    targets: dict[str, int] = {}
    for match in matches:
        if match.target:
            targets[match.target] = targets.get(match.target, 0) + 1
    ranked_targets = sorted(targets.items(), key=lambda item: (-item[1], _target_key(item[0])))[:10]
    return MapResult(code, words, scores, top, ranked_targets, passages(text, matches))


def _target_key(code: str) -> tuple[int, str]:
    goal, _dot, rest = code.partition(".")
    return int(goal), rest.zfill(3)


def passages(text: str, matches: list[Match], per_goal: int = PASSAGES_PER_GOAL) -> list[dict]:
    """The sentences that triggered each goal, with the matched terms as offsets inside them."""
    by_key: dict[tuple[int, int], dict] = {}
    latest: dict[int, dict] = {}  # the last passage of each goal (matches come in text order)
    counts: dict[int, int] = {}
    for match in matches:
        last = latest.get(match.goal)
        if last is not None and last["start"] <= match.start and match.end <= last["end"]:
            last["terms"].append([match.start - last["start"], match.end - last["start"], match.term])
            continue
        if counts.get(match.goal, 0) >= per_goal:
            continue
        start, end = sentence_bounds(text, match.start, match.end)
        raw = text[start:end]
        start, end = start + len(raw) - len(raw.lstrip()), end - (len(raw) - len(raw.rstrip()))
        passage = by_key.get((match.goal, start))
        if passage is None:
            counts[match.goal] = counts.get(match.goal, 0) + 1
            passage = by_key[(match.goal, start)] = {
                "goal": match.goal,
                "text": text[start:end],
                "start": start,
                "end": end,
                "terms": [],
            }
        latest[match.goal] = passage
        passage["terms"].append([match.start - start, match.end - start, match.term])
    return sorted(by_key.values(), key=lambda p: (p["goal"], p["start"]))


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
