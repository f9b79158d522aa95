"""Permission rows of the programme app: programmes and the protocol are members-only (staff and
coordinators of a member); coordinators of every member edit them."""

from __future__ import annotations

from tests.urlmatrix import AD, CA, CB, CI, LOGIN, SA, V, everyone, only
from twinning.assessment.models import FocusGoal
from twinning.programme.actions import protocol_for
from twinning.programme.models import Action, Activity, CampaignPlan, Programme, StrategicGoal

MEMBERS = {SA, CA, CB, AD}
EDITORS = {CA, CB, AD}


def rows(world) -> dict:
    public, private = world["partnership"], world["private"]
    programme = Programme.objects.create(partnership=public, title="Matrix programme", start_year=2025, end_year=2029)
    other = Programme.objects.create(partnership=private, title="Others' programme", start_year=2025, end_year=2026)
    goal = StrategicGoal.objects.create(programme=programme, title="Matrix goal")
    action = Action.objects.create(goal=goal, title="Matrix action")
    activity = Activity.objects.create(action=action, title="Matrix activity", responsible=world["a"])
    item = protocol_for(public).items.first()
    FocusGoal.objects.get_or_create(partnership=public, year=2027, defaults={"goal": 6})  # rows() runs twice
    campaign = CampaignPlan.objects.create(programme=programme, year=2026, goal=5, aims="Aims", audiences="All")
    read = only(MEMBERS, denied=404)  # citizens do not see programmes; visitors log in first
    write = {**only(EDITORS), CI: 404}  # staff see but may not change; citizens do not see
    hidden = {**everyone(404), V: LOGIN, AD: 200}  # a members-only partnership of others
    post_only = {**everyone(405), V: LOGIN}  # a GET on a POST-only action; visitors log in first
    api_members = {**everyone(404), SA: 200, CA: 200, CB: 200, AD: 200}
    mine = {"slug": public.slug, "pk": programme.pk}
    theirs = {"slug": private.slug, "pk": other.pk}
    return {
        "programme:list": [
            ({"slug": public.slug}, read, "programmes of our partnership"),
            ({"slug": private.slug}, hidden, "others' programmes"),
        ],
        "programme:create": [({"slug": public.slug}, write, "coordinators draw up programmes")],
        "programme:detail": [(mine, read, "a programme"), (theirs, hidden, "a programme of others")],
        "programme:edit": [(mine, write, "edit a programme")],
        "programme:goal_add": [(mine, write, "add a strategic goal")],
        "programme:action_add": [({**mine, "goal_pk": goal.pk}, write, "add an action")],
        "programme:activity_add": [({**mine, "action_pk": action.pk}, write, "add an activity")],
        "programme:activity_edit": [({**mine, "activity_pk": activity.pk}, write, "edit an activity")],
        "programme:activity_remove": [({**mine, "activity_pk": activity.pk}, post_only, "removing needs POST")],
        "programme:report_pdf": [
            ({**mine, "year": 2026}, read, "annual report PDF"),
            ({**mine, "year": 2031}, {**read, SA: 404, CA: 404, CB: 404, AD: 404}, "a year outside the period"),
        ],
        "programme:protocol": [
            ({"slug": public.slug}, read, "the protocol"),
            ({"slug": private.slug}, hidden, "others' protocol"),
        ],
        "programme:protocol_item_add": [({"slug": public.slug}, write, "add a protocol item")],
        "programme:protocol_item_edit": [({"slug": public.slug, "item_pk": item.pk}, write, "edit a protocol item")],
        "programme:protocol_item_remove": [
            ({"slug": public.slug, "item_pk": item.pk}, post_only, "removing needs POST")
        ],
        "programme:campaign_create": [({**mine, "year": 2027}, write, "plan the campaign of a focus SDG")],
        "programme:campaign_edit": [({**mine, "campaign_pk": campaign.pk}, write, "edit a campaign plan")],
        "programme:campaign_action_add": [({**mine, "campaign_pk": campaign.pk}, write, "add a campaign action")],
        # API writes: a GET on a path shared with a read answers like the read; write-only paths answer 405.
        "api:create_programme": [({"slug": public.slug}, everyone(405), "API: drawing up needs POST")],
        "api:add_strategic_goal": [(mine, everyone(405), "API: adding a goal needs POST")],
        "api:add_action": [({**mine, "goal_id": goal.pk}, everyone(405), "API: adding an action needs POST")],
        "api:add_activity": [({**mine, "action_id": action.pk}, everyone(405), "API: adding an activity needs POST")],
        "api:update_activity": [({**mine, "activity_id": activity.pk}, everyone(405), "API: changing needs PUT")],
        "api:create_campaign": [(mine, everyone(405), "API: planning a campaign needs POST")],
        "api:add_campaign_action": [({**mine, "campaign_id": campaign.pk}, everyone(405), "API: needs POST")],
        "api:get_partnership_programme": [
            (mine, api_members, "API: our programme"),
            (theirs, {**everyone(404), AD: 200}, "API: others' programme"),
        ],
    }
