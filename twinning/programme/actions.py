"""Writes of the programme app: validated, atomic, with clear translated messages."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from twinning.assessment.priorities import focus_goal
from twinning.foundation.concurrency import save_versioned
from twinning.foundation.models import Partnership
from twinning.programme.models import (
    Action,
    Activity,
    CampaignAction,
    CampaignPlan,
    Channel,
    Currency,
    Programme,
    Protocol,
    ProtocolItem,
    Status,
    StrategicGoal,
)
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


CAMPAIGN_FIELDS = ["aims", "audiences", "budget", "currency", "status"]
CAMPAIGN_ACTION_FIELDS = ["channel", "what", "date", "owner", "cost", "currency", "rate"]


def _check_campaign(data: dict) -> None:
    errors = {}
    if not (data.get("aims") or "").strip():
        errors["aims"] = _("Say what the campaign aims at.")
    if not (data.get("audiences") or "").strip():
        errors["audiences"] = _("Say whom the campaign addresses.")
    if data.get("budget") is not None and Decimal(data["budget"]) < 0:
        errors["budget"] = _("A budget cannot be negative.")
    if data.get("currency") not in Currency.values:
        errors["currency"] = _("Choose a currency from the list.")
    if data.get("status") not in Status.values:
        errors["status"] = _("Choose a status from the list.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def campaign_create(programme: Programme, *, year: int, data: dict) -> CampaignPlan:
    """The campaign plan of ``year`` for that year's focus SDG (read from the assessment's priorities)."""
    if year not in programme.years:
        raise ValidationError(
            {
                "year": _("The year must lie within the programme period %(start)s–%(end)s.")
                % {"start": programme.start_year, "end": programme.end_year}
            }
        )
    goal = focus_goal(programme.partnership, year)
    if goal is None:
        raise ValidationError(
            {
                "year": _("No focus SDG is chosen for %(year)s yet: choose it with the priorities first.")
                % {"year": year}
            }
        )
    if programme.campaigns.filter(year=year).exists():
        raise ValidationError({"year": _("This programme already has a campaign plan for %(year)s.") % {"year": year}})
    _check_campaign(data)
    return CampaignPlan.objects.create(
        programme=programme, year=year, goal=goal, **{name: data.get(name) for name in CAMPAIGN_FIELDS}
    )


@transaction.atomic
def campaign_update(campaign: CampaignPlan, *, expected_version: int, data: dict) -> CampaignPlan:
    """Raises EditConflict when a partner saved the plan since ``expected_version``."""
    _check_campaign(data)
    if data.get("currency") != campaign.currency and campaign.actions.filter(cost__isnull=False).exists():
        raise ValidationError(
            {"currency": _("The plan's currency cannot change once its actions have costs: their rates refer to it.")}
        )
    for name in CAMPAIGN_FIELDS:
        setattr(campaign, name, data.get(name))
    save_versioned(campaign, expected_version, CAMPAIGN_FIELDS)
    return campaign


def _check_campaign_action(campaign: CampaignPlan, data: dict) -> None:
    errors = {}
    if data.get("channel") not in Channel.values:
        errors["channel"] = _("Choose a channel from the list.")
    if data.get("currency") not in Currency.values:
        errors["currency"] = _("Choose a currency from the list.")
    when = data.get("date")
    if when is None or when.year != campaign.year:
        errors["date"] = _("The date must fall in the campaign year %(year)s.") % {"year": campaign.year}
    cost, rate = data.get("cost"), data.get("rate")
    if cost is not None and Decimal(cost) < 0:
        errors["cost"] = _("A cost cannot be negative.")
    if rate is not None and Decimal(rate) <= 0:
        errors["rate"] = _("An exchange rate must be more than 0.")
    elif cost is not None and data.get("currency") != campaign.currency and rate is None:
        errors["rate"] = _(
            "This cost in %(currency)s is added to the plan's budget in %(plan)s: give the exchange rate "
            "(%(plan)s for 1 %(currency)s)."
        ) % {"currency": data.get("currency"), "plan": campaign.currency}
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def campaign_action_add(campaign: CampaignPlan, *, data: dict) -> CampaignAction:
    _check_campaign_action(campaign, data)
    values = {name: data.get(name) for name in CAMPAIGN_ACTION_FIELDS}
    if values["currency"] == campaign.currency:
        values["rate"] = None
    return CampaignAction.objects.create(campaign=campaign, **values)
