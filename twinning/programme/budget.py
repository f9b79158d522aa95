"""Budget per SDG per currency: an activity's budget is split equally across its linked goals;
sums stay per currency (amounts in different currencies are never added)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Budgeted:
    amount: Decimal | None
    currency: str
    goals: tuple[int, ...]


def budget_per_goal(activities: Iterable[Budgeted]) -> dict[int, dict[str, Decimal]]:
    """{goal: {currency: amount}}; each share rounded to the cent (half up) at the end."""
    totals: dict[int, dict[str, Decimal]] = {}
    for activity in activities:
        goals = sorted(set(activity.goals))
        if activity.amount is None or not goals:
            continue
        if activity.amount < 0:
            raise ValueError("a budget cannot be negative")
        share = activity.amount / len(goals)
        for goal in goals:
            per_currency = totals.setdefault(goal, {})
            per_currency[activity.currency] = per_currency.get(activity.currency, Decimal(0)) + share
    return {
        goal: {currency: amount.quantize(CENT, rounding=ROUND_HALF_UP) for currency, amount in sorted(sums.items())}
        for goal, sums in sorted(totals.items())
    }


def totals_per_currency(activities: Iterable[Budgeted]) -> dict[str, Decimal]:
    """The whole programme's budget, one sum per currency."""
    totals: dict[str, Decimal] = {}
    for activity in activities:
        if activity.amount is not None:
            totals[activity.currency] = totals.get(activity.currency, Decimal(0)) + activity.amount
    return dict(sorted(totals.items()))


def untouched_goals(touched: Iterable[int]) -> list[int]:
    return [number for number in range(1, 18) if number not in set(touched)]


def off_priority(goals: Iterable[int], prioritised: Iterable[int]) -> bool:
    """True when an activity touches none of the prioritised goals (never when none are prioritised)."""
    prioritised = set(prioritised)
    return bool(prioritised) and not (set(goals) & prioritised)


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str
    rate: Decimal | None = None  # units of the sum's currency for 1 unit of ``currency``


class MixedCurrencies(ValueError):
    """Amounts in another currency than the sum's, without an exchange rate."""

    def __init__(self, currency: str, into: str):
        super().__init__(f"{currency} cannot be added to {into} without an exchange rate")
        self.currency = currency
        self.into = into


def sum_in(currency: str, amounts: Iterable[Money]) -> Decimal:
    """The sum in ``currency``: other currencies count only through their rate (else MixedCurrencies).
    Each converted amount is rounded to the cent (half up), then added."""
    total = Decimal("0.00")
    for money in amounts:
        if money.currency == currency:
            total += money.amount
        elif money.rate is None:
            raise MixedCurrencies(money.currency, currency)
        else:
            total += (money.amount * money.rate).quantize(CENT, rounding=ROUND_HALF_UP)
    return total.quantize(CENT, rounding=ROUND_HALF_UP)
