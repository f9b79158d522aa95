"""The SVG chart geometry and the spreadsheet-safe export cells, worked by hand."""

from __future__ import annotations

from twinning.indicators.chart import Series, layout, nice_step
from twinning.indicators.export import safe_cell


def test_nice_steps_are_1_2_or_5_times_a_power_of_ten():
    assert nice_step(100) == 20
    assert nice_step(7) == 2
    assert nice_step(0.3) == 0.1


def test_the_chart_places_years_left_to_right_and_values_bottom_to_top():
    chart = layout([Series("A", [(2020, 0.0), (2030, 100.0)], baseline=(2020, 0.0), target=(2030, 100.0))])
    a = chart.series[0]
    assert a.dots[0][:2] == (chart.plot_left, chart.plot_bottom)
    assert a.dots[1][:2] == (chart.plot_right, chart.plot_top)
    assert a.path == "M56.0,224.0 L544.0,16.0"  # 560 wide, 260 high, margins 56/16/16/36
    assert a.target_line == (chart.plot_left, chart.plot_bottom, chart.plot_right, chart.plot_top)
    assert [label for _y, label in chart.y_ticks] == ["0", "20", "40", "60", "80", "100"]


def test_an_empty_chart_says_so():
    assert layout([Series("A", [])]).empty


def test_formula_cells_are_neutralised_and_numbers_kept():
    assert safe_cell("=SUM(A1)") == "'=SUM(A1)"
    assert safe_cell("+1") == "'+1" and safe_cell("-x") == "'-x" and safe_cell("@cmd") == "'@cmd"
    assert safe_cell(-3.5) == "-3.5" and safe_cell(2024) == "2024"
    assert safe_cell("Lommel") == "Lommel" and safe_cell(None) == ""
