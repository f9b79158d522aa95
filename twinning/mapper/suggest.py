"""The seam other apps call to propose SDG tags for a text (stories, activities, proposals)."""

from __future__ import annotations

from twinning.mapper.mapping import UnsupportedLanguage, map_text

MAX_CHARS = 100_000


def suggest_goals(text: str, language: str | None = None) -> list[int]:
    """Goal numbers the text addresses, strongest first; [] when there is nothing to go on."""
    text = (text or "")[:MAX_CHARS]
    if not text.strip():
        return []
    try:
        return map_text(text, language).top
    except UnsupportedLanguage:
        if language is None:
            return []
        raise
