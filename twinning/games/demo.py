"""Demo games (marked is_demo; places are real, questions and partner facts are written for the demo).

Roeselare–Dogbo: a GPS city game in Roeselare's centre with facts about Dogbo.
Bierbeek–Oña: a water hike in Bierbeek with stops about San Felipe de Oña.
Idempotent: the games are found by partnership and English title and their stops rewritten.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from twinning.foundation.models import Municipality, Partnership
from twinning.games.models import CheckInPlace, Game, Stop
from twinning.sdg.models import Goal

DEMO = " (demo)"


def _t(en: str, nl: str, fr: str = "", es: str = "") -> dict:
    return {k: v for k, v in {"en": en, "nl": nl, "fr": fr, "es": es}.items() if v}


ROESELARE_STOPS = [
    # order, title, lat, lon, radius, kind, question, choices, correct, number, points, goal, partner fact
    (
        1,
        _t("Grote Markt", "Grote Markt", "Grand-Place"),
        "50.946700",
        "3.122600",
        40,
        "choice",
        _t(
            "Which SDG is about clean water and sanitation?",
            "Welke SDG gaat over schoon water en sanitair?",
            "Quel ODD porte sur l'eau propre et l'assainissement ?",
        ),
        [_t("SDG 6", "SDG 6", "ODD 6"), _t("SDG 11", "SDG 11", "ODD 11"), _t("SDG 14", "SDG 14", "ODD 14")],
        0,
        None,
        10,
        6,
        _t(
            "Dogbo lies in the Couffo department in the south-west of Benin." + DEMO,
            "Dogbo ligt in het departement Couffo in het zuidwesten van Benin." + DEMO,
            "Dogbo se trouve dans le département du Couffo, au sud-ouest du Bénin." + DEMO,
        ),
    ),
    (
        2,
        _t("Saint Michael's Church", "Sint-Michielskerk", "Église Saint-Michel"),
        "50.946300",
        "3.124400",
        40,
        "number",
        _t(
            "In which year did the UN member states adopt the 17 SDGs?",
            "In welk jaar namen de VN-lidstaten de 17 SDG's aan?",
            "En quelle année les États membres de l'ONU ont-ils adopté les 17 ODD ?",
        ),
        [],
        None,
        Decimal(2015),
        10,
        17,
        _t(
            "Roeselare and Dogbo have worked together as partner municipalities since 2002." + DEMO,
            "Roeselare en Dogbo werken sinds 2002 samen als partnergemeenten." + DEMO,
            "Roulers et Dogbo coopèrent comme communes partenaires depuis 2002." + DEMO,
        ),
    ),
    (
        3,
        _t("Station square", "Stationsplein", "Place de la gare"),
        "50.943900",
        "3.128500",
        50,
        "open",
        _t(
            "Name one way to get to school or work here without a car.",
            "Noem een manier om hier zonder auto naar school of het werk te gaan.",
            "Citez un moyen de venir ici à l'école ou au travail sans voiture.",
        ),
        [],
        None,
        None,
        15,
        11,
        _t(
            "In Dogbo many people travel by motorbike taxi (zémidjan)." + DEMO,
            "In Dogbo reizen veel mensen met de motortaxi (zémidjan)." + DEMO,
            "À Dogbo, beaucoup de gens se déplacent en taxi-moto (zémidjan)." + DEMO,
        ),
    ),
]

BIERBEEK_STOPS = [
    (
        1,
        _t("Village square", "Dorpsplein", "Place du village", "Plaza del pueblo"),
        "50.828300",
        "4.759700",
        40,
        "choice",
        _t(
            "Which share of the Earth's water is fresh water?",
            "Welk deel van het water op aarde is zoet water?",
            "Quelle part de l'eau sur Terre est de l'eau douce ?",
            "¿Qué parte del agua de la Tierra es agua dulce?",
        ),
        [
            _t("About 3%", "Ongeveer 3%", "Environ 3 %", "Alrededor del 3 %"),
            _t("About 30%", "Ongeveer 30%", "Environ 30 %", "Alrededor del 30 %"),
        ],
        0,
        None,
        10,
        6,
        _t(
            "San Felipe de Oña lies high in the Andes, in the province of Azuay, Ecuador.",
            "San Felipe de Oña ligt hoog in de Andes, in de provincie Azuay in Ecuador.",
            "San Felipe de Oña se trouve dans les Andes, dans la province d'Azuay en Équateur.",
            "San Felipe de Oña está en los Andes, en la provincia del Azuay, Ecuador.",
        ),
    ),
    (
        2,
        _t("Brook", "Beek", "Ruisseau", "Arroyo"),
        "50.830500",
        "4.763500",
        60,
        "photo",
        _t(
            "Take a photo of the brook and of something that keeps its water clean.",
            "Neem een foto van de beek en van iets dat het water proper houdt.",
            "Photographiez le ruisseau et quelque chose qui garde son eau propre.",
            "Toma una foto del arroyo y de algo que mantiene limpia su agua.",
        ),
        [],
        None,
        None,
        20,
        6,
        _t(
            "In Oña, families and the municipality protect the springs that give the village its drinking water."
            + DEMO,
            "In Oña beschermen gezinnen en de gemeente de bronnen die het dorp drinkwater geven." + DEMO,
            "À Oña, les familles et la commune protègent les sources qui donnent l'eau potable au village." + DEMO,
            "En Oña, las familias y el municipio protegen las fuentes que dan agua potable al pueblo." + DEMO,
        ),
    ),
]


def _game(partnership, municipality, title, intro, mode, languages, minutes, speed) -> Game:
    game = Game.objects.filter(partnership=partnership, title__en=title["en"]).first()
    values = {
        "municipality": municipality,
        "title": title,
        "intro": intro,
        "mode": mode,
        "languages": languages,
        "time_limit_minutes": minutes,
        "max_speed_kmh": speed,
        "is_published": True,
        "is_demo": True,
    }
    if game is None:
        return Game.objects.create(partnership=partnership, **values)
    Game.objects.filter(pk=game.pk).update(**values)
    return game


def _stops(game: Game, rows) -> None:
    goals = {g.number: g for g in Goal.objects.all()}
    game.stops.all().delete()
    for order, title, lat, lon, radius, kind, question, choices, correct, number, points, goal, fact in rows:
        Stop.objects.create(
            game=game,
            order=order,
            title=title,
            latitude=Decimal(lat),
            longitude=Decimal(lon),
            radius_m=radius,
            kind=kind,
            question=question,
            choices=choices,
            correct_choice=correct,
            number_answer=number,
            tolerance=Decimal(0),
            points=points,
            goal=goals.get(goal),
            partner_fact=fact,
        )


@transaction.atomic
def seed(scale: int = 1) -> dict[str, int]:
    partnerships = {p.slug: p for p in Partnership.objects.filter(slug__in=["roeselare-dogbo", "bierbeek-ona"])}
    municipalities = {m.slug: m for m in Municipality.objects.filter(slug__in=["roeselare", "bierbeek"])}
    made = 0
    if "roeselare-dogbo" in partnerships and "roeselare" in municipalities:
        game = _game(
            partnerships["roeselare-dogbo"],
            municipalities["roeselare"],
            _t(
                "SDG city game Roeselare",
                "SDG-stadsspel Roeselare",
                "Jeu de ville ODD Roulers",
                "Juego urbano ODS Roeselare",
            ),
            _t(
                "Race through the centre with your team, answer at each stop and learn about our partner Dogbo.",
                "Race met je team door het centrum, antwoord bij elke stop en leer onze partner Dogbo kennen.",
                "Parcourez le centre en équipe, répondez à chaque étape et découvrez notre partenaire Dogbo.",
            ),
            Game.Mode.CITY,
            ["nl", "en", "fr"],
            90,
            15,
        )
        _stops(game, ROESELARE_STOPS)
        made += 1
    if "bierbeek-ona" in partnerships and "bierbeek" in municipalities:
        game = _game(
            partnerships["bierbeek-ona"],
            municipalities["bierbeek"],
            _t(
                "Water hike Bierbeek",
                "Waterwandeling Bierbeek",
                "Randonnée de l'eau Bierbeek",
                "Caminata del agua Bierbeek",
            ),
            _t(
                "A walk along Bierbeek's water with stops about water in our partner Oña.",
                "Een wandeling langs het water van Bierbeek met stops over water in onze partner Oña.",
                "Une promenade le long de l'eau de Bierbeek, avec des étapes sur l'eau à Oña.",
                "Un paseo por el agua de Bierbeek con paradas sobre el agua en Oña.",
            ),
            Game.Mode.HIKE,
            ["nl", "en", "fr", "es"],
            None,
            12,
        )
        _stops(game, BIERBEEK_STOPS)
        made += 1
    places = _places(partnerships, municipalities)
    return {"games": made, "places": places}


PLACES = [
    # partnership, municipality, title, description, lat, lon, goal
    (
        "bierbeek-ona",
        "bierbeek",
        _t("Trees for Oña", "Bomen voor Oña", "Des arbres pour Oña", "Árboles para Oña"),
        _t(
            "Trees planted by pupils for the partnership with Oña." + DEMO,
            "Bomen geplant door leerlingen voor de stedenband met Oña." + DEMO,
            "Des arbres plantés par des élèves pour le partenariat avec Oña." + DEMO,
            "Árboles plantados por alumnos para el hermanamiento con Oña." + DEMO,
        ),
        "50.827500",
        "4.757000",
        15,
    ),
    (
        "roeselare-dogbo",
        "roeselare",
        _t("Fair-trade shop", "Wereldwinkel", "Magasin du commerce équitable"),
        _t(
            "Where products from partner countries are sold at a fair price." + DEMO,
            "Waar producten uit partnerlanden tegen een eerlijke prijs verkocht worden." + DEMO,
            "Où des produits des pays partenaires sont vendus à un prix équitable." + DEMO,
        ),
        "50.945900",
        "3.124800",
        12,
    ),
]


def _places(partnerships, municipalities) -> int:
    goals = {g.number: g for g in Goal.objects.all()}
    made = 0
    for slug, town, title, description, lat, lon, goal in PLACES:
        if slug not in partnerships or town not in municipalities:
            continue
        CheckInPlace.objects.update_or_create(
            partnership=partnerships[slug],
            title__en=title["en"],
            defaults={
                "title": title,
                "municipality": municipalities[town],
                "description": description,
                "latitude": Decimal(lat),
                "longitude": Decimal(lon),
                "radius_m": 100,
                "goal": goals.get(goal),
                "is_demo": True,
            },
        )
        made += 1
    return made
