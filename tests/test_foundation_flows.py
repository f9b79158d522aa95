"""Coordinators edit, invite and link SDGs; partners never lose each other's work."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from tests.factories import UserFactory
from twinning.accounts.models import User
from twinning.foundation.distance import haversine_km, pairwise_distances
from twinning.foundation.languages import language_name
from twinning.foundation.models import Invitation, Membership, Role
from twinning.localized import localized
from twinning.sdg.links import selection_for
from twinning.sdg.models import LocalTarget


def municipality_post(municipality, **changes):
    data = {
        "version": municipality.version,
        "name": municipality.name,
        "region": municipality.region,
        "population": municipality.population,
        "population_year": municipality.population_year,
        "latitude": municipality.latitude,
        "longitude": municipality.longitude,
        "languages": municipality.languages,
        "website": "",
        "description_0": "About us",
        "description_1": "Over ons",
        "description_2": "",
        "description_3": "",
    }
    data.update(changes)
    return data


@pytest.mark.django_db
def test_coordinator_edits_her_municipality(client, world):
    client.force_login(world["coordinator_a"])
    a = world["a"]
    response = client.post(f"/en/municipalities/{a.slug}/edit/", municipality_post(a, region="Limburg"))
    assert response.status_code == 302
    a.refresh_from_db()
    assert a.region == "Limburg"
    assert a.description == {"en": "About us", "nl": "Over ons"}
    assert a.version == 2


@pytest.mark.django_db
def test_partner_coordinator_cannot_edit_our_municipality(client, world):
    client.force_login(world["coordinator_b"])
    a = world["a"]
    response = client.post(f"/en/municipalities/{a.slug}/edit/", municipality_post(a, region="Hacked"))
    assert response.status_code == 403
    a.refresh_from_db()
    assert a.region != "Hacked"


@pytest.mark.django_db
def test_bad_input_gets_clear_messages_in_the_users_language_and_writes_nothing(client, world):
    client.force_login(world["coordinator_a"])
    a = world["a"]
    response = client.post(
        f"/nl/municipalities/{a.slug}/edit/",
        municipality_post(a, latitude="123", population="5000", population_year=""),
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Zorg ervoor dat deze waarde hoogstens 90 is." in body
    assert "Geef aan uit welk jaar het inwonersaantal komt." in body
    a.refresh_from_db()
    assert a.version == 1


@pytest.mark.django_db
def test_two_coordinators_editing_at_once_never_lose_each_others_work(client, world):
    a = world["a"]
    second = Membership.objects.create(user=UserFactory(), municipality=a, role=Role.COORDINATOR).user
    stale = municipality_post(a, region="Second's region", description_0="Second's text")
    client.force_login(world["coordinator_a"])
    assert (
        client.post(f"/en/municipalities/{a.slug}/edit/", municipality_post(a, region="First's region")).status_code
        == 302
    )
    client.force_login(second)
    response = client.post(f"/en/municipalities/{a.slug}/edit/", stale)
    assert response.status_code == 409
    body = response.content.decode()
    assert "Someone else saved this profile" in body
    assert "First&#x27;s region" in body  # their version is shown
    assert "Second&#x27;s text" in body  # my text is kept in the form
    a.refresh_from_db()
    assert a.region == "First's region"
    # saving again from the conflict screen (new version) goes through
    resubmit = municipality_post(a, region="Merged region")
    assert client.post(f"/en/municipalities/{a.slug}/edit/", resubmit).status_code == 302
    a.refresh_from_db()
    assert a.region == "Merged region" and a.version == 3


def partnership_post(partnership, **changes):
    data = {
        "version": partnership.version,
        "title_0": "Lommeltown – Ongwetown",
        "title_1": "",
        "title_2": "",
        "title_3": "",
        "description_0": "Joint text",
        "description_1": "",
        "description_2": "",
        "description_3": "",
        "since": 1999,
        "status": "active",
        "sdg_focus_goals": ["5", "6"],
        "sdg_focus_targets": ["6.3"],
    }
    data.update(changes)
    return data


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["coordinator_a", "coordinator_b"])
def test_coordinators_of_every_member_edit_the_partnership_and_its_sdgs(client, world, persona):
    client.force_login(world[persona])
    partnership = world["partnership"]
    response = client.post(f"/en/partnerships/{partnership.slug}/edit/", partnership_post(partnership))
    assert response.status_code == 302
    partnership.refresh_from_db()
    assert partnership.description == {"en": "Joint text"}
    assert selection_for(partnership).goals == {5, 6}
    assert selection_for(partnership).targets == {"6.3"}
    page = client.get(f"/en/partnerships/{partnership.slug}/").content.decode()
    assert "6.3" in page and "Joint text" in page


@pytest.mark.django_db
def test_partnership_edit_needs_a_title_in_some_language(client, world):
    client.force_login(world["coordinator_a"])
    partnership = world["partnership"]
    response = client.post(f"/en/partnerships/{partnership.slug}/edit/", partnership_post(partnership, title_0=""))
    assert response.status_code == 200
    assert "Fill in the text in at least one language." in response.content.decode()


@pytest.mark.django_db
def test_coordinator_adds_a_local_target_and_links_content_to_it(client, world):
    client.force_login(world["coordinator_a"])
    partnership = world["partnership"]
    data = {
        "target": "6.1",
        "suffix": "a",
        "title_0": "Safe water in every school",
        "title_1": "",
        "title_2": "",
        "title_3": "",
    }
    assert client.post(f"/en/partnerships/{partnership.slug}/local-targets/", data).status_code == 302
    local = LocalTarget.objects.get(code="6.1.a")
    duplicate = client.post(f"/en/partnerships/{partnership.slug}/local-targets/", data)
    assert "has a local target 6.1.a already" in duplicate.content.decode()
    post = partnership_post(partnership, sdg_focus_goals=[], sdg_focus_targets=[], sdg_focus_local=[str(local.pk)])
    assert client.post(f"/en/partnerships/{partnership.slug}/edit/", post).status_code == 302
    assert selection_for(partnership).local_targets == {local.pk}


@pytest.mark.django_db
def test_coordinator_invites_staff_who_joins_with_a_new_account(client, world, django_capture_on_commit_callbacks):
    client.force_login(world["coordinator_a"])
    a = world["a"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/nl/municipalities/{a.slug}/people/", {"email": "New.Colleague@Example.org", "role": "staff"}
        )
    assert response.status_code == 302
    message = mail.outbox[-1]
    assert message.to == ["new.colleague@example.org"]
    link = re.search(r"http://\S+/nl/invitations/(\S+)/", message.body)
    assert link, message.body
    token = link.group(1)
    invitation = Invitation.objects.get()
    assert token not in invitation.token_hash  # only the hash is stored
    client.logout()
    response = client.post(
        f"/nl/invitations/{token}/", {"full_name": "New Colleague", "password": "a long enough passphrase"}
    )
    assert response.status_code == 302
    user = User.objects.get(email="new.colleague@example.org")
    assert Membership.objects.get(user=user).role == Role.STAFF
    assert client.get(f"/nl/invitations/{token}/").status_code == 404  # works once


@pytest.mark.django_db
def test_staff_cannot_invite_and_coordinator_cannot_invite_to_the_partner(client, world):
    client.force_login(world["staff_a"])
    assert (
        client.post(
            f"/en/municipalities/{world['a'].slug}/people/", {"email": "x@example.org", "role": "staff"}
        ).status_code
        == 403
    )
    client.force_login(world["coordinator_a"])
    assert (
        client.post(
            f"/en/municipalities/{world['b'].slug}/people/", {"email": "x@example.org", "role": "staff"}
        ).status_code
        == 403
    )
    assert not Invitation.objects.exists()
    assert not mail.outbox


@pytest.mark.django_db
def test_existing_user_accepts_an_invitation_and_keeps_a_higher_role(client, world):
    from twinning.foundation import actions

    coordinator = world["coordinator_a"]
    invitation = actions.invitation_create(
        municipality=world["a"], email=coordinator.email, role=Role.CITIZEN, invited_by=world["admin"], language="en"
    )
    actions.invitation_accept(invitation, coordinator)
    assert Membership.objects.get(user=coordinator, municipality=world["a"]).role == Role.COORDINATOR


@pytest.mark.django_db
def test_citizen_signs_up_and_verifies_the_email_address(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/es/accounts/signup/",
            {"full_name": "Ana", "email": "Ana@Example.org", "password": "a long enough passphrase"},
        )
    assert response.status_code == 302
    user = User.objects.get(email="ana@example.org")
    assert not user.is_active and not user.email_verified and user.language == "es"
    link = re.search(r"http://\S+/accounts/verify/\S+/\S+/", mail.outbox[-1].body).group(0)
    path = link.split("127.0.0.1:8000")[-1]
    assert client.get(path).status_code == 302
    user.refresh_from_db()
    assert user.is_active and user.email_verified
    assert client.get(path).status_code == 400  # used


@pytest.mark.django_db
def test_signup_refuses_a_taken_address_and_a_weak_password(client):
    UserFactory(email="taken@example.org")
    response = client.post("/en/accounts/signup/", {"full_name": "X", "email": "taken@example.org", "password": "123"})
    body = response.content.decode()
    assert "exists already" in body
    assert "too short" in body
    assert User.objects.count() == 1


def test_distance_between_two_points_a_quarter_of_the_earth_apart():
    assert haversine_km(0, 0, 0, 90) == pytest.approx(10007.54, abs=0.1)
    assert haversine_km(51.2306, 5.3131, 51.2306, 5.3131) == 0
    # Lommel to Ongwediva, by hand with the haversine formula: about 7,740 km
    assert haversine_km(51.2306, 5.3131, -17.7833, 15.7667) == pytest.approx(7741, abs=5)
    assert pairwise_distances([("A", 0, 0), ("B", 0, 90), ("C", 0, 180)]) == [
        ("A", "B", 10008), ("A", "C", 20015), ("B", "C", 10008),
    ]  # fmt: skip


def test_localized_text_falls_back_to_english_then_any_language():
    assert localized({"en": "Water", "fr": "Eau"}, "fr") == "Eau"
    assert localized({"en": "Water", "fr": "Eau"}, "nl") == "Water"
    assert localized({"es": "Agua"}, "nl") == "Agua"
    assert localized({}, "nl") == ""


def test_language_names_follow_the_visitors_language():
    from django.utils import translation

    with translation.override("nl"):
        assert language_name("fr") == "Frans"
        assert language_name("wo") == "Wolof"
    assert language_name("xx") == "xx"


@pytest.mark.django_db
def test_my_work_links_to_the_digest_settings_and_my_participation_data(as_persona):
    from django.urls import reverse

    response = as_persona("citizen").get("/en/me/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "My settings and data" in page
    assert f'href="{reverse("community:digest_preferences")}"' in page
    assert f'href="{reverse("participation:my_data")}"' in page
