"""Who a chat message mentions: ``@`` followed by a member's full name or the part of their
e-mail address before the ``@``, matched without regard to case; the longest name wins."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

_WORD = re.compile(r"\w", re.UNICODE)


def handles(full_name: str, email: str) -> list[str]:
    """The names by which a person can be mentioned.

    >>> handles("Liesbeth Peeters", "coordinator.lommel@example.org")
    ['liesbeth peeters', 'coordinator.lommel']
    """
    names = [" ".join(full_name.split()).casefold(), email.split("@", 1)[0].casefold()]
    return [name for name in dict.fromkeys(names) if name]


def find_mentions(text: str, people: Mapping[int, Sequence[str]]) -> set[int]:
    """Ids of the people in ``people`` (id -> handles, casefolded) that ``text`` mentions.

    A handle counts only as a whole: ``@jan`` does not mention ``jana``.

    >>> sorted(find_mentions("Thanks @Jan Vermeulen and @ndapewa!", {1: ["jan vermeulen"], 2: ["ndapewa"], 3: ["sofie"]}))
    [1, 2]
    """
    folded = " ".join(text.split()).casefold()
    by_length = sorted(((handle, pk) for pk, names in people.items() for handle in names), key=lambda row: -len(row[0]))
    found: set[int] = set()
    start = folded.find("@")
    while start != -1:
        rest = folded[start + 1 :]
        for handle, pk in by_length:
            if rest.startswith(handle) and not _WORD.match(rest[len(handle) : len(handle) + 1]):
                found.add(pk)
                break
        start = folded.find("@", start + 1)
    return found
