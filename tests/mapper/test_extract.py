"""Text extraction and every kind of bad input: each refused with a clear message, nothing raised
that a view would not catch, memory bounded (a zip bomb is never inflated)."""

from __future__ import annotations

import io
import tracemalloc

import pytest

from tests.mapper.documents import (
    DUTCH_COALITION,
    encrypted_pdf,
    make_docx,
    make_odt,
    make_pdf,
    scanned_pdf,
    zip_bomb_docx,
)
from twinning.mapper.extract import ExtractionError, check_size, extract


def _refused(data: bytes, name: str) -> ExtractionError:
    with pytest.raises(ExtractionError) as info:
        extract(io.BytesIO(data), name)
    assert str(info.value.message)
    return info.value


def test_reads_the_text_layer_of_a_pdf():
    text = extract(io.BytesIO(make_pdf(DUTCH_COALITION)), "akkoord.pdf")
    assert "Kinderarmoede" in text and "broeikasgassen" in text


def test_reads_docx_odt_html_and_text():
    assert "schoolmaaltijden" in extract(io.BytesIO(make_docx(DUTCH_COALITION)), "a.docx")
    assert "schoolmaaltijden" in extract(io.BytesIO(make_odt(DUTCH_COALITION)), "a.odt")
    html = b"<html><style>p{}</style><script>alert(1)</script><p>Clean <b>water</b></p></html>"
    assert extract(io.BytesIO(html), "a.html") == "Clean water"
    assert extract(io.BytesIO("Énergie".encode("cp1252")), "a.txt") == "Énergie"


def test_a_scanned_pdf_without_text_layer_is_refused():
    assert _refused(scanned_pdf(), "scan.pdf").code == "no_text"


def test_an_encrypted_pdf_is_refused():
    assert _refused(encrypted_pdf(), "secret.pdf").code == "encrypted"


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"%PDF-1.7\n1 0 obj garbage", "broken.pdf"),
        (b"PK\x03\x04 not really a zip", "broken.docx"),
        (make_docx(["x"])[:200], "cut.docx"),
        (b"PK\x03\x04", "broken.odt"),
    ],
)
def test_a_corrupt_file_is_refused(data, name):
    assert _refused(data, name).code == "corrupt"


def test_a_zip_bomb_disguised_as_docx_is_refused_without_inflating_it():
    bomb = zip_bomb_docx(40)
    assert len(bomb) < 1024 * 1024
    tracemalloc.start()
    try:
        error = _refused(bomb, "innocent.docx")
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert error.code == "zip_bomb"
    assert peak < 10 * 1024 * 1024


def test_xml_with_entities_is_refused():
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", '<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')
    assert _refused(out.getvalue(), "laughs.docx").code == "corrupt"


def test_a_file_over_the_limit_is_refused_before_reading():
    class Huge(io.BytesIO):
        size = 500 * 1024 * 1024

        def read(self, *args):
            raise AssertionError("a file over the limit is never read")

    with pytest.raises(ExtractionError) as info:
        extract(Huge(), "plan.pdf")
    assert info.value.code == "too_large"
    with pytest.raises(ExtractionError):
        check_size(500 * 1024 * 1024)


@pytest.mark.parametrize(
    ("data", "name"), [(b"MZ\x90\x00", "virus.exe"), (b"%PDF-1.4", "plan.docx"), (b"hello", "a.pdf")]
)
def test_a_file_whose_content_does_not_match_its_kind_is_refused(data, name):
    assert _refused(data, name).code == "unsupported_type"
