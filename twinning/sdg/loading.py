"""Load the SDG reference texts from files in the sdg-translations YAML layout.

A data folder holds one sub-folder per language (en, fr, es, nl) with ``global_goals.yml``
(``1-short``, ``1-title``), ``global_targets.yml`` (``1-a-title``) and
``global_indicators.yml`` (``1-a-1-title``). The loader upserts by number or code, so an
operator can reload updated titles without touching links that point at them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"
LANGUAGES = ("en", "nl", "fr", "es")

_GOAL_KEY = re.compile(r"^(\d{1,2})-(short|title)$")
_TARGET_KEY = re.compile(r"^(\d{1,2})-([0-9a-z]{1,2})-title$")
_INDICATOR_KEY = re.compile(r"^(\d{1,2})-([0-9a-z]{1,2})-(\d{1,2})-title$")


class SdgDataError(ValueError):
    pass


@dataclass
class SdgTexts:
    goals: dict[int, dict[str, dict[str, str]]] = field(default_factory=dict)  # n -> {"short"|"title": {lang: text}}
    targets: dict[str, dict[str, str]] = field(default_factory=dict)  # "1.a" -> {lang: text}
    indicators: dict[str, dict[str, str]] = field(default_factory=dict)  # "1.a.1" -> {lang: text}


def _order(part: str) -> int:
    """Numbered targets first (1..n), then lettered ones (a, b, c)."""
    return int(part) if part.isdigit() else 100 + ord(part) - ord("a")


def target_sort_key(code: str) -> tuple[int, ...]:
    return tuple(_order(part) for part in code.split("."))


def _read_yaml(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    if not isinstance(data, dict):
        raise SdgDataError(f"{path}: expected a mapping of keys to texts")
    # The source files hold some accented letters decomposed (NFD); store them composed (NFC)
    # so that searching and comparing accented text works.
    return {str(key): unicodedata.normalize("NFC", str(value).strip()) for key, value in data.items() if value}


def read_texts(directory: Path = DATA_DIR, languages: tuple[str, ...] = LANGUAGES) -> SdgTexts:
    texts = SdgTexts()
    for language in languages:
        folder = directory / language
        for key, value in _read_yaml(folder / "global_goals.yml").items():
            match = _GOAL_KEY.match(key)
            if match:
                goal = texts.goals.setdefault(int(match[1]), {"short": {}, "title": {}})
                goal[match[2]][language] = value
        for key, value in _read_yaml(folder / "global_targets.yml").items():
            match = _TARGET_KEY.match(key)
            if match:
                texts.targets.setdefault(f"{match[1]}.{match[2]}", {})[language] = value
        for key, value in _read_yaml(folder / "global_indicators.yml").items():
            match = _INDICATOR_KEY.match(key)
            if match:
                texts.indicators.setdefault(f"{match[1]}.{match[2]}.{match[3]}", {})[language] = value
    if not texts.goals:
        raise SdgDataError(f"{directory}: no goals found")
    return texts


def read_goal_meta(directory: Path = DATA_DIR) -> dict[int, dict[str, str]]:
    with (directory / "goal_meta.yml").open(encoding="utf-8") as handle:
        return {int(number): meta for number, meta in yaml.safe_load(handle).items()}


@dataclass
class LoadReport:
    goals: int = 0
    targets: int = 0
    indicators: int = 0


def load_texts(texts: SdgTexts, goal_model, target_model, indicator_model, meta=None) -> LoadReport:
    """Upsert goals, targets and indicators; texts for missing languages are kept as they were."""
    meta = meta if meta is not None else read_goal_meta()
    report = LoadReport()
    goals = {goal.number: goal for goal in goal_model.objects.all()}
    for number in sorted(texts.goals):
        entry = texts.goals[number]
        goal = goals.get(number) or goal_model(number=number)
        goal.short_title = {**(goal.short_title or {}), **entry["short"]}
        goal.title = {**(goal.title or {}), **entry["title"]}
        if number in meta:
            goal.colour = meta[number]["colour"]
            goal.pillar = meta[number]["pillar"]
        goal.save()
        goals[number] = goal
        report.goals += 1

    targets = {target.code: target for target in target_model.objects.all()}
    for code in sorted(texts.targets, key=target_sort_key):
        number = int(code.split(".")[0])
        if number not in goals:
            raise SdgDataError(f"target {code} belongs to unknown goal {number}")
        target = targets.get(code) or target_model(code=code, goal=goals[number])
        target.goal = goals[number]
        target.order = _order(code.split(".")[1])
        target.title = {**(target.title or {}), **texts.targets[code]}
        target.save()
        targets[code] = target
        report.targets += 1

    indicators = {indicator.code: indicator for indicator in indicator_model.objects.all()}
    for code in sorted(texts.indicators, key=target_sort_key):
        target_code = ".".join(code.split(".")[:2])
        if target_code not in targets:
            raise SdgDataError(f"indicator {code} belongs to unknown target {target_code}")
        indicator = indicators.get(code) or indicator_model(code=code, target=targets[target_code])
        indicator.target = targets[target_code]
        indicator.order = int(code.split(".")[2])
        indicator.title = {**(indicator.title or {}), **texts.indicators[code]}
        indicator.save()
        report.indicators += 1
    return report
