"""Every URL pattern of the project, by full name, so the permission matrix can prove it misses none."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, get_resolver


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
