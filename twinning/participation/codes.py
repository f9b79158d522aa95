"""One-time ballot codes: generated at random, shown once (on the printed sheet), stored only as
a SHA-256 hash. Codes use an alphabet without look-alike characters (no 0/O, 1/I/L) and are
grouped in fours so they can be typed from paper: ``K7QM-3XPA-T9WD``."""

from __future__ import annotations

import hashlib
import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
GROUPS = 3
GROUP_LENGTH = 4


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(GROUPS * GROUP_LENGTH))
    return "-".join(raw[i : i + GROUP_LENGTH] for i in range(0, len(raw), GROUP_LENGTH))


def normalise(typed: str) -> str:
    """What a person typed, in the canonical form: upper case, spaces and dashes dropped, grouped in fours."""
    raw = "".join(ch for ch in typed.upper() if ch.isalnum())
    return "-".join(raw[i : i + GROUP_LENGTH] for i in range(0, len(raw), GROUP_LENGTH))


def code_hash(code: str) -> str:
    return hashlib.sha256(normalise(code).encode()).hexdigest()


def looks_valid(code: str) -> bool:
    raw = normalise(code).replace("-", "")
    return len(raw) == GROUPS * GROUP_LENGTH and all(ch in ALPHABET for ch in raw)
