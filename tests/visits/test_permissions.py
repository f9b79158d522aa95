"""The visits rows of the permission matrix, walked on their own so this app's rules are proven
even while another app's rows are being built."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from tests.conftest import PERSONAS
from tests.permission_rows import visits as visit_rows
from tests.urlmatrix import LOGIN, QUERY, all_url_names


def test_every_visits_url_has_a_row(world):
    api = {"create_visit", "add_delegate", "add_programme_item", "update_programme_item"}
    api |= {"list_agreements", "add_agreement", "update_agreement"}
    names = {
        name
        for name in all_url_names()
        if name.startswith("visits:") or "partnership_visit" in name or name.removeprefix("api:") in api
    }
    assert names == set(visit_rows.rows(world))


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_visits_url_answers_each_persona_as_the_policy_says(persona, as_persona, world, settings):
    settings.AXES_ENABLED = False
    client = as_persona(persona)
    failures = []
    for name, rows in visit_rows.rows(world).items():
        for kwargs, expected, description in rows:
            with translation.override("en"):
                url = reverse(name, kwargs={k: v for k, v in kwargs.items() if k != QUERY})
            response = client.get(url)
            want, got = expected[persona], response.status_code
            ok = (got == 302 and "/accounts/login/" in response["Location"]) if want == LOGIN else got == want
            if not ok:
                failures.append(f"{name} ({description}) {url}: expected {want}, got {got}")
    assert not failures, "\n".join(failures)
