"""Rate limits on voting and posting: a fixed window counter in the shared cache (Redis in
production), so several app processes share one limit."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache

# Per client and minute; a deployment may change them in settings (the load benchmark lifts them).
DEFAULTS = {"vote": 10, "post": 5}


def limit_for(scope: str) -> int:
    return getattr(settings, "PARTICIPATION_RATE_LIMITS", {}).get(scope, DEFAULTS[scope])


def allow(scope: str, key: str, *, limit: int | None = None, window: int = 60) -> bool:
    """True while ``key`` has made fewer than ``limit`` requests of ``scope`` in the current window."""
    limit = limit_for(scope) if limit is None else limit
    name = f"participation:throttle:{scope}:{key}"
    if cache.add(name, 1, timeout=window):
        return True
    try:
        count = cache.incr(name)
    except ValueError:  # expired between add and incr
        cache.add(name, 1, timeout=window)
        return True
    return count <= limit


def client_key(request) -> str:
    """The signed-in user, or the client address for anonymous ballots with a code."""
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    return "addr:" + request.META.get("REMOTE_ADDR", "unknown")
