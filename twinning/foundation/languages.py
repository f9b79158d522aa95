"""Names of the languages a municipality speaks, by ISO 639 code, in the visitor's language."""

from __future__ import annotations

from django.conf.locale import LANG_INFO
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# Languages of partner municipalities that Django's own list does not name.
EXTRA_LANGUAGES = {
    "kj": _("Oshikwanyama"),
    "ng": _("Oshindonga"),
    "wo": _("Wolof"),
    "ff": _("Pulaar"),
    "mnk": _("Mandinka"),
    "qu": _("Quechua"),
    "kek": _("Q'eqchi'"),
    "ha": _("Hausa"),
    "dje": _("Zarma"),
    "fon": _("Fon"),
    "ber": _("Amazigh"),
    "gn": _("Guarani"),
}


def language_name(code: str) -> str:
    if code in EXTRA_LANGUAGES:
        return str(EXTRA_LANGUAGES[code])
    info = LANG_INFO.get(code)
    if info and "name" in info:
        return gettext(info["name"])
    return code


def language_choices() -> list[tuple[str, str]]:
    codes = set(EXTRA_LANGUAGES) | {code for code, info in LANG_INFO.items() if "name" in info and "-" not in code}
    return sorted(((code, language_name(code)) for code in codes), key=lambda item: item[1].lower())
