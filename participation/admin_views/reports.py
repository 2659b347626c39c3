"""The citizen-side reports (Wagtail ReportViews): helpfulness per guide, questions per unit.

Filterable by period (inclusive dates) and unit; CSV and XLSX exports hold exactly the rows of
the table. A unit's people see their own units' rows; the province sees all. The figures come
from participation.figures, the same functions the unit report section uses.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import AdminDateInput

from participation import figures
from participation.access import may_use_participation_admin, visible_unit_ids, visible_units
from participation.models import Feedback


class PeriodForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError(_("“Từ ngày” phải trước hoặc bằng “Đến ngày”."))
        return cleaned


def keep(queryset, name, value):
    """The filters only describe the period and unit; the report computes its rows from them."""
    return queryset


class PeriodUnitFilterSet(WagtailFilterSet):
    date_from = django_filters.DateFilter(label=gettext_lazy("Từ ngày"), widget=AdminDateInput, method=keep)
    date_to = django_filters.DateFilter(label=gettext_lazy("Đến ngày"), widget=AdminDateInput, method=keep)
    unit = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Đơn vị"), queryset=lambda request: visible_units(request.user), method=keep
    )

    class Meta:
        model = Feedback
        fields = []
        form = PeriodForm


class ParticipationReportView(ReportView):
    results_template_name = "participation/admin/report_results.html"
    filterset_class = PeriodUnitFilterSet
    paginate_by = 100

    @cached_property
    def permission_policy(self):
        return None  # access is by unit (participation.access), checked in dispatch

    def dispatch(self, request, *args, **kwargs):
        if not may_use_participation_admin(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def period_and_units(self):
        data = self.filters.form.cleaned_data
        scope = figures.unit_scope(data.get("unit"), visible_unit_ids(self.request.user))
        return data.get("date_from"), data.get("date_to"), scope

    def get_queryset(self):
        if not self.filters.is_valid():
            return []
        return self.rows(*self.period_and_units())

    def get_filtered_queryset(self):
        return self.get_queryset()

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if not self.filters.is_valid() and not self.is_export:
            response.status_code = 400
        return response

    def rows(self, start, end, unit_ids):
        raise NotImplementedError


class HelpfulnessReportView(ParticipationReportView):
    page_title = gettext_lazy("Mức độ hữu ích của hướng dẫn, hỏi đáp")
    header_icon = "help"
    index_url_name = "participation_helpfulness_report"
    index_results_url_name = "participation_helpfulness_report_results"
    list_export = ["title", "unit", "page_type", "helpful", "not_helpful", "total", "helpful_percent", "comments"]
    export_headings = {
        "title": gettext_lazy("Trang"),
        "unit": gettext_lazy("Đơn vị"),
        "page_type": gettext_lazy("Loại"),
        "helpful": gettext_lazy("Hữu ích"),
        "not_helpful": gettext_lazy("Chưa hữu ích"),
        "total": gettext_lazy("Tổng số ý kiến"),
        "helpful_percent": gettext_lazy("Tỷ lệ hữu ích (%)"),
        "comments": gettext_lazy("Số góp ý"),
    }
    no_results_message = gettext_lazy("Chưa có ý kiến nào trong kỳ này.")

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=self.export_headings["title"],
                get_url=lambda row: reverse("participation_page_feedback", args=[row.page_id]),
            ),
            *(Column(name, label=self.export_headings[name]) for name in self.list_export[1:]),
        ]

    def rows(self, start, end, unit_ids):
        return figures.helpfulness_rows(start, end, unit_ids)

    def get_filename(self) -> str:
        return "muc-do-huu-ich"


class QuestionsReportView(ParticipationReportView):
    page_title = gettext_lazy("Câu hỏi của người dân: tiếp nhận và trả lời")
    header_icon = "help"
    index_url_name = "participation_questions_report"
    index_results_url_name = "participation_questions_report_results"
    list_export = ["unit", "received", "answered", "answering", "new", "rejected", "median_days"]
    export_headings = {
        "unit": gettext_lazy("Đơn vị"),
        "received": gettext_lazy("Nhận được"),
        "answered": gettext_lazy("Đã trả lời"),
        "answering": gettext_lazy("Đang trả lời"),
        "new": gettext_lazy("Mới"),
        "rejected": gettext_lazy("Từ chối"),
        "median_days": gettext_lazy("Thời gian trả lời (trung vị, ngày)"),
    }
    no_results_message = gettext_lazy("Chưa có câu hỏi nào trong kỳ này.")

    @cached_property
    def columns(self):
        return [Column(name, label=self.export_headings[name]) for name in self.list_export]

    def rows(self, start, end, unit_ids):
        rows = figures.question_rows(start, end, unit_ids)
        return rows if rows[-1].received else []

    def get_filename(self) -> str:
        return "cau-hoi-nguoi-dan"
