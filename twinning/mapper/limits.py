"""The upload size limit, enforced before the body is read: a declared Content-Length over the
limit is refused at once, and an upload handler stops storing a file as soon as it passes it
(for bodies sent without a true length)."""

from __future__ import annotations

from django.core.files.uploadhandler import SkipFile, TemporaryFileUploadHandler

from twinning.mapper.extract import upload_limit

FORM_OVERHEAD = 64 * 1024  # the other form fields around the file


def declared_too_large(request) -> bool:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    return length > upload_limit() + FORM_OVERHEAD + 2 * 1024 * 1024  # room for pasted text beside the file


class LimitedUploadHandler(TemporaryFileUploadHandler):
    """Streams to a temporary file like Django's own handler, but skips a file over the limit."""

    def __init__(self, request=None):
        super().__init__(request)
        self.limit = upload_limit()
        self.received = 0
        self.skipped = False

    def new_file(self, *args, **kwargs):
        self.received = 0
        return super().new_file(*args, **kwargs)

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            self.skipped = True
            self.file.close()
            raise SkipFile
        return super().receive_data_chunk(raw_data, start)
