"""The iCalendar (.ics) feed of a visit's programme: one VEVENT per programme item.

Each item keeps a stable UID; SEQUENCE rises and LAST-MODIFIED moves on every change, so
subscribed calendars replace the event instead of adding a second one.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from twinning.visits.models import ProgrammeItem, Visit

PRODID = "-//SDG Twinning//Work visits//EN"


def item_uid(item: ProgrammeItem) -> str:
    return f"visit-{item.visit_id}-item-{item.pk}@sdg-twinning"


def visit_calendar(visit: Visit, items: list[ProgrammeItem], *, title: str, url: str = "") -> bytes:
    zone = ZoneInfo(visit.time_zone)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", title)
    for item in items:
        event = Event()
        event.add("uid", item_uid(item))
        event.add("dtstamp", item.updated_at.astimezone(UTC))
        event.add("last-modified", item.updated_at.astimezone(UTC))
        event.add("sequence", item.sequence)
        event.add("dtstart", datetime.combine(item.day, item.start_time, tzinfo=zone))
        event.add("dtend", datetime.combine(item.day, item.end_time, tzinfo=zone))
        event.add("summary", item.what.splitlines()[0][:200] if item.what else item.place)
        event.add("location", item.place)
        description = "\n".join(part for part in [item.what, item.who] if part)
        if description:
            event.add("description", description)
        if url:
            event.add("url", url)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
