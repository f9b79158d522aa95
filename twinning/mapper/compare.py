"""Comparing two documents' SDG profiles: which goals one addresses and the other does not."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Comparison:
    only_first: list[int]
    only_second: list[int]
    both: list[int]
    neither: list[int]


def compare(first_top: list[int], second_top: list[int]) -> Comparison:
    first, second = set(first_top), set(second_top)
    goals = range(1, 18)
    return Comparison(
        only_first=[g for g in goals if g in first and g not in second],
        only_second=[g for g in goals if g in second and g not in first],
        both=[g for g in goals if g in first and g in second],
        neither=[g for g in goals if g not in first and g not in second],
    )
