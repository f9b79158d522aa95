"""Pure rules behind the SDG visuals, with hand-computed examples."""

from __future__ import annotations

import pytest
from django.template import Context, Template

from twinning.sdg.tile import contrast_ratio, text_colour, wrap_title
from twinning.sdg.wheel import annular_sector, clamp, wheel_segments


def test_contrast_ratio_of_black_on_white_is_21():
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)


def test_tile_text_colour_is_the_more_readable_one():
    assert text_colour("#FCC30B") == "#111111"  # yellow goal 7: dark text
    assert text_colour("#19486A") == "#FFFFFF"  # dark blue goal 17: white text
    for colour in ["#E5243B", "#DDA63A", "#26BDE2", "#FD9D24", "#A21942"]:
        assert contrast_ratio(colour, text_colour(colour)) >= 4.5


def test_wrap_title_breaks_on_words_and_marks_a_cut():
    assert wrap_title("Clean water and sanitation", width=12) == ["Clean water", "and", "sanitation"]
    assert wrap_title("a b c d e f", width=1, max_lines=2) == ["a", "b…"]


def test_clamp_keeps_values_between_0_and_1():
    assert clamp(None) == 0.0
    assert clamp(float("nan")) == 0.0
    assert clamp(1.7) == 1.0
    assert clamp(-3) == 0.0
    assert clamp(0.25) == 0.25


def test_wheel_has_17_segments_starting_at_twelve_oclock():
    segments = wheel_segments({1: 1.0, 6: 0.5}, size=200)
    assert [s.number for s in segments] == list(range(1, 18))
    assert segments[0].fill and segments[5].fill and not segments[1].fill
    # segment 1 starts just right of the top: its outer start point is near (100, 1)
    start = segments[0].background.split("A")[0]
    x, y = (float(v) for v in start[1:].split())
    assert 100 < x < 102 and 1 <= y < 2


def test_annular_sector_of_a_quarter_ring():
    path = annular_sector(0, 0, 1, 2, 0, 90)
    assert path == "M2.00 0.00A2.00 2.00 0 0 1 0.00 2.00L0.00 1.00A1.00 1.00 0 0 0 1.00 0.00Z"


@pytest.mark.django_db
def test_wheel_component_renders_titles_and_a_table_fallback():
    html = Template("{% load sdg_tags %}{% sdg_wheel values 'Our SDGs' value_label='Share' %}").render(
        Context({"values": {6: 0.5}})
    )
    assert html.count("<path") == 17 + 1  # 17 backgrounds, one filled segment
    assert "<title>6. Clean water and sanitation: 50%</title>" in html
    assert "<table>" in html and '<th scope="row">6. Clean water and sanitation</th><td>50%</td>' in html


@pytest.mark.django_db
def test_tile_component_shows_number_and_short_title_in_the_current_language():
    from django.utils import translation

    from twinning.sdg.models import Goal

    with translation.override("fr"):
        html = Template("{% load sdg_tags %}{% sdg_tile goal %}").render(Context({"goal": Goal.objects.get(number=6)}))
    assert 'fill="#26BDE2"' in html
    assert ">EAU PROPRE<" in html and ">ASSAINISSEMENT<" in html
    assert 'aria-label="' in html
