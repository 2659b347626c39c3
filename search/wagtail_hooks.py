"""Admin: synonyms (editable list), and the popular / zero-result query reports."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import QueryLog, Shorthand, Synonym
from search.reports import (
    LowClickQueriesReportView,
    PopularQueriesReportView,
    ZeroResultQueriesReportView,
    promote_query,
)


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("Từ đồng nghĩa")
    menu_order = 600
    add_to_admin_menu = True
    list_display = ["terms", "note"]
    search_fields = ["terms", "note"]
    ordering = ["terms"]


register_snippet(SynonymViewSet)


class ShorthandViewSet(SnippetViewSet):
    model = Shorthand
    icon = "search"
    menu_label = _("Từ viết tắt")
    menu_order = 601
    add_to_admin_menu = True
    list_display = ["short", "expansion", "note"]
    search_fields = ["short", "expansion", "note"]
    ordering = ["short"]


register_snippet(ShorthandViewSet)


class QueryReportMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return ModelPermissionPolicy(QueryLog).user_has_any_permission(request.user, ["view", "change"])


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("reports/tu-khoa-tim-nhieu/", PopularQueriesReportView.as_view(), name="search_popular_queries"),
        path(
            "reports/tu-khoa-tim-nhieu/results/",
            PopularQueriesReportView.as_view(results_only=True),
            name="search_popular_queries_results",
        ),
        path(
            "reports/tu-khoa-khong-co-ket-qua/",
            ZeroResultQueriesReportView.as_view(),
            name="search_zero_result_queries",
        ),
        path(
            "reports/tu-khoa-khong-co-ket-qua/results/",
            ZeroResultQueriesReportView.as_view(results_only=True),
            name="search_zero_result_queries_results",
        ),
        path("reports/tu-khoa-it-duoc-mo/", LowClickQueriesReportView.as_view(), name="search_low_click_queries"),
        path(
            "reports/tu-khoa-it-duoc-mo/results/",
            LowClickQueriesReportView.as_view(results_only=True),
            name="search_low_click_queries_results",
        ),
        path("reports/tu-khoa/gan-trang/", promote_query, name="search_promote_query"),
    ]


@hooks.register("register_reports_menu_item")
def register_popular_queries_menu_item():
    return QueryReportMenuItem(
        _("Từ khóa tìm nhiều"), reverse("search_popular_queries"), name="search-popular-queries", icon_name="search"
    )


@hooks.register("register_reports_menu_item")
def register_zero_result_queries_menu_item():
    return QueryReportMenuItem(
        _("Từ khóa không có kết quả"),
        reverse("search_zero_result_queries"),
        name="search-zero-result-queries",
        icon_name="warning",
    )


@hooks.register("register_reports_menu_item")
def register_low_click_queries_menu_item():
    return QueryReportMenuItem(
        _("Từ khóa ít được mở kết quả"),
        reverse("search_low_click_queries"),
        name="search-low-click-queries",
        icon_name="search",
    )
