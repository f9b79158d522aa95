"""The indicator library, the partners' joint selection, baselines, targets, measurements and
the dashboard. Thin views: parse input, ask the policy, call one action or selector, render."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from twinning.foundation import policy
from twinning.foundation.models import Partnership
from twinning.indicators import actions, importstate, selectors
from twinning.indicators.chart import Series, layout
from twinning.indicators.export import safe_cell
from twinning.indicators.forms import (
    BaselineTargetForm,
    ColumnMappingForm,
    CommentForm,
    CustomIndicatorForm,
    ImportForm,
    LibrarySearchForm,
    MeasurementForm,
    ProposeForm,
)
from twinning.indicators.models import ImportBatch, Measurement, Selection
from twinning.indicators.opensdg import filename as opensdg_filename
from twinning.indicators.opensdg import opensdg_table
from twinning.indicators.progress import Status
from twinning.indicators.xlsx import write_workbook
from twinning.sdg.links import prefetch_links
from twinning.sdg.models import LocalTarget

PAGE_SIZE = 40


def _partnership(request, slug: str, *, write: bool = False) -> Partnership:
    queryset = selectors.with_member_municipalities(Partnership.objects.all())
    return policy.get_partnership_indicators_for_user(request.user, slug, write=write, queryset=queryset)


def library(request):
    form = LibrarySearchForm(request.GET or None)
    sdg, q = None, ""
    if form.is_valid():
        sdg, q = form.cleaned_data.get("sdg"), form.cleaned_data.get("q") or ""
    page = Paginator(selectors.library(request.user, sdg=sdg, q=q), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "indicators/library.html", {"form": form, "page": page, "query": query.urlencode()})


def indicator_detail(request, pk: int):
    queryset = prefetch_links(policy.indicators_visible_to(request.user).select_related("owner"))
    indicator = policy.get_indicator_for_user(request.user, pk, queryset=queryset)
    return render(request, "indicators/indicator_detail.html", {"indicator": indicator})


def _selection_page(request, partnership: Partnership, form: ProposeForm | None, status: int = 200):
    items = selectors.selections(partnership)
    for item in items:
        item.partnership = partnership  # the loaded one, with its members
        item.item_may_decide = policy.can_decide_selection(request.user, item)
    return render(
        request,
        "indicators/partnership.html",
        {
            "partnership": partnership,
            "items": items,
            "form": form,
            "members": selectors.members(partnership),
            "recordable": [m for m in selectors.members(partnership) if policy.can_record_figures(request.user, m)],
        },
        status=status,
    )


def _propose_form(request, partnership: Partnership, data=None) -> ProposeForm | None:
    own = policy.indicator_coordinator_of(request.user, partnership)
    if not own:
        return None
    municipalities = [m for m in selectors.members(partnership) if m.pk in own]
    return ProposeForm(data, indicators=selectors.selectable_indicators(partnership), municipalities=municipalities)


@login_required
def partnership_indicators(request, slug: str):
    partnership = _partnership(request, slug)
    return _selection_page(request, partnership, _propose_form(request, partnership))


@login_required
@require_POST
def propose(request, slug: str):
    partnership = _partnership(request, slug, write=True)
    form = _propose_form(request, partnership, request.POST)
    if form is None:
        raise PermissionDenied
    if form.is_valid():
        municipality = next(m for m in selectors.members(partnership) if m.pk == form.cleaned_data["municipality"])
        try:
            selection = actions.selection_propose(
                partnership=partnership,
                indicator=form.cleaned_data["indicator"],
                municipality=municipality,
                user=request.user,
                reason=form.cleaned_data["reason"],
            )
        except actions.IndicatorError as exc:
            form.add_error("indicator", str(exc))
        else:
            messages.success(
                request,
                _("%(code)s is proposed. A coordinator of the partner municipality can now accept it.")
                % {"code": selection.indicator.code},
            )
            return redirect("indicators:partnership", slug=partnership.slug)
    return _selection_page(request, partnership, form, status=400)


@login_required
@require_POST
def decide(request, slug: str, pk: int):
    partnership = _partnership(request, slug, write=True)
    selection = Selection.objects.select_related("indicator").filter(partnership=partnership, pk=pk).first()
    if selection is None:
        raise Http404
    selection.partnership = partnership
    if not policy.can_decide_selection(request.user, selection):
        raise PermissionDenied
    municipality = policy.indicator_deciding_municipality(request.user, selection)
    accept = request.POST.get("decision") == "accept"
    try:
        actions.selection_decide(selection=selection, municipality=municipality, accept=accept, user=request.user)
    except actions.IndicatorError as exc:
        messages.error(request, str(exc))
    else:
        text = _("%(code)s is selected by both partners.") if accept else _("%(code)s is declined.")
        messages.success(request, text % {"code": selection.indicator.code})
    return redirect("indicators:partnership", slug=partnership.slug)


@login_required
@require_http_methods(["GET", "POST"])
def custom_indicator(request, slug: str):
    partnership = _partnership(request, slug, write=True)
    local_targets = LocalTarget.objects.filter(owner=partnership).select_related("target")
    form = CustomIndicatorForm(request.POST or None, local_targets=local_targets)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "sdgs"}
        try:
            indicator = actions.custom_indicator_create(
                partnership=partnership, data=data, sdgs=form.cleaned_data["sdgs"], created_by=request.user
            )
        except actions.IndicatorError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _("Indicator %(code)s is added; members of this partnership can now propose it.")
                % {"code": indicator.code},
            )
            return redirect("indicators:partnership", slug=partnership.slug)
    return render(request, "indicators/custom_indicator.html", {"partnership": partnership, "form": form})


def _chart(row: selectors.Row):
    return layout(
        [
            Series(
                label=cell.municipality.name,
                points=cell.series,
                baseline=(cell.baseline.baseline_year, cell.baseline.baseline_value) if cell.baseline else None,
                target=(cell.baseline.target_year, cell.baseline.target_value)
                if cell.baseline and cell.baseline.has_target
                else None,
            )
            for cell in row.cells
        ]
    )


def _table(row: selectors.Row) -> list[dict]:
    """The chart's data as a table: one line per year, one column per municipality."""
    years = sorted({year for cell in row.cells for year, _value in cell.series})
    values = [dict(cell.series) for cell in row.cells]
    return [{"year": year, "values": [v.get(year) for v in values]} for year in years]


def _detail_page(request, partnership: Partnership, pk: int, form: CommentForm | None = None, status: int = 200):
    rows = selectors.dashboard_rows(partnership, selection_id=pk)
    if not rows:
        raise Http404
    row = rows[0]
    editable = [
        cell.municipality.pk for cell in row.cells if policy.can_record_figures(request.user, cell.municipality)
    ]
    may_comment = policy.can_discuss_indicator(request.user, partnership)
    return render(
        request,
        "indicators/selection_detail.html",
        {
            "partnership": partnership,
            "row": row,
            "chart": _chart(row),
            "table": _table(row),
            "editable": editable,
            "statuses": Status,
            "comments": selectors.comments(row.selection.pk),
            "comment_form": (form or CommentForm()) if may_comment else None,
        },
        status=status,
    )


@login_required
def selection_detail(request, slug: str, pk: int):
    return _detail_page(request, _partnership(request, slug), pk)


@login_required
@require_POST
def comment(request, slug: str, pk: int):
    """Add a message to the selected indicator's follow-up discussion."""
    partnership = _partnership(request, slug)
    selection = _accepted(partnership, pk)
    if not policy.can_discuss_indicator(request.user, partnership):
        raise PermissionDenied
    form = CommentForm(request.POST)
    if form.is_valid():
        municipality_id = policy.indicator_discussion_municipality(request.user, partnership)
        municipality = next((m for m in selectors.members(partnership) if m.pk == municipality_id), None)
        try:
            actions.comment_add(
                selection=selection, body=form.cleaned_data["body"], author=request.user, municipality=municipality
            )
        except actions.IndicatorError as exc:
            form.add_error("body", str(exc))
        else:
            messages.success(request, _("Your comment is added."))
            return redirect(reverse("indicators:selection", args=[partnership.slug, pk]) + "#discussion")
    return _detail_page(request, partnership, pk, form, status=400)


def _member_for_figures(request, partnership: Partnership, municipality_slug: str):
    municipality = next((m for m in selectors.members(partnership) if m.slug == municipality_slug), None)
    if municipality is None:
        raise Http404
    if not policy.can_record_figures(request.user, municipality):
        raise PermissionDenied
    return municipality


def _accepted(partnership: Partnership, pk: int) -> Selection:
    selection = (
        Selection.objects.select_related("indicator")
        .filter(partnership=partnership, pk=pk, status=Selection.Status.ACCEPTED)
        .first()
    )
    if selection is None:
        raise Http404
    return selection


@login_required
@require_http_methods(["GET", "POST"])
def baseline_edit(request, slug: str, pk: int, municipality: str):
    partnership = _partnership(request, slug)
    member = _member_for_figures(request, partnership, municipality)
    selection = _accepted(partnership, pk)
    current = selection.baselines.filter(municipality=member).first()
    initial = (
        {k: getattr(current, k) for k in ("baseline_year", "baseline_value", "target_year", "target_value")}
        if current
        else {}
    )
    form = BaselineTargetForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.baseline_set(selection=selection, municipality=member, **form.cleaned_data)
        except actions.IndicatorError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The baseline and target of %(name)s are saved.") % {"name": member.name})
            return redirect("indicators:selection", slug=partnership.slug, pk=selection.pk)
    return render(
        request,
        "indicators/baseline_edit.html",
        {"partnership": partnership, "selection": selection, "municipality": member, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def measurements(request, slug: str, pk: int, municipality: str):
    partnership = _partnership(request, slug)
    member = _member_for_figures(request, partnership, municipality)
    selection = _accepted(partnership, pk)
    form = MeasurementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            _row, created = actions.measurement_record(
                indicator=selection.indicator, municipality=member, user=request.user, **form.cleaned_data
            )
        except actions.IndicatorError as exc:
            form.add_error(None, str(exc))
        else:
            text = _("The value for %(year)s is added.") if created else _("The value for %(year)s is updated.")
            messages.success(request, text % {"year": form.cleaned_data["year"]})
            return redirect("indicators:measurements", slug=partnership.slug, pk=selection.pk, municipality=member.slug)
    rows = Measurement.objects.filter(indicator=selection.indicator, municipality=member).order_by(
        "-year", "sex", "age_group"
    )
    return render(
        request,
        "indicators/measurements.html",
        {"partnership": partnership, "selection": selection, "municipality": member, "form": form, "rows": rows},
    )


@login_required
def dashboard(request, slug: str):
    partnership = _partnership(request, slug)
    members = selectors.members(partnership)
    rows = selectors.dashboard_rows(partnership)
    charts = [(row, _chart(row), _table(row)) for row in rows]
    return render(
        request,
        "indicators/dashboard.html",
        {
            "partnership": partnership,
            "members": members,
            "charts": charts,
            "goal_colours": selectors.goal_colours(rows, members),
        },
    )


EXPORT_HEADER = ["indicator", "municipality", "year", "sex", "age_group", "value", "source", "note"]


@login_required
def export_csv(request, slug: str):
    """The partnership's measurements as CSV; cells that a spreadsheet would run as a formula are neutralised."""
    partnership = _partnership(request, slug)
    rows = selectors.export_rows(partnership)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{partnership.slug}-indicators.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(EXPORT_HEADER)
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return response


@login_required
def export_xlsx(request, slug: str):
    """The same table as the CSV export, as a workbook with the sheet "measurements"."""
    partnership = _partnership(request, slug)
    response = HttpResponse(
        write_workbook(EXPORT_HEADER, selectors.export_rows(partnership)),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{partnership.slug}-indicators.xlsx"'
    return response


@login_required
def export_opensdg(request, slug: str, pk: int, municipality: str):
    """One selected indicator of one member in the Open SDG data layout (Year, breakdowns, Value)."""
    partnership = _partnership(request, slug)
    selection = _accepted(partnership, pk)
    member = next((m for m in selectors.members(partnership) if m.slug == municipality), None)
    if member is None:
        raise Http404
    header, table = opensdg_table(
        Measurement.objects.filter(indicator=selection.indicator, municipality=member).values_list(
            "year", "sex", "age_group", "value"
        )
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{opensdg_filename(selection.indicator.code, member.slug)}"'
    )
    writer = csv.writer(response, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([[safe_cell(value) for value in row] for row in table])
    return response


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request, slug: str, municipality: str):
    partnership = _partnership(request, slug)
    member = _member_for_figures(request, partnership, municipality)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        batch = actions.import_create(
            partnership=partnership, municipality=member, upload=form.cleaned_data["file"], user=request.user
        )
        return redirect("indicators:import_preview", slug=partnership.slug, municipality=member.slug, batch=batch.pk)
    return render(
        request,
        "indicators/import_upload.html",
        {
            "partnership": partnership,
            "municipality": member,
            "form": form,
            "codes": sorted(actions.import_codes(partnership)),
        },
    )


PREVIEW_ROWS = 100


def _batch(request, slug: str, municipality: str, batch: int) -> ImportBatch:
    partnership = _partnership(request, slug)
    member = _member_for_figures(request, partnership, municipality)
    found = ImportBatch.objects.filter(pk=batch, partnership=partnership, municipality=member).first()
    if found is None:
        raise Http404
    found.partnership, found.municipality = partnership, member
    return found


@login_required
@require_http_methods(["GET", "POST"])
def import_preview(request, slug: str, municipality: str, batch: int):
    """Check the file (every row, every problem), start the import, then follow its progress."""
    found = _batch(request, slug, municipality, batch)
    if request.method == "POST":
        try:
            actions.import_enqueue(found, user=request.user)
        except actions.IndicatorError as exc:
            messages.error(request, str(exc))
        return redirect("indicators:import_preview", slug=slug, municipality=municipality, batch=found.pk)
    report = importstate.last_report(found.pk)
    stage = importstate.stage(found.status, found.started_at, report.at if report else None, timezone.now())
    context = {
        "partnership": found.partnership,
        "municipality": found.municipality,
        "batch": found,
        "stage": stage,
        "report": report,
    }
    if request.headers.get("HX-Request"):  # the progress bar polling: only its own part of the page
        return render(request, "indicators/includes/import_progress.html", context)
    status = 200
    if stage in {"pending", "failed"}:
        parsed = actions.import_parse(found)
        context.update(parsed=parsed, rows=parsed.rows[:PREVIEW_ROWS], more=max(0, len(parsed.rows) - PREVIEW_ROWS))
        status = 400 if parsed.problems and stage == "failed" else 200
    return render(request, "indicators/import_preview.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def import_columns(request, slug: str, municipality: str, batch: int):
    """The "map columns" step: say which column holds which field when the headers differ."""
    found = _batch(request, slug, municipality, batch)
    parsed = actions.import_parse(found)
    codes = sorted(actions.import_codes(found.partnership))
    mapping = found.mapping or {}
    initial = {name: str(index) for name, index in (mapping.get("columns") or parsed.columns).items()}
    initial["fixed_indicator"] = mapping.get("indicator") or next(
        (code for code in codes if "indicator" not in parsed.columns and code in found.filename), ""
    )
    form = ColumnMappingForm(request.POST or None, header=parsed.header, codes=codes, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.import_map_columns(found, columns=form.columns, indicator=form.cleaned_data["fixed_indicator"])
        except actions.IndicatorError as exc:
            form.add_error(None, str(exc))
        else:
            return redirect("indicators:import_preview", slug=slug, municipality=municipality, batch=found.pk)
    return render(
        request,
        "indicators/import_columns.html",
        {"partnership": found.partnership, "municipality": found.municipality, "batch": found, "form": form},
        status=400 if form.errors else 200,
    )
