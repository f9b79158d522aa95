"""Panels of the partnership page, and links on the "My work" page, that feature apps fill.

A feature app registers a panel in its ``AppConfig.ready()``:
``register_panel(PartnershipPanel("practices", "community/panel.html", latest_practices))``.
The context function receives (request, partnership) and returns a dict, or None to hide
the panel. Panels must keep their own query count constant.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class PartnershipPanel:
    key: str
    template: str
    context: Callable
    order: int = 100


_PANELS: dict[str, PartnershipPanel] = {}


def register_panel(panel: PartnershipPanel) -> None:
    _PANELS[panel.key] = panel


def panels_for(request, partnership) -> list[dict]:
    rendered = []
    for panel in sorted(_PANELS.values(), key=lambda p: (p.order, p.key)):
        context = panel.context(request, partnership)
        if context is not None:
            rendered.append({"key": panel.key, "template": panel.template, "context": context})
    return rendered


@dataclass(frozen=True)
class AccountLink:
    """A link on the "My work" page to a page of one's own (settings, one's data) in a feature app."""

    key: str
    label: str  # a lazily translated string
    url_name: str
    order: int = 100


_ACCOUNT_LINKS: dict[str, AccountLink] = {}


def register_account_link(link: AccountLink) -> None:
    _ACCOUNT_LINKS[link.key] = link


def account_links() -> list[AccountLink]:
    return sorted(_ACCOUNT_LINKS.values(), key=lambda link: (link.order, link.key))
