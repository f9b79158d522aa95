"""Shared fixtures: the named personas every permission test walks with.

visitor (anonymous), citizen (of A), staff_a, coordinator_a, coordinator_b (the partner),
admin. A = Lommel-like municipality, B = its partner; both in one public partnership.
"""

from __future__ import annotations

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, settings

from tests.factories import MembershipFactory, MunicipalityFactory, PartnershipFactory, UserFactory
from twinning.foundation.models import Role

# Property tests check rules, not speed: on a shared CI machine an example may take longer than
# hypothesis's default 200 ms deadline, which would fail a correct test.
settings.register_profile("shared-machine", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("shared-machine")


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(db):
    """Two partner municipalities A and B, one person per role, and an unrelated private partnership."""
    a = MunicipalityFactory(name="Lommeltown", slug="town-a", country="BE")
    b = MunicipalityFactory(name="Ongwetown", slug="town-b", country="NA")
    partnership = PartnershipFactory(slug="a-b", members=[a, b])
    c = MunicipalityFactory(name="Elsewhere", slug="town-c", country="SN")
    d = MunicipalityFactory(name="Faraway", slug="town-d", country="BJ")
    private = PartnershipFactory(slug="c-d", members=[c, d], visibility="private")
    people = {
        "citizen": MembershipFactory(municipality=a, role=Role.CITIZEN).user,
        "staff_a": MembershipFactory(municipality=a, role=Role.STAFF).user,
        "coordinator_a": MembershipFactory(municipality=a, role=Role.COORDINATOR).user,
        "coordinator_b": MembershipFactory(municipality=b, role=Role.COORDINATOR).user,
        "admin": UserFactory(is_superuser=True, is_staff=True),
    }
    return {"a": a, "b": b, "c": c, "d": d, "partnership": partnership, "private": private, **people}


PERSONAS = ["visitor", "citizen", "staff_a", "coordinator_a", "coordinator_b", "admin"]


@pytest.fixture
def as_persona(client, world):
    def login(persona: str):
        if persona != "visitor":
            client.force_login(world[persona])
        return client

    return login
