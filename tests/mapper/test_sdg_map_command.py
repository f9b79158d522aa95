"""The sdg_map command-line contract."""

from __future__ import annotations

import json

import pytest
from django.core.management import CommandError, call_command

from tests.mapper.documents import DUTCH_COALITION, SPANISH_PLAN, make_docx, make_pdf, scanned_pdf


def _run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("sdg_map", *args, stdout=out)
    return out.getvalue()


def test_json_output_follows_the_contract(tmp_path):
    pdf = tmp_path / "akkoord.pdf"
    pdf.write_bytes(make_pdf(DUTCH_COALITION))
    docx = tmp_path / "plan.docx"
    docx.write_bytes(make_docx(SPANISH_PLAN))
    results = json.loads(_run(str(pdf), str(docx), "--format", "json"))
    assert [r["file"] for r in results] == [str(pdf), str(docx)]
    dutch, spanish = results
    assert dutch["language"] == "nl" and spanish["language"] == "es"
    for result in results:
        assert sorted(result["scores"], key=int) == [str(g) for g in range(1, 18)]
        assert all(0 <= v <= 1 for v in result["scores"].values())
        scores = result["scores"]
        assert result["top"] == sorted(result["top"], key=lambda g: -scores[str(g)])
        for passage in result["passages"]:
            assert set(passage) == {"goal", "text", "start", "end"}
            assert passage["goal"] in result["top"] or scores[str(passage["goal"])] > 0
    assert {1, 7, 11, 13, 17} <= set(dutch["top"])
    assert {4, 5, 6} <= set(spanish["top"])
    text = " ".join(" ".join(DUTCH_COALITION).split())
    first = dutch["passages"][0]
    assert " ".join(first["text"].split()) in text  # the PDF's line breaks aside


def test_passage_offsets_point_into_the_text(tmp_path):
    path = tmp_path / "a.txt"
    text = "Intro.\nThe climate plan cuts greenhouse gas emissions. Parking stays free."
    path.write_text(text)
    result = json.loads(_run(str(path)))[0]
    for passage in result["passages"]:
        assert text[passage["start"] : passage["end"]] == passage["text"]
    assert result["top"] == [13]


def test_table_output_is_readable(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "The climate plan cuts greenhouse gas emissions.\nThe forest gets new trees and a wildlife corridor."
    )
    table = _run(str(path), "--format", "table")
    assert "language en" in table and "top: 13, 15" in table


def test_a_bad_file_is_reported_and_the_others_still_mapped(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text("The climate plan cuts greenhouse gas emissions.")
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(scanned_pdf())
    german = tmp_path / "de.txt"
    german.write_text("Die Gemeinde und der Rat sind für die Bürger da, und sie wird das Klima schützen.")
    results = json.loads(_run(str(good), str(scan), str(german)))
    assert results[0]["top"] == [13]
    assert "text layer" in results[1]["error"]
    assert "(de)" in results[2]["error"]


def test_the_command_fails_when_nothing_could_be_mapped(tmp_path):
    with pytest.raises(CommandError):
        _run(str(tmp_path / "missing.pdf"))
