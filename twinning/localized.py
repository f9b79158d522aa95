"""Text stored per language in one JSON object, and the form field that edits it.

Content written by users (descriptions, titles) and the SDG reference texts are kept as
``{"en": ..., "nl": ..., "fr": ..., "es": ...}``. ``localized()`` picks the visitor's
language and falls back to English, then to any language that has text.
"""

from __future__ import annotations

from collections.abc import Mapping

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def localized(texts: Mapping[str, str] | None, language: str | None = None) -> str:
    if not texts:
        return ""
    language = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    for code in (language, settings.LANGUAGE_CODE, *texts.keys()):
        value = texts.get(code)
        if value:
            return value
    return ""


class LocalizedTextWidget(forms.MultiWidget):
    template_name = "widgets/localized_text.html"

    def __init__(self, textarea: bool = False, attrs=None):
        self.codes = language_codes()
        widgets = [forms.Textarea(attrs={"rows": 4}) if textarea else forms.TextInput() for _code in self.codes]
        super().__init__(widgets, attrs)

    def decompress(self, value):
        value = value or {}
        return [value.get(code, "") for code in self.codes]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        names = dict(settings.LANGUAGES)
        for code, sub in zip(self.codes, context["widget"]["subwidgets"], strict=True):
            sub["language_name"] = names[code]
            sub["language_code"] = code
            sub["attrs"]["lang"] = code
        return context


class LocalizedTextField(forms.MultiValueField):
    """Edits a {language: text} dict; at least one language must be filled in when required."""

    def __init__(self, *, textarea: bool = False, max_length: int | None = None, **kwargs):
        fields = [forms.CharField(required=False, max_length=max_length) for _code in language_codes()]
        kwargs.setdefault("widget", LocalizedTextWidget(textarea=textarea))
        kwargs.setdefault("error_messages", {"required": _("Fill in the text in at least one language.")})
        super().__init__(fields=fields, require_all_fields=False, **kwargs)

    def compress(self, data_list):
        data_list = data_list or []
        return {
            code: text.strip() for code, text in zip(language_codes(), data_list, strict=False) if text and text.strip()
        }

    def validate(self, value):
        if self.required and not value:
            raise forms.ValidationError(_("Fill in the text in at least one language."), code="required")
