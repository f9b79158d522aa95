"""CSV import: Flemish and Latin American spreadsheets, every problem by row and column, all
rows or none, and re-importing the same file changes nothing."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from tests.indicators.factories import SelectionFactory
from twinning.indicators import actions, tableimport
from twinning.indicators.models import ImportBatch, LibraryIndicator, Measurement
from twinning.indicators.tableimport import MAX_ROWS, decode, detect_delimiter, parse, parse_number

CODES = {"L-06-01", "L-11-05"}


def problems(data: bytes) -> list[tuple[int, str]]:
    return [(p.row, p.column) for p in parse(data, indicator_codes=CODES, municipality_slug="town-a").problems]


def test_flemish_semicolons_and_decimal_commas_are_read():
    parsed = parse(
        b"indicator;year;value\nL-06-01;2020;71,5\nL-11-05;2021;1.234,5\n",
        indicator_codes=CODES,
        municipality_slug="town-a",
    )
    assert parsed.ok and parsed.delimiter == ";"
    assert [(r.indicator, r.year, r.value) for r in parsed.rows] == [("L-06-01", 2020, 71.5), ("L-11-05", 2021, 1234.5)]


def test_comma_separated_files_with_decimal_points_are_read():
    parsed = parse(
        b'indicator,year,value,note\nL-06-01,2020,71.5,"ok, checked"\n',
        indicator_codes=CODES,
        municipality_slug="town-a",
    )
    assert parsed.ok and parsed.delimiter == ","
    assert parsed.rows[0].value == 71.5 and parsed.rows[0].note == "ok, checked"


def test_latin1_with_a_bom_and_spanish_headers_is_read():
    data = b"\xef\xbb\xbf" + "indicador;año;valor;fuente\nL-06-01;2020;71,5;Dirección de Agua\n".encode("latin-1")
    parsed = parse(data, indicator_codes=CODES, municipality_slug="town-a")
    assert parsed.ok, parsed.problems
    assert parsed.encoding == "cp1252"
    assert parsed.rows[0].source == "Dirección de Agua"


def test_utf8_with_a_bom_is_read():
    text, encoding = decode("\ufeffjaar;waarde\n".encode())
    assert (text, encoding) == ("jaar;waarde\n", "utf-8-sig")


def test_number_and_separator_helpers():
    assert parse_number("1 234,5") == 1234.5
    assert parse_number("1,234.5") == 1234.5
    assert parse_number("abc") is None and parse_number("nan") is None
    assert detect_delimiter("a\tb\tc") == "\t"


def test_every_problem_gets_its_own_message_by_row_and_column():
    data = (
        b"indicator;year;value;sex\n"
        b"L-99-99;2020;1;\n"  # unknown indicator
        b"L-06-01;1850;1;\n"  # year out of range
        b"L-06-01;twenty;1;\n"  # not a year
        b"L-06-01;2021;many;\n"  # not a number
        b"L-06-01;2022;1;x\n"  # bad sex
        b"L-06-01;2023;1;\n"
        b"L-06-01;2023;2;\n"  # duplicate of the row above
    )
    assert problems(data) == [(2, "indicator"), (3, "year"), (4, "year"), (5, "value"), (6, "sex"), (8, "year")]


def test_empty_files_missing_columns_and_rows_of_another_municipality_are_refused():
    assert problems(b"") == [(0, "")]
    assert problems(b"indicator;year;value\n") == [(0, "")]
    assert problems(b"indicator;value\nL-06-01;1\n") == [(1, "year")]
    assert problems(b"indicator;municipality;year;value\nL-06-01;town-b;2020;1\n") == [(2, "municipality")]
    assert problems(b"indicator;year;value;note\nL-06-01;2020;1;" + b"x" * 501 + b"\n") == [(2, "note")]


def test_too_many_rows_are_refused(monkeypatch):
    monkeypatch.setattr(tableimport, "MAX_ROWS", 50)
    data = b"indicator;year;value\n" + b"".join(f"L-06-01;{1990 + i};{i}\n".encode() for i in range(51))
    with translation.override("en"):
        found = parse(data, indicator_codes=CODES, municipality_slug="town-a").problems
    assert [(p.row, p.column, p.message) for p in found] == [
        (52, "", "The file has more than 50 rows. Split it into smaller files.")
    ]
    assert MAX_ROWS >= 100_000  # the benchmark's file fits


def test_too_large_files_are_refused_before_reading(monkeypatch):
    monkeypatch.setattr(tableimport, "MAX_BYTES", 10)
    with translation.override("en"):
        found = parse(b"indicator;year;value\n", indicator_codes=CODES, municipality_slug="town-a").problems
    assert [p.message for p in found] == [
        f"The file is larger than {tableimport.MAX_MB} MB. Split it into smaller files."
    ]


@pytest.fixture
def selected(world):
    water = LibraryIndicator.objects.get(code="L-06-01")
    return SelectionFactory(
        partnership=world["partnership"], indicator=water, proposed_by=world["a"], decided_by=world["b"]
    )


def upload(client, world, content: bytes, name: str = "values.csv"):
    url = f"/nl/partnerships/{world['partnership'].slug}/indicators/import/{world['a'].slug}/"
    return client.post(url, {"file": SimpleUploadedFile(name, content, content_type="text/csv")})


def test_staff_preview_a_file_with_a_bad_row_fix_it_and_import_all_rows(client, world, selected):
    client.force_login(world["staff_a"])
    response = upload(client, world, b"indicator;year;value\nL-06-01;2020;71,5\nL-06-01;2021;veel\n")
    assert response.status_code == 302
    preview = client.get(response["Location"])
    body = preview.content.decode()
    assert "veel" in body and '<th scope="row">3</th>' in body
    assert client.post(response["Location"])["Location"] == response["Location"]
    refused = client.get(response["Location"])
    assert refused.status_code == 400 and "veel" in refused.content.decode()
    assert not Measurement.objects.exists()  # all rows or none
    fixed = upload(client, world, b"indicator;year;value\nL-06-01;2020;71,5\nL-06-01;2021;72,25\n")
    assert client.post(fixed["Location"])["Location"] == fixed["Location"]
    assert '<progress max="100" value="100"' in client.get(fixed["Location"]).content.decode()
    assert sorted(Measurement.objects.values_list("year", "value")) == [(2020, 71.5), (2021, 72.25)]
    assert list(ImportBatch.objects.order_by("pk").values_list("status", flat=True)) == ["failed", "done"]


def test_reimporting_the_same_file_changes_nothing(world, selected):
    content = b"indicator;year;value;sex\nL-06-01;2020;71,5;\nL-06-01;2020;70;female\n"
    for expected in ({"created": 2, "updated": 0, "unchanged": 0}, {"created": 0, "updated": 0, "unchanged": 2}):
        batch = actions.import_create(
            partnership=world["partnership"], municipality=world["a"], upload=SimpleUploadedFile("v.csv", content)
        )
        before = list(Measurement.objects.values_list("pk", "value", "updated_at").order_by("pk"))
        assert actions.import_commit(batch) == expected
    assert list(Measurement.objects.values_list("pk", "value", "updated_at").order_by("pk")) == before


def test_the_export_of_the_partnership_imports_back_unchanged(client, world, selected):
    client.force_login(world["staff_a"])
    first = upload(
        client,
        world,
        b"indicator;year;value;sex;note\nL-06-01;2020;71,5;;Gecontroleerd\nL-06-01;2020;70;female;\n",
    )
    client.post(first["Location"])
    assert Measurement.objects.count() == 2
    exported = client.get(f"/en/partnerships/{world['partnership'].slug}/indicators/export.csv").content
    again = upload(client, world, exported, name="export.csv")
    client.post(again["Location"])
    batch = ImportBatch.objects.order_by("-pk").first()
    assert batch.result == {"created": 0, "updated": 0, "unchanged": 2}
