"""Short join codes for workshops: easy to read aloud and type on a phone.

Six characters from an alphabet without look-alikes (no 0/O, 1/I/L): 30**6, about 729 million
codes. Participants may type them in lower case or with spaces or dashes; ``normalise`` reads
them back.
"""

from __future__ import annotations

import re
import secrets

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ2345679"
LENGTH = 6


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(text: str) -> str:
    """``" abc-d e f "`` -> ``"ABCDEF"``; an empty string when it cannot be a code."""
    code = re.sub(r"[\s\-_.]+", "", text or "").upper()
    if len(code) != LENGTH or any(char not in ALPHABET for char in code):
        return ""
    return code
