"""Every URL pattern against every persona: visitor, citizen, staff of A, coordinator of A,
coordinator of partner B and the platform admin. A new view without a row here fails the
coverage test, so no view is left out of the matrix."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import translation

from tests import permission_rows
from tests.conftest import PERSONAS
from tests.urlmatrix import (
    AD,
    CA,
    CB,
    CI,
    LOGIN,
    QUERY,
    READ_ONLY_ADMIN,
    SA,
    V,
    all_url_names,
    anonymous_only,
    everyone,
    only,
)
from twinning.foundation import actions
from twinning.foundation.models import Invitation, Membership, Municipality, Partnership, Role


# name -> list of (kwargs builder, expected per persona, description)
def build_matrix(world) -> dict[str, list[tuple[dict, dict, str]]]:
    a, b, c = world["a"], world["b"], world["c"]
    public, private = world["partnership"], world["private"]
    token = Invitation.new_token()
    with translation.override("en"):
        actions.invitation_create(
            municipality=a, email="new@example.org", role=Role.STAFF, invited_by=world["admin"], language="en"
        )
    Invitation.objects.filter(email="new@example.org").update(
        token_hash=__import__("twinning.foundation.models", fromlist=["hash_token"]).hash_token(token)
    )
    default_storage.save("matrix/photo.png", ContentFile(b"\x89PNG\r\n\x1a\n"))
    admin_models = {
        "accounts_user": world["staff_a"].pk,
        "foundation_municipality": a.pk,
        "foundation_partnership": public.pk,
        "foundation_membership": Membership.objects.first().pk,
        "foundation_invitation": Invitation.objects.first().pk,
    }
    matrix: dict[str, list] = {
        "foundation:home": [({}, everyone(200), "home")],
        "foundation:dashboard": [({}, only({CI, SA, CA, CB, AD}), "my work")],
        "foundation:partnership": [
            ({"slug": public.slug}, everyone(200), "public partnership"),
            ({"slug": private.slug}, {**everyone(404), AD: 200}, "members-only partnership of others"),
        ],
        "foundation:partnership_edit": [
            ({"slug": public.slug}, only({CA, CB, AD}), "coordinators of every member edit the partnership"),
            ({"slug": private.slug}, {**everyone(404), V: LOGIN, AD: 200}, "invisible partnership"),
        ],
        "foundation:local_targets": [({"slug": public.slug}, only({CA, CB, AD}), "local targets")],
        "foundation:municipality": [
            ({"slug": a.slug}, everyone(200), "member of a public partnership"),
            ({"slug": c.slug}, {**everyone(404), AD: 200}, "only in a members-only partnership"),
        ],
        "foundation:municipality_edit": [
            ({"slug": a.slug}, only({CA, AD}), "A's own data: A's coordinator"),
            ({"slug": b.slug}, only({CB, AD}), "B's own data: not A's coordinator"),
        ],
        "foundation:people": [
            ({"slug": a.slug}, only({CA, AD}), "A's people"),
            ({"slug": b.slug}, only({CB, AD}), "B's people"),
        ],
        "foundation:invitation": [
            ({"token": token}, everyone(200), "open invitation"),
            ({"token": "not-a-token"}, everyone(404), "unknown invitation"),
        ],
        "sdg:goals": [({}, everyone(200), "17 goals")],
        "sdg:goal": [({"number": 6}, everyone(200), "goal 6"), ({"number": 18}, everyone(404), "no goal 18")],
        "accounts:login": [({}, anonymous_only(), "login")],
        "accounts:logout": [({}, everyone(405), "logout needs POST")],
        "accounts:signup": [({}, anonymous_only(), "citizen sign-up")],
        "accounts:signup_done": [({}, everyone(200), "check your e-mail")],
        "accounts:verify": [({"uidb64": "MQ", "token": "bad-token"}, everyone(400), "bad verification link")],
        "accounts:password_reset": [({}, everyone(200), "reset form")],
        "accounts:password_reset_done": [({}, everyone(200), "reset sent")],
        "accounts:password_reset_confirm": [
            ({"uidb64": "MQ", "token": "bad-token"}, everyone(200), "invalid link page")
        ],
        "healthz": [({}, everyone(200), "health")],
        "media": [
            ({"path": "matrix/photo.png"}, everyone(200), "uploaded image"),
            ({"path": "matrix/missing.png"}, everyone(404), "missing file"),
        ],
        "api:index": [({}, everyone(200), "API index")],
        "api:api-root": [({}, everyone(200), "API root (the index)")],
        "api:list_goals": [({}, everyone(200), "goals")],
        "api:get_goal": [({"number": 1}, everyone(200), "goal"), ({"number": 99}, everyone(404), "no goal")],
        "api:list_municipalities": [({}, everyone(200), "municipalities")],
        "api:get_municipality": [
            ({"slug": a.slug}, everyone(200), "visible municipality"),
            ({"slug": c.slug}, {**everyone(404), AD: 200}, "members-only municipality"),
        ],
        "api:list_partnerships": [({}, everyone(200), "partnerships")],
        "api:get_partnership": [
            ({"slug": public.slug}, everyone(200), "public"),
            ({"slug": private.slug}, {**everyone(404), AD: 200}, "members only"),
        ],
        "api:openapi-json": [({}, everyone(200), "OpenAPI document")],
        "api:openapi-view": [({}, everyone(200), "API docs")],
    }
    for module in permission_rows.modules():
        overlap = set(module.rows(world)) & set(matrix)
        assert not overlap, f"{module.__name__} repeats rows for {overlap}"
        matrix.update(module.rows(world))
    admin_only = {**everyone(302), AD: 200}
    for name in sorted(all_url_names()):
        if not name.startswith("admin:"):
            continue
        short = name.removeprefix("admin:")
        if short == "login":
            matrix[name] = [({}, {**everyone(200), AD: 302}, "admin login")]
        elif short == "logout":
            matrix[name] = [({}, {**everyone(302), AD: 405}, "admin logout needs POST")]
        elif short in {"index", "password_change", "password_change_done"}:
            matrix[name] = [({}, admin_only, short)]
        elif short == "autocomplete":
            query = "app_label=foundation&model_name=partnershipmember&field_name=municipality&term=Lom"
            matrix[name] = [({QUERY: query}, admin_only, "admin autocomplete of municipalities")]
        elif short == "jsi18n":
            matrix[name] = [({}, {**everyone(302), AD: 200}, "admin js catalogue")]
        elif short == "app_list":
            matrix[name] = [({"app_label": "foundation"}, admin_only, "app index")]
        elif short == "auth_user_password_change":
            matrix[name] = [({"id": world["staff_a"].pk}, admin_only, "admin sets a password")]
        elif short == "view_on_site":
            matrix[name] = [({"content_type_id": 1, "object_id": 1}, {**everyone(302), AD: 404}, "view on site")]
        else:
            model, action = short.rsplit("_", 1)
            known = model in admin_models
            kwargs = {} if action in {"changelist", "add"} else {"object_id": admin_models.get(model, 999999)}
            expected = admin_only if known or action in {"changelist", "add"} else {**everyone(302), AD: 302}
            read_only = model in READ_ONLY_ADMIN and (
                action == "add" or (action == "delete" and model.startswith("django_tasks"))
            )
            if (model == "foundation_invitation" and action == "add") or read_only:
                expected = {**everyone(302), AD: 403}
            matrix[name] = [(kwargs, expected, f"admin {model} {action}")]
    return matrix


def test_matrix_covers_every_url_pattern(world):
    matrix = build_matrix(world)
    missing = all_url_names() - set(matrix)
    assert not missing, f"URL patterns without a row in the permission matrix: {sorted(missing)}"
    assert not set(matrix) - all_url_names(), "matrix rows for URL names that do not exist"


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_url_answers_each_persona_as_the_policy_says(persona, as_persona, world, settings):
    settings.AXES_ENABLED = False
    client = as_persona(persona)
    failures = []
    for name, rows in build_matrix(world).items():
        for kwargs, expected, description in rows:
            path_kwargs = {k: v for k, v in kwargs.items() if k != QUERY}
            with translation.override("en"):
                url = reverse(name, kwargs=path_kwargs)
            if QUERY in kwargs:
                url = f"{url}?{kwargs[QUERY]}"
            response = client.get(url)
            want = expected[persona]
            got = response.status_code
            if want == LOGIN:
                ok = got == 302 and "/accounts/login/" in response["Location"]
            else:
                ok = got == want
            if not ok:
                failures.append(f"{name} ({description}) {url}: expected {want}, got {got}")
    assert not failures, "\n".join(failures)


def test_private_partnership_is_hidden_from_lists_for_non_members(client, world):
    body = client.get("/en/").content.decode()
    assert world["private"].slug not in body
    slugs = [p["slug"] for p in client.get("/api/v1/partnerships").json()["items"]]
    assert slugs == [world["partnership"].slug]


def test_members_see_their_own_private_partnership(client, world):
    member = Membership.objects.create(
        user=__import__("tests.factories", fromlist=["UserFactory"]).UserFactory(),
        municipality=world["c"],
        role=Role.STAFF,
    )
    client.force_login(member.user)
    assert client.get(f"/en/partnerships/{world['private'].slug}/").status_code == 200
    assert Partnership.objects.filter(slug=world["private"].slug).exists()
    assert Municipality.objects.count() == 4
