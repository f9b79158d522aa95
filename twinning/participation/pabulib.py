"""The Pabulib file format (pabulib.org, Faliszewski et al., "Participatory Budgeting: Data,
Tools and Analysis", IJCAI 2023), used to share participatory-budgeting results for research.

A file has three sections separated by their headers, each a table with ``;`` between fields:
META (key;value), PROJECTS (project_id;cost;votes;name;selected) and VOTES (voter_id;vote),
where ``vote`` lists the chosen project ids separated by commas. Voter ids here are the
ballot's position in a random order, never a person.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class PabulibProject:
    id: int
    cost: int
    votes: int
    name: str
    selected: bool


def _clean(value: object) -> str:
    return " ".join(str(value).replace(";", ",").split())


def write(meta: Mapping[str, object], projects: Sequence[PabulibProject], votes: Iterable[Sequence[int]]) -> str:
    votes = [sorted(vote) for vote in votes]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    out.write("META\n")
    writer.writerow(["key", "value"])
    rows = {**meta, "num_projects": len(projects), "num_votes": len(votes)}
    for key, value in rows.items():
        writer.writerow([key, _clean(value)])
    out.write("PROJECTS\n")
    writer.writerow(["project_id", "cost", "votes", "name", "selected"])
    for project in projects:
        writer.writerow([project.id, project.cost, project.votes, _clean(project.name), int(project.selected)])
    out.write("VOTES\n")
    writer.writerow(["voter_id", "vote"])
    for number, vote in enumerate(votes, start=1):
        writer.writerow([number, ",".join(str(pid) for pid in vote)])
    return out.getvalue()


def read(text: str) -> dict[str, list[dict[str, str]] | dict[str, str]]:
    """Parses a Pabulib file back into {"meta": {...}, "projects": [...], "votes": [...]} (for recounts)."""
    sections: dict[str, list[list[str]]] = {}
    current = ""
    for line in text.splitlines():
        if line.strip() in {"META", "PROJECTS", "VOTES"}:
            current = line.strip()
            sections[current] = []
        elif current and line.strip():
            sections[current].append(next(csv.reader([line], delimiter=";")))

    def table(name: str) -> list[dict[str, str]]:
        header, *body = sections.get(name, [[]])
        return [dict(zip(header, row, strict=False)) for row in body]

    return {
        "meta": {row["key"]: row["value"] for row in table("META")},
        "projects": table("PROJECTS"),
        "votes": table("VOTES"),
    }
