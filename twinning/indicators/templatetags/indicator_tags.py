"""Labels for statuses and colours, and number formatting for the indicator pages."""

from __future__ import annotations

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from twinning.indicators.normalise import Colour
from twinning.indicators.progress import Status

register = template.Library()

STATUS_LABELS = {
    Status.ACHIEVED: _("Target achieved"),
    Status.ON_TRACK: _("On track"),
    Status.ACCELERATION: _("Acceleration needed"),
    Status.LIMITED: _("Limited progress"),
    Status.DETERIORATION: _("Deterioration"),
    Status.INSUFFICIENT: _("Insufficient data"),
}
COLOUR_LABELS = {
    Colour.GREEN: _("Green: achieved or nearly"),
    Colour.YELLOW: _("Yellow: challenges remain"),
    Colour.ORANGE: _("Orange: significant challenges"),
    Colour.RED: _("Red: major challenges"),
    Colour.GREY: _("Grey: insufficient data"),
}


@register.filter
def status_label(status) -> str:
    return STATUS_LABELS.get(status, "")


@register.filter
def colour_label(colour) -> str:
    return COLOUR_LABELS.get(colour, COLOUR_LABELS[Colour.GREY])


@register.filter
def figure(value) -> str:
    """A measured value in the current language's number format, without needless decimals."""
    if value is None or value == "":
        return "–"
    value = float(value)
    decimals = next((places for places in (0, 1, 2) if round(value, places) == value), 2)
    return number_format(
        round(value, decimals), decimal_pos=decimals, use_l10n=True, force_grouping=abs(value) >= 10000
    )


@register.simple_tag
def statuses():
    return [(status, STATUS_LABELS[status]) for status in Status]


@register.simple_tag
def colours():
    return [(colour, COLOUR_LABELS[colour]) for colour in Colour]
