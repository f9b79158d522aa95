"""The curated table of airports the partnerships fly from and to, and the route of a traveller.

A traveller goes by land from their home municipality to the departure airport, flies to the
arrival airport and goes by land to the host. Only the flight counts for the CO2 estimate.
Without a choice, the departure and arrival airports are the airports of this table nearest to
the home and the host municipality (great-circle distance).

The table lists airports with scheduled passenger flights in the demo municipalities' regions
and the main hubs between Belgium, southern and western Africa and Latin America. Coordinates
and names follow OurAirports' airports.csv (public domain), as packaged by ``airportsdata``
(MIT); the Belgian airports' coordinates were checked by hand against OurAirports. Extend the
table here (one line per airport); the CO2 page lists it with its source.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from twinning.foundation.distance import haversine_km

SOURCE = {
    "title": "OurAirports, airports.csv (public domain)",
    "url": "https://ourairports.com/data/",
    "note": _("Coordinates rounded to four decimals (about 10 m)."),
}


@dataclass(frozen=True)
class Airport:
    iata: str
    name: str
    city: str
    country: str  # ISO 3166-1 alpha-2
    latitude: float
    longitude: float

    def __str__(self) -> str:
        return f"{self.iata} – {self.name}, {self.city}"


_ROWS = [
    # Belgium and neighbouring hubs
    ("BRU", "Brussels Airport", "Brussels", "BE", 50.9014, 4.4844),
    ("CRL", "Brussels South Charleroi Airport", "Charleroi", "BE", 50.4592, 4.4538),
    ("AMS", "Amsterdam Airport Schiphol", "Amsterdam", "NL", 52.3086, 4.7639),
    ("CDG", "Charles de Gaulle International Airport", "Paris", "FR", 49.0128, 2.5500),
    ("ORY", "Paris-Orly Airport", "Paris", "FR", 48.7253, 2.3594),
    ("FRA", "Frankfurt am Main Airport", "Frankfurt am Main", "DE", 50.0264, 8.5431),
    ("LHR", "London Heathrow Airport", "London", "GB", 51.4706, -0.4619),
    ("LIS", "Lisbon Humberto Delgado Airport", "Lisbon", "PT", 38.7813, -9.1359),
    ("MAD", "Adolfo Suárez Madrid–Barajas Airport", "Madrid", "ES", 40.4936, -3.5668),
    ("IST", "Istanbul Airport", "Istanbul", "TR", 41.2753, 28.7520),
    ("CMN", "Mohammed V International Airport", "Casablanca", "MA", 33.3675, -7.5900),
    ("ADD", "Addis Ababa Bole International Airport", "Addis Ababa", "ET", 8.9779, 38.7993),
    ("DOH", "Hamad International Airport", "Doha", "QA", 25.2606, 51.6138),
    # Southern Africa
    ("JNB", "O. R. Tambo International Airport", "Johannesburg", "ZA", -26.1337, 28.2423),
    ("CPT", "Cape Town International Airport", "Cape Town", "ZA", -33.9648, 18.6017),
    ("WDH", "Hosea Kutako International Airport", "Windhoek", "NA", -22.4799, 17.4709),
    ("OND", "Ondangwa Airport", "Ondangwa", "NA", -17.8782, 15.9526),
    ("WVB", "Walvis Bay Airport", "Walvis Bay", "NA", -22.9799, 14.6453),
    # West Africa
    ("DSS", "Blaise Diagne International Airport", "Dakar", "SN", 14.6711, -17.0669),
    ("COO", "Cadjehoun Airport", "Cotonou", "BJ", 6.3572, 2.3844),
    ("LFW", "Lomé–Tokoin International Airport", "Lomé", "TG", 6.1656, 1.2545),
    ("NIM", "Diori Hamani International Airport", "Niamey", "NE", 13.4815, 2.1836),
    ("OUA", "Ouagadougou Airport", "Ouagadougou", "BF", 12.3532, -1.5124),
    ("ACC", "Kotoka International Airport", "Accra", "GH", 5.6052, -0.1668),
    ("ABJ", "Félix-Houphouët-Boigny International Airport", "Abidjan", "CI", 5.2614, -3.9263),
    ("BKO", "Modibo Keita International Airport", "Bamako", "ML", 12.5335, -7.9499),
    # Latin America
    ("MGA", "Augusto C. Sandino International Airport", "Managua", "NI", 12.1415, -86.1682),
    ("UIO", "Mariscal Sucre International Airport", "Quito", "EC", -0.1292, -78.3575),
    ("GYE", "José Joaquín de Olmedo International Airport", "Guayaquil", "EC", -2.1574, -79.8836),
    ("CUE", "Mariscal Lamar Airport", "Cuenca", "EC", -2.8895, -78.9844),
    ("GUA", "La Aurora International Airport", "Guatemala City", "GT", 14.5833, -90.5275),
    ("FRS", "Mundo Maya International Airport", "Flores", "GT", 16.9138, -89.8664),
    ("SAL", "El Salvador International Airport", "San Salvador", "SV", 13.4409, -89.0557),
    ("SJO", "Juan Santamaría International Airport", "San José", "CR", 9.9939, -84.2088),
    ("PTY", "Tocumen International Airport", "Panama City", "PA", 9.0714, -79.3835),
    ("BOG", "El Dorado International Airport", "Bogotá", "CO", 4.7016, -74.1469),
    ("LIM", "Jorge Chávez International Airport", "Lima", "PE", -12.0219, -77.1143),
    ("CUZ", "Alejandro Velasco Astete International Airport", "Cusco", "PE", -13.5357, -71.9388),
    ("LPB", "El Alto International Airport", "La Paz", "BO", -16.5133, -68.1923),
    ("VVI", "Viru Viru International Airport", "Santa Cruz de la Sierra", "BO", -17.6448, -63.1354),
    ("TJA", "Capitán Oriel Lea Plaza Airport", "Tarija", "BO", -21.5557, -64.7013),
    ("MEX", "Mexico City International Airport", "Mexico City", "MX", 19.4363, -99.0721),
    ("MIA", "Miami International Airport", "Miami", "US", 25.7954, -80.2901),
]

AIRPORTS: dict[str, Airport] = {row[0]: Airport(*row) for row in _ROWS}


class UnknownAirport(ValueError):
    """An IATA code that is not in the table."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def normalise(code: str) -> str:
    return (code or "").strip().upper()


def get(code: str) -> Airport:
    """The airport with this IATA code (any case, surrounding spaces ignored); UnknownAirport otherwise."""
    key = normalise(code)
    if key not in AIRPORTS:
        raise UnknownAirport(key)
    return AIRPORTS[key]


def nearest(latitude: float, longitude: float) -> Airport:
    """The airport of the table nearest to a point (ties go to the first code in alphabetical order)."""
    return min(
        sorted(AIRPORTS.values(), key=lambda a: a.iata),
        key=lambda a: haversine_km(latitude, longitude, a.latitude, a.longitude),
    )


@dataclass(frozen=True)
class Route:
    departure: Airport
    arrival: Airport
    to_departure_km: Decimal  # by land, home municipality to the departure airport (not counted)
    flight_km: Decimal  # great-circle distance between the airports, one way, before the uplift
    from_arrival_km: Decimal  # by land, arrival airport to the host (not counted)

    @property
    def flies(self) -> bool:
        return self.departure.iata != self.arrival.iata


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> Decimal:
    return Decimal(str(haversine_km(lat1, lon1, lat2, lon2)))


def route(home: tuple[float, float], host: tuple[float, float], *, departure: str = "", arrival: str = "") -> Route:
    """The traveller's route; empty codes mean the nearest airport. Raises UnknownAirport."""
    dep = get(departure) if normalise(departure) else nearest(*home)
    arr = get(arrival) if normalise(arrival) else nearest(*host)
    return Route(
        departure=dep,
        arrival=arr,
        to_departure_km=_km(*home, dep.latitude, dep.longitude),
        flight_km=_km(dep.latitude, dep.longitude, arr.latitude, arr.longitude),
        from_arrival_km=_km(arr.latitude, arr.longitude, *host),
    )
