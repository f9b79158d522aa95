"""Every URL pattern of the project, by full name, so the permission matrix can prove it misses none."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, get_resolver

from tests.conftest import PERSONAS

V, CI, SA, CA, CB, AD = PERSONAS  # visitor, citizen, staff_a, coordinator_a, coordinator_b, admin
LOGIN = "login"  # a redirect to the login page
QUERY = "__query"  # a row's query string, beside the path kwargs
# Logs kept by libraries: the admin may read them, nobody adds them by hand.
READ_ONLY_ADMIN = {
    "axes_accessattempt",
    "axes_accessfailurelog",
    "axes_accesslog",
    "django_tasks_database_dbtaskresult",
}


def everyone(code) -> dict:
    return dict.fromkeys(PERSONAS, code)


def only(allowed: set[str], ok=200, denied=403, visitor=LOGIN) -> dict:
    """Allowed personas get ``ok``, others ``denied``; a visitor outside ``allowed`` is sent to log in."""
    expected = {persona: (ok if persona in allowed else denied) for persona in PERSONAS}
    if V not in allowed:
        expected[V] = visitor
    return expected


def anonymous_only(ok=200, other=302):
    return {persona: (ok if persona == V else other) for persona in PERSONAS}


def all_url_names() -> set[str]:
    names: set[str] = set()

    def walk(patterns, namespace: str | None) -> None:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                inner = namespace
                if entry.namespace:
                    inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
                walk(entry.url_patterns, inner)
            elif isinstance(entry, URLPattern):
                if entry.name is None and namespace == "admin":
                    continue  # the admin's old-style "<object_id>/" redirects to the named change view
                if entry.name is None:
                    raise AssertionError(f"URL pattern without a name: {entry.pattern}")
                names.add(f"{namespace}:{entry.name}" if namespace else entry.name)

    walk(get_resolver().url_patterns, None)
    return names
