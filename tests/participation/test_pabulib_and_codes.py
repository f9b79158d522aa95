"""The Pabulib export and the one-time ballot codes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from twinning.participation import codes, pabulib, sanitise


def test_pabulib_file_has_the_three_sections_and_reads_back():
    text = pabulib.write(
        {"description": "Demo; vote", "budget": 1000},
        [pabulib.PabulibProject(1, 600, 2, "Solar; school", True), pabulib.PabulibProject(2, 500, 1, "Well", False)],
        [[2, 1], [1]],
    )
    assert text.splitlines()[:2] == ["META", "key;value"]
    assert "PROJECTS\nproject_id;cost;votes;name;selected\n1;600;2;Solar, school;1\n2;500;1;Well;0\n" in text
    assert text.endswith("VOTES\nvoter_id;vote\n1;1,2\n2;1\n")
    parsed = pabulib.read(text)
    assert parsed["meta"]["num_projects"] == "2"
    assert parsed["meta"]["num_votes"] == "2"
    assert parsed["meta"]["description"] == "Demo, vote"
    assert [p["project_id"] for p in parsed["projects"]] == ["1", "2"]
    assert parsed["votes"][0] == {"voter_id": "1", "vote": "1,2"}


def test_a_new_code_is_three_groups_of_four_without_look_alikes():
    code = codes.new_code()
    assert len(code) == 14 and code.count("-") == 2
    assert codes.looks_valid(code)
    assert not set(code.replace("-", "")) & set("01ILO")


def test_a_code_typed_in_lower_case_with_spaces_has_the_same_hash():
    assert codes.code_hash("k7qm 3xpa t9wd") == codes.code_hash("K7QM-3XPA-T9WD")
    assert len(codes.code_hash("K7QM-3XPA-T9WD")) == 64
    assert not codes.looks_valid("K7QM-3XPA")


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_sanitised_text_respects_the_length_and_has_no_runs_of_whitespace(value):
    cleaned = sanitise.plain_text(value, 120)
    assert len(cleaned) <= 120
    assert cleaned == cleaned.strip()
    assert "  " not in cleaned


def test_sanitising_drops_scripts_and_tags():
    assert sanitise.plain_text("<script>alert(1)</script><b>Mayan</b>  cosmovision", 100) == "Mayan cosmovision"
