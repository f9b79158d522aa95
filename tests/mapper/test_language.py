"""Language detection by function words."""

from __future__ import annotations

import pytest

from twinning.mapper.language import detect, is_supported
from twinning.mapper.suggest import suggestion_language


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The council will renovate the swimming pool and the library for all residents.", "en"),
        ("De gemeente zal het zwembad en de bibliotheek voor alle inwoners vernieuwen.", "nl"),
        ("La commune va rénover la piscine et la bibliothèque pour tous les habitants.", "fr"),
        ("El ayuntamiento renovará la piscina y la biblioteca para todos los vecinos.", "es"),
        ("Die Gemeinde wird das Schwimmbad und die Bibliothek für alle Einwohner erneuern.", "de"),
    ],
)
def test_detects_the_language_of_a_sentence(text, code):
    assert detect(text) == code


def test_german_is_recognised_but_not_supported():
    assert not is_supported(detect("Die Gemeinde und der Rat sind für die Bürger da."))


def test_numbers_alone_have_no_language():
    assert detect("2025 2026 12,5 % 3.000") is None


@pytest.mark.parametrize(
    ("text", "page_language", "code"),
    [
        ("De gemeente zal het zwembad en de bibliotheek voor alle inwoners vernieuwen.", "fr", "nl"),
        ("Die Gemeinde wird das Schwimmbad und die Bibliothek für alle Einwohner erneuern.", "es", "es"),
        ("Die Gemeinde wird das Schwimmbad und die Bibliothek für alle Einwohner erneuern.", "de", "en"),
        ("", "fr", "fr"),
        ("", None, "en"),
    ],
)
def test_suggestions_read_the_text_in_its_own_language_else_the_pages_else_english(text, page_language, code):
    assert suggestion_language(text, page_language) == code
