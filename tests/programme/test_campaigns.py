"""Each year's focus SDG gets a campaign plan: aims, audiences, actions with channels, dates,
owners and costs, a budget and a status; shown on the programme page and in the annual report."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from twinning.assessment.models import FocusGoal
from twinning.programme import budget
from twinning.programme.models import CampaignAction, CampaignPlan, Programme

BASE = "/en/partnerships/a-b/programmes/"


def test_costs_in_another_currency_count_through_their_rate():
    # 100.00 EUR + 1000.00 NAD at 0.05 EUR = 100.00 + 50.00 = 150.00 EUR
    amounts = [budget.Money(Decimal("100.00"), "EUR"), budget.Money(Decimal("1000.00"), "NAD", Decimal("0.05"))]
    assert budget.sum_in("EUR", amounts) == Decimal("150.00")
    # 333.33 NAD at 0.0525 = 17.4998 -> 17.50 EUR (each converted amount rounded to the cent, half up)
    assert budget.sum_in("EUR", [budget.Money(Decimal("333.33"), "NAD", Decimal("0.0525"))]) == Decimal("17.50")


def test_currencies_mixed_in_one_sum_without_a_rate_are_refused():
    with pytest.raises(budget.MixedCurrencies) as refused:
        budget.sum_in("EUR", [budget.Money(Decimal("1"), "EUR"), budget.Money(Decimal("5"), "XOF")])
    assert (refused.value.currency, refused.value.into) == ("XOF", "EUR")


@given(st.lists(st.decimals(min_value=0, max_value=10**9, places=2), max_size=20))
def test_a_sum_in_one_currency_is_the_plain_sum(values):
    assert budget.sum_in("EUR", [budget.Money(v, "EUR") for v in values]) == sum(values, Decimal("0.00"))


@pytest.fixture
def programme(world):
    return Programme.objects.create(
        partnership=world["partnership"], title="Our programme", start_year=2025, end_year=2029
    )


@pytest.fixture
def focus(world):
    return FocusGoal.objects.create(partnership=world["partnership"], year=2026, goal=6)


def plan_post(**changes):
    data = {
        "aims": "Everyone knows where the water comes from",
        "audiences": "Households <script>alert(1)</script>",
        "budget": "5000.00",
        "currency": "EUR",
        "status": "planned",
    }
    data.update(changes)
    return data


def action_post(**changes):
    data = {
        "channel": "radio",
        "what": "Radio series on water",
        "date": "2026-03-22",
        "owner": "Communication office",
        "cost": "20000.00",
        "currency": "NAD",
        "rate": "0.05",
    }
    data.update(changes)
    return data


@pytest.mark.django_db
def test_a_coordinator_plans_the_campaign_for_the_years_focus_sdg_and_adds_actions(client, world, programme, focus):
    client.force_login(world["coordinator_b"])
    page = client.get(f"{BASE}{programme.pk}/").content.decode()
    assert "Plan the campaign of 2026" in page and "No focus SDG is chosen for this year yet." in page
    response = client.post(f"{BASE}{programme.pk}/campaigns/2026/new/", plan_post())
    assert response.status_code == 302
    plan = CampaignPlan.objects.get()
    assert (plan.year, plan.goal, plan.budget) == (2026, 6, Decimal("5000.00"))
    response = client.post(f"{BASE}{programme.pk}/campaigns/{plan.pk}/actions/new/", action_post())
    assert response.status_code == 302
    response = client.post(
        f"{BASE}{programme.pk}/campaigns/{plan.pk}/actions/new/",
        action_post(channel="schools", what="Water lessons", cost="300.00", currency="EUR", rate=""),
    )
    assert response.status_code == 302
    page = client.get(f"{BASE}{programme.pk}/").content.decode()
    assert "Everyone knows where the water comes from" in page
    assert "Households &lt;script&gt;" in page
    assert "Radio series on water" in page and "Local radio or TV" in page and "Communication office" in page
    # 20000.00 NAD x 0.05 = 1000.00 EUR, + 300.00 EUR = 1300.00 EUR
    assert "actions planned: 1300.00 EUR" in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("year", "changes", "message"),
    [
        (2027, {}, "No focus SDG is chosen for 2027 yet: choose it with the priorities first."),
        (2026, {"budget": "-1"}, "A budget cannot be negative."),
        (2026, {"aims": ""}, "This field is required."),
    ],
)
def test_a_campaign_needs_a_focus_sdg_and_a_positive_budget(client, world, programme, focus, year, changes, message):
    client.force_login(world["coordinator_a"])
    response = client.post(f"{BASE}{programme.pk}/campaigns/{year}/new/", plan_post(**changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not CampaignPlan.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"rate": ""},
            "This cost in NAD is added to the plan&#x27;s budget in EUR: give the exchange rate (EUR for 1 NAD).",
        ),
        ({"rate": "0"}, "An exchange rate must be more than 0."),
        ({"cost": "-5"}, "A cost cannot be negative."),
        ({"date": "2027-01-10"}, "The date must fall in the campaign year 2026."),
    ],
)
def test_a_campaign_action_gets_a_clear_message_for_bad_input(client, world, programme, focus, changes, message):
    plan = CampaignPlan.objects.create(programme=programme, year=2026, goal=6, aims="A", audiences="B")
    client.force_login(world["coordinator_a"])
    response = client.post(f"{BASE}{programme.pk}/campaigns/{plan.pk}/actions/new/", action_post(**changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not CampaignAction.objects.exists()


@pytest.mark.django_db
def test_parallel_edits_of_a_campaign_plan_show_the_conflict_screen(client, world, programme, focus):
    plan = CampaignPlan.objects.create(programme=programme, year=2026, goal=6, aims="A", audiences="B")
    client.force_login(world["coordinator_a"])
    url = f"{BASE}{programme.pk}/campaigns/{plan.pk}/edit/"
    assert client.post(url, plan_post(aims="Theirs", version=1)).status_code == 302
    client.force_login(world["coordinator_b"])
    response = client.post(url, plan_post(aims="Mine", version=1))
    assert response.status_code == 409
    body = response.content.decode()
    assert "Saved meanwhile by someone else" in body and "Theirs" in body and "Mine" in body
    plan.refresh_from_db()
    assert plan.aims == "Theirs"


@pytest.mark.django_db
def test_the_plans_currency_cannot_change_once_actions_have_costs(client, world, programme, focus):
    plan = CampaignPlan.objects.create(programme=programme, year=2026, goal=6, aims="A", audiences="B")
    CampaignAction.objects.create(
        campaign=plan, channel="press", what="Press", date="2026-02-01", owner="X", cost=Decimal("10"), currency="EUR"
    )
    client.force_login(world["coordinator_a"])
    response = client.post(f"{BASE}{programme.pk}/campaigns/{plan.pk}/edit/", plan_post(currency="NAD", version=1))
    assert response.status_code == 200
    assert "The plan&#x27;s currency cannot change once its actions have costs" in response.content.decode()


@pytest.mark.django_db
def test_staff_see_the_campaign_but_may_not_plan_one(client, world, programme, focus):
    client.force_login(world["staff_a"])
    page = client.get(f"{BASE}{programme.pk}/").content.decode()
    assert "Campaigns for the focus SDG of each year" in page and "Plan the campaign of 2026" not in page
    assert client.post(f"{BASE}{programme.pk}/campaigns/2026/new/", plan_post()).status_code == 403
    assert not CampaignPlan.objects.exists()


@pytest.mark.django_db
def test_the_annual_report_pdf_contains_the_years_campaign(client, world, programme, focus):
    plan = CampaignPlan.objects.create(
        programme=programme, year=2026, goal=6, aims="Water awareness for all", audiences="Households"
    )
    CampaignAction.objects.create(
        campaign=plan, channel="press", what="Press visit to the pumping station", date="2026-03-22", owner="Comms"
    )
    client.force_login(world["staff_a"])
    response = client.get(f"{BASE}{programme.pk}/report/2026.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Campaign for the focus SDG" in text
    assert "Water awareness for all" in text and "Press visit to the pumping station" in text
    other = client.get(f"{BASE}{programme.pk}/report/2025.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(other.content)).pages)
    assert "No focus SDG is chosen for this year yet." in text


@pytest.mark.django_db
def test_the_programme_page_with_campaigns_keeps_its_query_budget_at_two_scales(client, world, programme, focus):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    FocusGoal.objects.create(partnership=world["partnership"], year=2025, goal=5)
    plans = [
        CampaignPlan.objects.create(programme=programme, year=year, goal=goal, aims="A", audiences="B")
        for year, goal in ((2025, 5), (2026, 6))
    ]
    client.force_login(world["coordinator_a"])

    def add_actions(count: int) -> None:
        for plan in plans:
            CampaignAction.objects.bulk_create(
                CampaignAction(campaign=plan, channel="press", what=f"A{n}", date=f"{plan.year}-02-01", owner="X")
                for n in range(count)
            )

    def counts() -> dict[str, int]:
        result = {}
        for name, url in {"page": f"{BASE}{programme.pk}/", "report": f"{BASE}{programme.pk}/report/2026.pdf"}.items():
            cache.clear()
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            result[name] = len(queries)
        return result

    add_actions(2)
    counts()  # warm the content-type cache
    small = counts()
    add_actions(20)
    assert counts() == small
    assert max(small.values()) <= 15, small
