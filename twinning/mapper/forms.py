"""The upload form (a file or pasted text) and the comparison form. Uploads are checked here, before
anything is stored: size, kind, damage, encryption, a text layer, the language."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from pypdf.errors import PyPdfError

from twinning.mapper import extract as extraction
from twinning.mapper.mapping import UnsupportedLanguage, choose_language

LANGUAGE_CHOICES = [
    ("", _("Detect it for me")),
    ("en", _("English")),
    ("nl", _("Dutch")),
    ("fr", _("French")),
    ("es", _("Spanish")),
]
MAX_PASTED_CHARS = 2_000_000
PDF_SAMPLE_PAGES = 3


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    owner = forms.TypedChoiceField(label=_("On behalf of"), coerce=int)
    file = forms.FileField(
        label=_("Document"),
        required=False,
        help_text=_("PDF, Word (.docx), OpenDocument (.odt), plain text or HTML, at most 25 MB."),
    )
    text = forms.CharField(
        label=_("Or paste the text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=MAX_PASTED_CHARS,
    )
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGE_CHOICES, required=False)

    def __init__(self, *args, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [(m.pk, m.name) for m in owners]
        if len(owners) == 1:
            self.fields["owner"].initial = owners[0].pk
            self.fields["owner"].widget = forms.HiddenInput()
        self.sample = ""

    def clean(self):
        data = super().clean()
        upload, text = data.get("file"), (data.get("text") or "").strip()
        if upload and text:
            raise forms.ValidationError(_("Upload a file or paste a text, not both."), code="both")
        if not upload and not text:
            raise forms.ValidationError(_("Upload a file or paste a text."), code="none")
        try:
            if upload:
                data["text"], self.sample = self._read(upload)
            else:
                data["text"], self.sample = text, text
        except extraction.ExtractionError as exc:
            self.add_error("file", forms.ValidationError(exc.message, code=exc.code))
            return data
        try:
            data["language"] = choose_language(self.sample, data.get("language") or None)
        except UnsupportedLanguage as exc:
            raise forms.ValidationError(exc.message, code="language") from exc
        return data

    def _read(self, upload) -> tuple[str, str]:
        """(full text or "" for a PDF read later in the background, a sample to detect the language)."""
        extraction.check_size(upload.size)
        head = upload.read(8)
        upload.seek(0)
        kind = extraction.kind_of(upload.name, head)
        if kind != "pdf":
            text = extraction.extract(upload, upload.name)
            upload.seek(0)
            return text, text
        reader = extraction.pdf_reader(upload)
        try:
            pages = [reader.pages[i].extract_text() or "" for i in range(min(PDF_SAMPLE_PAGES, len(reader.pages)))]
        except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError) as exc:
            raise extraction.ExtractionError(_("The file is damaged or not a PDF we can read."), "corrupt") from exc
        upload.seek(0)
        sample = "\n".join(pages)
        if len(sample.strip()) < extraction.MIN_CHARS_PER_PAGE * len(pages):
            extraction.pdf_text(upload)  # raises the no-text-layer message (or reads a later text layer)
            upload.seek(0)
        return "", sample


class CompareForm(forms.Form):
    a = forms.TypedChoiceField(label=_("First document"), coerce=int)
    b = forms.TypedChoiceField(label=_("Second document"), coerce=int)

    def __init__(self, *args, documents, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(d.pk, f"{d.title} ({d.owner.name})") for d in documents]
        self.fields["a"].choices = choices
        self.fields["b"].choices = choices

    def clean(self):
        data = super().clean()
        if data.get("a") and data.get("a") == data.get("b"):
            raise forms.ValidationError(_("Pick two different documents."), code="same")
        return data
