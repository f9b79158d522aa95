"""Matching partners on their SDG index scores, every match explained in words.

- Peer learning on a goal: one municipality scores at or above the *strong* threshold and
  the other at or below the *weak* threshold; the strong one can share experience with the
  weak one (the direction).
- Joint priority on a goal: both score at or below the *weak* threshold.

Scores are 0..100 (``validate_score``); municipalities are only matched with others, and
every pair of different municipalities is looked at once. Goals a municipality did not score
are skipped for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations

from django.utils.translation import gettext as _

DEFAULT_STRONG = 70
DEFAULT_WEAK = 40
PEER = "peer"
JOINT = "joint"

# municipality name -> {goal: score}
Scores = Mapping[str, Mapping[int, int]]


class ScoreError(ValueError):
    pass


def validate_score(score: object) -> int:
    """An integer 0..100, or ScoreError with a message users can read."""
    if isinstance(score, bool) or not isinstance(score, int):
        raise ScoreError(_("A score is a whole number from 0 to 100."))
    if not 0 <= score <= 100:
        raise ScoreError(_("A score must lie between 0 and 100; %(score)s is outside.") % {"score": score})
    return score


def validate_thresholds(strong: int, weak: int) -> None:
    validate_score(strong)
    validate_score(weak)
    if weak >= strong:
        raise ScoreError(_("The weak threshold must be lower than the strong threshold."))


@dataclass(frozen=True)
class Match:
    kind: str  # PEER or JOINT
    goal: int
    first: str  # PEER: the strong one (shares experience); JOINT: the first of the pair
    second: str  # PEER: the weak one (learns); JOINT: the other
    first_score: int
    second_score: int

    def explanation(self) -> str:
        values = {"a": self.first, "b": self.second, "goal": self.goal, "sa": self.first_score, "sb": self.second_score}
        if self.kind == PEER:
            return (
                _("%(a)s can share experience with %(b)s on SDG %(goal)s: %(a)s scores %(sa)s, %(b)s scores %(sb)s.")
                % values
            )
        return _("SDG %(goal)s is a joint priority: %(a)s scores %(sa)s and %(b)s scores %(sb)s, both weak.") % values


def ranking(scores: Mapping[int, int]) -> list[tuple[int, int]]:
    """(goal, score) from the highest score down; equal scores in goal order."""
    return sorted(((goal, validate_score(score)) for goal, score in scores.items()), key=lambda p: (-p[1], p[0]))


def match(scores: Scores, *, strong: int = DEFAULT_STRONG, weak: int = DEFAULT_WEAK) -> list[Match]:
    """Peer-learning and joint-priority matches between every two different municipalities."""
    validate_thresholds(strong, weak)
    for per_goal in scores.values():
        for value in per_goal.values():
            validate_score(value)
    found: list[Match] = []
    for a, b in combinations(sorted(scores), 2):
        for goal in sorted(set(scores[a]) & set(scores[b])):
            sa, sb = scores[a][goal], scores[b][goal]
            if sa >= strong and sb <= weak:
                found.append(Match(PEER, goal, a, b, sa, sb))
            elif sb >= strong and sa <= weak:
                found.append(Match(PEER, goal, b, a, sb, sa))
            elif sa <= weak and sb <= weak:
                found.append(Match(JOINT, goal, a, b, sa, sb))
    return sorted(found, key=lambda m: (m.kind != PEER, m.goal, m.first, m.second))
