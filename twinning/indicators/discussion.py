"""Comment text for the follow-up discussion: plain text, cleaned before it is stored.

No markup is kept or rendered: tags are cut (nh3 with no allowed tags), control characters
dropped, line ends normalised and runs of blank lines shortened. Templates print the text
escaped, with line breaks.
"""

from __future__ import annotations

import html
import re

import nh3

MAX_LENGTH = 2000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BLANK_LINES = re.compile(r"\n{3,}")


def clean_comment(text: str) -> str:
    """The text as it will be stored: no tags, no control characters, at most one blank line in a row."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = html.unescape(nh3.clean(_CONTROL.sub("", text), tags=set(), clean_content_tags={"script", "style"}))
    text = _BLANK_LINES.sub("\n\n", text)
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))
