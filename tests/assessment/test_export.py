"""CSV and PDF export of a round."""

from __future__ import annotations

import csv
import io

import pytest
from pypdf import PdfReader

from twinning.assessment import actions
from twinning.assessment.export import neutralise, to_csv
from twinning.sdg.models import Goal


def pdf_colour(hex_colour: str) -> str:
    """A colour as WeasyPrint writes a fill: "0.14902 0.741176 0.886275 rg"."""
    parts = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    return " ".join(f"{part:.6f}".rstrip("0").rstrip(".") for part in parts) + " rg"


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("Water treatment", "Water treatment"),
        (6, "6"),
        (None, ""),
    ],
)
def test_cells_that_could_run_as_formulas_are_prefixed_with_a_quote(cell, safe):
    assert neutralise(cell) == safe


def test_csv_has_a_header_and_one_line_per_row():
    text = to_csv(["a", "b"], [["=1", "x"], ["y", "@z"]])
    assert list(csv.reader(io.StringIO(text))) == [["a", "b"], ["'=1", "x"], ["y", "'@z"]]


@pytest.fixture
def rated_round(world):
    exercise = actions.assessment_start(partnership=world["partnership"], scope="programme")
    round_ = exercise.rounds.get()
    round_.assessment = exercise
    actions.ratings_save(
        round_,
        municipality=world["a"],
        user=None,
        entries={
            6: actions.RatingInput("direct", "=cmd|' /C calc'!A0", frozenset({"6.3"})),
            5: actions.RatingInput("none"),
        },
    )
    actions.ratings_save(
        round_, municipality=world["b"], user=None, entries={6: actions.RatingInput("strong", "+Water")}
    )
    return round_


@pytest.mark.django_db
def test_the_csv_export_has_one_row_per_municipality_and_goal_with_formulas_neutralised(client, world, rated_round):
    client.force_login(world["citizen"])
    response = client.get(f"/en/partnerships/a-b/assessments/{rated_round.assessment_id}/rounds/1/export.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["exercise", "round", "municipality", "SDG", "level", "level name", "targets", "reason"]
    assert [(r[2], r[3], r[4]) for r in rows[1:]] == [
        ("Lommeltown", "5", "none"),
        ("Lommeltown", "6", "direct"),
        ("Ongwetown", "6", "strong"),
    ]
    assert rows[2][6] == "6.3"
    assert rows[2][7] == "'=cmd|' /C calc'!A0"
    assert rows[3][7] == "'+Water"


@pytest.mark.django_db
def test_the_pdf_export_shows_the_wheel_and_the_gaps(client, world, rated_round):
    client.force_login(world["staff_a"])
    response = client.get(f"/en/partnerships/a-b/assessments/{rated_round.assessment_id}/rounds/1/export.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "The partnership programme, round 1" in text
    assert "Combined contribution of the partners per SDG" in text  # the wheel's caption
    # the wheel itself: its 17 segments are filled in the 17 goal colours
    drawing = reader.pages[0].get_contents().get_data().decode("latin1")
    for goal in Goal.objects.all():
        assert pdf_colour(goal.colour) in drawing, goal.number
    assert "6. Clean water and sanitation Direct contribution Strong contribution 83% agree" in " ".join(text.split())
    gaps = text[text.index("Gaps:") : text.index("Where the partners agree")]
    assert "5. Gender equality" in gaps
    assert "6. Clean water" not in gaps
