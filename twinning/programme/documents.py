"""PDF documents rendered from HTML templates with WeasyPrint (fonts from the system)."""

from __future__ import annotations

from django.template.loader import render_to_string
from weasyprint import HTML


def pdf_from_template(template: str, context: dict, *, base_url: str) -> bytes:
    return HTML(string=render_to_string(template, context), base_url=base_url).write_pdf()
