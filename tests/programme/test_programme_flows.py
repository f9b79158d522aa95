"""Coordinators draw up a programme; members view it with coverage, budgets and priority flags."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from pypdf import PdfReader

from twinning.programme.models import Action, Activity, Programme, StrategicGoal
from twinning.sdg.links import SdgSelection, set_links

SCRIPT = "<script>alert(1)</script>"
BASE = "/en/partnerships/a-b/programmes/"


@pytest.fixture
def programme(world):
    return Programme.objects.create(
        partnership=world["partnership"], title="Our programme", start_year=2025, end_year=2029
    )


@pytest.fixture
def action(programme):
    goal = StrategicGoal.objects.create(programme=programme, title="Safe water")
    return Action.objects.create(goal=goal, title="Water network")


def activity_post(world, **changes):
    data = {
        "title": f"Extend the network {SCRIPT}",
        "description": "Pipes",
        "responsible": world["b"].pk,
        "department": "Technical services",
        "budget": "450000.10",
        "currency": "NAD",
        "status": "ongoing",
        "year": "2026",
        "results": "1.2 km laid",
        "sdgs_goals": ["6", "5"],
        "sdgs_targets": ["6.1"],
    }
    data.update(changes)
    return data


def add_activity(action, world, title, goals, amount="100.00", currency="EUR", year=None):
    activity = Activity.objects.create(
        action=action, title=title, responsible=world["a"], budget=Decimal(amount), currency=currency, year=year
    )
    set_links(activity, SdgSelection(goals=frozenset(goals)))
    return activity


def test_a_coordinator_draws_up_a_programme_and_the_last_year_cannot_precede_the_first(client, world):
    client.force_login(world["coordinator_a"])
    post = {"title": f"Programme {SCRIPT}", "description": "Water", "start_year": "2025", "end_year": "2024"}
    response = client.post(BASE + "new/", post)
    assert response.status_code == 200
    assert "The last year cannot be before the first year." in response.content.decode()
    assert not Programme.objects.exists()
    response = client.post(BASE + "new/", {**post, "end_year": "2029"})
    programme = Programme.objects.get()
    assert response.status_code == 302 and programme.years == [2025, 2026, 2027, 2028, 2029]
    page = client.get(f"{BASE}{programme.pk}/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and SCRIPT not in page


def test_goals_actions_and_activities_are_added_with_sdgs_targets_and_an_exact_budget(client, world, programme):
    client.force_login(world["coordinator_b"])
    assert (
        client.post(f"{BASE}{programme.pk}/goals/new/", {"title": "Safe water", "description": ""}).status_code == 302
    )
    goal = programme.goals.get()
    assert client.post(f"{BASE}{programme.pk}/goals/{goal.pk}/actions/new/", {"title": "Network"}).status_code == 302
    action = goal.actions.get()
    response = client.post(f"{BASE}{programme.pk}/actions/{action.pk}/activities/new/", activity_post(world))
    assert response.status_code == 302
    activity = Activity.objects.get()
    assert activity.budget == Decimal("450000.10") and activity.currency == "NAD" and activity.responsible == world["b"]
    assert sorted(link.goal.number for link in activity.sdg_links.all()) == [5, 6]
    assert {link.target.code for link in activity.sdg_links.all() if link.target_id} == {"6.1"}


def test_a_negative_budget_is_refused_with_a_clear_message(client, world, programme, action):
    client.force_login(world["coordinator_a"])
    response = client.post(
        f"{BASE}{programme.pk}/actions/{action.pk}/activities/new/", activity_post(world, budget="-5")
    )
    assert response.status_code == 200
    assert "A budget cannot be negative." in response.content.decode()
    assert not Activity.objects.exists()


def test_the_year_of_an_activity_lies_within_the_period_and_the_responsible_is_a_member(
    client, world, programme, action
):
    client.force_login(world["coordinator_a"])
    url = f"{BASE}{programme.pk}/actions/{action.pk}/activities/new/"
    page = client.post(url, activity_post(world, year="2031")).content.decode()
    assert "The year must lie within the programme period 2025–2029." in page
    response = client.post(url, activity_post(world, responsible=world["c"].pk))
    assert response.status_code == 200 and not Activity.objects.exists()


def test_staff_view_the_programme_but_may_not_change_it(client, world, programme, action):
    add_activity(action, world, "Water exchange", [6])
    client.force_login(world["staff_a"])
    page = client.get(f"{BASE}{programme.pk}/").content.decode()
    assert "Water exchange" in page and "Edit the programme" not in page
    assert client.post(f"{BASE}{programme.pk}/goals/new/", {"title": "Mine"}).status_code == 403
    client.force_login(world["citizen"])
    assert client.get(f"{BASE}{programme.pk}/").status_code == 404


def test_a_coordinator_edits_and_removes_an_activity(client, world, programme, action):
    activity = add_activity(action, world, "Old title", [6])
    client.force_login(world["coordinator_a"])
    url = f"{BASE}{programme.pk}/activities/{activity.pk}/"
    assert client.get(url + "edit/").status_code == 200
    response = client.post(url + "edit/", activity_post(world, title="New title", status="done", sdgs_targets=[]))
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.title == "New title" and activity.status == "done"
    assert client.post(url + "remove/").status_code == 302
    assert not Activity.objects.exists()


def test_parallel_edits_of_the_programme_show_a_conflict_screen_instead_of_losing_text(client, world, programme):
    client.force_login(world["coordinator_a"])
    post = {"title": "Theirs", "description": "B's text", "start_year": "2025", "end_year": "2029", "version": "1"}
    assert client.post(f"{BASE}{programme.pk}/edit/", post).status_code == 302
    response = client.post(f"{BASE}{programme.pk}/edit/", {**post, "title": "Mine", "description": "A's text"})
    assert response.status_code == 409
    page = response.content.decode()
    assert "Saved meanwhile by someone else" in page and "B&#x27;s text" in page and "A&#x27;s text" in page
    programme.refresh_from_db()
    assert programme.title == "Theirs" and programme.version == 2


def test_the_programme_shows_coverage_budget_per_sdg_and_untouched_sdgs(client, world, programme, action):
    add_activity(action, world, "Water works", [6, 5], amount="300.00", currency="EUR")
    add_activity(action, world, "Pipes", [6], amount="1000.00", currency="NAD")
    client.force_login(world["staff_a"])
    response = client.get(f"{BASE}{programme.pk}/")
    context = response.context
    assert context["overview"].wheel == {6: 1.0, 5: 0.5}
    assert context["overview"].budget_per_goal == {
        5: {"EUR": Decimal("150.00")},
        6: {"EUR": Decimal("150.00"), "NAD": Decimal("1000.00")},
    }
    assert [goal.number for goal in context["untouched"]] == [1, 2, 3, 4, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]
    assert "150.00 EUR; 1000.00 NAD" in response.content.decode()


def test_an_activity_touching_no_prioritised_sdg_is_flagged(client, world, programme, action, monkeypatch):
    monkeypatch.setattr("twinning.programme.selectors.prioritised_goals", lambda partnership: [5, 6])
    add_activity(action, world, "Water works", [6])
    add_activity(action, world, "Road works", [9])
    client.force_login(world["coordinator_a"])
    response = client.get(f"{BASE}{programme.pk}/")
    flagged = [a.title for a in response.context["overview"].activities if a.off_priority]
    assert flagged == ["Road works"]
    assert response.content.decode().count("Touches none of the prioritised SDGs") == 1


def test_without_priorities_the_page_says_none_are_prioritised_and_links_to_the_priorities(
    client, world, programme, action
):
    add_activity(action, world, "Road works", [9])
    client.force_login(world["coordinator_a"])
    page = client.get(f"{BASE}{programme.pk}/").content.decode()
    assert "No SDGs are prioritised yet" in page
    assert 'href="/en/partnerships/a-b/priorities/"' in page
    assert "Touches none of the prioritised SDGs" not in page


def test_the_annual_report_pdf_lists_the_activities_of_that_year(client, world, programme, action):
    add_activity(action, world, "Exchange of engineers", [6, 17], year=2025)
    add_activity(action, world, "Rainwater at schools", [6], year=2026)
    add_activity(action, world, "Market coaching", [5])  # whole period
    client.force_login(world["staff_a"])
    response = client.get(f"{BASE}{programme.pk}/report/2025.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Exchange of engineers" in text and "Market coaching" in text
    assert "Rainwater at schools" not in text
    assert client.get(f"{BASE}{programme.pk}/report/2030.pdf").status_code == 404
