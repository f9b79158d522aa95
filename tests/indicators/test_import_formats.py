"""XLSX workbooks, the "map columns" step and the Open SDG layout: each export imports back unchanged."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from openpyxl import Workbook, load_workbook

from tests.indicators.factories import MeasurementFactory, SelectionFactory
from twinning.indicators.export import safe_cell, unescape_cell
from twinning.indicators.models import ImportBatch, LibraryIndicator, Measurement
from twinning.indicators.opensdg import opensdg_table
from twinning.indicators.tableimport import parse
from twinning.indicators.xlsx import cell_text, choose_sheet, write_workbook

CODES = {"L-06-01", "L-11-05"}


def workbook(*sheets: tuple[str, list[list]]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets:
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def read(data: bytes, mapping=None):
    with translation.override("en"):
        return parse(data, indicator_codes=CODES, municipality_slug="town-a", mapping=mapping)


def test_a_workbook_sheet_is_read_with_numbers_years_and_text():
    data = workbook(("Metingen", [["indicator", "jaar", "waarde", "bron"], ["L-06-01", 2020, 71.5, "Stad"]]))
    parsed = read(data)
    assert parsed.ok and parsed.kind == "xlsx"
    assert [(r.indicator, r.year, r.value, r.source) for r in parsed.rows] == [("L-06-01", 2020, 71.5, "Stad")]


def test_a_workbook_without_a_measurements_sheet_gets_its_own_message():
    data = workbook(("Summary", [["x"]]), ("Data 2024", [["indicator", "year", "value"]]))
    parsed = read(data)
    assert [(p.row, p.column) for p in parsed.problems] == [(0, "")]
    assert "no sheet named “measurements”" in parsed.problems[0].message
    assert "Summary, Data 2024" in parsed.problems[0].message


def test_the_only_sheet_is_read_whatever_its_name():
    assert choose_sheet(["Blad1"]) == "Blad1"
    assert choose_sheet(["Notes", "Mediciones"]) == "Mediciones"


def test_broken_and_old_workbooks_are_refused_with_a_message():
    assert "not a readable XLSX" in read(b"PK\x03\x04 not really a zip").problems[0].message
    assert ".xls" in read(b"\xd0\xcf\x11\xe0 old binary").problems[0].message


def test_cells_read_as_the_text_a_csv_file_would_hold():
    assert cell_text(2020.0) == "2020" and cell_text(71.5) == "71.5" and cell_text(None) == ""
    assert cell_text(-0.25) == "-0.25" and cell_text("L-06-01") == "L-06-01"


def test_an_exported_workbook_neutralises_formulas_and_keeps_numbers():
    data = write_workbook(["indicator", "value", "note"], [["L-06-01", 71.5, "=HYPERLINK(1)"]])
    sheet = load_workbook(io.BytesIO(data))["measurements"]
    assert [cell.value for cell in sheet[2]] == ["L-06-01", 71.5, "'=HYPERLINK(1)"]
    assert sheet["C2"].data_type == "s"


def test_the_neutralising_quote_comes_off_on_import():
    for text in ("=SUM(A1)", "+1", "-x", "@cmd", "'quoted", "plain"):
        assert unescape_cell(safe_cell(text)) == text


def test_a_mapping_reads_files_whose_headers_differ():
    data = "Código;Periodo;Cifra\nL-06-01;2020;71,5\n".encode()
    unmapped = read(data)
    assert unmapped.needs_mapping and unmapped.header == ["Código", "Periodo", "Cifra"]
    mapped = read(data, mapping={"columns": {"indicator": 0, "year": 1, "value": 2}})
    assert mapped.ok and mapped.rows[0].value == 71.5


def test_one_indicator_for_every_row_and_unknown_fixed_indicators():
    data = b"Year,Sex,Value\n2020,,71.5\n2020,Female,70\n"
    mapped = read(data, mapping={"columns": {"year": 0, "sex": 1, "value": 2}, "indicator": "L-06-01"})
    assert mapped.ok and {(r.indicator, r.sex) for r in mapped.rows} == {("L-06-01", ""), ("L-06-01", "female")}
    wrong = read(data, mapping={"columns": {"year": 0, "value": 2}, "indicator": "L-99-99"})
    assert [(p.row, p.column) for p in wrong.problems] == [(0, "indicator")]


def test_the_open_sdg_layout_has_year_first_breakdowns_then_value_and_totals_first():
    header, rows = opensdg_table([(2021, "female", "", 70.0), (2021, "", "", 71.5), (2020, "", "", 69.0)])
    assert header == ["Year", "Sex", "Value"]
    assert rows == [[2020, "", 69.0], [2021, "", 71.5], [2021, "Female", 70.0]]
    header, rows = opensdg_table([(2020, "", "15-24", 3.0)])
    assert header == ["Year", "Age", "Value"] and rows == [[2020, "15-24", 3.0]]


@pytest.fixture
def filled(world):
    water = LibraryIndicator.objects.get(code="L-06-01")
    selection = SelectionFactory(
        partnership=world["partnership"], indicator=water, proposed_by=world["a"], decided_by=world["b"]
    )
    for year, sex, age_group, value, note in [
        (2020, "", "", 71.5, "=checked"),
        (2020, "female", "", 70.25, ""),
        (2021, "male", "65+", 12.0, "Latin-1 é"),
    ]:
        MeasurementFactory(
            indicator=water, municipality=world["a"], year=year, sex=sex, age_group=age_group, value=value, note=note
        )
    return selection


def import_back(client, world, content: bytes, name: str) -> str:
    slug, town = world["partnership"].slug, world["a"].slug
    response = client.post(
        f"/en/partnerships/{slug}/indicators/import/{town}/", {"file": SimpleUploadedFile(name, content)}
    )
    return response["Location"]


def test_the_xlsx_export_imports_back_unchanged(client, world, filled):
    client.force_login(world["staff_a"])
    exported = client.get(f"/en/partnerships/{world['partnership'].slug}/indicators/export.xlsx")
    assert exported["Content-Type"].startswith("application/vnd.openxmlformats")
    before = list(Measurement.objects.values_list("pk", "value", "note", "updated_at").order_by("pk"))
    page = import_back(client, world, exported.content, "export.xlsx")
    client.post(page)
    assert ImportBatch.objects.get().result == {"created": 0, "updated": 0, "unchanged": 3}
    assert list(Measurement.objects.values_list("pk", "value", "note", "updated_at").order_by("pk")) == before


def test_the_open_sdg_export_imports_back_after_mapping_the_indicator(client, world, filled):
    client.force_login(world["staff_a"])
    url = f"/en/partnerships/{world['partnership'].slug}/indicators/{filled.pk}/opensdg/{world['a'].slug}.csv"
    exported = client.get(url)
    assert exported.content.decode().splitlines() == [
        "Year,Sex,Age,Value",
        "2020,,,71.5",
        "2020,Female,,70.25",
        "2021,Male,65+,12.0",
    ]
    page = import_back(client, world, exported.content, "indicator_L-06-01_town-a.csv")
    preview = client.get(page)
    assert "Map columns" in preview.content.decode()
    columns = client.get(page + "columns/")
    assert 'value="L-06-01" selected' in columns.content.decode()  # guessed from the file name
    mapped = client.post(
        page + "columns/", {"fixed_indicator": "L-06-01", "year": "0", "sex": "1", "age_group": "2", "value": "3"}
    )
    assert mapped["Location"] == page
    client.post(page)
    assert ImportBatch.objects.get().result == {"created": 0, "updated": 0, "unchanged": 3}


def test_the_mapping_form_names_what_is_missing_or_used_twice(client, world, filled):
    client.force_login(world["staff_a"])
    page = import_back(client, world, b"a;b;c\nL-06-01;2020;1\n", "odd.csv")
    response = client.post(page + "columns/", {"indicator": "0", "year": "1", "value": "1"})
    assert response.status_code == 400
    assert "Each column can hold one field only." in response.content.decode()
    response = client.post(page + "columns/", {"value": "2"})
    body = response.content.decode()
    assert "Choose the column that holds this field." in body
    assert "Choose the column with the indicator codes, or one indicator for every row." in body
    assert ImportBatch.objects.get().mapping == {}
