"""The publication's three example protocol items, in the four languages, with their SDG."""

from __future__ import annotations

DEFAULT_ITEMS: list[tuple[int, dict[str, str]]] = [
    (
        5,
        {
            "en": "Delegations have a balanced distribution of women and men.",
            "nl": "Delegaties hebben een evenwichtige verdeling van vrouwen en mannen.",
            "fr": "Les délégations comptent une répartition équilibrée de femmes et d'hommes.",
            "es": "Las delegaciones tienen una distribución equilibrada de mujeres y hombres.",
        },
    ),
    (
        13,
        {
            "en": "The CO2 emissions of flights are compensated by planting trees.",
            "nl": "De CO2-uitstoot van vluchten wordt gecompenseerd door bomen te planten.",
            "fr": "Les émissions de CO2 des vols sont compensées par la plantation d'arbres.",
            "es": "Las emisiones de CO2 de los vuelos se compensan plantando árboles.",
        },
    ),
    (
        16,
        {
            "en": "There are clear agreements on expenses and subsistence allowances.",
            "nl": "Er zijn duidelijke afspraken over onkosten en verblijfsvergoedingen.",
            "fr": "Des accords clairs sont conclus sur les frais et les indemnités de séjour.",
            "es": "Hay acuerdos claros sobre los gastos y las dietas.",
        },
    ),
]
