"""Which language a text is written in, by counting frequent function words (a documented
stop-word method: no model, no download). German, Italian and Portuguese are recognised too, so
that a text in one of them is refused by name instead of being mapped as if it were Dutch."""

from __future__ import annotations

import re

from twinning.mapper.matcher import LANGUAGES, fold

STOP_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the of and to in is are for with that this will be by on as from at we our it an which "
        "have has not or their they its all more these can should would".split()
    ),
    "nl": frozenset(
        "de het een en van in is zijn voor met dat die op te worden wordt we wij onze ook niet "
        "bij aan door naar om als er nog meer deze dit kunnen zal zullen".split()
    ),
    "fr": frozenset(
        "le la les des du de et un une est sont pour dans que qui avec sur au aux nous notre nos "
        "ce cette ces pas par plus sera seront leur leurs il elle".split()
    ),
    "es": frozenset(
        "el la los las de del y un una es son para en que con por se al nuestro nuestra su sus "
        "lo como mas este esta estos sera seran todos".split()
    ),
    "de": frozenset(
        "der die das und ist sind nicht mit ein eine auf fur von zu den dem des wir unsere sich "
        "auch werden wird im bei".split()
    ),
    "it": frozenset(
        "il lo gli le di e che per con sono della delle degli nella nel una un non anche questo questa dei".split()
    ),
    "pt": frozenset(
        "o os as da do das dos e que para com em uma um nao sao mais pela pelo nosso nossa "
        "tambem este esta sera".split()
    ),
}
TOKEN = re.compile(r"[^\W\d_]+")
SAMPLE = 20_000  # characters read: enough for a sure answer, bounded for long documents
MIN_HITS = 3


def detect(text: str) -> str | None:
    """The most likely language code ("en", "nl", "fr", "es", or "de", "it", "pt" which the mapper
    does not support), or None when the text is too short or matches no list."""
    counts = dict.fromkeys(STOP_WORDS, 0)
    for token in TOKEN.findall(fold(text[:SAMPLE])):
        for code, words in STOP_WORDS.items():
            if token in words:
                counts[code] += 1
    ranked = sorted(counts, key=lambda code: -counts[code])
    best, runner_up = ranked[0], ranked[1]
    needed = MIN_HITS if len(text) > 300 else 1
    if counts[best] < needed or counts[best] == counts[runner_up]:
        return None
    return best


def is_supported(code: str | None) -> bool:
    return code in LANGUAGES
