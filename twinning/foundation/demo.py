"""Demo data: the partnerships the publication names, with approximate real facts.

Populations, years and coordinates are approximate public figures, rounded; where a figure
was not known it is an estimate. Every row is marked ``is_demo`` and the pages say so.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from twinning.foundation.models import Membership, Municipality, Partnership, PartnershipMember, Role
from twinning.sdg.links import SdgSelection, set_links
from twinning.sdg.models import LocalTarget, Target

# slug: (name, country, region, population, year, lat, lon, languages, website)
MUNICIPALITIES = {
    "lommel": ("Lommel", "BE", "Limburg", 35700, 2024, 51.2306, 5.3131, ["nl"], "https://www.lommel.be"),
    "ongwediva": ("Ongwediva", "NA", "Oshana", 36000, 2023, -17.7833, 15.7667, ["en", "ng"], ""),
    "harelbeke": (
        "Harelbeke",
        "BE",
        "West-Vlaanderen",
        28700,
        2024,
        50.8567,
        3.3094,
        ["nl"],
        "https://www.harelbeke.be",
    ),
    "eenhana": ("Eenhana", "NA", "Ohangwena", 22000, 2023, -17.4667, 16.3333, ["en", "kj"], ""),
    "bierbeek": ("Bierbeek", "BE", "Vlaams-Brabant", 10400, 2024, 50.8283, 4.7597, ["nl"], "https://www.bierbeek.be"),
    "ona": ("San Felipe de Oña", "EC", "Azuay", 3600, 2022, -3.4667, -79.1667, ["es"], ""),
    "herent": ("Herent", "BE", "Vlaams-Brabant", 22000, 2024, 50.9081, 4.6711, ["nl"], "https://www.herent.be"),
    "nimlahakok": ("Nimlaha'kok", "GT", "Alta Verapaz", 6000, 2020, 15.4700, -90.3700, ["es", "kek"], ""),
    "sint-niklaas": (
        "Sint-Niklaas",
        "BE",
        "Oost-Vlaanderen",
        81000,
        2024,
        51.1650,
        4.1436,
        ["nl"],
        "https://www.sint-niklaas.be",
    ),
    "tambacounda": ("Tambacounda", "SN", "Tambacounda", 107000, 2013, 13.7700, -13.6672, ["fr", "wo", "ff", "mnk"], ""),
    "roeselare": (
        "Roeselare",
        "BE",
        "West-Vlaanderen",
        64000,
        2024,
        50.9444,
        3.1233,
        ["nl"],
        "https://www.roeselare.be",
    ),
    "dogbo": ("Dogbo", "BJ", "Couffo", 103000, 2013, 6.8000, 1.7833, ["fr", "fon"], ""),
    "mol": ("Mol", "BE", "Antwerpen", 37500, 2024, 51.1917, 5.1167, ["nl"], "https://www.gemeentemol.be"),
    "kara-kara": ("Kara Kara", "NE", "Dosso", 30000, 2012, 13.0000, 3.4000, ["fr", "ha", "dje"], ""),
    "edegem": ("Edegem", "BE", "Antwerpen", 22000, 2024, 51.1556, 4.4422, ["nl"], "https://www.edegem.be"),
    "san-jeronimo": ("San Jerónimo", "PE", "Cusco", 48000, 2017, -13.5444, -71.8858, ["es", "qu"], ""),
    "brasschaat": ("Brasschaat", "BE", "Antwerpen", 38500, 2024, 51.2917, 4.4917, ["nl"], "https://www.brasschaat.be"),
    "tarija": ("Tarija", "BO", "Tarija", 250000, 2012, -21.5355, -64.7296, ["es", "gn"], ""),
    "hoogstraten": (
        "Hoogstraten",
        "BE",
        "Antwerpen",
        22000,
        2024,
        51.4000,
        4.7667,
        ["nl"],
        "https://www.hoogstraten.be",
    ),
    "za-kpota": ("Za-Kpota", "BJ", "Zou", 132000, 2013, 7.2167, 2.2000, ["fr", "fon"], ""),
    "zoersel": ("Zoersel", "BE", "Antwerpen", 22500, 2024, 51.2667, 4.7167, ["nl"], "https://www.zoersel.be"),
    "bohicon": ("Bohicon", "BJ", "Zou", 171000, 2013, 7.1782, 2.0667, ["fr", "fon"], ""),
    "zemst": ("Zemst", "BE", "Vlaams-Brabant", 23500, 2024, 50.9833, 4.4667, ["nl"], "https://www.zemst.be"),
    "sokone": ("Sokone", "SN", "Fatick", 16000, 2013, 13.8833, -16.3667, ["fr", "wo"], ""),
    "deinze": ("Deinze", "BE", "Oost-Vlaanderen", 45000, 2024, 50.9833, 3.5333, ["nl"], "https://www.deinze.be"),
    "lievegem": ("Lievegem", "BE", "Oost-Vlaanderen", 27000, 2024, 51.1500, 3.6000, ["nl"], "https://www.lievegem.be"),
    "kemopodi": ("KeMoPoDi", "SN", "Louga", 40000, 2013, 15.9200, -15.9900, ["fr", "wo"], ""),
    "merelbeke": (
        "Merelbeke",
        "BE",
        "Oost-Vlaanderen",
        25000,
        2024,
        50.9944,
        3.7458,
        ["nl"],
        "https://www.merelbeke.be",
    ),
    "toucountouna": ("Toucountouna", "BJ", "Atacora", 50000, 2013, 10.4944, 1.3756, ["fr"], ""),
    "antwerpen": ("Antwerpen", "BE", "Antwerpen", 536000, 2024, 51.2194, 4.4025, ["nl"], "https://www.antwerpen.be"),
    "ouled-daoud-zekhanine": (
        "Ouled Daoud Zekhanine",
        "MA",
        "Oriental",
        20000,
        2014,
        35.0800,
        -2.9500,
        ["ar", "ber"],
        "",
    ),
    "sint-truiden": (
        "Sint-Truiden",
        "BE",
        "Limburg",
        41500,
        2024,
        50.8167,
        5.1833,
        ["nl"],
        "https://www.sint-truiden.be",
    ),
    "nueva-guinea": (
        "Nueva Guinea",
        "NI",
        "Región Autónoma de la Costa Caribe Sur",
        150000,
        2020,
        11.6833,
        -84.4500,
        ["es"],
        "",
    ),
}


@dataclass(frozen=True)
class DemoPartnership:
    slug: str
    members: tuple[str, ...]
    since: int
    goals: tuple[int, ...]
    targets: tuple[str, ...] = ()
    visibility: str = Partnership.Visibility.PUBLIC
    description: dict | None = None


PARTNERSHIPS = [
    DemoPartnership(
        "lommel-ongwediva",
        ("lommel", "ongwediva"),
        1999,
        (4, 5, 6, 13, 17),
        ("6.3", "5.5"),
        description={
            "en": "Lommel and Ongwediva have worked together for more than twenty years. Their five-year programme was "
            "assessed with the SDG circle exercise: it did not yet contribute to SDGs 5, 6, 7, 12 and 14, so the partners "
            "now focus on, among others, gender and water treatment. Each year one SDG is highlighted in both towns. "
            "For the youth exchanges they plant 15 trees per participant: 10 in Lommel and 5 in Ongwediva.",
            "nl": "Lommel en Ongwediva werken al meer dan twintig jaar samen. Hun vijfjarenprogramma werd getoetst met de "
            "SDG-cirkeloefening: het droeg nog niet bij aan SDG 5, 6, 7, 12 en 14, dus leggen de partners nu onder meer "
            "de nadruk op gender en waterzuivering. Elk jaar staat in beide steden één SDG in de kijker. Voor de "
            "jongerenuitwisselingen planten ze 15 bomen per deelnemer: 10 in Lommel en 5 in Ongwediva.",
            "fr": "Lommel et Ongwediva coopèrent depuis plus de vingt ans. Leur programme quinquennal a été évalué avec "
            "l'exercice du cercle des ODD : il ne contribuait pas encore aux ODD 5, 6, 7, 12 et 14 ; les partenaires "
            "mettent donc désormais l'accent sur le genre et l'épuration de l'eau. Chaque année, un ODD est mis en avant "
            "dans les deux villes. Pour les échanges de jeunes, ils plantent 15 arbres par participant : 10 à Lommel et 5 à Ongwediva.",
            "es": "Lommel y Ongwediva cooperan desde hace más de veinte años. Su programa quinquenal se evaluó con el "
            "ejercicio del círculo de los ODS: aún no contribuía a los ODS 5, 6, 7, 12 y 14, por lo que los socios se "
            "centran ahora, entre otros, en el género y el tratamiento del agua. Cada año destacan un ODS en ambas "
            "ciudades. Por los intercambios juveniles plantan 15 árboles por participante: 10 en Lommel y 5 en Ongwediva.",
        },
    ),
    DemoPartnership(
        "harelbeke-eenhana",
        ("harelbeke", "eenhana"),
        2004,
        (4, 11, 13, 16),
        description={
            "en": "Harelbeke and Eenhana run a joint page where both municipalities share their SDG experiences, awareness "
            "campaigns and policy plans. They assessed each other's coalition agreement and multi-annual plan from an SDG perspective.",
            "nl": "Harelbeke en Eenhana beheren samen een pagina waarop beide gemeenten hun SDG-ervaringen, "
            "sensibiliseringscampagnes en beleidsplannen delen. Ze toetsten elkaars bestuursakkoord en meerjarenplan aan de SDG's.",
            "fr": "Harelbeke et Eenhana gèrent une page commune où les deux communes partagent leurs expériences des ODD, "
            "leurs campagnes de sensibilisation et leurs plans. Elles ont évalué l'accord de majorité et le plan pluriannuel de l'autre au regard des ODD.",
            "es": "Harelbeke y Eenhana gestionan una página conjunta donde ambos municipios comparten sus experiencias con los "
            "ODS, campañas de sensibilización y planes. Evaluaron el acuerdo de gobierno y el plan plurianual del otro desde la óptica de los ODS.",
        },
    ),
    DemoPartnership(
        "bierbeek-ona",
        ("bierbeek", "ona"),
        1999,
        (2, 6, 15),
        ("6.1", "6.2"),
        description={
            "en": "For more than twenty years Bierbeek and San Felipe de Oña have worked on drinking water, sanitation and "
            "irrigation. A 7.5 km water hike in Bierbeek, inspired by a similar hike in Oña, and an exhibit of 17 panels "
            "show what both partners do for each SDG.",
            "nl": "Al meer dan twintig jaar werken Bierbeek en San Felipe de Oña aan drinkwater, sanitair en irrigatie. Een "
            "waterwandeling van 7,5 km in Bierbeek, geïnspireerd op een gelijkaardige wandeling in Oña, en een tentoonstelling "
            "van 17 panelen tonen wat beide partners voor elke SDG doen.",
            "fr": "Depuis plus de vingt ans, Bierbeek et San Felipe de Oña travaillent sur l'eau potable, l'assainissement et "
            "l'irrigation. Une randonnée de l'eau de 7,5 km et une exposition de 17 panneaux montrent ce que chaque partenaire fait pour chaque ODD.",
            "es": "Desde hace más de veinte años, Bierbeek y San Felipe de Oña trabajan en agua potable, saneamiento y riego. "
            "Una caminata del agua de 7,5 km y una exposición de 17 paneles muestran lo que cada socio hace por cada ODS.",
        },
    ),
    DemoPartnership(
        "herent-nimlahakok",
        ("herent", "nimlahakok"),
        1998,
        (1, 4, 13),
        description={
            "en": "Nimlaha'kok consulted six communities on the SDGs: citizens worried most about climate (SDG 13) and education "
            "(SDG 4) and added an 18th goal, the interconnectedness of the 17 SDGs expressed through the Mayan Cosmovision.",
            "nl": "Nimlaha'kok bevroeg zes gemeenschappen over de SDG's: burgers maakten zich vooral zorgen over klimaat (SDG 13) "
            "en onderwijs (SDG 4) en voegden een 18de doel toe: de verbondenheid van de 17 SDG's, uitgedrukt in de Maya-kosmovisie.",
            "fr": "Nimlaha'kok a consulté six communautés sur les ODD : les citoyens s'inquiétaient surtout du climat (ODD 13) "
            "et de l'éducation (ODD 4) et ont ajouté un 18e objectif : l'interconnexion des 17 ODD selon la cosmovision maya.",
            "es": "Nimlaha'kok consultó a seis comunidades sobre los ODS: la ciudadanía se preocupaba sobre todo por el clima "
            "(ODS 13) y la educación (ODS 4) y añadió un objetivo 18: la interconexión de los 17 ODS según la cosmovisión maya.",
        },
    ),
    DemoPartnership(
        "sint-niklaas-tambacounda",
        ("sint-niklaas", "tambacounda"),
        2000,
        (4, 5, 12),
        description={
            "en": "In Tambacounda 16 participants, 10 of them young people, made digital stories about the SDGs: poverty, "
            "climate change, migration, health and child marriage. Women's composting and market gardening is a joint project.",
            "nl": "In Tambacounda maakten 16 deelnemers, onder wie 10 jongeren, digitale verhalen over de SDG's: armoede, "
            "klimaatverandering, migratie, gezondheid en kindhuwelijken. Compostering en moestuinbouw door vrouwen is een gezamenlijk project.",
            "fr": "À Tambacounda, 16 participants, dont 10 jeunes, ont réalisé des récits numériques sur les ODD : pauvreté, "
            "changement climatique, migration, santé et mariages d'enfants. Le compostage et le maraîchage par les femmes est un projet commun.",
            "es": "En Tambacounda, 16 participantes, 10 de ellos jóvenes, hicieron relatos digitales sobre los ODS: pobreza, "
            "cambio climático, migración, salud y matrimonio infantil. El compostaje y la horticultura de las mujeres es un proyecto conjunto.",
        },
    ),
    DemoPartnership("roeselare-dogbo", ("roeselare", "dogbo"), 2002, (11, 12, 16)),
    DemoPartnership("mol-kara-kara", ("mol", "kara-kara"), 2006, (6,)),
    DemoPartnership("edegem-san-jeronimo", ("edegem", "san-jeronimo"), 2005, (6, 11)),
    DemoPartnership("brasschaat-tarija", ("brasschaat", "tarija"), 2003, (3, 11)),
    DemoPartnership("hoogstraten-za-kpota", ("hoogstraten", "za-kpota"), 2004, (2, 12)),
    DemoPartnership("zoersel-bohicon", ("zoersel", "bohicon"), 2001, (4, 10)),
    DemoPartnership("zemst-sokone", ("zemst", "sokone"), 2008, (11, 15)),
    DemoPartnership("deinze-lievegem-kemopodi", ("deinze", "lievegem", "kemopodi"), 2010, (12,)),
    DemoPartnership(
        "merelbeke-toucountouna", ("merelbeke", "toucountouna"), 2007, (16,), visibility=Partnership.Visibility.PRIVATE
    ),
    DemoPartnership("antwerpen-ouled-daoud-zekhanine", ("antwerpen", "ouled-daoud-zekhanine"), 2009, (8,)),
    DemoPartnership("sint-truiden-nueva-guinea", ("sint-truiden", "nueva-guinea"), 1998, (4, 8)),
]

DEMO_USERS = [
    # e-mail, name, (municipality slug, role) or None, platform admin?
    ("admin@example.org", "Ada Admin", None, True),
    ("coordinator.lommel@example.org", "Liesbeth Peeters", ("lommel", Role.COORDINATOR), False),
    ("coordinator.ongwediva@example.org", "Ndapewa Shilongo", ("ongwediva", Role.COORDINATOR), False),
    ("staff.lommel@example.org", "Jan Vermeulen", ("lommel", Role.STAFF), False),
    ("citizen.lommel@example.org", "Sofie Claes", ("lommel", Role.CITIZEN), False),
    ("coordinator.harelbeke@example.org", "Pieter Desmet", ("harelbeke", Role.COORDINATOR), False),
    ("staff.harelbeke@example.org", "Griet Vandenbussche", ("harelbeke", Role.STAFF), False),
    ("coordinator.eenhana@example.org", "Ndeshi Amutenya", ("eenhana", Role.COORDINATOR), False),
    ("coordinator.merelbeke@example.org", "Els De Smet", ("merelbeke", Role.COORDINATOR), False),
]


def _title(members: list[Municipality]) -> dict:
    return {code: " – ".join(m.name for m in members) for code, _name in settings.LANGUAGES}


def _municipality(slug: str, row: tuple, demo_text: bool = True) -> Municipality:
    name, country, region, population, year, lat, lon, languages, website = row
    municipality, _created = Municipality.objects.update_or_create(
        slug=slug,
        defaults={
            "name": name,
            "country": country,
            "region": region,
            "population": population,
            "population_year": year,
            "latitude": lat,
            "longitude": lon,
            "languages": languages,
            "website": website,
            "is_demo": True,
        },  # fmt: skip
    )
    return municipality


def _partnership(spec: DemoPartnership, municipalities: dict[str, Municipality]) -> Partnership:
    members = [municipalities[slug] for slug in spec.members]
    partnership, _created = Partnership.objects.update_or_create(
        slug=spec.slug,
        defaults={
            "title": _title(members),
            "description": spec.description or {},
            "since": spec.since,
            "visibility": spec.visibility,
            "is_demo": True,
        },
    )
    for order, municipality in enumerate(members):
        PartnershipMember.objects.update_or_create(
            partnership=partnership, municipality=municipality, defaults={"order": order}
        )
    set_links(partnership, SdgSelection(frozenset(spec.goals), frozenset(spec.targets)))
    return partnership


def _users(municipalities: dict[str, Municipality]) -> None:
    user_model = get_user_model()
    for email, name, membership, admin in DEMO_USERS:
        user = user_model.objects.filter(email=email).first()
        if user is None:
            user = user_model.objects.create_user(email, settings.DEMO_PASSWORD, full_name=name, email_verified=True)
        user.is_superuser = user.is_staff = admin
        user.save(update_fields=["is_superuser", "is_staff"])
        if membership:
            slug, role = membership
            Membership.objects.update_or_create(user=user, municipality=municipalities[slug], defaults={"role": role})


SYNTHETIC_COUNTRIES = [("BE", "NA"), ("BE", "SN"), ("BE", "BJ"), ("BE", "EC"), ("BE", "NI"), ("BE", "GT"), ("BE", "PE")]


def _synthetic(scale: int) -> None:
    """(scale - 1) x the real set again, as invented towns, for benchmarks and query-count tests."""
    count = (scale - 1) * len(PARTNERSHIPS)
    existing = set(Partnership.objects.filter(slug__startswith="demo-").values_list("slug", flat=True))
    for index in range(count):
        slug = f"demo-{index:05d}"
        if slug in existing:
            continue
        north, south = SYNTHETIC_COUNTRIES[index % len(SYNTHETIC_COUNTRIES)]
        a = _municipality(
            f"demo-town-{index:05d}-a",
            (f"Demo town {index:05d} A", north, "Demo region", 10000 + index, 2024, 50.5 + (index % 100) / 100,
             3.5 + (index % 70) / 50, ["nl"], ""),
        )  # fmt: skip
        b = _municipality(
            f"demo-town-{index:05d}-b",
            (f"Demo town {index:05d} B", south, "Demo region", 20000 + index, 2020, -10 + (index % 200) / 10,
             -20 + (index % 300) / 10, ["fr"], ""),
        )  # fmt: skip
        spec = DemoPartnership(slug, (a.slug, b.slug), 2000 + index % 25, (1 + index % 17, 1 + (index * 7) % 17))
        _partnership(spec, {a.slug: a, b.slug: b})


def _local_targets(partnerships: dict[str, Partnership]) -> None:
    partnership = partnerships["lommel-ongwediva"]
    local, _created = LocalTarget.objects.update_or_create(
        owner=partnership,
        code="6.3.a",
        defaults={
            "target": Target.objects.get(code="6.3"),
            "title": {
                "en": "Treat the waste water of the new Ongwediva neighbourhoods by 2027 (demo)",
                "nl": "Het afvalwater van de nieuwe wijken van Ongwediva zuiveren tegen 2027 (demo)",
                "fr": "Épurer les eaux usées des nouveaux quartiers d'Ongwediva d'ici 2027 (démo)",
                "es": "Tratar las aguas residuales de los nuevos barrios de Ongwediva antes de 2027 (demo)",
            },
        },
    )
    set_links(partnership, SdgSelection(frozenset({4, 5, 6, 13, 17}), frozenset({"5.5"}), frozenset({local.pk})))


@transaction.atomic
def seed(scale: int = 1) -> dict[str, int]:
    municipalities = {slug: _municipality(slug, row) for slug, row in MUNICIPALITIES.items()}
    partnerships = {spec.slug: _partnership(spec, municipalities) for spec in PARTNERSHIPS}
    _local_targets(partnerships)
    _users(municipalities)
    if scale > 1:
        _synthetic(scale)
    return {"municipalities": Municipality.objects.count(), "partnerships": Partnership.objects.count()}


def logins() -> list[tuple[str, str]]:
    labels = {
        "admin@example.org": "platform administrator",
        "coordinator.lommel@example.org": "coordinator of Lommel",
        "coordinator.ongwediva@example.org": "coordinator of Ongwediva",
        "staff.lommel@example.org": "staff of Lommel",
        "citizen.lommel@example.org": "citizen of Lommel",
        "coordinator.harelbeke@example.org": "coordinator of Harelbeke",
        "staff.harelbeke@example.org": "staff of Harelbeke",
        "coordinator.eenhana@example.org": "coordinator of Eenhana",
        "coordinator.merelbeke@example.org": "coordinator of Merelbeke (members-only partnership)",
    }
    return [(email, labels[email]) for email, *_rest in DEMO_USERS]
