"""Permission rows of the programme app: programmes and the protocol are members-only (staff and
coordinators of a member); coordinators of every member edit them."""

from __future__ import annotations

from tests.urlmatrix import AD, CA, CB, CI, LOGIN, SA, V, everyone, only
from twinning.programme.actions import protocol_for
from twinning.programme.models import Action, Activity, Programme, StrategicGoal

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
        "api:get_partnership_programme": [
            (mine, api_members, "API: our programme"),
            (theirs, {**everyone(404), AD: 200}, "API: others' programme"),
        ],
    }
