"""The curated indicator library: read and check ``data/library.yml``, and load it.

The data migration and ``manage.py load_indicator_library`` both call ``load_library``,
which upserts by code, so an operator can reload corrected texts without touching the
partnerships' selections and measurements that point at the indicators.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

LIBRARY_FILE = Path(__file__).resolve().parent / "data" / "library.yml"
LANGUAGES = ("en", "nl", "fr", "es")
DIRECTIONS = ("higher_is_better", "lower_is_better")
_CODE = re.compile(r"^L-\d{2}-\d{2}$")
_TARGET = re.compile(r"^(\d{1,2})\.([0-9]{1,2}|[a-z])$")


class LibraryError(ValueError):
    pass


@dataclass(frozen=True)
class LibraryEntry:
    code: str
    name: dict[str, str]
    definition: dict[str, str]
    unit: dict[str, str]
    direction: str
    source: str
    optimum: float
    lower_bound: float
    optimum_reason: dict[str, str]
    green_threshold: float
    red_threshold: float
    targets: tuple[str, ...]

    @property
    def goals(self) -> frozenset[int]:
        return frozenset(int(code.split(".")[0]) for code in self.targets)


def thresholds_problem(direction: str, optimum: float, lower_bound: float, green: float, red: float) -> str | None:
    """Why the bounds and thresholds do not fit the direction, or None when they do.

    Higher is better: lower bound < red < green <= optimum. Lower is better: the mirror.
    """
    if direction == "higher_is_better":
        ok = lower_bound < red < green <= optimum
    elif direction == "lower_is_better":
        ok = optimum <= green < red < lower_bound
    else:
        return f"unknown direction {direction!r}"
    if ok:
        return None
    return f"thresholds do not fit {direction}: optimum {optimum}, green {green}, red {red}, lower bound {lower_bound}"


def _texts(value, where: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise LibraryError(f"{where}: expected texts per language")
    texts = {code: str(value.get(code) or "").strip() for code in LANGUAGES}
    missing = [code for code, text in texts.items() if not text]
    if missing:
        raise LibraryError(f"{where}: missing {', '.join(missing)}")
    return texts


def read_library(path: Path = LIBRARY_FILE) -> list[LibraryEntry]:
    """Parse and check the whole file; raise LibraryError naming the first problem."""
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    units = {key: _texts(texts, f"unit {key}") for key, texts in (data.get("units") or {}).items()}
    reasons = {key: _texts(texts, f"reason {key}") for key, texts in (data.get("reasons") or {}).items()}
    entries: list[LibraryEntry] = []
    seen: set[str] = set()
    for raw in data.get("indicators") or []:
        code = str(raw.get("code", ""))
        if not _CODE.match(code):
            raise LibraryError(f"bad indicator code {code!r}")
        if code in seen:
            raise LibraryError(f"{code}: code used twice")
        seen.add(code)
        if raw.get("unit") not in units:
            raise LibraryError(f"{code}: unknown unit {raw.get('unit')!r}")
        if raw.get("reason") not in reasons:
            raise LibraryError(f"{code}: unknown reason {raw.get('reason')!r}")
        targets = tuple(str(target) for target in raw.get("targets") or [])
        if not targets or not all(_TARGET.match(target) for target in targets):
            raise LibraryError(f"{code}: targets must be official target codes such as 6.1, got {targets}")
        try:
            numbers = [float(raw[key]) for key in ("optimum", "lower_bound", "green", "red")]
        except (KeyError, TypeError, ValueError) as exc:
            raise LibraryError(f"{code}: optimum, lower_bound, green and red must be numbers") from exc
        optimum, lower_bound, green, red = numbers
        problem = thresholds_problem(str(raw.get("direction")), optimum, lower_bound, green, red)
        if problem:
            raise LibraryError(f"{code}: {problem}")
        entries.append(
            LibraryEntry(
                code=code,
                name=_texts(raw.get("name"), f"{code} name"),
                definition=_texts(raw.get("definition"), f"{code} definition"),
                unit=units[raw["unit"]],
                direction=str(raw["direction"]),
                source=str(raw.get("source") or "").strip(),
                optimum=optimum,
                lower_bound=lower_bound,
                optimum_reason=reasons[raw["reason"]],
                green_threshold=green,
                red_threshold=red,
                targets=targets,
            )
        )
    return entries


def load_library(
    entries: list[LibraryEntry], indicator_model, write_links: Callable[[object, LibraryEntry], None]
) -> int:
    """Upsert the library indicators (owner empty) by code and rewrite their SDG links."""
    existing = {obj.code: obj for obj in indicator_model.objects.filter(owner__isnull=True)}
    for entry in entries:
        obj = existing.get(entry.code) or indicator_model(code=entry.code)
        obj.name = entry.name
        obj.definition = entry.definition
        obj.unit = entry.unit
        obj.direction = entry.direction
        obj.source = entry.source
        obj.optimum = entry.optimum
        obj.lower_bound = entry.lower_bound
        obj.optimum_reason = entry.optimum_reason
        obj.green_threshold = entry.green_threshold
        obj.red_threshold = entry.red_threshold
        obj.save()
        write_links(obj, entry)
    return len(entries)
