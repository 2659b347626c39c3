"""Admin reports: what citizens search for most, and what they search for and don't find."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

from django.db.models import Sum
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from search.models import QueryLog

REPORT_DAYS = 90


class QueryReportView(ReportView):
    """Queries of the last REPORT_DAYS days, summed over the days, most frequent first."""

    template_name = "search/admin/query_report.html"
    header_icon = "search"
    any_permission_required = ["view", "change"]
    paginate_by = 50
    list_export = ["query", "hits", "zero_hits"]
    export_headings = {"query": _("Từ khóa"), "hits": _("Số lượt tìm"), "zero_hits": _("Số lượt không có kết quả")}
    columns = [
        Column("query", label=_("Từ khóa")),
        Column("hits", label=_("Số lượt tìm")),
        Column("zero_hits", label=_("Số lượt không có kết quả")),
    ]
    order_by = "-hits"

    @cached_property
    def permission_policy(self):
        return ModelPermissionPolicy(QueryLog)

    def since(self) -> datetime.date:
        return timezone.localdate() - datetime.timedelta(days=REPORT_DAYS)

    def get_queryset(self):
        return (
            QueryLog.objects.filter(day__gte=self.since())
            .values("query")
            .annotate(hits=Sum("hits"), zero_hits=Sum("zero_hits"))
            .order_by(self.order_by, "query")
        )

    def decorate_paginated_queryset(self, object_list):
        return [SimpleNamespace(**row) for row in object_list]

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["report_days"] = REPORT_DAYS
        return context


class PopularQueriesReportView(QueryReportView):
    page_title = _("Từ khóa tìm nhiều")
    index_url_name = "search_popular_queries"
    index_results_url_name = "search_popular_queries_results"

    def get_filename(self) -> str:
        return "tu-khoa-tim-nhieu"


class ZeroResultQueriesReportView(QueryReportView):
    page_title = _("Từ khóa không có kết quả")
    index_url_name = "search_zero_result_queries"
    index_results_url_name = "search_zero_result_queries_results"
    order_by = "-zero_hits"

    def get_queryset(self):
        return super().get_queryset().filter(zero_hits__gt=0)

    def get_filename(self) -> str:
        return "tu-khoa-khong-co-ket-qua"
