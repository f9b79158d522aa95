"""Server-rendered SVG components: the goal tile and the SDG wheel, plus link display."""

from __future__ import annotations

from django import template
from django.core.cache import cache
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from twinning.sdg import render
from twinning.sdg.selectors import STRIP_CACHE_KEY, all_goals

register = template.Library()


@register.simple_tag
def sdg_tile(goal, size: str = "md", link: bool = False):
    """A square tile in the goal's colour with its number and short title in the current language."""
    return render.tile(goal, size, link)


@register.simple_tag
def sdg_tile_strip():
    """The 17 small linked tiles; the same for every page in a language, so it is cached."""
    language = get_language() or "en"
    key = f"{STRIP_CACHE_KEY}:{language}"
    html = cache.get(key)
    if html is None:
        html = mark_safe(  # noqa: S308 - each tile escapes its own text
            format_html('<ul class="tile-row" aria-label="{}">', _("The 17 SDGs"))
            + "".join(f"<li>{render.tile(goal, 'sm', True)}</li>" for goal in all_goals())
            + "</ul>"
        )
        cache.set(key, html, 60 * 60 * 24)
    return mark_safe(html)  # noqa: S308


@register.simple_tag
def sdg_wheel(values: dict | None, caption: str, value_label: str = "", link: bool = False, size: int = 240):
    """The 17-segment wheel; ``values`` maps goal numbers to 0..1. A table repeats it for screen readers."""
    return render.wheel(
        {goal.number: goal for goal in all_goals()}, values or {}, str(caption), str(value_label), link, size
    )


@register.inclusion_tag("sdg/components/links.html")
def sdg_links(links):
    """Linked goals as small tiles with the targets and local targets named beside them."""
    grouped: dict[int, dict] = {}
    for link in links:
        entry = grouped.setdefault(link.goal.number, {"goal": link.goal, "codes": []})
        if link.local_target_id:
            entry["codes"].append(link.local_target.code)
        elif link.target_id:
            entry["codes"].append(link.target.code)
    return {"groups": [grouped[number] for number in sorted(grouped)]}
