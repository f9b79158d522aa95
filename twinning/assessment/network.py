"""Network matching: the best peer for each weak SDG across a network, with a limit per peer.

A network is a municipality with all its partners, or an association's whole network. Every
(municipality, goal) with a score at or below the *weak* threshold asks for a peer: another
municipality of the network scoring at or above the *strong* threshold on that goal. A peer
takes at most ``limit`` matches (its own limit where given), so the load of sharing experience
is spread.

This is an assignment problem. Rows are the weak (municipality, goal) pairs; columns are the
peers, each repeated as many times as its limit (the usual way to give a column a capacity);
scipy.optimize.linear_sum_assignment finds the assignment of maximal total weight. The weight
of a row with a peer is ``bonus + peer score``, where the bonus (101 x the number of rows) is
larger than all scores together: the solver first gives as many weak SDGs a peer as possible,
and among those assignments takes the strongest peers. Pairs that are not allowed (not strong, the same municipality, not linked)
weigh 0 and are dropped from the result. Scores are 0..100 (``matching.validate_score``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from django.utils.translation import gettext as _
from scipy.optimize import linear_sum_assignment

from twinning.assessment.matching import validate_score, validate_thresholds

DEFAULT_LIMIT = 3
Scores = Mapping[str, Mapping[int, int]]  # municipality -> {goal: score}


@dataclass(frozen=True)
class PeerMatch:
    goal: int
    learner: str
    peer: str
    learner_score: int
    peer_score: int
    peer_load: int  # how many matches the peer has in the whole result
    peer_limit: int

    def explanation(self) -> str:
        return _(
            "%(peer)s can help %(learner)s on SDG %(goal)s: %(peer)s scores %(ps)s, %(learner)s scores %(ls)s. "
            "%(peer)s takes %(load)s of at most %(limit)s matches."
        ) % {
            "peer": self.peer,
            "learner": self.learner,
            "goal": self.goal,
            "ps": self.peer_score,
            "ls": self.learner_score,
            "load": self.peer_load,
            "limit": self.peer_limit,
        }


@dataclass(frozen=True)
class Unmatched:
    goal: int
    learner: str
    learner_score: int
    candidates: int  # strong peers in the network on this goal (all at their limit when > 0)

    def explanation(self) -> str:
        values = {"learner": self.learner, "goal": self.goal, "ls": self.learner_score}
        if self.candidates:
            return (
                _(
                    "No peer for %(learner)s on SDG %(goal)s (score %(ls)s): the strong municipalities "
                    "have reached their limit."
                )
                % values
            )
        return (
            _("No peer for %(learner)s on SDG %(goal)s (score %(ls)s): nobody in the network is strong on it.") % values
        )


@dataclass(frozen=True)
class NetworkResult:
    matches: list[PeerMatch]
    unmatched: list[Unmatched]


def _limits(names: list[str], limit: int | Mapping[str, int]) -> dict[str, int]:
    if isinstance(limit, int):
        limits = dict.fromkeys(names, limit)
    else:
        limits = {name: limit.get(name, DEFAULT_LIMIT) for name in names}
    if any(value < 0 for value in limits.values()):
        raise ValueError(_("A limit is a whole number of matches, 0 or more."))
    return limits


def assign(
    scores: Scores,
    *,
    strong: int,
    weak: int,
    limit: int | Mapping[str, int] = DEFAULT_LIMIT,
    allowed: set[frozenset[str]] | None = None,
) -> NetworkResult:
    """The best peer for each weak (municipality, goal), no peer beyond its limit.

    ``allowed``: unordered pairs that may be matched (a network's links); ``None`` allows every
    pair. The relation is symmetric by construction (a pair is a frozenset).
    """
    validate_thresholds(strong, weak)
    names = sorted(scores)
    for per_goal in scores.values():
        for value in per_goal.values():
            validate_score(value)
    limits = _limits(names, limit)
    index = {name: i for i, name in enumerate(names)}
    rows = [(name, goal) for name in names for goal in sorted(scores[name]) if scores[name][goal] <= weak]
    columns = [name for name in names for _ in range(limits[name])]
    if not rows or not columns:
        return NetworkResult([], [_unmatched(scores, row, strong) for row in rows])

    goals = sorted({goal for per_goal in scores.values() for goal in per_goal})
    goal_at = {goal: j for j, goal in enumerate(goals)}
    table = np.full((len(names), len(goals)), -1, dtype=np.int64)  # -1: not scored
    for name, per_goal in scores.items():
        for goal, value in per_goal.items():
            table[index[name], goal_at[goal]] = value
    learner = np.array([index[name] for name, _goal in rows])
    peer_scores = table[:, [goal_at[goal] for _name, goal in rows]].T  # rows x municipalities
    ok = (peer_scores >= strong) & (np.arange(len(names))[None, :] != learner[:, None])
    if allowed is not None:
        linked = np.zeros((len(names), len(names)), dtype=bool)
        for pair in allowed:
            a, b = tuple(pair) if len(pair) == 2 else (next(iter(pair)),) * 2
            if a in index and b in index:
                linked[index[a], index[b]] = linked[index[b], index[a]] = True
        ok &= linked[learner]
    bonus = 101 * len(rows)
    weight = np.where(ok, bonus + peer_scores, 0)
    column_owner = np.array([index[name] for name in columns])
    rows_at, cols_at = linear_sum_assignment(weight[:, column_owner], maximize=True)

    chosen = [(rows[r], columns[c]) for r, c in zip(rows_at, cols_at, strict=True) if ok[r, index[columns[c]]]]
    load: dict[str, int] = {}
    for _row, peer in chosen:
        load[peer] = load.get(peer, 0) + 1
    matches = sorted(
        (
            PeerMatch(goal, name, peer, scores[name][goal], scores[peer][goal], load[peer], limits[peer])
            for (name, goal), peer in chosen
        ),
        key=lambda m: (m.learner, m.goal),
    )
    matched = {(m.learner, m.goal) for m in matches}
    unmatched = [_unmatched(scores, row, strong, allowed) for row in rows if row not in matched]
    return NetworkResult(matches, unmatched)


def _unmatched(scores: Scores, row: tuple[str, int], strong: int, allowed=None) -> Unmatched:
    name, goal = row
    candidates = sum(
        1
        for other, per_goal in scores.items()
        if other != name
        and per_goal.get(goal, -1) >= strong
        and (allowed is None or frozenset((name, other)) in allowed)
    )
    return Unmatched(goal, name, scores[name][goal], candidates)
