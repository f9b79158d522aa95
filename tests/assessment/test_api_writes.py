"""The assessment API's writes: coordinators start, round and publish; each municipality writes
its own ideas, index scores, inventory and interlinkage scores; the joint plan with versions."""

from __future__ import annotations

import json

import pytest

from twinning.assessment import actions
from twinning.assessment.models import ActionItem, Assessment, GapIdea, IndexScore, InterlinkScore, InventoryEntry

API = "/api/v1/assessment"


def send(client, method: str, url: str, body) -> object:
    return getattr(client, method)(f"{API}{url}", json.dumps(body), content_type="application/json")


@pytest.mark.django_db
def test_a_coordinator_starts_an_exercise_a_round_and_publishes_it(client, world):
    client.force_login(world["coordinator_b"])
    made = send(client, "post", "/partnerships/a-b/assessments", {"scope": "project", "subject": "Water"})
    assert made.status_code == 201
    body = made.json()
    assert (body["name"], body["rounds"]) == ("Water", [1])
    round_ = send(client, "post", f"/assessments/{body['id']}/rounds", {})
    assert round_.status_code == 201 and round_.json()["number"] == 2
    published = send(client, "post", f"/rounds/{round_.json()['id']}/publish", {"publish": True})
    assert published.json()["published"] is True
    assert client.get(f"{API}/rounds").json()[0]["number"] == 2


@pytest.mark.django_db
def test_staff_cannot_start_or_publish_and_strangers_do_not_see_it(client, world):
    exercise = actions.assessment_start(partnership=world["partnership"], scope="programme")
    client.force_login(world["staff_a"])
    assert send(client, "post", "/partnerships/a-b/assessments", {"scope": "programme"}).status_code == 403
    round_id = exercise.rounds.get().pk
    assert send(client, "post", f"/rounds/{round_id}/publish", {"publish": True}).status_code == 403
    client.force_login(world["admin"])
    assert send(client, "post", "/partnerships/a-b/assessments", {"scope": "project"}).status_code == 422
    assert Assessment.objects.count() == 1
    stranger = client.__class__()
    assert send(stranger, "post", f"/assessments/{exercise.pk}/rounds", {}).status_code == 401


@pytest.mark.django_db
def test_ideas_and_index_scores_are_written_for_ones_own_municipality_only(client, world):
    exercise = actions.assessment_start(partnership=world["partnership"], scope="programme")
    round_id = exercise.rounds.get().pk
    client.force_login(world["staff_a"])
    idea = send(client, "post", f"/rounds/{round_id}/ideas", {"municipality": "town-a", "goal": 6, "text": "Water"})
    assert idea.status_code == 201 and GapIdea.objects.get().municipality == world["a"]
    assert (
        send(
            client, "post", f"/rounds/{round_id}/ideas", {"municipality": "town-b", "goal": 6, "text": "x"}
        ).status_code
        == 403
    )
    scores = send(
        client, "put", "/partnerships/a-b/index-scores/town-a", [{"goal": 6, "score": 88}, {"goal": 7, "score": 40}]
    )
    assert scores.status_code == 200 and [row["goal"] for row in scores.json()] == [6, 7]
    bad = send(client, "put", "/partnerships/a-b/index-scores/town-a", [{"goal": 6, "score": 101}])
    assert bad.status_code == 422 and "between 0 and 100" in bad.json()["detail"]
    assert IndexScore.objects.get(goal=6).score == 88


@pytest.mark.django_db
def test_materiality_is_for_coordinators_and_checked(client, world):
    client.force_login(world["coordinator_a"])
    ok = send(
        client, "put", "/partnerships/a-b/materiality", [{"goal": 6, "impact": 5, "influence": 4, "prioritised": True}]
    )
    assert ok.json() == [{"goal": 6, "impact": 5, "influence": 4, "prioritised": True}]
    assert (
        send(client, "put", "/partnerships/a-b/materiality", [{"goal": 6, "impact": 9, "influence": 4}]).status_code
        == 422
    )
    client.force_login(world["staff_a"])
    assert send(client, "put", "/partnerships/a-b/materiality", []).status_code == 403


@pytest.mark.django_db
def test_an_inventory_entry_written_twice_from_the_same_version_answers_409_with_the_stored_one(client, world):
    client.force_login(world["staff_a"])
    url = "/partnerships/a-b/inventory/town-a/6"
    first = send(client, "put", url, {"doing": "Water plan", "version": 0})
    assert first.status_code == 200 and first.json()["version"] == 1
    assert send(client, "put", url, {"doing": "Mine", "version": 1}).json()["version"] == 2
    clash = send(client, "put", url, {"doing": "Stale", "version": 1})
    assert clash.status_code == 409 and clash.json()["current"]["doing"] == "Mine"
    assert send(client, "put", url, {"evidence": "not a link", "version": 2}).status_code == 422
    assert InventoryEntry.objects.get().doing == "Mine"
    client.force_login(world["coordinator_b"])
    assert send(client, "put", url, {"doing": "B writes A's", "version": 2}).status_code == 403


@pytest.mark.django_db
def test_actions_are_added_from_ideas_and_changed_with_their_version(client, world):
    exercise = actions.assessment_start(partnership=world["partnership"], scope="programme")
    round_ = exercise.rounds.get()
    round_.assessment = exercise
    idea = actions.idea_add(round_, goal=6, municipality=world["b"], author=None, text="Waste water")
    client.force_login(world["coordinator_b"])
    body = {"title": "Water week", "owner_municipality": "town-b", "due_date": "2030-05-01", "goal": 6, "idea": idea.pk}
    made = send(client, "post", "/partnerships/a-b/actions", body)
    assert made.status_code == 201
    item = ActionItem.objects.get()
    assert item.source_idea == idea
    changed = send(client, "put", f"/partnerships/a-b/actions/{item.pk}", {**body, "done": True, "version": 1})
    assert changed.json()["done"] is True and changed.json()["version"] == 2
    stale = send(client, "put", f"/partnerships/a-b/actions/{item.pk}", {**body, "title": "Old", "version": 1})
    assert stale.status_code == 409 and stale.json()["current"]["done"] is True
    outsider = send(client, "post", "/partnerships/a-b/actions", {**body, "owner_municipality": "town-c", "idea": None})
    assert outsider.status_code == 422
    client.force_login(world["citizen"])
    assert send(client, "post", "/partnerships/a-b/actions", body).status_code == 403


@pytest.mark.django_db
def test_interlinkage_scores_are_each_municipalitys_own(client, world):
    actions.materiality_save(world["partnership"], {6: (5, 4, True), 3: (4, 4, True)})
    actions.interlink_targets_set(world["partnership"], {"6.3", "3.9"})
    client.force_login(world["staff_a"])
    url = "/partnerships/a-b/interlinkages/town-a"
    ok = send(client, "put", url, [{"source": "6.3", "destination": "3.9", "score": 3}])
    assert ok.json() == [{"source": "6.3", "destination": "3.9", "score": 3}]
    assert send(client, "put", url, [{"source": "6.3", "destination": "3.9", "score": 4}]).status_code == 422
    assert send(client, "put", "/partnerships/a-b/interlinkages/town-b", []).status_code == 403
    assert InterlinkScore.objects.get().score == 3


@pytest.mark.django_db
def test_every_write_endpoint_is_in_the_openapi_document(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path, method in [
        (f"{API}/partnerships/{{slug}}/assessments", "post"),
        (f"{API}/assessments/{{assessment_id}}/rounds", "post"),
        (f"{API}/rounds/{{round_id}}/publish", "post"),
        (f"{API}/rounds/{{round_id}}/ideas", "post"),
        (f"{API}/rounds/{{round_id}}/ratings", "post"),
        (f"{API}/partnerships/{{slug}}/index-scores/{{municipality}}", "put"),
        (f"{API}/partnerships/{{slug}}/materiality", "put"),
        (f"{API}/partnerships/{{slug}}/inventory/{{municipality}}/{{goal}}", "put"),
        (f"{API}/partnerships/{{slug}}/actions", "post"),
        (f"{API}/partnerships/{{slug}}/actions/{{action_id}}", "put"),
        (f"{API}/partnerships/{{slug}}/interlinkages/{{municipality}}", "put"),
    ]:
        assert method in paths[path], path
