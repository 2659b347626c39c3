"""Admin reports: what citizens search for most, and what they search for and don't find."""

from __future__ import annotations

import datetime
from types import SimpleNamespace
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import AdminPageChooser
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.permission_policies import ModelPermissionPolicy

from articles.models import ArticlePage
from search.clicks import click_key
from search.models import QueryClick, QueryLog

REPORT_DAYS = 90


# A query "finds little" when its results were opened on fewer than this share of its searches.
LOW_CLICK_SHARE = 0.2
LOW_CLICK_CANDIDATES = 500


# "Từ khóa này nghĩa là trang…": the one-step promotion link of every query report's rows.
PROMOTE_COLUMN = TitleColumn(
    "promote",
    label=_("Gán trang"),
    accessor="promote_label",
    get_url=lambda row: getattr(row, "promote_url", None),
)


def can_promote(user) -> bool:
    """Who may say "this query means that page": whoever may add search promotions (the
    provincial approvers and the administrators, editorial.roles)."""
    return ModelPermissionPolicy(SearchPromotion).user_has_permission(user, "add")


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
        PROMOTE_COLUMN,
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
        allowed = can_promote(self.request.user)
        back = reverse(self.index_url_name)
        rows = []
        for row in object_list:
            if isinstance(row, SimpleNamespace):  # already decorated for the table
                rows.append(row)
                continue
            rows.append(
                SimpleNamespace(
                    **row,
                    promote_url=promote_url(row["query"], back) if allowed else None,
                    promote_label=_t("Từ khóa này nghĩa là trang…") if allowed else "",
                )
            )
        return rows

    def get_table(self, object_list):
        # Wagtail builds the table before decorate_paginated_queryset runs: decorate first.
        return super().get_table(self.decorate_paginated_queryset(object_list))

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["report_days"] = REPORT_DAYS
        context["can_promote"] = can_promote(self.request.user)
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


class LowClickQueriesReportView(QueryReportView):
    """Queries that found pages, but whose results citizens seldom opened: the answer is probably
    another page (or none yet)."""

    page_title = _("Từ khóa ít được mở kết quả")
    index_url_name = "search_low_click_queries"
    index_results_url_name = "search_low_click_queries_results"
    list_export = ["query", "hits", "opens"]
    export_headings = {"query": _("Từ khóa"), "hits": _("Số lượt tìm"), "opens": _("Số lượt mở kết quả")}
    columns = [
        Column("query", label=_("Từ khóa")),
        Column("hits", label=_("Số lượt tìm")),
        Column("opens", label=_("Số lượt mở kết quả")),
        PROMOTE_COLUMN,
    ]

    def get_queryset(self):
        rows = list(super().get_queryset().filter(zero_hits=0).order_by("-hits", "query")[:LOW_CLICK_CANDIDATES])
        keys = {row["query"]: click_key(row["query"]) for row in rows}
        opens = dict(
            QueryClick.objects.filter(query__in=set(keys.values()), day__gte=self.since())
            .values("query")
            .annotate(opens=Sum("visits"))
            .values_list("query", "opens")
        )
        found = []
        for row in rows:
            row["opens"] = opens.get(keys[row["query"]], 0)
            if row["opens"] < row["hits"] * LOW_CLICK_SHARE:
                found.append(row)
        return found

    def get_filename(self) -> str:
        return "tu-khoa-it-duoc-mo"


def promote_url(query: str, back: str) -> str:
    return reverse("search_promote_query") + "?" + urlencode({"q": query, "next": back})


class PromoteQueryForm(forms.Form):
    query = forms.CharField(
        label=_("Từ khóa người dân tìm"),
        max_length=255,
        error_messages={"required": _("Hãy nhập từ khóa."), "max_length": _("Từ khóa dài quá 255 ký tự.")},
    )
    page = forms.ModelChoiceField(
        label=_("Trang trả lời từ khóa này"),
        queryset=ArticlePage.objects.live(),
        widget=AdminPageChooser(target_models=[ArticlePage]),
        error_messages={
            "required": _("Hãy chọn một trang."),
            "invalid_choice": _("Chỉ chọn được bài viết đã công bố."),
        },
    )

    def clean_query(self) -> str:
        query = " ".join(self.cleaned_data["query"].split())
        if not click_key(query):
            raise forms.ValidationError(_("Từ khóa phải có chữ hoặc số."))
        return query


@require_http_methods(["GET", "POST"])
def promote_query(request: HttpRequest) -> HttpResponse:
    """ "This query means that page", in one step from a report: a Wagtail search promotion, so the
    page comes first for the query (and its unaccented form) at once."""
    if not can_promote(request.user):
        raise PermissionDenied
    back = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = ""
    if request.method == "POST":
        form = PromoteQueryForm(request.POST)
        if form.is_valid():
            query = Query.get(form.cleaned_data["query"])
            page = form.cleaned_data["page"]
            if not SearchPromotion.objects.filter(query=query, page=page).exists():
                SearchPromotion.objects.create(
                    query=query, page=page, sort_order=SearchPromotion.objects.filter(query=query).count()
                )
            messages.success(
                request,
                _t("Từ nay, tìm “%(query)s” sẽ đưa “%(title)s” lên đầu.")
                % {"query": query.query_string, "title": page.title},
            )
            return redirect(back or reverse("search_zero_result_queries"))
        status = 400
    else:
        form = PromoteQueryForm(initial={"query": request.GET.get("q", "")[:255]})
        status = 200
    context = {"form": form, "next": back, "page_title": _t("Gán trang cho từ khóa")}
    return TemplateResponse(request, "search/admin/promote_query.html", context, status=status)
