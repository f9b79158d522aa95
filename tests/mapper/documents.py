"""Small documents made for the tests: text PDFs (hand-written PDF syntax, Helvetica, one page per
string), a PDF without a text layer, an encrypted PDF, DOCX and ODT packages, a zip bomb."""

from __future__ import annotations

import io
import zipfile

from pypdf import PdfWriter


def _pdf_string(line: str) -> bytes:
    raw = line.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def make_pdf(pages: list[str]) -> bytes:
    """A PDF with a real text layer: each string is one page, wrapped at about 90 characters."""
    objects: list[bytes] = []
    count = len(pages)
    font_number = 3 + 2 * count
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(count))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode())
    for index, text in enumerate(pages):
        lines, line = [], ""
        for word in text.split():
            if len(line) + len(word) > 90:
                lines.append(line)
                line = ""
            line = f"{line} {word}".strip()
        lines.append(line)
        stream = b"BT /F1 10 Tf 50 800 Td 12 TL " + b" ".join(_pdf_string(part) + b" Tj T*" for part in lines) + b" ET"
        content_number = 4 + 2 * index
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 {font_number} 0 R >> >> "
            f"/Contents {content_number} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def scanned_pdf(pages: int = 3) -> bytes:
    """Pages without any text, as a scanner makes them (minus the picture)."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def encrypted_pdf(text: str = "Climate plan of the municipality.") -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(make_pdf([text])))
    writer.encrypt(user_password="secret", owner_password="owner")  # noqa: S106 - a test document
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_docx(paragraphs: list[str]) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{_xml(p)}</w:t></w:r></w:p>" for p in paragraphs)
    document = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    return _zipped({"[Content_Types].xml": '<?xml version="1.0"?><Types/>', "word/document.xml": document})


def make_odt(paragraphs: list[str]) -> bytes:
    body = "".join(f"<text:p>{_xml(p)}</text:p>" for p in paragraphs)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    return _zipped({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": content})


def zip_bomb_docx(inflated_mb: int = 40) -> bytes:
    """A few hundred kilobytes that inflate to ``inflated_mb`` MB of document XML."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with archive.open("word/document.xml", "w", force_zip64=True) as handle:
            chunk = b" " * (1024 * 1024)
            for _ in range(inflated_mb):
                handle.write(chunk)
    return out.getvalue()


def _zipped(members: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


DUTCH_COALITION = [
    "Bestuursakkoord 2025-2030 van de gemeente Lommeltown.",
    "Kinderarmoede bestrijden we met gratis schoolmaaltijden en een uitbreiding van de sociale kruidenier.",
    "Het klimaatplan moet de uitstoot van broeikasgassen tegen 2030 met 55 procent verminderen.",
    "Op alle gemeentelijke gebouwen komen zonnepanelen en we bouwen een warmtenet.",
    "Het mobiliteitsplan geeft voorrang aan voetgangers, fietsers en openbaar vervoer.",
    "Via de stedenband met onze partnergemeente Ongwetown wisselen we kennis uit over afvalbeheer.",
]
SPANISH_PLAN = [
    "Plan plurianual del municipio hermano para el periodo 2025-2029.",
    "Las tuberías de agua potable antiguas serán sustituidas y se construirá una depuradora.",
    "Cada escuela primaria contará con docentes de refuerzo y más alfabetización de adultos.",
    "El ayuntamiento busca la paridad entre mujeres y hombres y combate la violencia de género.",
    "Combatimos la pobreza infantil con comedores escolares gratuitos.",
]
