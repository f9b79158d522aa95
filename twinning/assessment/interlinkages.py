"""Interlinkages between targets, after the SDG Synergies method (Weitz, Carlsen, Nilsson and
Skånberg, "Towards systemic and contextual priority setting for implementing the 2030 Agenda",
Sustainability Science 13, 2018; the seven-point scale of Nilsson, Griggs and Visbeck, 2016).

Partners pick a few targets per prioritised SDG and score, for each ordered pair (i, j), how
working on target i influences progress on target j:

  +3 indivisible, +2 reinforcing, +1 enabling, 0 consistent,
  -1 constraining, -2 counteracting, -3 cancelling.

The cross-impact matrix M has M[i][j] = that score (the diagonal is 0: a target does not score
itself). From it:

- row sum of i (out-influence): how much working on i drives the others. High = a driver.
- column sum of j (in-influence): how much j depends on the others. High = a dependent.
- second order: the influence of i through one intermediate target, paths i -> j -> k, each
  valued as the product M[i][j] x M[j][k] (a reinforcing link into a target that constrains a
  third is negative; two constraining links in a row help). This is the matrix squared, M²;
  the second-order out-influence of i is the row sum of M² without its diagonal entry (the
  paths that come back to i itself). Weitz et al. read the network this way to see "where
  effort spreads furthest"; we report first and second order side by side and rank the
  targets by the two together.

Where several partners score a pair, the combined matrix holds the mean of their scores; a
pair is contested when the partners' scores differ by 2 or more points.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

SCALE = range(-3, 4)
LABELS = {
    3: gettext_lazy("indivisible"),
    2: gettext_lazy("reinforcing"),
    1: gettext_lazy("enabling"),
    0: gettext_lazy("consistent"),
    -1: gettext_lazy("constraining"),
    -2: gettext_lazy("counteracting"),
    -3: gettext_lazy("cancelling"),
}
CONTESTED = 2
MAX_TARGETS_PER_GOAL = 3

Pair = tuple[str, str]  # (from target code, to target code)


class InterlinkError(ValueError):
    pass


def validate_interaction(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value not in SCALE:
        raise InterlinkError(_("An interaction is scored from -3 (cancelling) to +3 (indivisible)."))
    return value


def combine(per_partner: Mapping[str, Mapping[Pair, int]]) -> tuple[dict[Pair, float], set[Pair]]:
    """Mean score per pair over the partners who scored it, and the contested pairs.

    ``combine({"A": {("6.1", "3.9"): 3}, "B": {("6.1", "3.9"): 1}})`` -> ``({("6.1", "3.9"): 2.0}, {("6.1", "3.9")})``.
    """
    seen: dict[Pair, list[int]] = {}
    for scores in per_partner.values():
        for pair, value in scores.items():
            if pair[0] == pair[1]:
                raise InterlinkError(_("A target does not score its influence on itself."))
            seen.setdefault(pair, []).append(validate_interaction(value))
    means = {pair: sum(values) / len(values) for pair, values in seen.items()}
    contested = {pair for pair, values in seen.items() if max(values) - min(values) >= CONTESTED}
    return means, contested


def matrix(codes: Sequence[str], scores: Mapping[Pair, float]) -> np.ndarray:
    """M[i][j] for the targets in ``codes`` order; pairs not scored count 0."""
    at = {code: i for i, code in enumerate(codes)}
    m = np.zeros((len(codes), len(codes)))
    for (a, b), value in scores.items():
        if a in at and b in at and a != b:
            m[at[a], at[b]] = value
    return m


@dataclass(frozen=True)
class TargetReach:
    code: str
    out: float  # row sum: drives the others
    into: float  # column sum: depends on the others
    second: float  # row sum of M² without the diagonal
    total: float  # out + second

    @property
    def explanation(self) -> str:
        return _(
            "Working on %(code)s influences the other targets by %(out)s directly and by %(second)s through "
            "one intermediate target; it depends on them by %(into)s."
        ) % {"code": self.code, "out": _fmt(self.out), "second": _fmt(self.second), "into": _fmt(self.into)}


def _fmt(value: float) -> str:
    rounded = round(value, 1)
    return f"{rounded:+g}" if rounded else "0"


def second_order(m: np.ndarray) -> np.ndarray:
    """M² with its diagonal set to 0: entry (i, k) sums M[i][j] x M[j][k] over intermediates j."""
    squared = m @ m
    np.fill_diagonal(squared, 0)
    return squared


def reach(codes: Sequence[str], m: np.ndarray) -> list[TargetReach]:
    """Each target's first- and second-order influence, from the furthest-spreading down."""
    second = second_order(m).sum(axis=1)
    out, into = m.sum(axis=1), m.sum(axis=0)
    rows = [
        TargetReach(code, float(out[i]), float(into[i]), float(second[i]), float(out[i] + second[i]))
        for i, code in enumerate(codes)
    ]
    return sorted(rows, key=lambda r: (-r.total, -r.out, r.code))
