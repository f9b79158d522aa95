"""Mapper pages: the partnership's documents with the upload form, a document's SDG profile (wheel,
targets, highlighted passages) with its progress bar, sharing, the comparison of two documents,
and the "suggest SDGs" fragment for the SDG picker. Thin views: policy, one action or selector."""

from __future__ import annotations

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_POST

from twinning.foundation import policy
from twinning.foundation.models import Municipality
from twinning.mapper import actions, selectors
from twinning.mapper.compare import compare
from twinning.mapper.extract import upload_limit
from twinning.mapper.forms import CompareForm, DocumentForm
from twinning.mapper.limits import LimitedUploadHandler, declared_too_large
from twinning.mapper.mapping import highlighted
from twinning.mapper.models import MappedDocument
from twinning.mapper.suggest import suggest_goals, suggestion_language
from twinning.sdg.selectors import all_goals


def _too_large_message() -> str:
    return _("The file is larger than %(mb)d MB. Split it or paste the part you want mapped.") % {
        "mb": upload_limit() // (1024 * 1024)
    }


def _list_context(request, partnership, form) -> dict:
    documents = list(selectors.document_list(request.user, partnership))
    return {
        "partnership": partnership,
        "documents": documents,
        "form": form,
        "can_compare": sum(1 for d in documents if d.status == MappedDocument.Status.DONE) >= 2,
    }


def _owners(user, partnership) -> list[Municipality]:
    ids = policy.mapper_owner_ids(user, partnership)
    return list(Municipality.objects.filter(pk__in=ids).order_by("name"))


@login_required
@require_GET
def document_list(request, slug: str):
    partnership = policy.get_mapper_partnership(request.user, slug)
    form = DocumentForm(owners=_owners(request.user, partnership))
    return render(request, "mapper/document_list.html", _list_context(request, partnership, form))


@csrf_exempt
@require_POST
def document_create(request, slug: str):
    """Checks the declared size and installs the limiting upload handler before the body is read
    (so CSRF is checked after that, by ``_document_create``)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    handler = LimitedUploadHandler(request)
    request.upload_handlers = [handler]
    if declared_too_large(request):
        partnership = policy.get_mapper_partnership(request.user, slug)
        form = DocumentForm(owners=_owners(request.user, partnership))
        context = {**_list_context(request, partnership, form), "upload_error": _too_large_message()}
        return render(request, "mapper/document_list.html", context, status=413)
    return _document_create(request, slug, handler)


@csrf_protect
def _document_create(request, slug: str, handler: LimitedUploadHandler):
    partnership = policy.get_mapper_partnership(request.user, slug)
    owners = _owners(request.user, partnership)
    form = DocumentForm(request.POST, request.FILES, owners=owners)
    if handler.skipped:
        form.is_valid()
        form.errors.pop("__all__", None)
        form.add_error("file", _too_large_message())
    elif form.is_valid():
        data = form.cleaned_data
        owner = next(m for m in owners if m.pk == data["owner"])
        document = actions.document_create(
            partnership,
            owner,
            request.user,
            title=data["title"],
            text=data["text"],
            language=data["language"],
            upload=data["file"] if not data["text"] else None,
        )
        if document.status == MappedDocument.Status.FAILED:
            messages.error(request, _("The document could not be mapped: see why below."))
        else:
            messages.success(request, _("The document is stored; its SDG profile follows."))
        return redirect("mapper:detail", slug=partnership.slug, pk=document.pk)
    return render(request, "mapper/document_list.html", _list_context(request, partnership, form), status=400)


def _goal_rows(document: MappedDocument) -> list[dict]:
    goals = {goal.number: goal for goal in all_goals()}
    scores = document.scores()
    passages_by_goal: dict[int, list] = {}
    for passage in document.result.get("passages", []):
        passages_by_goal.setdefault(passage["goal"], []).append(highlighted(passage))
    return [
        {"goal": goals[number], "score": scores.get(number, 0), "passages": passages_by_goal.get(number, [])}
        for number in document.top()
        if number in goals
    ]


def _targets(document: MappedDocument) -> list[dict]:
    return list(document.result.get("targets", []))


@login_required
@require_GET
def document_detail(request, slug: str, pk: int):
    document = policy.get_document_for_user(request.user, slug, pk)
    return render(
        request,
        "mapper/document_detail.html",
        {
            "partnership": document.partnership,
            "document": document,
            "rows": _goal_rows(document) if document.status == MappedDocument.Status.DONE else [],
            "targets": _targets(document),
            "can_share": policy.can_share_document(request.user, document),
        },
    )


@login_required
@require_GET
def document_progress(request, slug: str, pk: int):
    """The progress bar alone (htmx polls it); once the work is finished, the page reloads."""
    document = policy.get_document_for_user(request.user, slug, pk)
    response = render(request, "mapper/_progress.html", {"partnership": document.partnership, "document": document})
    if document.is_finished and request.headers.get("HX-Request"):
        response["HX-Refresh"] = "true"
    return response


@login_required
@require_POST
def document_share(request, slug: str, pk: int):
    document = policy.get_document_for_user(request.user, slug, pk, write=True)
    shared = request.POST.get("shared") == "1"
    actions.document_share(document, shared=shared)
    if shared:
        messages.success(request, _("The document is shared: staff of every member municipality can see it."))
    else:
        messages.success(request, _("The document is no longer shared with the partner."))
    return redirect("mapper:detail", slug=slug, pk=pk)


@login_required
@require_GET
def document_compare(request, slug: str):
    partnership = policy.get_mapper_partnership(request.user, slug)
    documents = list(selectors.finished_documents(request.user, partnership))
    form = CompareForm(request.GET or None, documents=documents)
    context = {"partnership": partnership, "form": form, "documents": documents}
    if request.GET and form.is_valid():
        by_pk = {document.pk: document for document in documents}  # only those the user may see
        first, second = by_pk[form.cleaned_data["a"]], by_pk[form.cleaned_data["b"]]
        goals = {goal.number: goal for goal in all_goals()}
        comparison = compare(first.top(), second.top())
        context.update(
            {
                "first": first,
                "second": second,
                "only_first": [goals[g] for g in comparison.only_first],
                "only_second": [goals[g] for g in comparison.only_second],
                "both": [goals[g] for g in comparison.both],
            }
        )
    return render(request, "mapper/compare.html", context, status=400 if form.errors else 200)


NAME = re.compile(r"^[\w-]{1,80}$")
SKIPPED_FIELDS = {"csrfmiddlewaretoken", "sdg_field", "sdg_prefix"}


@login_required
@require_POST
def suggest(request):
    """htmx: propose goals for the text of the surrounding form. The fragment names them and ticks
    their boxes in the picker (out-of-band swaps of the checkboxes with the same ids)."""
    field, prefix = request.POST.get("sdg_field", ""), request.POST.get("sdg_prefix", "")
    if not (NAME.match(field) and NAME.match(prefix)):
        return HttpResponse(_("The suggestion could not be made."), status=400)
    text = "\n".join(
        value
        for key, values in request.POST.lists()
        if key not in SKIPPED_FIELDS and not key.startswith(field + "_")
        for value in values
        if len(value) > 3
    )
    language = suggestion_language(text, translation.get_language())
    goals = {goal.number: goal for goal in all_goals()}
    suggested = [goals[g] for g in suggest_goals(text, language) if g in goals]
    return render(
        request,
        "mapper/_suggested.html",
        {"suggested": suggested, "field": field, "prefix": prefix, "has_text": bool(text.strip())},
    )
