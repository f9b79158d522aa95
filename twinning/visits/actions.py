"""Writes on visits, their delegation and programme, the compensation plan and tree plantings.

Each function validates before it writes (raising ``ValidationError`` with translated messages
keyed by field) and runs in one transaction. Permission checks happen before (policy module).
"""

from __future__ import annotations

import re
from datetime import date
from zoneinfo import available_timezones

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from twinning.foundation import policy
from twinning.foundation.concurrency import save_versioned
from twinning.foundation.models import Municipality, Partnership
from twinning.sdg.links import SdgSelection, set_links
from twinning.visits import airports
from twinning.visits.models import (
    Agreement,
    CompensationMethod,
    CompensationPlan,
    Delegate,
    ProgrammeItem,
    TreePlanting,
    Visit,
    new_feed_token,
)

VISIT_FIELDS = ["start_date", "end_date", "host", "purpose", "time_zone"]
DELEGATE_FIELDS = [
    "name",
    "role",
    "organisation",
    "gender",
    "travelling_from",
    "cabin_class",
    "departure_airport",
    "arrival_airport",
]
ITEM_FIELDS = ["day", "start_time", "end_time", "place", "who", "what", "good_practice"]
AGREEMENT_FIELDS = ["what", "owner_municipality", "owner_name", "owner_email", "deadline", "status", "follow_up"]
PLAN_FIELDS = [
    "kg_co2_per_tree_year",
    "tree_years",
    "trees_home",
    "trees_host",
    "include_non_co2",
    "method",
    "offset_price_per_tonne",
    "offset_currency",
]
CURRENCY_CODE = re.compile(r"^[A-Z]{3}$")


def _check_member(partnership: Partnership, municipality: Municipality, field: str) -> None:
    if municipality.pk not in policy.member_ids(partnership):
        raise ValidationError({field: _("%(name)s is not a member of this partnership.") % {"name": municipality}})


def _check_visit(partnership: Partnership, data: dict) -> None:
    if data["end_date"] < data["start_date"]:
        raise ValidationError({"end_date": _("The last day cannot be before the first day of the visit.")})
    if data["time_zone"] not in available_timezones():
        raise ValidationError({"time_zone": _("Unknown time zone: use a name such as Europe/Brussels.")})
    _check_member(partnership, data["host"], "host")


@transaction.atomic
def visit_create(partnership: Partnership, *, data: dict, sdgs: SdgSelection, is_demo: bool = False) -> Visit:
    _check_visit(partnership, data)
    visit = Visit.objects.create(partnership=partnership, is_demo=is_demo, **{k: data[k] for k in VISIT_FIELDS})
    set_links(visit, sdgs)
    return visit


@transaction.atomic
def visit_update(visit: Visit, *, expected_version: int, data: dict, sdgs: SdgSelection) -> Visit:
    """Raises EditConflict when someone saved the visit since ``expected_version``."""
    _check_visit(visit.partnership, data)
    if (visit.start_date, visit.end_date) != (data["start_date"], data["end_date"]):
        outside = visit.items.exclude(day__range=(data["start_date"], data["end_date"]))
        if outside.exists():
            raise ValidationError({"start_date": _("Some programme items fall outside these dates: move them first.")})
    for name in VISIT_FIELDS:
        setattr(visit, name, data[name])
    save_versioned(visit, expected_version, VISIT_FIELDS)
    set_links(visit, sdgs)
    return visit


@transaction.atomic
def visit_delete(visit: Visit) -> None:
    visit.delete()


@transaction.atomic
def feed_token_rotate(visit: Visit) -> str:
    """A new secret for the calendar feed; the old subscription URL stops working."""
    visit.feed_token = new_feed_token()
    visit.save(update_fields=["feed_token"])
    return visit.feed_token


def _clean_airports(data: dict) -> dict:
    """Upper-case IATA codes ("" means the nearest airport); an unknown code is a ValidationError."""
    errors = {}
    codes = {}
    for name in ("departure_airport", "arrival_airport"):
        code = airports.normalise(data.get(name, ""))
        if code and code not in airports.AIRPORTS:
            errors[name] = _(
                "Unknown airport code “%(code)s”: use a three-letter IATA code from the airport table on the CO2 page "
                "(e.g. BRU, OND), or leave the field empty for the nearest airport."
            ) % {"code": code}
        codes[name] = code
    if errors:
        raise ValidationError(errors)
    return {**data, **codes}


@transaction.atomic
def delegate_add(visit: Visit, *, data: dict, sdgs: SdgSelection) -> Delegate:
    _check_member(visit.partnership, data["travelling_from"], "travelling_from")
    data = _clean_airports(data)
    delegate = Delegate.objects.create(visit=visit, **{k: data.get(k, "") for k in DELEGATE_FIELDS})
    set_links(delegate, sdgs)
    return delegate


@transaction.atomic
def delegate_remove(delegate: Delegate) -> None:
    delegate.delete()


def _check_item(visit: Visit, data: dict) -> None:
    day: date = data["day"]
    if not visit.start_date <= day <= visit.end_date:
        raise ValidationError(
            {
                "day": _("The day must fall within the visit, %(start)s to %(end)s.")
                % {"start": visit.start_date, "end": visit.end_date}
            }
        )
    if data["end_time"] <= data["start_time"]:
        raise ValidationError({"end_time": _("The item must end after it starts.")})


@transaction.atomic
def item_add(visit: Visit, *, data: dict, sdgs: SdgSelection) -> ProgrammeItem:
    _check_item(visit, data)
    item = ProgrammeItem.objects.create(visit=visit, **{k: data[k] for k in ITEM_FIELDS})
    set_links(item, sdgs)
    return item


@transaction.atomic
def item_update(item: ProgrammeItem, *, data: dict, sdgs: SdgSelection) -> ProgrammeItem:
    """Saves the item and raises its iCalendar SEQUENCE so subscribed calendars take the change."""
    _check_item(item.visit, data)
    for name in ITEM_FIELDS:
        setattr(item, name, data[name])
    item.sequence = F("sequence") + 1
    item.save()
    item.refresh_from_db(fields=["sequence", "updated_at"])
    set_links(item, sdgs)
    return item


@transaction.atomic
def item_remove(item: ProgrammeItem) -> None:
    item.delete()


def _check_plan(data: dict) -> dict:
    price = data.get("offset_price_per_tonne")
    currency = (data.get("offset_currency") or "").strip().upper()
    errors = {}
    if price is not None and price < 0:
        errors["offset_price_per_tonne"] = _("A price cannot be negative.")
    elif data.get("method") == CompensationMethod.OFFSET and price is None:
        errors["offset_price_per_tonne"] = _("Give the price per tonne of the certified offset.")
    if not CURRENCY_CODE.match(currency):
        errors["offset_currency"] = _("Give the currency as a three-letter ISO 4217 code, e.g. EUR.")
    if errors:
        raise ValidationError(errors)
    return {**data, "offset_currency": currency}


@transaction.atomic
def plan_update(partnership: Partnership, *, data: dict) -> CompensationPlan:
    data = _check_plan({"method": CompensationMethod.TREES, "offset_currency": "EUR", **data})
    plan, _created = CompensationPlan.objects.update_or_create(
        partnership=partnership, defaults={k: data.get(k) for k in PLAN_FIELDS if k in data}
    )
    return plan


@transaction.atomic
def tree_planting_add(partnership: Partnership, *, data: dict, photo=None, is_demo: bool = False) -> TreePlanting:
    _check_member(partnership, data["municipality"], "municipality")
    visit = data.get("visit")
    if visit is not None and visit.partnership_id != partnership.pk:
        raise ValidationError({"visit": _("Choose a visit of this partnership.")})
    planting = TreePlanting(
        partnership=partnership,
        visit=visit,
        date=data["date"],
        municipality=data["municipality"],
        count=data["count"],
        place=data["place"],
        is_demo=is_demo,
    )
    if photo is not None:
        planting.photo.save(photo.name, photo, save=False)
    planting.save()
    return planting


def _check_agreement(visit: Visit, data: dict) -> None:
    if data["deadline"] < visit.start_date:
        raise ValidationError(
            {
                "deadline": _("The deadline cannot be before the visit started (%(start)s).")
                % {"start": visit.start_date}
            }
        )
    _check_member(visit.partnership, data["owner_municipality"], "owner_municipality")


@transaction.atomic
def agreement_add(visit: Visit, *, data: dict, sdgs: SdgSelection, is_demo: bool = False) -> Agreement:
    """A new row: partners adding agreements at the same time never collide."""
    _check_agreement(visit, data)
    agreement = Agreement.objects.create(visit=visit, is_demo=is_demo, **{k: data[k] for k in AGREEMENT_FIELDS})
    set_links(agreement, sdgs)
    return agreement


@transaction.atomic
def agreement_update(agreement: Agreement, *, expected_version: int, data: dict, sdgs: SdgSelection) -> Agreement:
    """Raises EditConflict when a partner saved this agreement since ``expected_version``.

    A changed deadline may be reminded of again.
    """
    _check_agreement(agreement.visit, data)
    fields = list(AGREEMENT_FIELDS)
    if data["deadline"] != agreement.deadline:
        agreement.reminded_before = agreement.reminded_after = None
        fields += ["reminded_before", "reminded_after"]
    for name in AGREEMENT_FIELDS:
        setattr(agreement, name, data[name])
    save_versioned(agreement, expected_version, fields)
    set_links(agreement, sdgs)
    return agreement
