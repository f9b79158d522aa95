"""Every dependency in the requirements files has its line of why in docs/architecture.md."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def requirement_names() -> set[str]:
    names = set()
    for filename in ["requirements.txt", "requirements-dev.txt"]:
        for line in (ROOT / filename).read_text().splitlines():
            line = line.split("#", 1)[0].strip()
            if not line or line.startswith("-"):
                continue
            names.add(re.split(r"[\[<>=!~; ]", line, maxsplit=1)[0].lower())
    return names


def documented_names() -> set[str]:
    text = (ROOT / "docs" / "architecture.md").read_text()
    table = text[text.index("## Dependencies, one line of why") :]
    names = set()
    for row in table.splitlines():
        if row.startswith("| ") and not row.startswith("| dependency") and not row.startswith("| ---"):
            first_cell = row.split("|")[1]
            names |= {re.split(r"[\[ (]", part.strip(), maxsplit=1)[0].lower() for part in first_cell.split(",")}
    return names


def test_every_requirement_has_a_line_of_why_in_the_architecture_document():
    normalise = lambda name: name.replace("_", "-")  # noqa: E731
    missing = {normalise(n) for n in requirement_names()} - {normalise(n) for n in documented_names()}
    assert not missing, f"add a line of why to docs/architecture.md for: {sorted(missing)}"
