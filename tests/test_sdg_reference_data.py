"""The project's own SDG data file: complete in four languages, identical to the official UN texts."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from django.core.management import call_command

from twinning.sdg.loading import DATA_DIR, read_texts
from twinning.sdg.models import Goal, Indicator, Target

REFERENCE = Path(__file__).resolve().parents[1].parent / "shared" / "reference" / "sdg-translations"
OFFICIAL_COLOURS = {
    1: "#E5243B", 2: "#DDA63A", 3: "#4C9F38", 4: "#C5192D", 5: "#FF3A21", 6: "#26BDE2", 7: "#FCC30B",
    8: "#A21942", 9: "#FD6925", 10: "#DD1367", 11: "#FD9D24", 12: "#BF8B2E", 13: "#3F7E44", 14: "#0A97D9",
    15: "#56C02B", 16: "#00689D", 17: "#19486A",
}  # fmt: skip
FILES = ["global_goals.yml", "global_targets.yml", "global_indicators.yml"]


@pytest.mark.django_db
def test_migration_loads_17_goals_169_targets_and_the_global_indicators():
    assert Goal.objects.count() == 17
    assert Target.objects.count() == 169
    assert Indicator.objects.count() == 252
    assert {g.number: g.colour for g in Goal.objects.all()} == OFFICIAL_COLOURS


@pytest.mark.django_db
def test_every_goal_target_and_indicator_has_all_four_languages():
    for model, fields in [(Goal, ["title", "short_title"]), (Target, ["title"]), (Indicator, ["title"])]:
        for row in model.objects.all():
            for field in fields:
                texts = getattr(row, field)
                missing = {"en", "nl", "fr", "es"} - {code for code, text in texts.items() if text}
                assert not missing, f"{model.__name__} {row}: {field} lacks {missing}"


def test_dutch_files_are_marked_as_a_working_translation():
    for name in FILES:
        first_line = (DATA_DIR / "nl" / name).read_text(encoding="utf-8").splitlines()[0]
        assert "working translation" in first_line and "not an official UN text" in first_line


def test_five_ps_group_all_17_goals_once():
    meta = yaml.safe_load((DATA_DIR / "goal_meta.yml").read_text())
    assert sorted(meta) == list(range(1, 18))
    assert {m["pillar"] for m in meta.values()} == {"people", "planet", "prosperity", "peace", "partnership"}


@pytest.mark.skipif(not REFERENCE.exists(), reason="the shared reference folder is not present")
@pytest.mark.parametrize("language", ["en", "fr", "es"])
@pytest.mark.parametrize("name", FILES)
def test_official_texts_match_the_reference(language, name):
    ours = yaml.safe_load((DATA_DIR / language / name).read_text(encoding="utf-8"))
    reference = yaml.safe_load((REFERENCE / language / name).read_text(encoding="utf-8"))
    assert set(ours) == set(reference)
    different = [key for key in reference if str(ours[key]).strip() != str(reference[key]).strip()]
    assert not different, f"{language}/{name}: texts differ for {different[:5]}"


@pytest.mark.skipif(not REFERENCE.exists(), reason="the shared reference folder is not present")
def test_dutch_covers_exactly_the_reference_keys():
    for name in FILES:
        reference = yaml.safe_load((REFERENCE / "en" / name).read_text(encoding="utf-8"))
        dutch = yaml.safe_load((DATA_DIR / "nl" / name).read_text(encoding="utf-8"))
        assert set(dutch) == set(reference), name


@pytest.mark.django_db
def test_load_sdg_command_updates_titles_from_a_folder_in_the_same_layout(tmp_path):
    folder = tmp_path / "en"
    folder.mkdir()
    (folder / "global_goals.yml").write_text("6-short: Clean water for all\n6-title: A new official title\n")
    call_command("load_sdg", str(tmp_path), "--language", "en")
    goal = Goal.objects.get(number=6)
    assert goal.short_title["en"] == "Clean water for all"
    assert goal.short_title["nl"] == "Schoon water en sanitair"  # other languages untouched
    assert Target.objects.count() == 169


@pytest.mark.django_db
def test_load_sdg_refuses_a_folder_without_goals(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("load_sdg", str(tmp_path))


def test_reader_sorts_lettered_targets_after_numbered_ones():
    texts = read_texts()
    codes = [code for code in texts.targets if code.startswith("1.")]
    assert set(codes) == {"1.1", "1.2", "1.3", "1.4", "1.5", "1.a", "1.b"}
