"""Precision, recall and F1 of goal labels, and the labelled passages in tests/data/mapper/."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Passage:
    language: str
    split: str  # "tune" or "heldout"
    goals: frozenset[int]
    text: str


@dataclass(frozen=True)
class Figures:
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def micro(pairs: list[tuple[set[int] | frozenset[int], set[int] | frozenset[int]]]) -> Figures:
    """Micro-averaged counts over (expected goals, predicted goals) pairs, one pair a passage."""
    tp = fp = fn = 0
    for expected, predicted in pairs:
        tp += len(set(expected) & set(predicted))
        fp += len(set(predicted) - set(expected))
        fn += len(set(expected) - set(predicted))
    return Figures(tp, fp, fn)


def load_passages(folder: Path, language: str) -> list[Passage]:
    passages = []
    for line in (folder / f"{language}.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        split, goals, text = line.split("\t")
        labels = frozenset() if goals == "-" else frozenset(int(g) for g in goals.split(","))
        passages.append(Passage(language, split, labels, text))
    return passages
