from django.conf import settings
from django.urls import translate_url


def navigation(request):
    """Links to the current page in each language, for the language switcher (no queries)."""
    path = request.get_full_path()
    return {
        "language_links": [{"code": code, "url": translate_url(path, code)} for code, _name in settings.LANGUAGES],
    }
