"""Sources of the members' digest e-mail that feature apps fill.

A feature app registers a source in its ``AppConfig.ready()``:
``register_digest_source(DigestSource("feed", _("New posts"), new_posts_for))``. The function
receives (user, since) and returns the items the user has not seen since that moment and may
see, newest first. The digest task asks every source and sends one e-mail per member.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class DigestItem:
    title: str
    url: str
    when: dt.datetime
    partnership: str = ""


@dataclass(frozen=True)
class DigestSource:
    key: str
    heading: str
    items: Callable[..., list[DigestItem]]
    order: int = 100


_SOURCES: dict[str, DigestSource] = {}


def register_digest_source(source: DigestSource) -> None:
    _SOURCES[source.key] = source


def digest_sources() -> list[DigestSource]:
    return sorted(_SOURCES.values(), key=lambda source: (source.order, source.key))
