"""The unit's periodic report in the admin: pick a unit and a period, read it, write the
difficulties, print it, download it as DOCX or PDF. Every output is rendered from one
PeriodicReport (reports.periodic.assemble), so they carry the same figures."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from reports import periods
from reports.access import can_edit_report_text, can_view_reports
from reports.forms import PeriodicReportForm, UnitReportTextForm
from reports.models import UnitReport
from reports.periodic import assemble, docx, pdf


def _selection(request: HttpRequest):
    if not can_view_reports(request.user):
        raise PermissionDenied
    return PeriodicReportForm(request.GET, user=request.user)


def _filename(report: assemble.PeriodicReport, extension: str) -> str:
    unit = report.unit.slug if report.unit else "toan-tinh"
    period = report.period.token or f"{report.period.start:%Y%m%d}-{report.period.end:%Y%m%d}"
    return f"bao-cao-tuyen-truyen-cchc-{unit}-{period}.{extension}"


def _bad_selection(request, form) -> TemplateResponse:
    return TemplateResponse(request, "reports/admin/periodic_report.html", {"form": form, "report": None}, status=400)


@require_http_methods(["GET", "POST"])
def periodic_report(request: HttpRequest):
    form = _selection(request)
    if not form.is_valid():
        return _bad_selection(request, form)
    unit, period = form.cleaned_data["unit"], form.cleaned_data["report_period"]
    editable = can_edit_report_text(request.user, unit)
    existing = UnitReport.objects.filter(unit=unit, start=period.start, end=period.end).first()
    text_form = UnitReportTextForm(instance=existing or UnitReport(unit=unit, start=period.start, end=period.end))
    status = 200
    if request.method == "POST":
        if not editable:
            raise PermissionDenied
        text_form = UnitReportTextForm(request.POST, instance=text_form.instance)
        if text_form.is_valid():
            text = text_form.save(commit=False)
            text.updated_by = request.user
            text.save()
            messages.success(request, _("Đã lưu phần khó khăn, vướng mắc và đề xuất của báo cáo."))
            return redirect(f"{reverse('reports_periodic')}?{request.GET.urlencode()}")
        status = 400
    report = assemble.build(unit, period)
    query = request.GET.urlencode()
    context = {
        "form": form,
        "report": report,
        "text_form": text_form if editable else None,
        "query": query,
        "detail_query": _detail_query(unit, period),
        "zero_result_url": reverse("search_zero_result_queries")
        if request.user.has_perm("search.view_querylog")
        else "",
    }
    return TemplateResponse(request, "reports/admin/periodic_report.html", context, status=status)


def _detail_query(unit, period) -> str:
    """The same unit and period in the detailed reports' filters."""
    params = QueryDict(mutable=True)
    if period.token:
        params["period"] = period.token
    else:
        params["start"], params["end"] = period.start.isoformat(), period.end.isoformat()
    if unit is not None:
        params["unit"] = str(unit.pk)
    params["group"] = periods.YEAR
    return params.urlencode()


def _built(request: HttpRequest):
    form = _selection(request)
    if not form.is_valid():
        return None, form
    return assemble.build(form.cleaned_data["unit"], form.cleaned_data["report_period"]), form


def periodic_report_print(request: HttpRequest):
    report, form = _built(request)
    if report is None:
        return _bad_selection(request, form)
    return TemplateResponse(request, "reports/periodic_report_print.html", {"report": report, "for_pdf": False})


def periodic_report_docx(request: HttpRequest):
    report, form = _built(request)
    if report is None:
        return _bad_selection(request, form)
    response = HttpResponse(
        docx.render(report), content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(report, "docx")}"'
    return response


def periodic_report_pdf(request: HttpRequest):
    report, form = _built(request)
    if report is None:
        return _bad_selection(request, form)
    html = render_to_string("reports/periodic_report_print.html", {"report": report, "for_pdf": True}, request)
    response = HttpResponse(pdf.render(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_filename(report, "pdf")}"'
    return response
