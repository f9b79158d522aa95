"""Flight CO2 and tree counts, checked against figures computed by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

from twinning.visits import co2
from twinning.visits import emission_factors as ef

LOMMEL = (51.2306, 5.3131)
ONGWEDIVA = (-17.7833, 15.7667)
LOMMEL_TO_ONGWEDIVA = co2.Trip(*LOMMEL, *ONGWEDIVA)


def test_lommel_to_ongwediva_is_about_7741_km_as_the_crow_flies():
    assert round(co2.great_circle_km(LOMMEL_TO_ONGWEDIVA)) == 7741


def test_the_flown_distance_adds_eight_percent_for_indirect_routes():
    # 7741.4025 km x 1.08 = 8360.7147 km
    assert co2.flown_km(co2.great_circle_km(LOMMEL_TO_ONGWEDIVA)).quantize(Decimal("0.1")) == Decimal("8360.7")


def test_an_economy_return_flight_lommel_ongwediva_emits_1265_81_kg():
    # long-haul economy 0.0757 kg/pkm: 8360.7147 km x 0.0757 x 2 = 1265.81 kg CO2e
    assert co2.trip_kg_co2e(LOMMEL_TO_ONGWEDIVA) == Decimal("1265.81")


def test_non_co2_effects_multiply_by_the_radiative_forcing_factor():
    # 1265.8122 x 1.9 = 2405.04
    assert co2.trip_kg_co2e(LOMMEL_TO_ONGWEDIVA, non_co2=True) == Decimal("2405.04")


def test_business_class_uses_the_business_factor():
    # 8360.7147 x 0.2195 x 2 = 3670.35
    trip = co2.Trip(*LOMMEL, *ONGWEDIVA, cabin_class="business")
    assert co2.trip_kg_co2e(trip) == Decimal("3670.35")


def test_a_short_flight_falls_in_the_short_haul_band():
    # Lommel to Harelbeke-like distance: well under 3,700 km
    assert co2.distance_band(Decimal("150")) == "short_haul"
    assert co2.distance_band(Decimal("3700")) == "long_haul"
    assert co2.factor(Decimal("150"), "economy") == ef.FACTORS["short_haul"]["economy"]


def test_a_traveller_from_the_host_flies_nothing():
    assert co2.trip_kg_co2e(co2.Trip(*ONGWEDIVA, *ONGWEDIVA)) == Decimal("0.00")


def test_an_unknown_cabin_class_is_refused():
    with pytest.raises(ValueError, match="unknown cabin class"):
        co2.trip_kg_co2e(co2.Trip(*LOMMEL, *ONGWEDIVA, cabin_class="cargo"))


def test_six_economy_travellers_need_16_trees_at_25_kg_a_year_over_20_years():
    # 6 x 1265.81 = 7594.86 kg; one tree absorbs 25 x 20 = 500 kg; 7594.86 / 500 = 15.2 -> 16 trees
    total = co2.total_kg([LOMMEL_TO_ONGWEDIVA] * 6)
    assert total == Decimal("7594.86")
    assert co2.trees_to_absorb(total, kg_per_tree_year=Decimal("25"), years=20) == 16


def test_the_lommel_ongwediva_rule_plants_10_at_home_and_5_in_the_partner_per_traveller():
    split = co2.trees_by_rule({"Lommel": 6}, per_home=10, per_host=5)
    assert split.home == {"Lommel": 60}
    assert split.host == 30
    assert split.total == 90  # 6 x 15


def test_trees_need_a_positive_absorption():
    with pytest.raises(ValueError):
        co2.trees_to_absorb(Decimal("10"), kg_per_tree_year=Decimal("0"), years=20)


def test_every_factor_table_row_has_all_four_cabin_classes_and_a_source_year():
    assert ef.SOURCE["year"] == 2024 and ef.SOURCE["url"].startswith("https://")
    for values in ef.FACTORS.values():
        assert set(values) == {"economy", "premium_economy", "business", "first"}
