"""The SDG quiz: loading the question bank (twinning/games/data/quiz.yaml), picking the questions
of one round, and scoring it. Picking is a pure function of a seed, so the server rebuilds the
same round from the seed in the form (alone) or the class code (in a class) and trusts no list
of questions sent by the browser."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import yaml

BANK = Path(__file__).resolve().parent / "data" / "quiz.yaml"
ROUND_SIZE = 5
LANGUAGES = ("en", "nl", "fr", "es")


def read_bank(path: Path = BANK) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle) or []


def as_texts(value) -> dict:
    """A choice written once (a number, a code) is the same text in every language."""
    return dict.fromkeys(LANGUAGES, value) if isinstance(value, str) else dict(value)


def load_bank(question_model, goal_model, rows: list[dict] | None = None) -> int:
    """Create or update every question of the bank (by key); returns how many there are."""
    rows = read_bank() if rows is None else rows
    goals = {g.number: g for g in goal_model.objects.all()}
    for row in rows:
        question_model.objects.update_or_create(
            key=row["key"],
            defaults={
                "goal": goals[row["goal"]],
                "question": row["q"],
                "choices": [as_texts(choice) for choice in row["choices"]],
                "correct_choice": row["correct"],
                "explanation": row["explain"],
            },
        )
    return len(rows)


def pick(keys: list[str], seed: str, size: int = ROUND_SIZE) -> list[str]:
    """The questions of one round: ``size`` of ``keys``, always the same for the same seed."""
    ordered = sorted(keys)
    return random.Random(seed).sample(ordered, min(size, len(ordered)))  # noqa: S311 - a quiz, not a secret


@dataclass(frozen=True)
class Marked:
    key: str
    given: int | None
    correct: int

    @property
    def right(self) -> bool:
        return self.given == self.correct


def mark(correct: dict[str, int], given: dict[str, int | None]) -> list[Marked]:
    """Each question of the round with the given and the correct choice."""
    return [Marked(key, given.get(key), right) for key, right in correct.items()]


def score(marked: list[Marked]) -> int:
    return sum(1 for m in marked if m.right)
