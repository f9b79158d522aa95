"""Writes of the mapper: create a document (and queue its mapping), process it, share it."""

from __future__ import annotations

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from twinning.foundation.models import Municipality, Partnership
from twinning.mapper.extract import ExtractionError, extract
from twinning.mapper.mapping import UnsupportedLanguage, map_text
from twinning.mapper.models import MappedDocument

PROGRESS_STEP = 5  # write the progress only when it moved this many percent


def document_create(
    partnership: Partnership,
    owner: Municipality,
    user,
    *,
    title: str,
    text: str = "",
    language: str = "",
    upload: UploadedFile | None = None,
) -> MappedDocument:
    """Store the document (the text, or the file still to be read) and queue its mapping."""
    from twinning.mapper.tasks import map_document

    with transaction.atomic():
        document = MappedDocument(
            partnership=partnership, owner=owner, title=title, text=text, language=language, created_by=user
        )
        if upload is not None:
            document.file_name = upload.name[:255]
            document.file.save(upload.name, upload, save=False)
        document.save()
    map_document.enqueue(document.pk)
    document.refresh_from_db()
    return document


class _Progress:
    """Writes the progress of one phase (from ``low`` to ``high`` percent) on the row, in steps."""

    def __init__(self, pk: int, low: int, high: int):
        self.pk, self.low, self.high, self.last = pk, low, high, -PROGRESS_STEP

    def __call__(self, fraction: float) -> None:
        value = self.low + round((self.high - self.low) * fraction)
        if value - self.last >= PROGRESS_STEP:
            self.last = value
            MappedDocument.objects.filter(pk=self.pk).update(progress=min(value, 99))


def document_process(document_id: int) -> str:
    document = MappedDocument.objects.filter(pk=document_id).first()
    if document is None or document.status == MappedDocument.Status.DONE:
        return "missing" if document is None else document.status
    MappedDocument.objects.filter(pk=document_id).update(status=MappedDocument.Status.RUNNING, progress=1)
    text = document.text
    try:
        if document.file and not text:
            with document.file.open("rb") as stream:
                text = extract(stream, document.file_name or document.file.name, progress=_Progress(document_id, 1, 50))
        result = map_text(text, document.language or None, progress=_Progress(document_id, 50, 99))
    except ExtractionError as exc:
        return _fail(document_id, exc.code, "")
    except UnsupportedLanguage as exc:
        return _fail(document_id, "language", exc.detected or "")
    MappedDocument.objects.filter(pk=document_id).update(
        status=MappedDocument.Status.DONE,
        progress=100,
        text=text,
        language=result.language,
        result=result.as_dict(),
        error_code="",
        error_detail="",
    )
    return MappedDocument.Status.DONE


def _fail(document_id: int, code: str, detail: str) -> str:
    MappedDocument.objects.filter(pk=document_id).update(
        status=MappedDocument.Status.FAILED, progress=100, error_code=code, error_detail=detail[:32]
    )
    return MappedDocument.Status.FAILED


def document_share(document: MappedDocument, *, shared: bool) -> MappedDocument:
    MappedDocument.objects.filter(pk=document.pk).update(shared=shared)
    document.shared = shared
    return document
