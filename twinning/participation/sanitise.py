"""Citizens' text: stored as plain text without any markup (nh3 removes every tag), whitespace
collapsed and cut to the field's length. Templates escape it again when they show it."""

from __future__ import annotations

import html

import nh3


def plain_text(value: str, max_length: int) -> str:
    cleaned = html.unescape(nh3.clean(value or "", tags=set(), attributes={}))
    return " ".join(cleaned.split())[:max_length]
