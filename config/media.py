"""Serve uploaded files from the storage with a safe type: never as HTML, never sniffed."""

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.utils._os import safe_join
from django.views.decorators.http import require_GET

from twinning.uploads import safe_content_type


@require_GET
def serve_media(request, path: str):
    try:
        safe_join("/", path)
    except Exception as exc:  # SuspiciousFileOperation on traversal
        raise Http404 from exc
    if not default_storage.exists(path):
        raise Http404
    content_type, inline = safe_content_type(path)
    response = FileResponse(default_storage.open(path, "rb"), content_type=content_type, as_attachment=not inline)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "public, max-age=86400"
    return response
