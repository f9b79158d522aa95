"""Permission rows of the visits app: visits are members-only (staff and coordinators of a
member); coordinators of every member edit them; the calendar feed opens with its token."""

from __future__ import annotations

import datetime as dt

from tests.urlmatrix import AD, CA, CB, CI, LOGIN, SA, V, everyone, only
from twinning.visits.models import Agreement, Delegate, ProgrammeItem, Visit

MEMBERS = {SA, CA, CB, AD}
EDITORS = {CA, CB, AD}


def rows(world) -> dict:
    public, private = world["partnership"], world["private"]
    visit = Visit.objects.create(
        partnership=public,
        host=world["b"],
        start_date=dt.date(2025, 5, 12),
        end_date=dt.date(2025, 5, 14),
        purpose="Matrix visit",
        time_zone="Africa/Windhoek",
    )
    other = Visit.objects.create(
        partnership=private,
        host=world["c"],
        start_date=dt.date(2025, 5, 12),
        end_date=dt.date(2025, 5, 14),
        purpose="Someone else's visit",
    )
    delegate = Delegate.objects.create(visit=visit, name="Matrix delegate", travelling_from=world["a"])
    item = ProgrammeItem.objects.create(
        visit=visit, day=visit.start_date, start_time=dt.time(9), end_time=dt.time(10), place="Hall", what="Talk"
    )
    agreement = Agreement.objects.create(
        visit=visit, what="Matrix agreement", owner_municipality=world["a"], owner_name="Owner", deadline=visit.end_date
    )
    read = only(MEMBERS, denied=404)  # citizens do not see visits; visitors log in first
    write = {**only(EDITORS), CI: 404}  # staff see but may not change; citizens do not see
    hidden = {**everyone(404), V: LOGIN, AD: 200}  # a members-only partnership of others
    post_only = {**everyone(405), V: LOGIN}  # a GET on a POST-only action; visitors log in first
    api_read = {**everyone(404), SA: 200, CA: 200, CB: 200, AD: 200}
    api_hidden = {**everyone(404), AD: 200}
    mine = {"slug": public.slug, "pk": visit.pk}
    theirs = {"slug": private.slug, "pk": other.pk}
    return {
        "visits:list": [
            ({"slug": public.slug}, read, "visits of our partnership"),
            ({"slug": private.slug}, hidden, "others' visits"),
        ],
        "visits:create": [({"slug": public.slug}, write, "coordinators of every member plan visits")],
        "visits:detail": [(mine, read, "a visit"), (theirs, hidden, "a visit of others")],
        "visits:edit": [(mine, write, "edit a visit"), (theirs, {**hidden, AD: 200}, "edit others' visit")],
        "visits:pdf": [(mine, read, "programme PDF")],
        "visits:feed_rotate": [(mine, post_only, "renewing the feed token needs POST")],
        "visits:delegate_add": [(mine, write, "add a delegate")],
        "visits:delegate_remove": [({**mine, "delegate_pk": delegate.pk}, post_only, "removing needs POST")],
        "visits:item_add": [(mine, write, "add a programme item")],
        "visits:item_edit": [({**mine, "item_pk": item.pk}, write, "edit a programme item")],
        "visits:item_remove": [({**mine, "item_pk": item.pk}, post_only, "removing needs POST")],
        "visits:calendar": [
            ({"pk": visit.pk, "token": visit.feed_token}, everyone(200), "the feed opens with its token, no session"),
            ({"pk": visit.pk, "token": "wrong"}, everyone(404), "a wrong token"),
        ],
        "visits:co2": [({"slug": public.slug}, read, "CO2 and trees"), ({"slug": private.slug}, hidden, "others' CO2")],
        "visits:plan_edit": [({"slug": public.slug}, write, "compensation plan")],
        "api:list_partnership_visits": [
            ({"slug": public.slug}, {**everyone(404), SA: 200, CA: 200, CB: 200, AD: 200}, "API: our visits"),
            ({"slug": private.slug}, {**everyone(404), AD: 200}, "API: others' visits"),
        ],
        "api:get_partnership_visit": [
            (mine, {**everyone(404), SA: 200, CA: 200, CB: 200, AD: 200}, "API: a visit"),
            (theirs, {**everyone(404), AD: 200}, "API: a visit of others"),
        ],
        # API writes: a GET on a path shared with a read answers like the read; write-only paths answer 405.
        "api:create_visit": [({"slug": public.slug}, api_read, "API: the visits list shares the path")],
        "api:list_agreements": [(mine, api_read, "API: agreements"), (theirs, api_hidden, "API: others'")],
        "api:add_agreement": [(mine, api_read, "API: the agreements list shares the path")],
        "api:add_delegate": [(mine, everyone(405), "API: adding a delegate needs POST")],
        "api:add_programme_item": [(mine, everyone(405), "API: adding an item needs POST")],
        "api:update_programme_item": [({**mine, "item_id": item.pk}, everyone(405), "API: moving an item needs PUT")],
        "api:update_agreement": [
            ({**mine, "agreement_id": agreement.pk}, everyone(405), "API: editing an agreement needs PUT")
        ],
        "visits:memo": [(mine, read, "agreement memo"), (theirs, hidden, "memo of others")],
        "visits:memo_pdf": [(mine, read, "agreement memo as PDF")],
        "visits:agreement_add": [(mine, write, "partners add agreements")],
        "visits:agreement_edit": [({**mine, "agreement_pk": agreement.pk}, write, "partners edit agreements")],
        "visits:agreements": [
            ({"slug": public.slug}, read, "open agreements"),
            ({"slug": private.slug}, hidden, "others'"),
        ],
        "visits:tree_add": [({"slug": public.slug}, write, "record trees planted")],
    }
