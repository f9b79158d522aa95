"""Text out of an uploaded document (PDF, DOCX, ODT, TXT, HTML), with guards: a size limit checked
before reading, zip members checked for size and compression ratio before inflating (no zip
bombs), XML refused when it declares entities, PDFs checked for encryption and a text layer.
Every refusal is an ``ExtractionError`` with a translated message for the person who uploaded."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import PurePath
from xml.etree import ElementTree

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError

MAX_UPLOAD_BYTES = 25 * 1024 * 1024
MAX_XML_BYTES = 30 * 1024 * 1024  # the largest document part we inflate
MAX_RATIO = 100  # inflated size / compressed size of a document part
MAX_MEMBERS = 2_000
MIN_CHARS_PER_PAGE = 20  # below this on average, a PDF has no usable text layer (a scan)
MAX_TEXT_CHARS = 5_000_000
KINDS = ("pdf", "docx", "odt", "txt", "html")
EXTENSIONS = {".pdf": "pdf", ".docx": "docx", ".odt": "odt", ".txt": "txt", ".htm": "html", ".html": "html"}


class ExtractionError(Exception):
    def __init__(self, message, code: str):
        super().__init__(code)
        self.message = message
        self.code = code


def kind_of(name: str, head: bytes) -> str:
    """The document kind from its first bytes, agreeing with its name's extension."""
    by_name = EXTENSIONS.get(PurePath(name).suffix.lower())
    if head.startswith(b"%PDF"):
        by_content = "pdf"
    elif head.startswith(b"PK\x03\x04"):
        by_content = by_name if by_name in {"docx", "odt"} else "zip"
    else:
        by_content = by_name if by_name in {"txt", "html"} else None
    if by_name is None or by_content != by_name:
        raise ExtractionError(
            _("Upload a PDF, Word (.docx), OpenDocument (.odt), plain text or HTML file."), "unsupported_type"
        )
    return by_name


def upload_limit() -> int:
    """MAPPER_MAX_UPLOAD_BYTES from the settings, 25 MB by default."""
    return getattr(settings, "MAPPER_MAX_UPLOAD_BYTES", MAX_UPLOAD_BYTES)


def check_size(size: int | None, limit: int | None = None) -> None:
    limit = upload_limit() if limit is None else limit
    if size is not None and size > limit:
        raise ExtractionError(
            _("The file is larger than %(mb)d MB. Split it or paste the part you want mapped.")
            % {"mb": limit // (1024 * 1024)},
            "too_large",
        )


def extract(stream, name: str, *, progress: Callable[[float], None] | None = None) -> str:
    """The text of the document in ``stream`` (a binary file object), or an ExtractionError."""
    size = _size_of(stream)
    check_size(size)
    head = stream.read(8)
    stream.seek(0)
    kind = kind_of(name, head)
    if kind == "pdf":
        return pdf_text(stream, progress=progress)
    if kind == "docx":
        return _zipped_xml(stream, "word/document.xml", _docx_paragraphs)
    if kind == "odt":
        return _zipped_xml(stream, "content.xml", _odt_paragraphs)
    raw = stream.read(upload_limit() + 1)
    text = decode(raw)
    return html_text(text) if kind == "html" else text


def _size_of(stream) -> int | None:
    size = getattr(stream, "size", None)
    if size is None:
        try:
            position = stream.tell()
            stream.seek(0, io.SEEK_END)
            size = stream.tell()
            stream.seek(position)
        except (AttributeError, OSError):
            return None
    return size


def decode(raw: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


# --- PDF ---------------------------------------------------------------------------------------


def pdf_reader(stream) -> PdfReader:
    try:
        reader = PdfReader(stream)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractionError(
                _("The PDF is protected with a password. Save an unprotected copy and upload that."), "encrypted"
            )
        len(reader.pages)
    except ExtractionError:
        raise
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError) as exc:
        if "decrypt" in str(exc).lower() or "encrypt" in str(exc).lower():
            raise ExtractionError(
                _("The PDF is protected with a password. Save an unprotected copy and upload that."), "encrypted"
            ) from exc
        raise ExtractionError(_("The file is damaged or not a PDF we can read."), "corrupt") from exc
    return reader


def pdf_text(stream, *, progress: Callable[[float], None] | None = None) -> str:
    reader = pdf_reader(stream)
    pages = reader.pages
    parts: list[str] = []
    total = 0
    try:
        for index, page in enumerate(pages):
            text = page.extract_text() or ""
            parts.append(text)
            total += len(text)
            if total > MAX_TEXT_CHARS:
                break
            if progress is not None and index % 10 == 9:
                progress((index + 1) / len(pages))
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError) as exc:
        raise ExtractionError(_("The file is damaged or not a PDF we can read."), "corrupt") from exc
    text = "\n\n".join(parts)
    if len(text.strip()) < MIN_CHARS_PER_PAGE * max(1, len(pages)):
        raise ExtractionError(
            _(
                "This PDF has no text layer: it looks like a scan. Run text recognition (OCR) on it first, "
                "or paste the text."
            ),
            "no_text",
        )
    return text


# --- DOCX and ODT ---------------------------------------------------------------------------------


def _zipped_xml(stream, member: str, paragraphs: Callable[[ElementTree.Element], Iterator[str]]) -> str:
    damaged = _("The file is damaged or not a document we can read.")
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ExtractionError(damaged, "corrupt") from exc
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise ExtractionError(damaged, "corrupt")
        try:
            info = archive.getinfo(member)
        except KeyError as exc:
            raise ExtractionError(damaged, "corrupt") from exc
        bomb = ExtractionError(
            _("The document unpacks to far more than its size (a zip bomb?); it was not opened."), "zip_bomb"
        )
        if info.file_size > MAX_XML_BYTES or info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise bomb
        try:
            with archive.open(info) as handle:
                data = handle.read(MAX_XML_BYTES + 1)  # the header may lie: never read past the limit
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
            raise ExtractionError(damaged, "corrupt") from exc
        if len(data) > MAX_XML_BYTES:
            raise bomb
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
        raise ExtractionError(damaged, "corrupt")
    try:
        root = ElementTree.fromstring(data)  # noqa: S314 - no DTD or entities (checked above)
    except ElementTree.ParseError as exc:
        raise ExtractionError(damaged, "corrupt") from exc
    return "\n".join(paragraph for paragraph in paragraphs(root) if paragraph.strip())


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ODF_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def _docx_paragraphs(root: ElementTree.Element) -> Iterator[str]:
    for paragraph in root.iter(f"{W}p"):
        pieces = []
        for node in paragraph.iter():
            if node.tag == f"{W}t" and node.text:
                pieces.append(node.text)
            elif node.tag == f"{W}tab":
                pieces.append("\t")
        yield "".join(pieces)


def _odt_paragraphs(root: ElementTree.Element) -> Iterator[str]:
    for node in root.iter():
        if node.tag in {f"{ODF_TEXT}p", f"{ODF_TEXT}h"}:
            yield "".join(node.itertext())


# --- HTML ----------------------------------------------------------------------------------------


class _TextCollector(HTMLParser):
    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style", "template", "noscript"}:
            self._skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in {"script", "style", "template", "noscript"} and self._skip:
            self._skip -= 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def html_text(markup: str) -> str:
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.parts).splitlines())
    return "\n".join(line for line in lines if line)
