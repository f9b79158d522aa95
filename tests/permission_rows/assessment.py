"""Permission rows of the assessment app: members-only pages, coordinators' pages, public published rounds."""

from __future__ import annotations

from datetime import date

from tests.urlmatrix import AD, CA, CB, CI, LOGIN, QUERY, SA, V, everyone, only
from twinning.assessment import actions
from twinning.assessment.models import InventoryEntry

MEMBERS = {CI, SA, CA, CB, AD}
COORDINATORS = {CA, CB, AD}


def rows(world) -> dict:
    public, private = world["partnership"], world["private"]
    a, b, c = world["a"], world["b"], world["c"]
    exercise = actions.assessment_start(partnership=public, scope="programme")
    first = exercise.rounds.get(number=1)
    first.assessment = exercise
    actions.rating_set(first, municipality=a, user=None, goal=6, entry=actions.RatingInput("none"))
    second = actions.round_start(exercise)
    actions.round_publish(second, publish=True)
    hidden = actions.assessment_start(partnership=private, scope="project", subject="Water")
    hidden_round = hidden.rounds.get(number=1)
    actions.round_publish(hidden_round, publish=True)
    actions.round_start(hidden)

    workshop = actions.workshop_open(first, user=None)
    closed = actions.workshop_close(actions.workshop_open(first, user=None))
    hidden_workshop = actions.workshop_open(hidden_round, user=None)

    entry = InventoryEntry.objects.filter(municipality=a, goal=6).first() or actions.inventory_save(
        municipality=a, goal=6, expected_version=0, data=actions.InventoryInput(doing="Water"), user=None
    )
    item = actions.action_add(public, actions.ActionInput("Visit", a, date(2030, 1, 1)), user=None, entry=entry)
    hidden_item = actions.action_add(private, actions.ActionInput("Hidden", c, date(2030, 1, 1)), user=None)

    ab = {"slug": public.slug}
    cd = {"slug": private.slug}
    ex = {**ab, "pk": exercise.pk}
    cx = {**cd, "pk": hidden.pk}
    r1 = {**ex, "number": 1}
    r2 = {**ex, "number": 2}
    c1 = {**cx, "number": 1}
    members = only(MEMBERS)
    coordinators = only(COORDINATORS)
    invisible = {**everyone(404), V: LOGIN, AD: 200}
    missing = {**everyone(404), V: LOGIN}
    return {
        "assessment:assessment_list": [
            (ab, members, "members see the exercises"),
            (cd, invisible, "members-only partnership of others"),
        ],
        "assessment:assessment_create": [
            (ab, coordinators, "coordinators of every member start an exercise"),
            (cd, invisible, "invisible partnership"),
        ],
        "assessment:assessment_edit": [
            (ex, coordinators, "coordinators edit subject and notes"),
            (cx, invisible, "exercise of an invisible partnership"),
            ({**ab, "pk": hidden.pk}, missing, "exercise of another partnership under this slug"),
        ],
        "assessment:round_create": [(ex, everyone(405), "starting a round needs POST")],
        "assessment:compare": [(ex, members, "round comparison"), (cx, invisible, "invisible")],
        "assessment:round": [
            (r1, members, "round page"),
            ({**ex, "number": 9}, missing, "no such round"),
            (c1, invisible, "round of an invisible partnership"),
        ],
        "assessment:round_rate": [
            ({**r1, "municipality": a.slug}, only({SA, CA, AD}), "A's staff and coordinator rate for A"),
            ({**r1, "municipality": b.slug}, only({CB, AD}), "only B's people rate for B"),
            ({**r1, "municipality": c.slug}, missing, "not a member of this partnership"),
        ],
        "assessment:idea_create": [(r1, everyone(405), "ideas need POST")],
        "assessment:round_publish": [(r1, everyone(405), "publishing needs POST")],
        "assessment:round_public": [
            (r2, everyone(200), "a published round is public"),
            (r1, everyone(404), "an unpublished round is not"),
            (c1, {**everyone(404), AD: 200}, "published, but the partnership is members-only"),
        ],
        "assessment:round_csv": [(r1, members, "CSV export"), (c1, invisible, "invisible")],
        "assessment:round_pdf": [(r1, members, "PDF export")],
        "assessment:sdg_index": [(ab, members, "SDG index and matching"), (cd, invisible, "invisible")],
        "assessment:sdg_index_edit": [
            ({**ab, "municipality": a.slug}, only({SA, CA, AD}), "A scores itself"),
            ({**ab, "municipality": b.slug}, only({CB, AD}), "B scores itself"),
        ],
        "assessment:priorities": [(ab, members, "materiality and focus"), (cd, invisible, "invisible")],
        "assessment:priorities_edit": [(ab, coordinators, "coordinators set priorities")],
        "assessment:focus_set": [(ab, everyone(405), "focus needs POST")],
        "assessment:workshop_start": [(r1, everyone(405), "opening a workshop needs POST")],
        "assessment:workshop": [
            ({**ab, "code": workshop.code}, members, "members see the facilitator's page"),
            ({**cd, "code": hidden_workshop.code}, invisible, "workshop of an invisible partnership"),
            ({**ab, "code": hidden_workshop.code}, missing, "workshop of another partnership under this slug"),
        ],
        "assessment:workshop_live": [
            ({**ab, "code": workshop.code}, members, "the live wheel fragment"),
            ({**cd, "code": hidden_workshop.code}, invisible, "invisible"),
        ],
        "assessment:workshop_close": [({**ab, "code": workshop.code}, everyone(405), "closing needs POST")],
        "assessment:workshop_adopt": [({**ab, "code": closed.code}, everyone(405), "adopting needs POST")],
        "assessment:workshop_enter": [({}, everyone(200), "anyone may type a join code")],
        "assessment:workshop_join": [
            ({"code": workshop.code}, everyone(200), "the code is the invitation: no account needed"),
            ({"code": closed.code}, everyone(410), "a closed workshop"),
            ({"code": "ZZZZZZ"}, everyone(404), "an unknown code"),
        ],
        "assessment:workshop_rate": [
            ({"code": workshop.code}, everyone(302), "without joining first, back to the join form"),
            ({"code": closed.code}, everyone(410), "a closed workshop"),
        ],
        "assessment:inventory": [(ab, members, "inventories side by side"), (cd, invisible, "invisible")],
        "assessment:inventory_edit": [
            ({**ab, "municipality": a.slug, "goal": 6}, only({SA, CA, AD}), "A's people edit A's inventory"),
            ({**ab, "municipality": b.slug, "goal": 6}, only({CB, AD}), "only B's people edit B's inventory"),
            ({**ab, "municipality": a.slug, "goal": 18}, {**only({SA, CA, AD}, ok=404)}, "there is no SDG 18"),
        ],
        "assessment:action_plan": [(ab, members, "the joint plan"), (cd, invisible, "invisible")],
        "assessment:action_create": [
            (ab, only({SA, CA, CB, AD}), "staff and coordinators of members add actions"),
            ({**ab, QUERY: f"entry={entry.pk}"}, only({SA, CA, CB, AD}), "an action from an inventory entry"),
        ],
        "assessment:action_edit": [
            ({**ab, "pk": item.pk}, only({SA, CA, CB, AD}), "staff and coordinators edit actions"),
            ({**ab, "pk": hidden_item.pk}, missing, "an action of another partnership"),
        ],
        "assessment:network": [
            ({"municipality": a.slug}, only({CI, SA, CA, AD}, denied=404), "A's own people see A's network"),
            ({"municipality": b.slug}, only({CB, AD}, denied=404), "B's network: B's people"),
        ],
        "assessment:network_all": [({}, only({AD}, denied=404), "the whole platform network: admins")],
        "assessment:interlinkages": [(ab, members, "the cross-impact matrix"), (cd, invisible, "invisible")],
        "assessment:interlink_targets": [(ab, coordinators, "coordinators pick the targets")],
        "assessment:interlink_score": [
            ({**ab, "municipality": a.slug}, only({SA, CA, AD}), "A scores for itself"),
            ({**ab, "municipality": b.slug}, only({CB, AD}), "only B's people score for B"),
        ],
        "api:list_published_rounds": [({}, everyone(200), "published rounds")],
        "api:get_published_round": [
            ({"round_id": second.pk}, everyone(200), "published round"),
            ({"round_id": first.pk}, everyone(404), "unpublished round"),
            ({"round_id": hidden_round.pk}, {**everyone(404), AD: 200}, "published in a members-only partnership"),
        ],
        "api:rate": [({"round_id": first.pk}, everyone(405), "rating needs POST")],
        "api:start_assessment": [(ab, everyone(405), "needs POST")],
        "api:start_round": [({"assessment_id": exercise.pk}, everyone(405), "needs POST")],
        "api:publish_round": [({"round_id": first.pk}, everyone(405), "needs POST")],
        "api:add_idea": [({"round_id": first.pk}, everyone(405), "needs POST")],
        "api:set_index_scores": [({**ab, "municipality": a.slug}, everyone(405), "needs PUT")],
        "api:set_materiality": [(ab, everyone(405), "needs PUT")],
        "api:set_inventory": [({**ab, "municipality": a.slug, "goal": 6}, everyone(405), "needs PUT")],
        "api:add_plan_action": [(ab, everyone(405), "needs POST")],
        "api:update_action": [({**ab, "action_id": item.pk}, everyone(405), "needs PUT")],
        "api:set_interlinkages": [({**ab, "municipality": a.slug}, everyone(405), "needs PUT")],
    }
