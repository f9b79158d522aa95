"""Markup of the SVG components, built in Python: the partnership page shows 17 tiles and a
wheel on every view, and building them here costs a fraction of a template loop per segment.
Every text is escaped; the wheel carries <title>s and a table fallback for screen readers."""

from __future__ import annotations

from functools import lru_cache

from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _

from twinning.sdg.tile import text_colour, wrap_title
from twinning.sdg.wheel import wheel_segments

TILE_SIZES = {"sm": 48, "md": 96, "lg": 160}


@lru_cache(maxsize=16)
def _goals_path(language: str) -> str:
    with translation.override(language):
        return reverse("sdg:goals")


def goal_url(number: int) -> str:
    """The goal page's address; the prefix depends only on the URL configuration and language."""
    return f"{_goals_path(translation.get_language() or 'en')}{number}/"


def tile(goal, size: str = "md", link: bool = False) -> SafeString:
    """A square in the goal's colour with its number and, from size md up, its short title."""
    pixels = TILE_SIZES.get(size, TILE_SIZES["md"])
    ink = text_colour(goal.colour)
    label = _("Goal %(number)s: %(title)s") % {"number": goal.number, "title": goal.short}
    if size == "sm":
        texts = format_html('<text x="8" y="66" fill="{}" font-size="56" font-weight="700">{}</text>', ink, goal.number)
    else:
        lines = wrap_title(goal.short, width=12, max_lines=5)
        texts = format_html(
            '<text x="8" y="30" fill="{}" font-size="28" font-weight="700">{}</text>{}',
            ink,
            goal.number,
            format_html_join(
                "",
                '<text x="7" y="{}"{} fill="{}" font-size="10" font-weight="700">{}</text>',
                (
                    (
                        46 + 12 * i,
                        mark_safe(' textLength="86" lengthAdjust="spacingAndGlyphs"') if len(line) > 13 else "",
                        ink,
                        line.upper(),
                    )  # noqa: S308 - constant markup
                    for i, line in enumerate(lines)
                ),
            ),
        )
    svg = format_html(
        '<svg class="sdg-tile sdg-tile--{}" width="{}" height="{}" viewBox="0 0 100 100" role="img" aria-label="{}">'
        '<rect width="100" height="100" rx="4" fill="{}"/>{}</svg>',
        size, pixels, pixels, label, goal.colour, texts,
    )  # fmt: skip
    if link:
        return format_html('<a class="sdg-tile-link" href="{}">{}</a>', goal_url(goal.number), svg)
    return svg


def wheel(
    goals: dict, values: dict, caption: str, value_label: str = "", link: bool = False, size: int = 240
) -> SafeString:
    """17 segments filled outward by their value, each with a <title>; a table repeats the values."""
    caption_id = f"{slugify(caption) or 'wheel'}-cap"
    parts = []
    rows = []
    for segment in wheel_segments(values or {}, size=200):
        goal = goals[segment.number]
        percent = round(segment.value * 100)
        name = f"{goal}: {percent}%" if value_label else str(goal)
        fill = format_html('<path d="{}" fill="{}"/>', segment.fill, goal.colour) if segment.fill else ""
        body = format_html(
            '<title>{}</title><path d="{}" fill="{}" fill-opacity=".22"/>{}'
            '<text x="{}" y="{}" text-anchor="middle" dominant-baseline="central" font-size="9" font-weight="700" '
            'fill="#111" aria-hidden="true">{}</text>',
            name, segment.background, goal.colour, fill, f"{segment.label_x:.2f}", f"{segment.label_y:.2f}", segment.number,
        )  # fmt: skip
        if link:
            parts.append(format_html('<a href="{}" aria-label="{}">{}</a>', goal_url(segment.number), name, body))
        else:
            parts.append(format_html("<g>{}</g>", body))
        rows.append(format_html('<tr><th scope="row">{}</th><td>{}%</td></tr>', goal, percent))
    return format_html(
        '<figure class="sdg-wheel"><svg viewBox="0 0 200 200" width="{}" height="{}" role="{}" aria-labelledby="{}">{}</svg>'
        '<figcaption id="{}">{}</figcaption>'
        '<details class="sdg-wheel__table"><summary>{}</summary><table><caption class="visually-hidden">{}</caption>'
        '<thead><tr><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table></details></figure>',
        size, size, "group" if link else "img", caption_id, mark_safe("".join(parts)),  # noqa: S308 - parts are escaped above
        caption_id, caption, _("Show as a table"), caption, _("SDG"), value_label or _("Value"),
        mark_safe("".join(rows)),  # noqa: S308 - rows are escaped above
    )  # fmt: skip
