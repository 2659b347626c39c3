"""The province's reports, each a Wagtail ReportView: filterable by period and unit, exported as
CSV and XLSX with the same rows (Wagtail's export), with a chart where a chart reads faster.

The rows come from reports.figures; a unit's editors see only their own units' rows.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from reports import figures, periods
from reports.access import ReportAccessPolicy
from reports.charts import bar_chart
from reports.filters import ReportFilterSet, TypedReportFilterSet, UngroupedReportFilterSet
from reports.models import OutreachActivity


def edit_url(row) -> str | None:
    return reverse("wagtailadmin_pages:edit", args=[row.page_id]) if getattr(row, "page_id", None) else None


class FigureReportView(ReportView):
    """A report whose rows are computed for the filtered scope (not a queryset)."""

    template_name = "reports/admin/report.html"
    results_template_name = "reports/admin/report_results.html"
    permission_policy = ReportAccessPolicy()
    any_permission_required = ["view"]
    filterset_class = ReportFilterSet
    paginate_by = 100
    default_group = periods.MONTH
    filename_base = "bao-cao"
    intro = ""

    def rows(self, scope: figures.Scope) -> list:
        raise NotImplementedError

    def chart(self, scope: figures.Scope, rows: list):
        return None

    @cached_property
    def filters_invalid(self) -> bool:
        return bool(self.filters) and not self.filters.is_valid()

    @cached_property
    def scope(self) -> figures.Scope | None:
        if self.filters_invalid:
            return None
        return self.filters.scope(self.default_group)

    def get_filtered_queryset(self):
        return [] if self.scope is None else self.rows(self.scope)

    def get_filename(self) -> str:
        token = self.scope.period.token if self.scope and self.scope.period.token else "tuy-chon"
        return f"{self.filename_base}-{token}"

    def get(self, request, *args, **kwargs):
        if self.filters_invalid and self.is_export:
            errors = "; ".join(str(error) for error_list in self.filters.form.errors.values() for error in error_list)
            return HttpResponse(
                _("Bộ lọc không hợp lệ: %(errors)s") % {"errors": errors},
                status=400,
                content_type="text/plain; charset=utf-8",
            )
        response = super().get(request, *args, **kwargs)
        if self.filters_invalid:
            response.status_code = 400
        return response

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["scope"] = self.scope
        context["filters_invalid"] = self.filters_invalid
        context["intro"] = self.intro
        context["chart"] = self.chart(self.scope, self.object_list) if self.scope else None
        context["scope_units"] = self.scope_units_label()
        return context

    def scope_units_label(self) -> str:
        if self.scope is None:
            return ""
        if self.scope.unit_ids is None:
            return _("Tất cả đơn vị")
        names = [unit.name for unit in figures.common.units_by_id().values() if unit.pk in self.scope.unit_ids]
        return ", ".join(names) or _("Không có đơn vị nào")


class ContentPublishedReport(FigureReportView):
    page_title = gettext_lazy("Nội dung đã đăng")
    header_icon = "doc-full"
    index_url_name = "reports_content"
    index_results_url_name = "reports_content_results"
    filename_base = "noi-dung-da-dang"
    filterset_class = TypedReportFilterSet
    intro = gettext_lazy(
        "Bài đang hiển thị trên Cổng, theo ngày đăng. Một bài thuộc nhiều lĩnh vực được tính ở mỗi lĩnh vực; "
        "dòng Tổng cộng tính mỗi bài một lần."
    )
    columns = [
        Column("period", label=gettext_lazy("Kỳ")),
        Column("unit", label=gettext_lazy("Đơn vị")),
        Column("reform_area", label=gettext_lazy("Lĩnh vực CCHC")),
        Column("article_type", label=gettext_lazy("Loại bài")),
        Column("count", label=gettext_lazy("Số bài")),
    ]
    list_export = ["period", "unit", "reform_area", "article_type", "count"]
    export_headings = {column.name: column.label for column in columns}

    def rows(self, scope):
        return figures.content_rows(scope, self.filters.form.cleaned_data.get("article_type") or None)

    def chart(self, scope, rows):
        buckets, series = figures.content_per_bucket_and_type(scope)
        return bar_chart(
            "chart-content",
            _("Số bài đã đăng theo kỳ và loại bài"),
            _(
                "Biểu đồ cột chồng: mỗi cột là một kỳ (%(period)s), mỗi phần màu là một loại bài. "
                "Bảng số liệu ở bên cạnh."
            )
            % {"period": scope.period.label},
            [bucket.label for bucket in buckets],
            list(series.items()),
            stacked=True,
        )


class WorkflowReport(FigureReportView):
    page_title = gettext_lazy("Biên tập, duyệt bài theo đơn vị")
    header_icon = "tasks"
    index_url_name = "reports_workflow"
    index_results_url_name = "reports_workflow_results"
    filename_base = "quy-trinh-duyet"
    intro = gettext_lazy(
        "Gửi duyệt: số bài bắt đầu quy trình duyệt trong kỳ. Đã duyệt: số bài được phê duyệt (xuất bản) trong kỳ. "
        "Trả lại: số lần bài bị trả lại để sửa. Trung vị: số ngày từ lúc gửi duyệt đến lúc xuất bản."
    )
    columns = [
        Column("period", label=gettext_lazy("Kỳ")),
        Column("unit", label=gettext_lazy("Đơn vị")),
        Column("submitted", label=gettext_lazy("Gửi duyệt")),
        Column("approved", label=gettext_lazy("Đã duyệt, xuất bản")),
        Column("sent_back", label=gettext_lazy("Trả lại")),
        Column("median_days_text", label=gettext_lazy("Trung vị thời gian đến khi xuất bản (ngày)")),
    ]
    list_export = ["period", "unit", "submitted", "approved", "sent_back", "median_days"]
    export_headings = {
        "period": gettext_lazy("Kỳ"),
        "unit": gettext_lazy("Đơn vị"),
        "submitted": gettext_lazy("Gửi duyệt"),
        "approved": gettext_lazy("Đã duyệt, xuất bản"),
        "sent_back": gettext_lazy("Trả lại"),
        "median_days": gettext_lazy("Trung vị thời gian đến khi xuất bản (ngày)"),
    }

    def rows(self, scope):
        return figures.workflow_rows(scope)

    def chart(self, scope, rows):
        per_unit: dict[str, list[int]] = {}
        for row in rows:
            if not row.is_total:
                values = per_unit.setdefault(row.unit, [0, 0, 0])
                values[0] += row.submitted
                values[1] += row.approved
                values[2] += row.sent_back
        units = list(per_unit)
        return bar_chart(
            "chart-workflow",
            _("Gửi duyệt, đã duyệt và trả lại theo đơn vị"),
            _(
                "Biểu đồ cột nhóm: với mỗi đơn vị, ba cột là số bài gửi duyệt, đã duyệt "
                "và số lần trả lại trong %(period)s."
            )
            % {"period": scope.period.label},
            units,
            [
                (_("Gửi duyệt"), [per_unit[unit][0] for unit in units]),
                (_("Đã duyệt, xuất bản"), [per_unit[unit][1] for unit in units]),
                (_("Trả lại"), [per_unit[unit][2] for unit in units]),
            ],
        )


class ActivitiesReport(FigureReportView):
    page_title = gettext_lazy("Hoạt động tuyên truyền")
    header_icon = "calendar-check"
    index_url_name = "reports_activities"
    index_results_url_name = "reports_activities_results"
    filename_base = "hoat-dong-tuyen-truyen"
    intro = gettext_lazy("Các hoạt động đã được lãnh đạo đơn vị xác nhận, theo ngày thực hiện.")
    columns = [
        Column("period", label=gettext_lazy("Kỳ")),
        Column("unit", label=gettext_lazy("Đơn vị")),
        Column("kind", label=gettext_lazy("Hình thức")),
        Column("activities", label=gettext_lazy("Số hoạt động")),
        Column("count", label=gettext_lazy("Số lượng (lần, tin, buổi, bài)")),
        Column("minutes", label=gettext_lazy("Số phút phát thanh")),
        Column("languages", label=gettext_lazy("Ngôn ngữ")),
        Column("copies", label=gettext_lazy("Số bản in")),
        Column("participants", label=gettext_lazy("Số người tham dự")),
        Column("messages_sent", label=gettext_lazy("Số tin nhắn")),
    ]
    list_export = [column.name for column in columns]
    export_headings = {column.name: column.label for column in columns}

    def rows(self, scope):
        return figures.activity_rows(scope)

    def chart(self, scope, rows):
        totals = figures.activity_totals(scope)
        kinds = dict(OutreachActivity.Kind.choices)
        return bar_chart(
            "chart-activities",
            _("Số hoạt động tuyên truyền theo hình thức"),
            _("Biểu đồ cột: mỗi cột là số hoạt động đã xác nhận của một hình thức trong %(period)s.")
            % {"period": scope.period.label},
            [str(kinds[kind]) for kind in totals],
            [(_("Số hoạt động"), [row.activities for row in totals.values()])],
        )


class OverdueGuidesReport(FigureReportView):
    page_title = gettext_lazy("Hướng dẫn quá hạn rà soát")
    header_icon = "warning"
    index_url_name = "reports_overdue_guides"
    index_results_url_name = "reports_overdue_guides_results"
    filterset_class = UngroupedReportFilterSet
    filename_base = "huong-dan-qua-han-ra-soat"
    intro = gettext_lazy(
        "Hướng dẫn đang hiển thị đã qua hạn rà soát. Chọn kỳ để chỉ xem các hướng dẫn đến hạn trong kỳ đó. "
        "Biên tập viên của đơn vị nhận thư nhắc hằng ngày (lệnh send_review_reminders)."
    )
    columns = [
        Column("unit", label=gettext_lazy("Đơn vị")),
        TitleColumn("title", label=gettext_lazy("Hướng dẫn"), get_url=edit_url),
        DateColumn("next_review_due", label=gettext_lazy("Hạn rà soát")),
        Column("days_overdue", label=gettext_lazy("Số ngày quá hạn")),
        DateColumn("last_reviewed", label=gettext_lazy("Rà soát gần nhất")),
        DateColumn("last_reminder", label=gettext_lazy("Nhắc gần nhất")),
    ]
    list_export = ["unit", "title", "next_review_due", "days_overdue", "last_reviewed", "last_reminder"]
    export_headings = {column.name: column.label for column in columns}

    def get_filename(self) -> str:
        return self.filename_base

    def rows(self, scope):
        period = scope.period if self.filters.explicit_period else None
        return figures.overdue_guides(scope.unit_ids, timezone.localdate(), period)


class PageReadsReport(FigureReportView):
    page_title = gettext_lazy("Lượt đọc theo bài")
    header_icon = "view"
    index_url_name = "reports_page_reads"
    index_results_url_name = "reports_page_reads_results"
    filterset_class = TypedReportFilterSet
    filename_base = "luot-doc-theo-bai"
    intro = gettext_lazy(
        "Lượt đọc được đếm trên máy chủ, không dùng cookie, không lưu địa chỉ IP; không tính máy tìm kiếm."
    )
    columns = [
        Column("period", label=gettext_lazy("Kỳ")),
        TitleColumn("title", label=gettext_lazy("Bài"), get_url=edit_url),
        Column("unit", label=gettext_lazy("Đơn vị")),
        Column("article_type", label=gettext_lazy("Loại bài")),
        Column("views", label=gettext_lazy("Lượt đọc")),
    ]
    list_export = ["period", "title", "unit", "article_type", "views"]
    export_headings = {column.name: column.label for column in columns}

    def rows(self, scope):
        return figures.reads_by_page(scope, self.filters.form.cleaned_data.get("article_type") or None)


class UnitReadsReport(FigureReportView):
    page_title = gettext_lazy("Lượt đọc theo đơn vị và loại bài")
    header_icon = "view"
    index_url_name = "reports_unit_reads"
    index_results_url_name = "reports_unit_reads_results"
    filename_base = "luot-doc-theo-don-vi"
    intro = PageReadsReport.intro
    columns = [
        Column("period", label=gettext_lazy("Kỳ")),
        Column("unit", label=gettext_lazy("Đơn vị")),
        Column("article_type", label=gettext_lazy("Loại bài")),
        Column("views", label=gettext_lazy("Lượt đọc")),
    ]
    list_export = ["period", "unit", "article_type", "views"]
    export_headings = {column.name: column.label for column in columns}

    def rows(self, scope):
        return figures.reads_by_unit(scope)

    def chart(self, scope, rows):
        buckets = scope.period.buckets(scope.group)
        labels = [bucket.label for bucket in buckets]
        series: dict[str, list[int]] = {}
        for row in rows:
            if not row.is_total:
                values = series.setdefault(row.article_type, [0] * len(labels))
                values[labels.index(row.period)] += row.views
        return bar_chart(
            "chart-reads",
            _("Lượt đọc theo kỳ và loại bài"),
            _("Biểu đồ cột chồng: mỗi cột là lượt đọc của một kỳ (%(period)s), mỗi phần màu là một loại bài.")
            % {"period": scope.period.label},
            labels,
            list(series.items()),
            stacked=True,
        )


class MostReadGuidesReport(FigureReportView):
    page_title = gettext_lazy("Hướng dẫn được đọc nhiều nhất")
    header_icon = "pick"
    index_url_name = "reports_most_read_guides"
    index_results_url_name = "reports_most_read_guides_results"
    filterset_class = UngroupedReportFilterSet
    filename_base = "huong-dan-doc-nhieu"
    intro = gettext_lazy("Mười hướng dẫn được đọc nhiều nhất của mỗi đơn vị trong kỳ.")
    columns = [
        Column("unit", label=gettext_lazy("Đơn vị")),
        Column("rank", label=gettext_lazy("Hạng")),
        TitleColumn("title", label=gettext_lazy("Hướng dẫn"), get_url=edit_url),
        Column("views", label=gettext_lazy("Lượt đọc")),
    ]
    list_export = ["unit", "rank", "title", "views"]
    export_headings = {column.name: column.label for column in columns}

    def rows(self, scope):
        return figures.most_read_guides(scope)


class UnreadGuidesReport(FigureReportView):
    page_title = gettext_lazy("Hướng dẫn chưa có lượt đọc")
    header_icon = "no-view"
    index_url_name = "reports_unread_guides"
    index_results_url_name = "reports_unread_guides_results"
    filterset_class = UngroupedReportFilterSet
    filename_base = "huong-dan-chua-co-luot-doc"
    intro = gettext_lazy(
        "Hướng dẫn đang hiển thị (đã đăng trước khi kỳ kết thúc) mà không ai đọc trong kỳ: "
        "có thể tiêu đề khó tìm, hoặc thủ tục không còn được dùng."
    )
    columns = [
        Column("unit", label=gettext_lazy("Đơn vị")),
        TitleColumn("title", label=gettext_lazy("Hướng dẫn"), get_url=edit_url),
    ]
    list_export = ["unit", "title"]
    export_headings = {column.name: column.label for column in columns}

    def rows(self, scope):
        return figures.unread_guides(scope)


REPORTS = [
    # (URL part, view)
    ("noi-dung-da-dang", ContentPublishedReport),
    ("quy-trinh-duyet", WorkflowReport),
    ("hoat-dong-tuyen-truyen", ActivitiesReport),
    ("luot-doc-theo-bai", PageReadsReport),
    ("luot-doc-theo-don-vi", UnitReadsReport),
    ("huong-dan-doc-nhieu", MostReadGuidesReport),
    ("huong-dan-chua-co-luot-doc", UnreadGuidesReport),
    ("huong-dan-qua-han-ra-soat", OverdueGuidesReport),
]
