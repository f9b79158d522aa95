"""The one data table of flight emission factors, with its source and year (shown on the CO2 page).

Values are kg CO2e per passenger-km flown, WITHOUT the non-CO2 (radiative forcing) effects,
for international flights by distance band and cabin class. They APPROXIMATE the UK
Department for Energy Security and Net Zero (DESNZ) "Greenhouse gas reporting: conversion
factors 2024", sheet "Business travel – air", international flights to/from non-UK
destinations, average aircraft. They are rounded approximations, not a copy of the official
spreadsheet: replace them by the official figures of the year you report on where precision
matters. The distance uplift and the radiative-forcing multiplier follow the same
publication's methodology paper.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

SOURCE = {
    "title": "UK DESNZ, Greenhouse gas reporting: conversion factors 2024 (Business travel – air)",
    "publisher": "Department for Energy Security and Net Zero, United Kingdom",
    "year": 2024,
    "url": "https://www.gov.uk/government/publications/greenhouse-gas-reporting-conversion-factors-2024",
    "methodology_url": "https://www.gov.uk/government/publications/greenhouse-gas-reporting-conversion-factors-2024",
    "approximation": True,
    "note": _(
        "Rounded approximations of the DESNZ 2024 factors for international flights (average aircraft, "
        "without radiative forcing); not the official spreadsheet values."
    ),
}

# Distance uplift for indirect routes, holding patterns and delays: +8 %, as in the DESNZ/DEFRA
# conversion-factors methodology for air travel.
DISTANCE_UPLIFT = Decimal("0.08")

# Non-CO2 effects (contrails, NOx at altitude): multiplier 1.9 on CO2e, as used by the DESNZ/DEFRA
# factors "with RF", based on Lee et al. (2021), Atmospheric Environment 244, 117834. Off by default.
RADIATIVE_FORCING_MULTIPLIER = Decimal("1.9")

# Flights shorter than this great-circle distance count as short-haul (DESNZ 2024 band limit).
SHORT_HAUL_LIMIT_KM = Decimal("3700")

# kg CO2e per passenger-km, without radiative forcing (approximations, see SOURCE).
FACTORS: dict[str, dict[str, Decimal]] = {
    "short_haul": {
        "economy": Decimal("0.0838"),
        "premium_economy": Decimal("0.0838"),  # no separate short-haul premium class in the source
        "business": Decimal("0.1257"),
        "first": Decimal("0.1257"),  # no separate short-haul first class in the source
    },
    "long_haul": {
        "economy": Decimal("0.0757"),
        "premium_economy": Decimal("0.1211"),
        "business": Decimal("0.2195"),
        "first": Decimal("0.3028"),
    },
}

BAND_LABELS = {"short_haul": _("Short-haul (under 3,700 km)"), "long_haul": _("Long-haul (3,700 km and more)")}

# Trees: the default compensation assumption. A young broadleaf tree absorbs on the order of
# 25 kg CO2 a year once established; we count 20 years per tree (500 kg CO2 per tree). This is a
# deliberately simple, stated assumption that partnerships change on their compensation plan.
DEFAULT_KG_CO2_PER_TREE_YEAR = Decimal("25")
DEFAULT_TREE_YEARS = 20
# The Lommel–Ongwediva rule: 15 trees per participant, 10 in the home municipality, 5 in the partner.
DEFAULT_TREES_HOME = 10
DEFAULT_TREES_HOST = 5
