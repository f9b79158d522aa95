"""The 17-panel exhibit: a page to choose the language, and the A3 PDF (cover + 17 panels)."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import translation

from twinning.community import exhibit, selectors
from twinning.community.forms import ExhibitForm
from twinning.foundation import policy
from twinning.sdg.selectors import all_goals


def exhibit_page(request, slug: str):
    partnership = policy.get_partnership_for_user(request.user, slug)
    form = ExhibitForm(initial={"language": translation.get_language()})
    return render(request, "community/exhibit.html", {"partnership": partnership, "form": form})


def exhibit_pdf(request, slug: str):
    partnership = policy.get_partnership_for_user(request.user, slug)
    form = ExhibitForm(request.GET or {"language": translation.get_language()})
    if not form.is_valid():
        return render(request, "community/exhibit.html", {"partnership": partnership, "form": form}, status=400)
    language = form.cleaned_data["language"]
    members = selectors.members(partnership)
    with translation.override(language):
        content = exhibit.exhibit_pdf(
            {
                "partnership": partnership,
                "members": members,
                "panels": exhibit.panels(all_goals(), members, **selectors.exhibit_content(partnership, members)),
                "LANGUAGE_CODE": language,
            }
        )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{partnership.slug}-sdg-exhibit-{language}.pdf"'
    return response
