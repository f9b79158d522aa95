"""Demo data: selected indicators with baselines, targets and yearly values for three partnerships.

Every figure here is invented (plausible orders of magnitude, not real statistics); each
measurement says so in its source and note. The series are built so that, together, the
partnerships show every progress status. ``seed`` is idempotent (update_or_create); with
``scale`` > 1 the synthetic ``demo-*`` partnerships of the foundation get three indicators each.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from twinning.foundation.models import Partnership
from twinning.indicators.models import BaselineTarget, Comment, LibraryIndicator, Measurement, Selection
from twinning.indicators.progress import cagr

DEMO_SOURCE = "Demo data (invented figures)"
DEMO_NOTE = "Demo data: invented for the demonstration, not a real statistic."
BASELINE_YEAR, TARGET_YEAR, LATEST_YEAR = 2016, 2030, 2024

# How far along the needed path a series gets, as a share of the needed yearly rate;
# "achieved" reaches the target; "trend" series have no target and grow by the given yearly rate.
PACE = {"on_track": 1.15, "accelerate": 0.78, "limited": 0.3, "deteriorate": -0.6}


@dataclass(frozen=True)
class Plan:
    baseline: float
    target: float | None
    mode: str  # a key of PACE, "achieved", or "trend" (no target) with ``rate`` a year
    rate: float = 0.0
    first_year: int = BASELINE_YEAR


# partnership slug -> (proposer slug, [(indicator code, plan of the first member, plan of the second)])
PLANS: dict[str, list[tuple[str, Plan, Plan]]] = {
    "lommel-ongwediva": [
        ("L-06-01", Plan(99.5, 100, "achieved"), Plan(62, 90, "accelerate")),
        ("L-06-02", Plan(94, 99, "on_track"), Plan(38, 70, "limited")),
        ("L-11-05", Plan(510, 400, "on_track"), Plan(180, 150, "deteriorate")),
        ("L-05-01", Plan(34, 50, "accelerate"), Plan(42, 50, "on_track")),
        ("L-13-01", Plan(420, 210, "limited"), Plan(160, 120, "accelerate", first_year=2018)),
        ("L-07-03", Plan(9, 30, "on_track"), Plan(12, 40, "accelerate")),
        ("L-04-01", Plan(98.5, 99, "achieved"), Plan(55, 85, "on_track")),
        ("L-11-02", Plan(2.4, None, "trend", rate=0.03), Plan(0.3, None, "trend", rate=0.002)),
        ("L-03-03", Plan(96, 98, "deteriorate"), Plan(81, 95, "on_track", first_year=2019)),
        ("L-17-04", Plan(2, 4, "achieved"), Plan(2, 4, "achieved")),
    ],
    "harelbeke-eenhana": [
        ("L-06-01", Plan(99.6, 100, "achieved"), Plan(48, 85, "accelerate")),
        ("L-02-01", Plan(2.5, 1.5, "limited"), Plan(28, 15, "on_track")),
        ("L-07-01", Plan(99.8, 100, "achieved"), Plan(35, 75, "accelerate")),
        ("L-12-02", Plan(62, 75, "on_track"), Plan(8, 30, "limited")),
        ("L-04-03", Plan(97, 99, "on_track"), Plan(78, 95, "deteriorate")),
        ("L-15-01", Plan(4.5, 7, "limited"), Plan(18, None, "trend", rate=-0.02)),
        ("L-08-02", Plan(7.5, 5, "accelerate"), Plan(34, 20, "limited", first_year=2018)),
        ("L-16-06", Plan(70, 100, "on_track"), Plan(20, 80, "accelerate")),
        ("L-13-04", Plan(55, 90, "on_track"), Plan(25, 80, "on_track", first_year=2019)),
    ],
    "bierbeek-ona": [
        ("L-06-01", Plan(99.2, 100, "achieved"), Plan(71, 95, "on_track")),
        ("L-06-03", Plan(78, 95, "accelerate"), Plan(35, 80, "limited")),
        ("L-11-05", Plan(430, 350, "on_track"), Plan(210, 180, "deteriorate")),
        ("L-05-01", Plan(40, 50, "limited"), Plan(29, 50, "accelerate")),
        ("L-02-03", Plan(6, 15, "on_track"), Plan(3, 10, "accelerate", first_year=2018)),
        ("L-15-06", Plan(85, 100, "achieved"), Plan(20, 60, "on_track")),
        ("L-16-05", Plan(92, None, "trend", rate=-0.01), Plan(81, 85, "limited")),
        ("L-17-03", Plan(2, 5, "achieved"), Plan(2, 5, "achieved")),
    ],
}
PENDING = {"lommel-ongwediva": ("L-09-02", 1)}  # proposed by the second member, waiting for the first


def _wiggle(key: str) -> float:
    """A deterministic factor between 0.99 and 1.01, so reseeding gives the same figures."""
    return 0.99 + int(hashlib.sha256(key.encode()).hexdigest()[:4], 16) / 0xFFFF * 0.02


def _round(value: float) -> float:
    return round(value, 1) if abs(value) >= 10 else round(value, 2)


def series(plan: Plan, higher_is_better: bool, key: str) -> list[tuple[int, float]]:
    """Yearly values from the plan's first year to 2024, ending where the plan's mode says."""
    years = LATEST_YEAR - plan.first_year
    if plan.mode == "trend":
        end = plan.baseline * (1 + plan.rate) ** years
    elif plan.mode == "achieved":
        end = plan.target
    else:
        needed = cagr(plan.baseline, plan.target, TARGET_YEAR - plan.first_year) or 0.0
        end = plan.baseline * (1 + PACE[plan.mode] * needed) ** years
        if plan.mode == "deteriorate" and needed == 0:
            end = plan.baseline * (0.97 if higher_is_better else 1.03)
    values = []
    for step in range(years + 1):
        share = step / years
        value = plan.baseline * (end / plan.baseline) ** share
        if 0 < step < years:
            value *= _wiggle(f"{key}:{step}")
        values.append((plan.first_year + step, _round(value)))
    values[-1] = (LATEST_YEAR, _round(end))
    values[0] = (plan.first_year, _round(plan.baseline))
    return values


def _user(email: str):
    return get_user_model().objects.filter(email=email).first()


def _seed_partnership(
    partnership: Partnership, plans: list[tuple[str, Plan, Plan]], pending=None, indicators=None
) -> None:
    members = [m.municipality for m in partnership.memberships.select_related("municipality").order_by("order")]
    if len(members) < 2:
        return
    first, second = members[0], members[1]
    proposer = _user(f"coordinator.{first.slug}@example.org")
    decider = _user(f"coordinator.{second.slug}@example.org")
    if indicators is None:
        indicators = library_by_code()
    measurements = []
    for code, *member_plans in plans:
        indicator = indicators[code]
        selection, _created = Selection.objects.update_or_create(
            partnership=partnership,
            indicator=indicator,
            defaults={
                "status": Selection.Status.ACCEPTED,
                "proposed_by": first,
                "proposer": proposer,
                "decided_by": second,
                "decider": decider,
                "reason": "Demo data: both partners follow this indicator.",
            },
        )
        for municipality, plan in zip(members, member_plans, strict=False):
            BaselineTarget.objects.update_or_create(
                selection=selection,
                municipality=municipality,
                defaults={
                    "baseline_year": plan.first_year,
                    "baseline_value": plan.baseline,
                    "target_year": TARGET_YEAR if plan.target is not None else None,
                    "target_value": plan.target,
                },
            )
            measurements.extend(
                Measurement(
                    indicator=indicator,
                    municipality=municipality,
                    year=year,
                    sex="",
                    age_group="",
                    value=value,
                    source=DEMO_SOURCE,
                    note=DEMO_NOTE,
                )  # fmt: skip
                for year, value in series(
                    plan, indicator.higher_is_better, f"{partnership.slug}:{code}:{municipality.slug}"
                )
            )
        if code == plans[0][0]:  # one short follow-up discussion per partnership (idempotent)
            for author, municipality, body in (
                (proposer, first, "Demo data: our latest value is in; the trend looks right to us."),
                (decider, second, "Demo data: we will add ours after the council approves the annual report."),
            ):
                Comment.objects.get_or_create(
                    selection=selection, body=body, defaults={"author": author, "municipality": municipality}
                )
    # One upsert for all the values: re-seeding updates them instead of adding rows.
    Measurement.objects.bulk_create(
        measurements,
        update_conflicts=True,
        unique_fields=["indicator", "municipality", "year", "sex", "age_group"],
        update_fields=["value", "source", "note"],
    )
    if pending:
        code, proposer_index = pending
        Selection.objects.get_or_create(
            partnership=partnership,
            indicator=indicators[code],
            defaults={
                "status": Selection.Status.PROPOSED,
                "proposed_by": members[proposer_index],
                "reason": "Demo data: we would like to compare internet access.",
            },
        )


SYNTHETIC_PLANS = [
    ("L-06-01", Plan(90, 100, "on_track"), Plan(50, 90, "limited")),
    ("L-11-05", Plan(450, 350, "accelerate"), Plan(200, 150, "deteriorate")),
    ("L-05-01", Plan(30, 50, "achieved"), Plan(25, 50, "on_track")),
]


def library_by_code() -> dict[str, LibraryIndicator]:
    return {i.code: i for i in LibraryIndicator.objects.filter(owner__isnull=True)}


@transaction.atomic
def seed(scale: int = 1) -> None:
    indicators = library_by_code()
    partnerships = {p.slug: p for p in Partnership.objects.filter(slug__in=PLANS)}
    for slug, plans in PLANS.items():
        if slug in partnerships:
            _seed_partnership(partnerships[slug], plans, PENDING.get(slug), indicators)
    if scale > 1:
        for partnership in Partnership.objects.filter(slug__startswith="demo-", is_demo=True):
            _seed_partnership(partnership, SYNTHETIC_PLANS, indicators=indicators)
