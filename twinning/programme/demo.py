"""Demo multi-annual programmes and protocols (marked is_demo; all budgets, results and
statuses are invented for the demo).

Lommel–Ongwediva: programme 2025–2029 around water and gender, with campaign plans for the
focus SDGs of 2025 and 2026 where the assessment's demo chose them. Harelbeke–Eenhana: programme
2024–2027. Both partnerships get the protocol prefilled with the publication's three examples.
Idempotent: run it as often as you like. ``scale`` > 1 adds activities to the Lommel–Ongwediva
programme (for load and query-count tests).
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from twinning.assessment.priorities import focus_goal
from twinning.foundation.models import Municipality, Partnership
from twinning.programme.actions import protocol_for
from twinning.programme.models import Action, Activity, CampaignAction, CampaignPlan, Programme, StrategicGoal
from twinning.sdg.links import SdgSelection, set_links


def _programme(partnership, title, description, start, end) -> Programme:
    programme, _created = Programme.objects.update_or_create(
        partnership=partnership,
        title=title,
        defaults={"description": description, "start_year": start, "end_year": end, "is_demo": True},
    )
    return programme


def _tree(programme: Programme, towns: dict, goals) -> None:
    for g_pos, (goal_title, goal_text, actions) in enumerate(goals):
        goal, _created = StrategicGoal.objects.update_or_create(
            programme=programme, title=goal_title, defaults={"description": goal_text, "position": g_pos}
        )
        for a_pos, (action_title, activities) in enumerate(actions):
            action, _created = Action.objects.update_or_create(
                goal=goal, title=action_title, defaults={"position": a_pos}
            )
            for pos, (title, town, department, amount, currency, status, year, results, sdgs, targets) in enumerate(
                activities
            ):
                activity, _created = Activity.objects.update_or_create(
                    action=action,
                    title=title,
                    defaults={
                        "responsible": towns[town],
                        "department": department,
                        "budget": Decimal(amount) if amount is not None else None,
                        "currency": currency,
                        "status": status,
                        "year": year,
                        "results": results,
                        "position": pos,
                    },
                )
                set_links(activity, SdgSelection(goals=frozenset(sdgs), targets=frozenset(targets)))


@transaction.atomic
def seed(scale: int = 1) -> None:
    towns = {m.slug: m for m in Municipality.objects.filter(slug__in=["lommel", "ongwediva", "harelbeke", "eenhana"])}
    partnerships = {p.slug: p for p in Partnership.objects.filter(slug__in=["lommel-ongwediva", "harelbeke-eenhana"])}
    if len(towns) < 4 or len(partnerships) < 2:
        return  # the foundation's demo data is not there
    lo = _programme(
        partnerships["lommel-ongwediva"],
        "Multi-annual programme Lommel–Ongwediva 2025–2029",
        "Water and gender as common thread, around the five SDGs the partners prioritised (demo data).",
        2025,
        2029,
    )
    _tree(lo, towns, [
        ("Safe water and sanitation in Ongwediva", "Every household in the new neighbourhoods has safe water and a toilet.", [
            ("Water network in the new neighbourhoods", [
                ("Extend the water network in Extension 14", "ongwediva", "Technical services", "450000.00", "NAD", "ongoing", 2025, "1.2 km of pipes laid (demo figure).", (6,), ("6.1",)),
                ("Exchange of water engineers", "lommel", "Public works", "12500.00", "EUR", "done", 2025, "Two engineers spent two weeks in each town (demo).", (6, 17), ()),
                ("Rainwater harvesting at schools", "ongwediva", "Education", "180000.00", "NAD", "planned", 2026, "", (6, 4, 13), ()),
            ]),
            ("Sanitation and hygiene", [
                ("Community toilets with hand-washing points", "ongwediva", "Health and environment", "320000.00", "NAD", "planned", 2027, "", (6, 3), ("6.2",)),
                ("Hygiene campaign at the open market", "ongwediva", "Health and environment", "40000.00", "NAD", "cancelled", 2025, "Merged into the market cooperative's own campaign.", (3, 6), ()),
            ]),
        ]),
        ("Gender-balanced youth exchanges", "Young women and men from both towns meet and work on the SDGs together.", [
            ("Youth exchange", [
                ("Youth exchange Lommel–Ongwediva", "lommel", "Youth service", "18000.00", "EUR", "ongoing", 2026, "Delegations of 4 young women and 4 young men (demo).", (5, 4, 17), ("5.5",)),
                ("Women's market cooperative coaching", "ongwediva", "Local economic development", "60000.00", "NAD", "ongoing", None, "", (5, 8), ()),
            ]),
            ("Schools for the SDGs", [
                ("Climate lessons in partner schools", "lommel", "Education", "4500.00", "EUR", "done", 2025, "Six classes followed the climate lessons (demo).", (4, 13), ()),
                ("Town twinning festival", "lommel", "Culture", "3000.00", "EUR", "planned", 2028, "", (11, 17), ()),
            ]),
        ]),
    ])  # fmt: skip
    for extra in range(max(scale - 1, 0) * 10):
        action = Action.objects.filter(goal__programme=lo).order_by("pk").first()
        activity, _created = Activity.objects.update_or_create(
            action=action,
            title=f"Extra demo activity {extra + 1}",
            defaults={
                "responsible": towns["lommel"],
                "budget": Decimal("100.00"),
                "currency": "EUR",
                "position": 50 + extra,
            },
        )
        set_links(activity, SdgSelection(goals=frozenset({1 + extra % 17})))

    he = _programme(
        partnerships["harelbeke-eenhana"],
        "Multi-annual programme Harelbeke–Eenhana 2024–2027",
        "Waste and climate, with the schools of both towns (demo data).",
        2024,
        2027,
    )
    _tree(he, towns, [
        ("Clean streets and less waste", "Waste collection and recycling for every neighbourhood.", [
            ("Waste collection", [
                ("Waste sorting pilot in two neighbourhoods", "eenhana", "Environmental health", "95000.00", "NAD", "ongoing", 2025, "", (11, 12), ("11.6",)),
                ("Exchange with the Harelbeke recycling park", "harelbeke", "Environment", "8000.00", "EUR", "done", 2024, "Study visit held (demo).", (12, 17), ()),
            ]),
        ]),
        ("Climate-smart schools", "Schools in both towns learn and act on climate.", [
            ("School partnerships", [
                ("Tree planting with pupils", "eenhana", "Education", "15000.00", "NAD", "planned", 2026, "", (13, 15, 4), ()),
            ]),
        ]),
    ])  # fmt: skip
    for slug in ("lommel-ongwediva", "harelbeke-eenhana"):
        protocol_for(partnerships[slug])
    _campaigns(lo)


CAMPAIGNS = {
    2025: (
        "Every household knows where its water comes from and why saving it matters (demo data).",
        "Households of Extension 14; pupils of the partner schools; the Lommel public.",
        "6000.00",
        "EUR",
        "done",
        [
            ("press", "Press visit to the Okatana pumping station", "2025-03-22", "Communication office Ongwediva", "60000.00", "NAD", "0.050000"),
            ("schools", "World Water Day lessons in both towns", "2025-03-21", "Education services", "1500.00", "EUR", None),
            ("social_media", "Photo series: a day of water in Ongwediva and Lommel", "2025-06-05", "Youth service Lommel", "500.00", "EUR", None),
        ],
    ),
    2026: (
        "Women and men take part equally in the partnership's exchanges and councils (demo data).",
        "Young women and men of both towns; local councillors.",
        "4000.00",
        "EUR",
        "ongoing",
        [
            ("event", "International Women's Day debate with both mayors", "2026-03-08", "Mayor's office Lommel", "1200.00", "EUR", None),
            ("radio", "Radio series on the women's market cooperative", "2026-05-15", "Local economic development Ongwediva", "20000.00", "NAD", "0.050000"),
        ],
    ),
}  # fmt: skip


def _campaigns(programme: Programme) -> None:
    """Campaign plans for the years whose focus SDG the assessment's demo chose (invented figures)."""
    for year, (aims, audiences, budget, currency, status, rows) in CAMPAIGNS.items():
        goal = focus_goal(programme.partnership, year)
        if goal is None:
            continue
        plan, _created = CampaignPlan.objects.update_or_create(
            programme=programme,
            year=year,
            defaults={
                "goal": goal,
                "aims": aims,
                "audiences": audiences,
                "budget": Decimal(budget),
                "currency": currency,
                "status": status,
                "is_demo": True,
            },
        )
        for channel, what, day, owner, cost, cost_currency, rate in rows:
            CampaignAction.objects.update_or_create(
                campaign=plan,
                what=what,
                defaults={
                    "channel": channel,
                    "date": day,
                    "owner": owner,
                    "cost": Decimal(cost),
                    "currency": cost_currency,
                    "rate": Decimal(rate) if rate else None,
                },
            )
