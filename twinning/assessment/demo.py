"""Demo data of the assessment app: circle exercises, a workshop, inventories, a joint action plan,
SDG index scores and priorities.

Lommel–Ongwediva assessed its five-year programme with the circle exercise: it did not yet
contribute to SDGs 5, 6, 7, 12 and 14 (as the publication tells); round 2 closes 5 and 6
after the partners added gender and water-treatment work, and is published. Ratings,
reasons, index scores and materiality figures are invented for the demo and marked as such.
``seed`` is idempotent; the assessment demo does not grow with ``scale`` (the foundation's
synthetic partnerships carry the benchmark load).
"""

from __future__ import annotations

import random
from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction

from twinning.assessment import actions
from twinning.assessment.models import ActionItem, Assessment, GapIdea, InventoryEntry, Round, Workshop
from twinning.foundation.demo import MUNICIPALITIES
from twinning.foundation.models import Municipality, Partnership

NO, IND, DIR, STR = "none", "indirect", "direct", "strong"
DEMO = " (demo)"

# goal: (Lommel, Ongwediva, reason)
LOMMEL_ONGWEDIVA_ROUND_1 = {
    1: (IND, DIR, "Small-business support in Ongwediva raises household incomes."),
    2: (NO, IND, "School gardens in Ongwediva."),
    3: (IND, IND, "Sports exchanges and health talks for young people."),
    4: (STR, STR, "Teacher and school exchanges are the core of the programme."),
    5: (NO, NO, "The programme has no activity on gender yet."),
    6: (NO, NO, "No water activity in the programme yet."),
    7: (NO, NO, "Energy is not part of the programme."),
    8: (IND, DIR, "Youth employment through the vocational training track."),
    9: (NO, DIR, "Improved ICT in the partner schools: Ongwediva counts it, Lommel does not."),
    10: (DIR, IND, "Exchanges reduce prejudice between young people of both towns."),
    11: (IND, DIR, "Town-planning advice for Ongwediva's new neighbourhoods."),
    12: (NO, NO, "No work on consumption or waste yet."),
    13: (DIR, IND, "15 trees planted per youth-exchange participant."),
    14: (NO, NO, "Life below water is not touched by the programme."),
    15: (IND, IND, "Tree planting in both towns."),
    16: (DIR, DIR, "Exchange between the town councils on good governance."),
    17: (STR, DIR, "A city-to-city partnership of more than twenty years."),
}
LOMMEL_ONGWEDIVA_ROUND_2 = {
    **LOMMEL_ONGWEDIVA_ROUND_1,
    5: (DIR, DIR, "New track: women in local decision-making and the municipal staff exchange."),
    6: (DIR, STR, "New track: waste-water treatment for the new Ongwediva neighbourhoods (local target 6.3.a)."),
    10: (DIR, DIR, "Exchanges reduce prejudice between young people of both towns."),
}
LOMMEL_ONGWEDIVA_IDEAS = [
    (5, "ongwediva", "Give women councillors of both towns a joint mentoring track."),
    (5, "lommel", "Make gender balance a criterion for the youth exchanges."),
    (6, "ongwediva", "Exchange on waste-water treatment for the new neighbourhoods."),
    (6, "lommel", "Involve the Flemish water utility's experts in a work visit."),
    (7, "lommel", "Solar panels on the partner schools' roofs."),
    (12, "ongwediva", "Composting at the open market."),
    (14, "lommel", "Keep plastic out of the oshanas with a joint clean-up week."),
]
HARELBEKE_EENHANA = {
    1: (NO, IND, ""), 3: (IND, IND, ""), 4: (DIR, STR, "Coalition agreement: schools."), 5: (IND, NO, ""),
    6: (NO, IND, ""), 8: (IND, DIR, ""), 10: (IND, IND, ""), 11: (STR, DIR, "Multi-annual plan: housing and mobility."),
    12: (DIR, NO, ""), 13: (DIR, IND, "Climate plan in both towns."), 16: (STR, STR, "Joint page on policy plans."),
    17: (DIR, DIR, ""),
}  # fmt: skip
BIERBEEK_ONA = {
    2: (IND, DIR, "Irrigation raises harvests in Oña."), 3: (IND, DIR, ""), 4: (IND, IND, ""),
    6: (STR, STR, "Drinking water, sanitation and irrigation for twenty years."), 11: (NO, IND, ""),
    12: (IND, NO, ""), 13: (IND, IND, ""), 15: (DIR, DIR, "Protecting the páramo water sources."), 17: (DIR, DIR, ""),
}  # fmt: skip

INDEX_SCORES = {
    "lommel": {1: 82, 2: 75, 3: 78, 4: 85, 5: 62, 6: 88, 7: 55, 8: 74, 9: 70, 10: 60, 11: 72, 12: 45, 13: 38,
               14: 50, 15: 52, 16: 80, 17: 65},
    "ongwediva": {1: 35, 2: 40, 3: 45, 4: 58, 5: 48, 6: 30, 7: 25, 8: 38, 9: 42, 10: 36, 11: 50, 12: 28,
                  13: 40, 14: 55, 15: 44, 16: 62, 17: 60},
}  # fmt: skip
# goal: (impact, influence, prioritised)
MATERIALITY = {
    1: (3, 2, False), 2: (2, 2, False), 3: (3, 2, False), 4: (5, 5, True), 5: (4, 4, True), 6: (5, 4, True),
    7: (3, 2, False), 8: (3, 3, False), 9: (2, 2, False), 10: (3, 3, False), 11: (4, 3, False),
    12: (3, 3, False), 13: (4, 4, True), 14: (1, 1, False), 15: (2, 3, False), 16: (4, 4, False),
    17: (5, 5, False),
}  # fmt: skip
FOCUS = {2025: 6, 2026: 5}
# (municipality, goal): (doing, more, gaps, opportunities, evidence)
INVENTORY = {
    ("lommel", 6): ("Water-quality plan with the Flemish water utility.", "Share treatment know-how with partners.",
                    "", "Work visit of the utility's experts to Ongwediva.", "https://www.lommel.be"),
    ("ongwediva", 6): ("Pipeline water for the town centre.", "Waste-water treatment for the new neighbourhoods.",
                       "No treatment plant for the informal settlements.", "Regional water-board funding.", ""),
    ("lommel", 7): ("Solar panels on municipal buildings.", "Energy coaching for schools.", "", "", ""),
    ("ongwediva", 7): ("", "Solar lighting on the open market.", "Frequent power cuts at the schools.",
                       "Abundant sunshine: solar roofs on the partner schools.", ""),
    ("lommel", 12): ("", "Sorting waste at town events.", "No circular procurement yet.", "", ""),
    ("ongwediva", 12): ("", "Composting at the open market.", "Open dumping at the town's edge.", "", ""),
}  # fmt: skip
# (title, goal, owner, owner name, due, from idea text or inventory key)
ACTIONS = [
    ("Joint mentoring track for women councillors", 5, "ongwediva", "Town council", (2026, 9, 30),
     "Give women councillors of both towns a joint mentoring track."),
    ("Work visit on waste-water treatment", 6, "lommel", "Environment department", (2026, 4, 15),
     "Involve the Flemish water utility's experts in a work visit."),
    ("Solar roofs on the partner schools: feasibility study", 7, "ongwediva", "Technical services", (2026, 12, 1),
     ("ongwediva", 7)),
]  # fmt: skip
INTERLINK_TARGETS = {"4.7", "5.5", "6.3", "13.3"}
# (from, to): (Lommel, Ongwediva) on the SDG Synergies scale -3..+3
INTERLINK_SCORES = {
    ("4.7", "5.5"): (2, 1), ("4.7", "6.3"): (1, 1), ("4.7", "13.3"): (3, 2),
    ("5.5", "4.7"): (1, 1), ("5.5", "6.3"): (1, 2), ("5.5", "13.3"): (1, 0),
    ("6.3", "4.7"): (0, 1), ("6.3", "5.5"): (1, 2), ("6.3", "13.3"): (0, -1),
    ("13.3", "4.7"): (2, 2), ("13.3", "5.5"): (0, 0), ("13.3", "6.3"): (1, 1),
}  # fmt: skip
WORKSHOP_PARTICIPANTS = [
    ("Ndapewa", "ongwediva", {5: DIR, 6: STR, 7: IND, 12: NO, 14: NO}),
    ("Tomas", "ongwediva", {5: DIR, 6: DIR, 7: NO, 12: IND, 14: NO}),
    ("Ilse", "lommel", {5: STR, 6: DIR, 7: NO, 12: NO, 14: NO}),
]


def _exercise(partnership: Partnership, notes: str) -> Assessment:
    assessment = Assessment.objects.filter(partnership=partnership, scope="programme", subject="", is_demo=True).first()
    if assessment is None:
        assessment = actions.assessment_start(partnership=partnership, scope="programme", notes=notes, is_demo=True)
    return assessment


def _round(assessment: Assessment, number: int, ratings: dict, members: list[Municipality], user=None) -> Round:
    round_, _created = Round.objects.get_or_create(assessment=assessment, number=number)
    round_.assessment = assessment
    for index, municipality in enumerate(members):
        entries = {
            goal: actions.RatingInput(row[index], row[2] + DEMO if row[2] else "") for goal, row in ratings.items()
        }
        actions.ratings_save(round_, municipality=municipality, user=user, entries=entries)
    return round_


@transaction.atomic
def seed(scale: int = 1) -> None:
    partnerships = {
        p.slug: p
        for p in Partnership.objects.filter(slug__in=["lommel-ongwediva", "harelbeke-eenhana", "bierbeek-ona"])
    }
    if len(partnerships) < 3:
        return  # the foundation's demo is not loaded
    towns = {
        m.slug: m
        for m in Municipality.objects.filter(
            slug__in=["lommel", "ongwediva", "harelbeke", "eenhana", "bierbeek", "ona"]
        )
    }
    users = {u.email: u for u in get_user_model().objects.filter(email__endswith="@example.org")}
    authors = {
        "lommel": users.get("coordinator.lommel@example.org"),
        "ongwediva": users.get("coordinator.ongwediva@example.org"),
    }

    lo = partnerships["lommel-ongwediva"]
    exercise = _exercise(lo, "Circle exercise of the five-year programme, done together in both town halls" + DEMO)
    pair = [towns["lommel"], towns["ongwediva"]]
    round_1 = _round(exercise, 1, LOMMEL_ONGWEDIVA_ROUND_1, pair)
    for goal, slug, text in LOMMEL_ONGWEDIVA_IDEAS:
        GapIdea.objects.update_or_create(
            round=round_1, goal=goal, municipality=towns[slug], text=text + DEMO, defaults={"author": authors[slug]}
        )
    round_2 = _round(exercise, 2, LOMMEL_ONGWEDIVA_ROUND_2, pair)
    if not round_2.is_published:
        actions.round_publish(round_2, publish=True)

    for slug, scores in INDEX_SCORES.items():
        entries = {
            goal: (score, "Self-assessment in the SDG dialogue between both town halls")
            for goal, score in scores.items()
        }
        actions.index_scores_save(municipality=towns[slug], user=authors[slug], entries=entries, is_demo=True)
    actions.materiality_save(lo, dict(MATERIALITY))
    for year, goal in FOCUS.items():
        actions.focus_set(lo, year=year, goal=goal)

    _inventory_plan_workshop(lo, round_1, round_2, towns, authors)
    _network_scores()
    actions.interlink_targets_set(lo, INTERLINK_TARGETS)
    for column, slug in enumerate(["lommel", "ongwediva"]):
        entries = {pair: values[column] for pair, values in INTERLINK_SCORES.items()}
        actions.interlink_scores_save(lo, municipality=towns[slug], user=authors[slug], entries=entries, is_demo=True)

    he = _exercise(
        partnerships["harelbeke-eenhana"],
        "Both coalition agreements and multi-annual plans, read through the SDGs" + DEMO,
    )
    _round(he, 1, HARELBEKE_EENHANA, [towns["harelbeke"], towns["eenhana"]])
    bo = _exercise(partnerships["bierbeek-ona"], "The water programme" + DEMO)
    _round(bo, 1, BIERBEEK_ONA, [towns["bierbeek"], towns["ona"]])


def _inventory_plan_workshop(lo: Partnership, round_1: Round, round_2: Round, towns: dict, authors: dict) -> None:
    entries = {}
    for (slug, goal), (doing, more, gaps, opportunities, evidence) in INVENTORY.items():
        entry, _created = InventoryEntry.objects.update_or_create(
            municipality=towns[slug],
            goal=goal,
            defaults={
                "doing": doing + DEMO if doing else "",
                "more": more,
                "gaps": gaps,
                "opportunities": opportunities,
                "evidence": evidence,
                "updated_by": authors[slug],
                "is_demo": True,
            },
        )
        entries[(slug, goal)] = entry
    ideas = {idea.text.removesuffix(DEMO): idea for idea in GapIdea.objects.filter(round=round_1)}
    for title, goal, owner, owner_name, due, source in ACTIONS:
        if ActionItem.objects.filter(partnership=lo, title=title + DEMO).exists():
            continue
        data = actions.ActionInput(title + DEMO, towns[owner], date(*due), goal=goal, owner_name=owner_name)
        if isinstance(source, tuple):
            actions.action_add(lo, data, user=authors[owner], entry=entries[source], is_demo=True)
        else:
            actions.action_add(lo, data, user=authors[owner], idea=ideas.get(source), is_demo=True)
    if not Workshop.objects.filter(round=round_2, is_demo=True).exists():
        round_2.assessment.partnership = lo
        workshop = actions.workshop_open(round_2, user=authors["lommel"], is_demo=True)
        for name, slug, levels in WORKSHOP_PARTICIPANTS:
            participant = actions.workshop_join(workshop, name=name + DEMO, municipality=towns[slug])
            actions.workshop_ratings_save(participant, levels)
        actions.workshop_close(workshop)
    workshop = Workshop.objects.get(round=round_2, is_demo=True)
    actions.workshop_adopt(workshop, label="Workshop Lommel 12 March" + DEMO, user=authors["lommel"])  # idempotent


def _network_scores() -> None:
    """Invented index scores for every other named demo municipality, so network matching has a network.

    Drawn from a generator seeded with the municipality's slug: the same on every run.
    """
    for municipality in Municipality.objects.filter(slug__in=sorted(set(MUNICIPALITIES) - set(INDEX_SCORES))):
        rng = random.Random(municipality.slug)  # noqa: S311 - invented demo figures, not security
        entries = {goal: (rng.randint(15, 95), "Invented for the demo") for goal in range(1, 18)}
        actions.index_scores_save(municipality=municipality, user=None, entries=entries, is_demo=True)
