"""Writes of the programme app: validated, atomic, with clear translated messages."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from twinning.foundation.concurrency import save_versioned
from twinning.foundation.models import Partnership
from twinning.programme.models import Action, Activity, Currency, Programme, Protocol, ProtocolItem, StrategicGoal
from twinning.programme.protocol_defaults import DEFAULT_ITEMS
from twinning.sdg.links import SdgSelection, set_links


def _check_period(start_year: int, end_year: int) -> None:
    if end_year < start_year:
        raise ValidationError({"end_year": _("The last year cannot be before the first year.")})


@transaction.atomic
def programme_create(partnership: Partnership, *, title: str, description: str, start_year: int, end_year: int):
    _check_period(start_year, end_year)
    return Programme.objects.create(
        partnership=partnership, title=title, description=description, start_year=start_year, end_year=end_year
    )


@transaction.atomic
def programme_update(programme: Programme, *, expected_version: int, data: dict) -> Programme:
    """Raises EditConflict when someone saved the programme since ``expected_version``."""
    _check_period(data["start_year"], data["end_year"])
    for name in ("title", "description", "start_year", "end_year"):
        setattr(programme, name, data[name])
    save_versioned(programme, expected_version, ["title", "description", "start_year", "end_year"])
    return programme


@transaction.atomic
def goal_add(programme: Programme, *, title: str, description: str) -> StrategicGoal:
    return StrategicGoal.objects.create(
        programme=programme, title=title, description=description, position=programme.goals.count()
    )


@transaction.atomic
def action_add(goal: StrategicGoal, *, title: str, description: str) -> Action:
    return Action.objects.create(goal=goal, title=title, description=description, position=goal.actions.count())


def _validate_activity(programme: Programme, data: dict) -> None:
    errors = {}
    budget = data.get("budget")
    if budget is not None and Decimal(budget) < 0:
        errors["budget"] = _("A budget cannot be negative.")
    if data.get("currency") not in Currency.values:
        errors["currency"] = _("Choose a currency from the list.")
    year = data.get("year")
    if year is not None and not programme.start_year <= year <= programme.end_year:
        errors["year"] = _("The year must lie within the programme period %(start)s–%(end)s.") % {
            "start": programme.start_year,
            "end": programme.end_year,
        }
    member_ids = set(programme.partnership.memberships.values_list("municipality_id", flat=True))
    responsible = data.get("responsible")
    if responsible is None or responsible.pk not in member_ids:
        errors["responsible"] = _("The responsible municipality must be a member of the partnership.")
    if errors:
        raise ValidationError(errors)


ACTIVITY_FIELDS = [
    "title",
    "description",
    "responsible",
    "department",
    "budget",
    "currency",
    "status",
    "year",
    "results",
]


@transaction.atomic
def activity_add(action: Action, *, data: dict, sdgs: SdgSelection) -> Activity:
    _validate_activity(action.goal.programme, data)
    activity = Activity.objects.create(
        action=action, position=action.activities.count(), **{name: data.get(name) for name in ACTIVITY_FIELDS}
    )
    set_links(activity, sdgs)
    return activity


@transaction.atomic
def activity_update(activity: Activity, *, data: dict, sdgs: SdgSelection) -> Activity:
    _validate_activity(activity.action.goal.programme, data)
    for name in ACTIVITY_FIELDS:
        setattr(activity, name, data.get(name))
    activity.save()
    set_links(activity, sdgs)
    return activity


@transaction.atomic
def activity_remove(activity: Activity) -> None:
    activity.sdg_links.all().delete()
    activity.delete()


@transaction.atomic
def protocol_for(partnership: Partnership) -> Protocol:
    """The partnership's protocol; on first open it is prefilled with the publication's examples."""
    protocol, created = Protocol.objects.get_or_create(partnership=partnership)
    if created:
        for position, (goal, text) in enumerate(DEFAULT_ITEMS):
            item = ProtocolItem.objects.create(protocol=protocol, text=dict(text), position=position)
            set_links(item, SdgSelection(goals=frozenset({goal})))
    return protocol


def _check_text(text: dict) -> None:
    if not any(value.strip() for value in (text or {}).values()):
        raise ValidationError({"text": _("Fill in the text in at least one language.")})


@transaction.atomic
def protocol_item_add(protocol: Protocol, *, text: dict, sdgs: SdgSelection) -> ProtocolItem:
    _check_text(text)
    item = ProtocolItem.objects.create(protocol=protocol, text=text, position=protocol.items.count())
    set_links(item, sdgs)
    return item


@transaction.atomic
def protocol_item_update(item: ProtocolItem, *, text: dict, sdgs: SdgSelection) -> ProtocolItem:
    _check_text(text)
    item.text = text
    item.save(update_fields=["text"])
    set_links(item, sdgs)
    return item


@transaction.atomic
def protocol_item_remove(item: ProtocolItem) -> None:
    item.sdg_links.all().delete()
    item.delete()
