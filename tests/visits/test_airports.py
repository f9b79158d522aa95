"""Airports: the curated table, the nearest airport, the route of a traveller, and the certified
offset as an alternative to trees; figures computed by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.visits.factories import DelegateFactory, VisitFactory
from twinning.visits import airports, co2
from twinning.visits.models import CompensationPlan, Delegate

LOMMEL = (51.2306, 5.3131)
ONGWEDIVA = (-17.7833, 15.7667)
HUBS = "BRU AMS CDG FRA JNB WDH OND DSS COO MGA UIO GUA".split()


def test_the_table_holds_the_main_hubs_with_coordinates_and_a_source():
    for code in HUBS:
        airport = airports.get(code)
        assert -90 <= airport.latitude <= 90 and -180 <= airport.longitude <= 180
        assert airport.name
    assert "OurAirports" in airports.SOURCE["title"] and airports.SOURCE["url"].startswith("https://")


def test_codes_are_read_in_any_case_and_unknown_codes_are_refused():
    assert airports.get(" ond ").iata == "OND"
    with pytest.raises(airports.UnknownAirport) as refused:
        airports.get("XYZ")
    assert refused.value.code == "XYZ"


@pytest.mark.parametrize(
    ("place", "code"),
    [
        (LOMMEL, "BRU"),
        (ONGWEDIVA, "OND"),
        ((50.9833, 3.5333), "BRU"),  # Deinze
        ((6.8000, 1.7833), "COO"),  # Dogbo
        ((15.4700, -90.3700), "GUA"),  # Nimlaha'kok
        ((-3.4667, -79.1667), "CUE"),  # San Felipe de Oña
        ((-21.5355, -64.7296), "TJA"),  # Tarija
        ((13.0000, 3.4000), "NIM"),  # Kara Kara
        ((13.8833, -16.3667), "DSS"),  # Sokone
    ],
)
def test_each_demo_region_has_a_nearest_airport(place, code):
    assert airports.nearest(*place).iata == code


def test_the_route_lommel_ongwediva_flies_brussels_to_ondangwa():
    # BRU (50.9014, 4.4844) to OND (-17.8782, 15.9526): 7729.6484 km (haversine, R = 6371.0088 km)
    route = airports.route(LOMMEL, ONGWEDIVA)
    assert (route.departure.iata, route.arrival.iata) == ("BRU", "OND")
    assert route.flight_km.quantize(Decimal("0.1")) == Decimal("7729.6")
    assert round(route.to_departure_km) == 69 and round(route.from_arrival_km) == 22
    assert route.flies


def test_a_chosen_airport_replaces_the_nearest_one():
    # AMS (52.3086, 4.7639) to WDH (-22.4799, 17.4709)
    route = airports.route(LOMMEL, ONGWEDIVA, departure="ams", arrival="WDH")
    assert (route.departure.iata, route.arrival.iata) == ("AMS", "WDH")
    assert route.flight_km > airports.route(LOMMEL, ONGWEDIVA).flight_km


def test_neighbours_sharing_their_nearest_airport_do_not_fly():
    assert not airports.route(LOMMEL, (51.1917, 5.1167)).flies  # Lommel to Mol: both BRU


@given(st.floats(-60, 70), st.floats(-180, 180))
def test_the_nearest_airport_is_never_farther_than_any_other(lat, lon):
    nearest = airports.nearest(lat, lon)
    distance = airports.route((lat, lon), (lat, lon), departure=nearest.iata).to_departure_km
    for code in HUBS:
        assert distance <= airports.route((lat, lon), (lat, lon), departure=code).to_departure_km


def test_a_certified_offset_costs_the_price_per_tonne_exactly_to_the_cent():
    # 2527.78 kg = 2.52778 t x 25.50 EUR = 64.45839 -> 64.46 EUR
    assert co2.offset_cost(Decimal("2527.78"), price_per_tonne=Decimal("25.50")) == Decimal("64.46")
    # 1 kg at 15 per tonne = 0.015 -> 0.02 (half up)
    assert co2.offset_cost(Decimal("1"), price_per_tonne=Decimal("15")) == Decimal("0.02")
    assert co2.offset_cost(Decimal("0"), price_per_tonne=Decimal("15")) == Decimal("0.00")
    with pytest.raises(ValueError):
        co2.offset_cost(Decimal("1"), price_per_tonne=Decimal("-1"))


def delegate_post(world, **changes):
    data = {
        "name": "An Peeters",
        "gender": "woman",
        "travelling_from": world["a"].pk,
        "cabin_class": "economy",
        "departure_airport": "",
        "arrival_airport": "",
    }
    data.update(changes)
    return data


@pytest.fixture
def visit(world):
    world["a"].latitude, world["a"].longitude = Decimal(str(LOMMEL[0])), Decimal(str(LOMMEL[1]))
    world["a"].save()
    world["b"].latitude, world["b"].longitude = Decimal(str(ONGWEDIVA[0])), Decimal(str(ONGWEDIVA[1]))
    world["b"].save()
    return VisitFactory(partnership=world["partnership"], host=world["b"])


@pytest.mark.django_db
def test_an_unknown_airport_code_gets_a_clear_message_and_nothing_is_saved(client, world, visit):
    client.force_login(world["coordinator_a"])
    response = client.post(
        f"/en/partnerships/a-b/visits/{visit.pk}/delegation/new/", delegate_post(world, departure_airport="XYZ")
    )
    assert response.status_code == 200
    assert "Unknown airport code “XYZ”" in response.content.decode()
    assert not Delegate.objects.exists()


@pytest.mark.django_db
def test_a_chosen_airport_is_stored_in_capitals_and_shown_on_the_route(client, world, visit):
    client.force_login(world["coordinator_a"])
    response = client.post(
        f"/en/partnerships/a-b/visits/{visit.pk}/delegation/new/",
        delegate_post(world, departure_airport="ams", arrival_airport="wdh"),
    )
    assert response.status_code == 302
    assert Delegate.objects.get().departure_airport == "AMS"
    body = client.get(f"/en/partnerships/a-b/visits/{visit.pk}/").content.decode()
    assert "AMS ✈ WDH" in body


@pytest.mark.django_db
def test_the_offset_plan_shows_its_price_per_visit_year_and_partnership(client, world, visit):
    DelegateFactory.create_batch(2, visit=visit, travelling_from=world["a"])
    client.force_login(world["coordinator_a"])
    response = client.post(
        "/en/partnerships/a-b/co2/plan/",
        {
            "method": "offset",
            "kg_co2_per_tree_year": "25",
            "tree_years": "20",
            "trees_home": "10",
            "trees_host": "5",
            "offset_price_per_tonne": "25.50",
            "offset_currency": "eur",
        },
    )
    assert response.status_code == 302
    plan = CompensationPlan.objects.get()
    assert plan.offset_price_per_tonne == Decimal("25.50") and plan.offset_currency == "EUR"
    body = client.get("/en/partnerships/a-b/co2/").content.decode()
    # 2 x 1263.89 kg = 2527.78 kg at 25.50 EUR per tonne = 64.46 EUR (visit, its year, the partnership)
    assert "A certified offset of all visits’ flights costs 64.46 EUR." in body
    assert body.count("<td>64.46</td>") == 2
    detail = client.get(f"/en/partnerships/a-b/visits/{visit.pk}/").content.decode()
    assert "A certified offset at 25.50 EUR per tonne costs 64.46 EUR." in detail


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"offset_price_per_tonne": ""}, "Give the price per tonne of the certified offset."),
        ({"offset_price_per_tonne": "-3"}, "A price cannot be negative."),
        ({"offset_currency": "E1R"}, "Give the currency as a three-letter ISO 4217 code, e.g. EUR."),
    ],
)
def test_an_offset_plan_needs_a_positive_price_and_a_currency_code(client, world, changes, message):
    client.force_login(world["coordinator_a"])
    data = {
        "method": "offset",
        "kg_co2_per_tree_year": "25",
        "tree_years": "20",
        "trees_home": "10",
        "trees_host": "5",
        "offset_price_per_tonne": "12",
        "offset_currency": "EUR",
        **changes,
    }
    response = client.post("/en/partnerships/a-b/co2/plan/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not CompensationPlan.objects.exists()


@pytest.mark.django_db
def test_a_stored_code_no_longer_in_the_table_falls_back_to_the_nearest_airports(world, visit):
    from twinning.visits import selectors

    delegate = DelegateFactory(visit=visit, travelling_from=world["a"], departure_airport="ZZZ")
    route = selectors.route_of(delegate, world["b"])
    assert (route.departure.iata, route.arrival.iata) == ("BRU", "OND")
