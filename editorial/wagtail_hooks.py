"""Admin hooks of the editorial workflow: server-side guards, dashboard panels, preview links."""

from __future__ import annotations

import json

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.action_menu import SubmitForModerationMenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.widgets.button import Button
from wagtail.models import Page

from articles.models import UnitSection
from editorial import preview
from editorial.dashboard import SentBackToMePanel, UnitStatusPanel
from editorial.demo import create_demo_accounts
from editorial.units import views as unit_views
from home.models import Unit


def _section_guard(request: HttpRequest, page: Page) -> HttpResponse | None:
    """A unit's section (title, slug, unit) is the province's to change, not the unit's editors'."""
    if isinstance(page.specific_deferred, UnitSection) and not page.permissions_for_user(request.user).can_publish():
        return HttpResponse(
            _("Chỉ cấp tỉnh được sửa hoặc xóa chuyên mục của đơn vị."),
            status=403,
            content_type="text/plain; charset=utf-8",
        )
    return None


def _workflow_action_guard(request: HttpRequest) -> HttpResponse | None:
    """The editor's workflow buttons post their data as JSON; a send-back must carry a reason."""
    if request.method != "POST" or not request.POST.get("action-workflow-action"):
        return None
    try:
        extra = json.loads(request.POST.get("workflow-action-extra-data") or "{}")
    except ValueError:
        extra = None
    if not isinstance(extra, dict):
        return HttpResponseBadRequest(
            _("Dữ liệu thao tác duyệt không hợp lệ."), content_type="text/plain; charset=utf-8"
        )
    if request.POST.get("workflow-action-name") == "reject" and not str(extra.get("comment") or "").strip():
        return HttpResponseBadRequest(
            _("Hãy ghi lý do trả lại để tác giả biết cần sửa gì."), content_type="text/plain; charset=utf-8"
        )
    return None


def _publish_guard(request: HttpRequest, page: Page) -> HttpResponse | None:
    """Wagtail quietly saves a draft when someone without "publish" posts the publish button; say no instead."""
    if request.method == "POST" and request.POST.get("action-publish"):
        if not page.permissions_for_user(request.user).can_publish():
            return HttpResponse(
                _("Bạn không có quyền xuất bản. Hãy gửi duyệt để cấp tỉnh phê duyệt và xuất bản."),
                status=403,
                content_type="text/plain; charset=utf-8",
            )
    return None


@hooks.register("before_edit_page")
def guard_edit(request: HttpRequest, page: Page) -> HttpResponse | None:
    return _section_guard(request, page) or _publish_guard(request, page) or _workflow_action_guard(request)


@hooks.register("before_create_page")
def guard_create(request: HttpRequest, parent_page: Page, page_class) -> HttpResponse | None:
    return _publish_guard(request, parent_page)


@hooks.register("before_delete_page")
def guard_delete(request: HttpRequest, page: Page) -> HttpResponse | None:
    return _section_guard(request, page)


class ResubmitMenuItem(SubmitForModerationMenuItem):
    """After a send-back, resubmission starts again at the unit's review (InOrderTaskMixin), not at
    the step that sent it back, so Wagtail's "Resubmit to <that step>" label would mislead."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        page = context.get("page")
        workflow_state = page.current_workflow_state if page else None
        if workflow_state and workflow_state.status == workflow_state.STATUS_NEEDS_CHANGES:
            context["label"] = _("Gửi duyệt lại")
        return context


@hooks.register("construct_page_action_menu")
def relabel_resubmission(menu_items: list, request: HttpRequest, context: dict) -> None:
    for item in menu_items:
        if type(item) is SubmitForModerationMenuItem:
            item.__class__ = ResubmitMenuItem


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request: HttpRequest, panels: list) -> None:
    panels.append(SentBackToMePanel(request.user))
    panels.append(UnitStatusPanel(request.user))


@hooks.register("register_admin_urls")
def preview_link_urls() -> list:
    return [
        path("xem-truoc/<int:page_id>/", preview.manage_links, name="editorial_preview_links"),
        path(
            "xem-truoc/<int:page_id>/thu-hoi/<int:link_id>/",
            preview.revoke_link,
            name="editorial_preview_link_revoke",
        ),
    ]


class PreviewLinksMenuItem(PageMenuItem):
    label = gettext_lazy("Đường dẫn xem trước")
    icon_name = "link"
    priority = 66

    @property
    def url(self) -> str:
        return reverse("editorial_preview_links", args=[self.page.id])

    def is_shown(self, user) -> bool:
        return self.page.depth > 2 and self.page.permissions_for_user(user).can_edit()


@hooks.register("register_page_header_buttons")
def preview_link_header_button(page, user, view_name=None, next_url=None):
    yield PreviewLinksMenuItem(page=page)


@hooks.register("register_page_listing_more_buttons")
def preview_link_listing_button(page, user, next_url=None):
    yield PreviewLinksMenuItem(page=page)


@hooks.register("register_admin_urls")
def unit_change_urls() -> list:
    return [
        path("don-vi/<int:unit_id>/sap-nhap/", unit_views.merge_unit, name="editorial_unit_merge"),
        path("don-vi/<int:unit_id>/ngung-hoat-dong/", unit_views.retire_unit, name="editorial_unit_retire"),
        path("don-vi/<int:unit_id>/doi-ten/", unit_views.rename_unit, name="editorial_unit_rename"),
    ]


@hooks.register("register_snippet_listing_buttons")
def unit_change_buttons(snippet, user, next_url=None):
    if isinstance(snippet, Unit) and user.has_perm("home.change_unit"):
        for position, (label, url) in enumerate(unit_views.change_urls(snippet)):
            yield Button(label, url, priority=50 + position)


@hooks.register("load_demo")
def demo_accounts() -> list[str]:
    """`load_demo`: one account per editorial role (editorial.demo)."""
    return create_demo_accounts()
