"""Public pages: languages, the partnership page's content and panels, demo data, admin creation."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from twinning.foundation import demo
from twinning.foundation.models import Municipality, Partnership
from twinning.foundation.slots import _PANELS, PartnershipPanel, register_panel


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept", "prefix"), [("nl-BE,nl;q=0.9", "/nl/"), ("fr", "/fr/"), ("es-EC", "/es/"), ("de", "/en/")]
)
def test_the_root_follows_the_browser_language(client, accept, prefix):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == prefix


@pytest.mark.django_db
def test_every_page_offers_the_other_languages(client, world):
    body = client.get("/fr/partnerships/a-b/").content.decode()
    for code in ["en", "nl", "es"]:
        assert f'href="/{code}/partnerships/a-b/" hreflang="{code}"' in body
    assert '<html lang="fr">' in body


@pytest.mark.django_db
def test_partnership_page_shows_both_members_side_by_side_with_map_and_distance(client):
    demo.seed()
    body = client.get("/nl/partnerships/lommel-ongwediva/").content.decode()
    for text in ["Lommel", "Ongwediva", "België", "Namibië", "Limburg", "Oshana", "35.700", "sinds 1999", "7.741 km"]:
        assert text in body, text
    assert 'id="map"' in body and "51.23060,5.31310,Lommel" in body
    assert "vendor/leaflet/leaflet.js" in body
    assert "6.3.a" in body  # the local target
    assert "Demodata" in body or "Demo" in body


@pytest.mark.django_db
def test_user_text_is_escaped(client, world):
    body = client.get("/en/partnerships/a-b/").content.decode()
    assert "<script>alert" not in body
    assert "&lt;script&gt;" in body


@pytest.mark.django_db
def test_home_filters_by_country_and_sdg(client):
    demo.seed()
    namibia = client.get("/en/?country=NA").content.decode()
    assert "Lommel" in namibia and "Harelbeke" in namibia and "Bierbeek" not in namibia
    water = client.get("/en/?sdg=6").content.decode()
    assert "Bierbeek" in water and "Hoogstraten" not in water
    assert client.get("/en/?country=XX").status_code == 200  # bad filter: all partnerships, with an error


@pytest.mark.django_db
def test_goal_page_has_titles_targets_and_indicators_in_the_visitors_language(client):
    body = client.get("/es/sdgs/6/").content.decode()
    assert "Agua limpia y saneamiento" in body or "Agua Limpia y Saneamiento" in body
    assert "6.1" in body and "6.1.1" in body and "#26BDE2" in body
    dutch = client.get("/nl/sdgs/6/").content.decode()
    assert "Schoon water en sanitair" in dutch
    assert "werkvertaling" in dutch.lower() or "working translation" in dutch


@pytest.mark.django_db
def test_sdg_list_shows_the_five_ps(client):
    body = client.get("/en/sdgs/").content.decode()
    for pillar in ["People", "Planet", "Prosperity", "Peace", "Partnership"]:
        assert f"<h3>{pillar}</h3>" in body


@pytest.mark.django_db
def test_feature_panels_fill_the_partnership_page(client, world):
    register_panel(
        PartnershipPanel("test-practices", "test_panel.html", lambda request, p: {"title": f"Practices of {p.slug}"})
    )
    try:
        body = client.get("/en/partnerships/a-b/").content.decode()
    finally:
        _PANELS.pop("test-practices")
    assert "Practices of a-b" in body


@pytest.mark.django_db
def test_seed_demo_is_idempotent(capsys):
    call_command("seed_demo")
    first = (Municipality.objects.count(), Partnership.objects.count())
    call_command("seed_demo")
    assert (Municipality.objects.count(), Partnership.objects.count()) == first
    assert first[1] >= 16
    assert Partnership.objects.filter(slug="deinze-lievegem-kemopodi").get().memberships.count() == 3
    call_command("seed_demo", "--print-logins")
    assert "coordinator.lommel@example.org" in capsys.readouterr().out


@pytest.mark.django_db
def test_platform_admin_creates_a_municipality_and_a_partnership(client, world, django_capture_on_commit_callbacks):
    from django.core import mail

    client.force_login(world["admin"])
    response = client.post(
        "/en/admin/foundation/municipality/add/",
        {"slug": "ona-2", "name": "Oña", "country": "EC", "region": "Azuay", "latitude": "-3.47", "longitude": "-79.17",
         "languages": '["es"]', "description": "{}", "population": "", "population_year": "", "website": ""},
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:3000]
    new = Municipality.objects.get(name="Oña")
    response = client.post(
        "/en/admin/foundation/partnership/add/",
        {"slug": "a-ona", "title": '{"en": "A and Oña"}', "description": "{}", "since": "2020", "status": "active",
         "visibility": "public", "memberships-TOTAL_FORMS": "2", "memberships-INITIAL_FORMS": "0",
         "memberships-0-municipality": world["a"].pk, "memberships-0-order": "0",
         "memberships-1-municipality": new.pk, "memberships-1-order": "1"},
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Partnership.objects.get(slug="a-ona").memberships.count() == 2
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/municipalities/{new.slug}/people/", {"email": "alcalde@ona.example", "role": "coordinator"})
    assert mail.outbox[-1].to == ["alcalde@ona.example"]


@pytest.mark.django_db
def test_public_pages_are_cached_briefly_for_visitors_but_never_for_signed_in_people(client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = "/en/partnerships/a-b/"
    first = client.get(url)
    assert "max-age=60" in first["Cache-Control"]
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url)
    assert again.content == first.content
    assert len(queries) <= 1  # at most the generation check when the cache is the database's
    coordinator = client.__class__()
    coordinator.force_login(world["coordinator_a"])
    with CaptureQueriesContext(connection) as queries:
        mine = coordinator.get(url)
    assert len(queries) > 0
    assert "Edit partnership" in mine.content.decode()
    # a coordinator's edit reaches visitors at once
    post = {"version": 1, "title_0": "Renamed partnership", "title_1": "", "title_2": "", "title_3": "",
            "description_0": "", "description_1": "", "description_2": "", "description_3": "",
            "since": 2001, "status": "active"}  # fmt: skip
    assert coordinator.post(f"{url}edit/", post).status_code == 302
    assert "Renamed partnership" in client.get(url).content.decode()


@pytest.mark.django_db
def test_dashboard_offers_profile_editing_only_where_the_policy_allows(client, world):
    client.force_login(world["coordinator_a"])
    assert f"/en/municipalities/{world['a'].slug}/edit/" in client.get("/en/me/").content.decode()
    client.force_login(world["staff_a"])
    assert f"/en/municipalities/{world['a'].slug}/edit/" not in client.get("/en/me/").content.decode()
