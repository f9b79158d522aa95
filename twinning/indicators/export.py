"""Cells for spreadsheet exports: text a spreadsheet would run as a formula is neutralised, and the
importer takes the neutralising quote off again so an export imports back unchanged."""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """Numbers stay numbers; text starting with = + - @ (or a tab or carriage return) gets a leading '."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return repr(value) if isinstance(value, float) else str(value)
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def unescape_cell(text: str) -> str:
    """The inverse of ``safe_cell`` for text: "'=SUM(A1)" → "=SUM(A1)"; other text unchanged."""
    return text[1:] if text.startswith("'") and text[1:2] and text[1:2] in "".join(FORMULA_STARTS) else text
