"""Coordinators select indicators together; each municipality records its own figures."""

from __future__ import annotations

import csv
import io

import pytest

from tests.indicators.factories import BaselineFactory, IndicatorFactory, MeasurementFactory, SelectionFactory
from twinning.foundation import policy
from twinning.indicators.models import BaselineTarget, LibraryIndicator, Measurement, Selection


@pytest.fixture
def water(db):
    return LibraryIndicator.objects.get(code="L-06-01")


@pytest.fixture
def selected(world, water):
    return SelectionFactory(
        partnership=world["partnership"], indicator=water, proposed_by=world["a"], decided_by=world["b"]
    )


def url(world, tail: str = "") -> str:
    return f"/en/partnerships/{world['partnership'].slug}/indicators/{tail}"


def test_the_library_filters_by_sdg_and_searches_in_every_language(client, db):
    body = client.get("/en/indicators/?sdg=6").content.decode()
    assert "L-06-01" in body and "L-05-01" not in body
    body = client.get("/en/indicators/?q=fietspad").content.decode()
    assert "L-11-02" in body and "L-06-01" not in body
    assert "1 indicator" in body
    body = client.get("/nl/indicators/L-06-01/".replace("L-06-01/", "")).content.decode()
    assert "Aandeel huishoudens met toegang tot veilig beheerd drinkwater" in body


def test_the_indicator_page_shows_optimum_reason_and_thresholds(client, water):
    body = client.get(f"/fr/indicators/{water.pk}/").content.decode()
    assert "Part des ménages ayant accès à une eau potable gérée en toute sécurité" in body
    assert "Accès universel" in body


def test_coordinator_proposes_and_the_partner_accepts(client, world, water):
    client.force_login(world["coordinator_a"])
    response = client.post(
        url(world, "propose/"), {"indicator": water.pk, "municipality": world["a"].pk, "reason": "Both towns"}
    )
    assert response.status_code == 302
    selection = Selection.objects.get(partnership=world["partnership"], indicator=water)
    assert selection.status == Selection.Status.PROPOSED
    assert selection.proposed_by == world["a"]
    client.force_login(world["coordinator_b"])
    body = client.get(url(world)).content.decode()
    assert "Accept" in body
    assert client.post(url(world, f"{selection.pk}/decide/"), {"decision": "accept"}).status_code == 302
    selection.refresh_from_db()
    assert selection.status == Selection.Status.ACCEPTED
    assert selection.decided_by == world["b"]


def test_a_coordinator_cannot_accept_her_own_municipalitys_proposal(client, world, water):
    selection = SelectionFactory(
        partnership=world["partnership"], indicator=water, proposed_by=world["a"], status=Selection.Status.PROPOSED
    )
    client.force_login(world["coordinator_a"])
    assert "Waiting for the partner" in client.get(url(world)).content.decode()
    assert client.post(url(world, f"{selection.pk}/decide/"), {"decision": "accept"}).status_code == 403
    selection.refresh_from_db()
    assert selection.status == Selection.Status.PROPOSED


def test_the_decision_is_taken_for_the_member_the_user_coordinates_other_than_the_proposer(world, water):
    selection = SelectionFactory(
        partnership=world["partnership"], indicator=water, proposed_by=world["a"], status=Selection.Status.PROPOSED
    )
    assert policy.indicator_deciding_municipality(world["coordinator_b"], selection) == world["b"]
    assert policy.indicator_deciding_municipality(world["admin"], selection) == world["b"]  # admins coordinate all
    selection.proposed_by = world["b"]
    assert policy.indicator_deciding_municipality(world["admin"], selection) == world["a"]


def test_the_partner_declines_and_the_indicator_can_be_proposed_again(client, world, water):
    selection = SelectionFactory(
        partnership=world["partnership"], indicator=water, proposed_by=world["a"], status=Selection.Status.PROPOSED
    )
    client.force_login(world["coordinator_b"])
    client.post(url(world, f"{selection.pk}/decide/"), {"decision": "decline"})
    selection.refresh_from_db()
    assert selection.status == Selection.Status.DECLINED
    response = client.post(url(world, "propose/"), {"indicator": water.pk, "municipality": world["b"].pk})
    assert response.status_code == 302
    selection.refresh_from_db()
    assert (selection.status, selection.proposed_by) == (Selection.Status.PROPOSED, world["b"])


def test_proposing_an_indicator_twice_is_refused(client, world, selected, water):
    client.force_login(world["coordinator_a"])
    response = client.post(url(world, "propose/"), {"indicator": water.pk, "municipality": world["a"].pk})
    assert response.status_code == 400
    assert Selection.objects.count() == 1


def test_staff_cannot_propose(client, world, water):
    client.force_login(world["staff_a"])
    response = client.post(url(world, "propose/"), {"indicator": water.pk, "municipality": world["a"].pk})
    assert response.status_code == 403
    assert not Selection.objects.exists()


def test_coordinator_adds_an_own_indicator_only_members_see(client, world):
    client.force_login(world["coordinator_b"])
    data = {
        "code": "AB-01", "name_0": "Boreholes repaired <script>x</script>", "name_1": "", "name_2": "", "name_3": "",
        "definition_0": "", "definition_1": "", "definition_2": "", "definition_3": "",
        "unit_0": "number", "unit_1": "", "unit_2": "", "unit_3": "", "direction": "higher_is_better",
        "source": "", "optimum": "20", "lower_bound": "0", "optimum_reason_0": "", "optimum_reason_1": "",
        "optimum_reason_2": "", "optimum_reason_3": "", "green_threshold": "15", "red_threshold": "5",
        "sdgs_goals": ["6"], "sdgs_targets": ["6.1"],
    }  # fmt: skip
    assert client.post(url(world, "custom/"), data).status_code == 302
    own = LibraryIndicator.objects.get(owner=world["partnership"])
    assert {link.target.code for link in own.sdg_links.select_related("target")} == {"6.1"}
    body = client.get(f"/en/indicators/{own.pk}/").content.decode()
    assert "<script>x" not in body and "Boreholes repaired" in body
    client.logout()
    assert client.get(f"/en/indicators/{own.pk}/").status_code == 404
    assert "No indicator matches your search." in client.get("/en/indicators/?q=AB-01").content.decode()


def test_thresholds_against_the_direction_get_a_clear_message(client, world):
    client.force_login(world["coordinator_a"])
    data = {"code": "X", "name_0": "X", "direction": "lower_is_better", "optimum": "0", "lower_bound": "100",
            "green_threshold": "50", "red_threshold": "10", "sdgs_goals": ["6"]}  # fmt: skip
    body = client.post(url(world, "custom/"), data).content.decode()
    assert "Lower is better: the optimum must be at most the green threshold" in body
    assert not LibraryIndicator.objects.filter(owner__isnull=False).exists()


def test_each_municipality_sets_its_own_baseline_and_target(client, world, selected):
    client.force_login(world["staff_a"])
    data = {"baseline_year": "2018", "baseline_value": "61,5", "target_year": "2030", "target_value": "95"}
    response = client.post(url(world, f"{selected.pk}/baseline/{world['a'].slug}/"), data)
    assert response.status_code == 302
    row = BaselineTarget.objects.get(selection=selected, municipality=world["a"])
    assert (row.baseline_value, row.target_year) == (61.5, 2030)
    response = client.post(url(world, f"{selected.pk}/baseline/{world['b'].slug}/"), data)
    assert response.status_code == 403
    assert BaselineTarget.objects.count() == 1


def test_a_target_year_before_the_baseline_is_refused(client, world, selected):
    client.force_login(world["coordinator_a"])
    data = {"baseline_year": "2020", "baseline_value": "10", "target_year": "2019", "target_value": "20"}
    body = client.post(url(world, f"{selected.pk}/baseline/{world['a'].slug}/"), data).content.decode()
    assert "The target year must come after the baseline year." in body
    assert not BaselineTarget.objects.exists()


def test_staff_enter_measurements_and_entering_a_year_again_replaces_it(client, world, selected):
    client.force_login(world["staff_a"])
    target = url(world, f"{selected.pk}/measurements/{world['a'].slug}/")
    client.post(target, {"year": "2022", "value": "70,5", "source": "Utility", "note": ""})
    client.post(target, {"year": "2022", "value": "71.25", "source": "Utility", "note": "corrected"})
    client.post(target, {"year": "2022", "value": "40", "sex": "female", "age_group": "15-24"})
    rows = Measurement.objects.filter(municipality=world["a"]).order_by("sex")
    assert [(m.sex, m.value, m.note) for m in rows] == [("", 71.25, "corrected"), ("female", 40.0, "")]
    assert rows[0].entered_by == world["staff_a"]


def test_bad_measurements_get_clear_messages_in_the_users_language(client, world, selected):
    client.force_login(world["staff_a"])
    target = f"/nl/partnerships/{world['partnership'].slug}/indicators/{selected.pk}/measurements/{world['a'].slug}/"
    body = client.post(target, {"year": "1850", "value": "veel"}).content.decode()
    assert "Enter a year from 1990 onwards." in body or "1990" in body
    assert "12,5" in body  # the number message shows both decimal marks
    assert not Measurement.objects.exists()


def test_the_dashboard_shows_both_municipalities_statuses_and_a_chart(client, world, selected):
    BaselineFactory(selection=selected, municipality=world["a"], baseline_year=2015, baseline_value=50,
                    target_year=2030, target_value=80)  # fmt: skip
    for year, value in [(2016, 53), (2018, 57), (2020, 60)]:
        MeasurementFactory(indicator=selected.indicator, municipality=world["a"], year=year, value=value)
    BaselineFactory(selection=selected, municipality=world["b"], baseline_year=2015, baseline_value=40,
                    target_year=2030, target_value=90)  # fmt: skip
    MeasurementFactory(indicator=selected.indicator, municipality=world["b"], year=2020, value=38)
    client.force_login(world["citizen"])
    body = client.get(url(world, "dashboard/")).content.decode()
    assert "On track" in body and "Deterioration" in body
    assert "<svg" in body and "<caption>" in body and 'scope="row"' in body
    assert "chart__target series-0" in body and "chart__target series-1" in body
    assert "Lommeltown" in body and "Ongwetown" in body
    assert "Clean Water and Sanitation" in body or "6." in body


def test_the_csv_export_neutralises_formulas(client, world, selected):
    MeasurementFactory(indicator=selected.indicator, municipality=world["a"], year=2020, value=5, note="=HYPERLINK(1)")
    MeasurementFactory(indicator=selected.indicator, municipality=world["b"], year=2021, value=-3, source="@cmd")
    client.force_login(world["staff_a"])
    response = client.get(url(world, "export.csv"))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["indicator", "municipality", "year"]
    assert rows[1][7] == "'=HYPERLINK(1)"
    assert rows[2][5] == "-3.0" and rows[2][6] == "'@cmd"


def test_members_see_a_summary_panel_and_visitors_see_none(client, world, selected):
    MeasurementFactory(indicator=selected.indicator, municipality=world["a"], year=2015, value=50)
    MeasurementFactory(indicator=selected.indicator, municipality=world["a"], year=2020, value=60)
    page = f"/en/partnerships/{world['partnership'].slug}/"
    assert "Open the indicator dashboard" not in client.get(page).content.decode()
    client.force_login(world["coordinator_b"])
    body = client.get(page).content.decode()
    assert "The partners follow 1 indicator together." in body
    assert "1 of 2 municipality figures are on track" in body


def test_own_indicators_of_another_partnership_cannot_be_proposed(client, world):
    other = IndicatorFactory(owner=world["private"], code="CD-9")
    client.force_login(world["coordinator_a"])
    response = client.post(url(world, "propose/"), {"indicator": other.pk, "municipality": world["a"].pk})
    assert response.status_code == 400
    assert not Selection.objects.exists()
