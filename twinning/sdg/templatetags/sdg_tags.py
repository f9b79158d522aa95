"""Server-rendered SVG components: the goal tile and the SDG wheel, plus link display."""

from __future__ import annotations

from django import template

from twinning.sdg.selectors import all_goals
from twinning.sdg.tile import text_colour, wrap_title
from twinning.sdg.wheel import wheel_segments

register = template.Library()

TILE_SIZES = {"sm": 48, "md": 96, "lg": 160}


@register.inclusion_tag("sdg/components/tile.html")
def sdg_tile(goal, size: str = "md", link: bool = False):
    """A square tile in the goal's colour with its number and short title in the current language."""
    pixels = TILE_SIZES.get(size, TILE_SIZES["md"])
    return {
        "goal": goal,
        "pixels": pixels,
        "size": size,
        "link": link,
        "ink": text_colour(goal.colour),
        "lines": [
            (46 + 12 * i, line, len(line) > 13) for i, line in enumerate(wrap_title(goal.short, width=12, max_lines=5))
        ]
        if size != "sm"
        else [],
    }


@register.inclusion_tag("sdg/components/wheel.html")
def sdg_wheel(values: dict | None, caption: str, value_label: str = "", link: bool = False, size: int = 240):
    """The 17-segment wheel; ``values`` maps goal numbers to 0..1. A table repeats it for screen readers."""
    values = values or {}
    goals = {goal.number: goal for goal in all_goals()}
    segments = [
        {"segment": segment, "goal": goals.get(segment.number), "percent": round(segment.value * 100)}
        for segment in wheel_segments(values, size=200)
    ]
    return {
        "segments": segments,
        "caption": caption,
        "value_label": value_label,
        "link": link,
        "size": size,
    }


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


@register.simple_tag
def goals():
    return all_goals()
