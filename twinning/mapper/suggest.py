"""The seam other apps call to propose SDG tags for a text (stories, activities, proposals)."""

from __future__ import annotations

from twinning.mapper.language import detect
from twinning.mapper.mapping import UnsupportedLanguage, map_text
from twinning.mapper.matcher import LANGUAGES

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


def suggestion_language(text: str, page_language: str | None) -> str:
    """The language to map a form's text in: the one it is written in when the mapper reads it,
    else the page's language when the mapper reads that, else English."""
    language = detect(text)
    if language in LANGUAGES:
        return language
    return page_language if page_language in LANGUAGES else "en"
