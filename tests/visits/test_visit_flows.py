"""Coordinators plan a work visit with its delegation and programme; members read it; the
programme is shared as a PDF and an iCalendar feed; the CO2 page shows its sources."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from icalendar import Calendar
from PIL import Image
from pypdf import PdfReader

from tests.factories import MembershipFactory
from tests.visits.factories import DelegateFactory, ProgrammeItemFactory, VisitFactory
from twinning.foundation.models import Role
from twinning.sdg.links import SdgSelection, selection_for, set_links
from twinning.visits.models import CompensationPlan, Delegate, ProgrammeItem, TreePlanting, Visit


def visit_post(host, **changes):
    data = {
        "start_date": "2025-05-12",
        "end_date": "2025-05-14",
        "host": host.pk,
        "purpose": "Waste management <script>alert(1)</script>",
        "time_zone": "Africa/Windhoek",
        "sdgs_goals": ["11", "12"],
    }
    data.update(changes)
    return data


def item_post(**changes):
    data = {
        "day": "2025-05-12",
        "start_time": "09:00",
        "end_time": "10:30",
        "place": "Town hall",
        "who": "Mayors",
        "what": "Welcome and recycling park tour",
        "good_practice": "on",
        "sdgs_goals": ["12"],
    }
    data.update(changes)
    return data


@pytest.fixture
def visit(world):
    visit = VisitFactory(partnership=world["partnership"], host=world["b"])
    set_links(visit, SdgSelection(goals=frozenset({11})))
    return visit


def url(world, visit, suffix=""):
    return f"/en/partnerships/{world['partnership'].slug}/visits/{visit.pk}/{suffix}"


@pytest.mark.django_db
def test_coordinator_plans_a_visit_with_chosen_sdgs(client, world):
    client.force_login(world["coordinator_a"])
    response = client.post("/en/partnerships/a-b/visits/new/", visit_post(world["b"]))
    visit = Visit.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/visits/{visit.pk}/")
    assert visit.host == world["b"] and visit.start_date == dt.date(2025, 5, 12)
    assert selection_for(visit).goals == {11, 12}
    page = client.get(url(world, visit)).content.decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page


@pytest.mark.django_db
def test_a_visit_ending_before_it_starts_is_refused_with_a_clear_message(client, world):
    client.force_login(world["coordinator_a"])
    response = client.post("/en/partnerships/a-b/visits/new/", visit_post(world["b"], end_date="2025-05-10"))
    assert response.status_code == 200
    assert "The last day cannot be before the first day of the visit." in response.content.decode()
    assert not Visit.objects.exists()


@pytest.mark.django_db
def test_the_host_must_be_a_member_and_the_time_zone_must_exist(client, world):
    client.force_login(world["coordinator_a"])
    response = client.post("/en/partnerships/a-b/visits/new/", visit_post(world["b"], time_zone="Mars/Olympus"))
    assert "Unknown time zone" in response.content.decode()
    response = client.post("/en/partnerships/a-b/visits/new/", visit_post(world["c"]))
    assert response.status_code == 200 and not Visit.objects.exists()


@pytest.mark.django_db
def test_the_partner_coordinator_edits_the_visit_and_a_stale_form_shows_the_conflict(client, world, visit):
    client.force_login(world["coordinator_b"])
    response = client.post(url(world, visit, "edit/"), visit_post(world["b"], version=visit.version, purpose="New"))
    assert response.status_code == 302
    visit.refresh_from_db()
    assert visit.purpose == "New" and visit.version == 2
    client.force_login(world["coordinator_a"])
    response = client.post(url(world, visit, "edit/"), visit_post(world["b"], version=1, purpose="Mine"))
    assert response.status_code == 409
    body = response.content.decode()
    assert "Saved meanwhile by someone else" in body and "New" in body and "Mine" in body
    visit.refresh_from_db()
    assert visit.purpose == "New"


@pytest.mark.django_db
def test_staff_read_the_visit_but_cannot_change_it_and_citizens_do_not_see_it(client, world, visit):
    client.force_login(world["staff_a"])
    assert client.get(url(world, visit)).status_code == 200
    assert client.post(url(world, visit, "programme/new/"), item_post()).status_code == 403
    client.force_login(world["citizen"])
    assert client.get(url(world, visit)).status_code == 404


@pytest.mark.django_db
def test_the_delegation_shows_its_gender_balance_and_the_sdgs_its_members_cover(client, world, visit):
    client.force_login(world["coordinator_a"])
    response = client.post(
        url(world, visit, "delegation/new/"),
        {
            "name": "An Peeters",
            "role": "Alderwoman",
            "organisation": "Environment",
            "gender": "woman",
            "travelling_from": world["a"].pk,
            "cabin_class": "economy",
            "sdgs_goals": ["5", "13"],
        },
    )
    assert response.status_code == 302
    DelegateFactory(visit=visit, travelling_from=world["a"], gender="man")
    body = client.get(url(world, visit)).content.decode()
    assert "Gender balance (SDG 5)" in body
    assert "50.0 %" in body
    assert "Balanced: women and men each make up at least 40% of the delegation." in body
    assert "1 member" in body  # goals 5 and 13, each by one member
    assert selection_for(Delegate.objects.get(name="An Peeters")).goals == {5, 13}


@pytest.mark.django_db
def test_a_delegate_travelling_from_outside_the_partnership_is_refused(client, world, visit):
    client.force_login(world["coordinator_a"])
    response = client.post(
        url(world, visit, "delegation/new/"),
        {"name": "X", "gender": "man", "travelling_from": world["c"].pk, "cabin_class": "economy"},
    )
    assert response.status_code == 200 and not Delegate.objects.exists()


@pytest.mark.django_db
def test_programme_items_fill_the_17_sdgs_checklist(client, world, visit):
    client.force_login(world["coordinator_a"])
    assert client.post(url(world, visit, "programme/new/"), item_post()).status_code == 302
    item = ProgrammeItem.objects.get()
    assert item.good_practice and selection_for(item).goals == {12}
    from twinning.visits import selectors

    checklist = selectors.checklist(selectors.items_of(visit))
    assert checklist[12] and not checklist[11]
    assert "The 17 SDGs checklist" in client.get(url(world, visit)).content.decode()


@pytest.mark.django_db
def test_a_programme_item_outside_the_visit_or_ending_before_it_starts_is_refused(client, world, visit):
    client.force_login(world["coordinator_a"])
    response = client.post(url(world, visit, "programme/new/"), item_post(day="2025-06-01"))
    assert "The day must fall within the visit" in response.content.decode()
    response = client.post(url(world, visit, "programme/new/"), item_post(end_time="08:00"))
    assert "The item must end after it starts." in response.content.decode()
    assert not ProgrammeItem.objects.exists()


def parse_feed(client, visit) -> Calendar:
    response = client.get(f"/en/visits/calendar/{visit.pk}/{visit.feed_token}.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


@pytest.mark.django_db
def test_the_calendar_feed_has_one_event_per_item_and_updates_when_an_item_moves(client, world, visit):
    item = ProgrammeItemFactory(visit=visit)
    ProgrammeItemFactory(visit=visit, start_time=dt.time(14, 0), end_time=dt.time(16, 0))
    calendar = parse_feed(client, visit)  # no session: the token is the key
    events = calendar.walk("VEVENT")
    assert len(events) == 2
    first = next(e for e in events if str(e["UID"]) == f"visit-{visit.pk}-item-{item.pk}@sdg-twinning")
    assert first.decoded("DTSTART") == dt.datetime(2025, 5, 12, 9, 0, tzinfo=first.decoded("DTSTART").tzinfo)
    assert str(first.decoded("DTSTART").tzinfo) == "Africa/Windhoek"
    assert first.get("DTSTAMP") and int(first["SEQUENCE"]) == 0

    client.force_login(world["coordinator_a"])
    client.post(url(world, visit, f"programme/{item.pk}/edit/"), item_post(start_time="11:00", end_time="12:00"))
    client.logout()
    moved = next(e for e in parse_feed(client, visit).walk("VEVENT") if str(e["UID"]) == str(first["UID"]))
    assert moved.decoded("DTSTART").time() == dt.time(11, 0)
    assert int(moved["SEQUENCE"]) == 1
    assert moved.decoded("LAST-MODIFIED") >= first.decoded("LAST-MODIFIED")


@pytest.mark.django_db
def test_a_wrong_or_renewed_token_closes_the_feed(client, world, visit):
    assert client.get(f"/en/visits/calendar/{visit.pk}/not-the-token.ics").status_code == 404
    old = visit.feed_token
    client.force_login(world["coordinator_b"])
    assert client.post(url(world, visit, "calendar/renew/")).status_code == 302
    visit.refresh_from_db()
    assert visit.feed_token != old
    assert client.get(f"/en/visits/calendar/{visit.pk}/{old}.ics").status_code == 404
    assert client.get(f"/en/visits/calendar/{visit.pk}/{visit.feed_token}.ics").status_code == 200


@pytest.mark.django_db
def test_the_programme_pdf_parses_and_contains_the_programme(client, world, visit):
    ProgrammeItemFactory(visit=visit, what="Tour of the solar plant", place="Solar park")
    client.force_login(world["staff_a"])
    response = client.get(url(world, visit, "programme.pdf"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Tour of the solar plant" in text and "Solar park" in text and "09:00" in text


@pytest.mark.django_db
def test_the_co2_page_shows_totals_the_plan_and_the_factors_source(client, world, visit):
    from decimal import Decimal

    world["a"].latitude, world["a"].longitude = Decimal("51.2306"), Decimal("5.3131")  # Lommel
    world["a"].save()
    world["b"].latitude, world["b"].longitude = Decimal("-17.7833"), Decimal("15.7667")  # Ongwediva
    world["b"].save()
    DelegateFactory.create_batch(2, visit=visit, travelling_from=world["a"])
    DelegateFactory(visit=visit, travelling_from=world["b"])  # from the host: does not fly
    client.force_login(world["staff_a"])
    body = client.get("/en/partnerships/a-b/co2/").content.decode()
    assert "conversion factors 2024" in body and "approximations" in body
    assert "25 kg CO2 per tree per year over 20 years: 500 kg per tree" in body
    # Lommel flies from BRU (nearest), Ongwediva is nearest to OND: 7729.6484 km between them,
    # x 1.08 x 0.0757 x 2 = 1263.89 kg each; 2 x 1263.89 = 2527.78 kg; / 500 kg per tree = 5.06 -> 6 trees;
    # the rule: 2 x (10 + 5) = 30
    assert "All visits together: 2528 kg CO2e. Trees to absorb it: 6. Trees under the per-participant rule: 30." in body
    assert "Lommeltown: 20" in body and "Ongwetown: 10" in body
    assert "OurAirports" in body and "Ondangwa Airport" in body  # the airport table and its source
    detail = client.get(f"/en/partnerships/a-b/visits/{visit.pk}/").content.decode()
    assert "1264" in detail and "0.0757" in detail  # per traveller, with the long-haul economy factor
    assert "BRU ✈ OND" in detail


@pytest.mark.django_db
def test_coordinators_change_the_compensation_plan_and_record_trees_with_a_photo(client, world, visit):
    client.force_login(world["coordinator_b"])
    response = client.post(
        "/en/partnerships/a-b/co2/plan/",
        {
            "method": "trees",
            "kg_co2_per_tree_year": "20",
            "tree_years": "30",
            "trees_home": "8",
            "trees_host": "7",
            "offset_currency": "EUR",
        },
    )
    assert response.status_code == 302
    assert CompensationPlan.objects.get().trees_host == 7
    image = io.BytesIO()
    Image.new("RGB", (4, 4), "green").save(image, "PNG")
    photo = SimpleUploadedFile("trees.png", image.getvalue(), content_type="image/png")
    response = client.post(
        "/en/partnerships/a-b/co2/trees/new/",
        {
            "date": "2025-11-20",
            "municipality": world["b"].pk,
            "count": "30",
            "place": "School garden",
            "visit": visit.pk,
            "photo": photo,
        },
    )
    assert response.status_code == 302
    planting = TreePlanting.objects.get()
    assert planting.count == 30 and planting.photo
    fake = SimpleUploadedFile("fake.png", b"<html>not an image</html>", content_type="image/png")
    response = client.post(
        "/en/partnerships/a-b/co2/trees/new/",
        {"date": "2025-11-20", "municipality": world["b"].pk, "count": "3", "place": "X", "photo": fake},
    )
    assert response.status_code == 200 and TreePlanting.objects.count() == 1


@pytest.mark.django_db
def test_staff_cannot_change_the_compensation_plan(client, world):
    client.force_login(world["staff_a"])
    assert client.post("/en/partnerships/a-b/co2/plan/", {"tree_years": "1"}).status_code == 403


@pytest.mark.django_db
def test_the_partnership_page_shows_the_next_visit_to_members_only(client, world, visit):
    VisitFactory(
        partnership=world["partnership"], host=world["a"], start_date=dt.date(2099, 4, 1), end_date=dt.date(2099, 4, 5)
    )
    assert "Next visit" not in client.get("/en/partnerships/a-b/").content.decode()
    client.force_login(world["citizen"])
    assert "Next visit" not in client.get("/en/partnerships/a-b/").content.decode()
    client.force_login(world["staff_a"])
    body = client.get("/en/partnerships/a-b/").content.decode()
    assert "Next visit: 2099-04-01 to 2099-04-05, hosted by Lommeltown." in body


@pytest.mark.django_db
def test_a_coordinator_of_another_partnership_does_not_see_our_visits(client, world, visit):
    other = MembershipFactory(municipality=world["c"], role=Role.COORDINATOR).user
    client.force_login(other)
    assert client.get(url(world, visit)).status_code == 404
    assert (
        client.get(f"/en/visits/calendar/{visit.pk}/{visit.feed_token}.ics").status_code == 200
    )  # the token is the key
