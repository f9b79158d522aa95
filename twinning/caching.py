"""Public pages cached briefly for anonymous visitors.

Most visitors of the home, partnership and SDG pages are anonymous, many on slow connections:
for them the rendered page is kept in the shared cache (Redis in production, so every app
process shares it). Signed-in people always get a fresh page. Any successful write (a POST,
PUT, PATCH or DELETE answered below 400) moves the cache generation on, so visitors never see
a page older than the last change; ``PUBLIC_PAGE_SECONDS`` bounds the age otherwise.
"""

from __future__ import annotations

from functools import wraps

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

PUBLIC_PAGE_SECONDS = 60
GENERATION_KEY = "public-pages:generation"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, None)
        value = cache.get(GENERATION_KEY, 1)
    return value


def public_pages_changed() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)


def cache_for_visitors(seconds: int = PUBLIC_PAGE_SECONDS):
    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method != "GET" or request.user.is_authenticated:
                return view(request, *args, **kwargs)
            key = f"public-page:{generation()}:{get_language()}:{request.get_full_path()}"
            stored = cache.get(key)
            if stored is not None:
                response = HttpResponse(stored[1], content_type=stored[0])
            else:
                response = view(request, *args, **kwargs)
                if response.status_code == 200 and not getattr(response, "streaming", False):
                    cache.set(key, (response["Content-Type"], response.content), seconds)
            patch_cache_control(response, max_age=seconds, public=True)
            patch_vary_headers(response, ["Cookie"])
            return response

        return wrapper

    return decorator


class PublicPagesGenerationMiddleware:
    """After a successful write anywhere, visitors get freshly rendered public pages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in SAFE_METHODS and response.status_code < 400:
            public_pages_changed()
        return response
