"""Admin: outreach activities (per unit), the reports, the periodic report; the read counter on
every article; demo activities."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from reports import reads
from reports.access import ActivityPermissionPolicy, can_view_reports
from reports.demo import load_demo_activities
from reports.models import OutreachActivity
from reports.views import activities, periodic
from reports.views.reports import REPORTS

register_permission_policy(OutreachActivity, ActivityPermissionPolicy(OutreachActivity))


@hooks.register("register_admin_viewset")
def register_activity_viewset():
    return activities.OutreachActivityViewSet()


@hooks.register("register_admin_urls")
def register_report_urls():
    urls = [
        path("hoat-dong-tuyen-truyen/xac-nhan/<int:pk>/", activities.confirm_activity, name="reports_activity_confirm"),
        path("reports/bao-cao-dinh-ky/", periodic.periodic_report, name="reports_periodic"),
        path("reports/bao-cao-dinh-ky/ban-in/", periodic.periodic_report_print, name="reports_periodic_print"),
        path("reports/bao-cao-dinh-ky/docx/", periodic.periodic_report_docx, name="reports_periodic_docx"),
        path("reports/bao-cao-dinh-ky/pdf/", periodic.periodic_report_pdf, name="reports_periodic_pdf"),
    ]
    for slug, view in REPORTS:
        urls += [
            path(f"reports/{slug}/", view.as_view(), name=view.index_url_name),
            path(f"reports/{slug}/results/", view.as_view(results_only=True), name=view.index_results_url_name),
        ]
    return urls


class ReportMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return can_view_reports(request.user)


def _menu_item(view, order: int):
    def item():
        return ReportMenuItem(
            view.page_title,
            reverse(view.index_url_name),
            name=view.index_url_name,
            icon_name=view.header_icon,
            order=order,
        )

    return item


for position, (_slug, report_view) in enumerate(REPORTS):
    hooks.register("register_reports_menu_item", _menu_item(report_view, 200 + position))


@hooks.register("register_reports_menu_item")
def register_periodic_report_menu_item():
    return ReportMenuItem(
        _("Báo cáo định kỳ của đơn vị"),
        reverse("reports_periodic"),
        name="reports_periodic",
        icon_name="doc-full",
        order=190,
    )


@hooks.register("article_page_extras")
def read_counter(page, request, position):
    return reads.beacon_html(page, request, position)


@hooks.register("load_demo")
def demo_activities() -> list[str]:
    return load_demo_activities()
