"""SDG heroes and ambassadors: named with consent, shown per SDG side by side, managed by their municipality."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.urls import reverse

from tests.community.factories import HeroFactory
from twinning.community.models import Hero
from twinning.community.selectors import side_by_side
from twinning.sdg.models import Goal

pytestmark = pytest.mark.django_db


def _data(world, **extra) -> dict:
    data = {
        "title": "hero",
        "kind": "school",
        "name": "Green school <script>x()</script>",
        "municipality": world["a"].pk,
        "goal_number": "1",
        "why": "Runs a food bank",
        "consent": "on",
    }
    data.update(extra)
    return data


def test_side_by_side_puts_each_municipalitys_items_in_its_column_per_goal():
    goals = [SimpleNamespace(number=n) for n in (1, 2, 3)]
    a, b = SimpleNamespace(pk=10), SimpleNamespace(pk=20)
    hero_a = SimpleNamespace(municipality_id=10, goal=goals[0])
    hero_b = SimpleNamespace(municipality_id=20, goal=goals[0])
    hero_b3 = SimpleNamespace(municipality_id=20, goal=goals[2])
    rows = side_by_side(goals, [a, b], [hero_b3, hero_b, hero_a])
    assert [row["goal"].number for row in rows] == [1, 3]  # goal 2 has nobody: no row
    assert [cell["items"] for cell in rows[0]["cells"]] == [[hero_a], [hero_b]]
    assert [cell["items"] for cell in rows[1]["cells"]] == [[], [hero_b3]]


def test_a_hero_cannot_be_named_without_consent(client, world):
    client.force_login(world["staff_a"])
    response = client.post(reverse("community:hero_create", args=["a-b"]), _data(world, consent=""))
    assert response.status_code == 200
    assert "Tick the consent box" in response.content.decode()
    assert not Hero.objects.exists()


def test_heroes_of_both_municipalities_for_the_same_sdg_stand_side_by_side(client, world):
    client.force_login(world["staff_a"])
    assert client.post(reverse("community:hero_create", args=["a-b"]), _data(world)).status_code == 302
    client.force_login(world["coordinator_b"])
    client.post(
        reverse("community:hero_create", args=["a-b"]),
        _data(world, name="Food cooperative", municipality=world["b"].pk),
    )
    client.logout()
    page = client.get(reverse("community:heroes", args=["a-b"])).content.decode()
    row = page.split("<tbody>")[1].split("</tr>")[0]
    assert "Green school &lt;script&gt;" in row and "Food cooperative" in row
    assert row.index("Green school") < row.index("Food cooperative")  # A's column comes first
    assert "Remove" not in page  # visitors manage nothing


def test_the_partner_coordinator_cannot_name_heroes_for_the_other_municipality(client, world):
    client.force_login(world["coordinator_b"])
    client.post(reverse("community:hero_create", args=["a-b"]), _data(world))
    assert not Hero.objects.exists()


def test_staff_edit_and_remove_their_municipalitys_hero_but_not_the_partners(client, world):
    mine = HeroFactory(municipality=world["a"])
    theirs = HeroFactory(municipality=world["b"])
    client.force_login(world["staff_a"])
    edit = reverse("community:hero_edit", args=["a-b", mine.pk])
    response = client.post(edit, _data(world, name="Renamed", title="ambassador", goal_number="6"))
    assert response.status_code == 302
    mine.refresh_from_db()
    assert (mine.name, mine.title, mine.goal.number) == ("Renamed", "ambassador", 6)
    assert client.post(reverse("community:hero_remove", args=["a-b", theirs.pk])).status_code == 403
    assert client.post(reverse("community:hero_remove", args=["a-b", mine.pk])).status_code == 302
    assert list(Hero.objects.all()) == [theirs]


def test_citizens_cannot_name_heroes(client, world):
    client.force_login(world["citizen"])
    assert client.post(reverse("community:hero_create", args=["a-b"]), _data(world)).status_code == 403
    assert Goal.objects.filter(number=1).exists() and not Hero.objects.exists()
