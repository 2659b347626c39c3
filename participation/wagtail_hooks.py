"""Wagtail hooks: the feedback form on guide and FAQ pages, the admin inbox and reports, the
unit report's participation section, the demo questions."""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem

from participation import demo, figures
from participation.access import may_use_participation_admin
from participation.admin_views import feedback, inbox, reports
from participation.feedback import accepts_feedback, page_extras


@hooks.register("article_page_extras")
def feedback_form(page, request, position: str) -> str:
    return page_extras(page, request, position)


@hooks.register("register_admin_urls")
def admin_urls() -> list:
    return [
        path("cau-hoi/", inbox.QuestionInboxView.as_view(), name="participation_questions"),
        path(
            "cau-hoi/results/",
            inbox.QuestionInboxView.as_view(results_only=True),
            name="participation_questions_results",
        ),
        path("cau-hoi/<int:pk>/", inbox.question_detail, name="participation_question"),
        path("cau-hoi/<int:pk>/tao-hoi-dap/", inbox.question_to_faq, name="participation_question_to_faq"),
        path("y-kien-ban-doc/<int:page_id>/", feedback.page_feedback, name="participation_page_feedback"),
        path(
            "reports/muc-do-huu-ich/",
            reports.HelpfulnessReportView.as_view(),
            name="participation_helpfulness_report",
        ),
        path(
            "reports/muc-do-huu-ich/results/",
            reports.HelpfulnessReportView.as_view(results_only=True),
            name="participation_helpfulness_report_results",
        ),
        path(
            "reports/cau-hoi-nguoi-dan/",
            reports.QuestionsReportView.as_view(),
            name="participation_questions_report",
        ),
        path(
            "reports/cau-hoi-nguoi-dan/results/",
            reports.QuestionsReportView.as_view(results_only=True),
            name="participation_questions_report_results",
        ),
    ]


class ParticipationMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return may_use_participation_admin(request.user)


@hooks.register("register_admin_menu_item")
def inbox_menu_item():
    return ParticipationMenuItem(
        _("Câu hỏi của người dân"),
        reverse("participation_questions"),
        name="citizen-questions",
        icon_name="help",
        order=250,
    )


@hooks.register("register_reports_menu_item")
def helpfulness_menu_item():
    return ParticipationMenuItem(
        _("Mức độ hữu ích của hướng dẫn"),
        reverse("participation_helpfulness_report"),
        name="participation-helpfulness",
        icon_name="help",
    )


@hooks.register("register_reports_menu_item")
def questions_report_menu_item():
    return ParticipationMenuItem(
        _("Câu hỏi của người dân"),
        reverse("participation_questions_report"),
        name="participation-questions-report",
        icon_name="help",
    )


class PageFeedbackMenuItem(PageMenuItem):
    label = _("Ý kiến bạn đọc")
    icon_name = "help"
    priority = 67

    @property
    def url(self) -> str:
        return reverse("participation_page_feedback", args=[self.page.pk])

    def is_shown(self, user) -> bool:
        return accepts_feedback(self.page.specific_deferred) and feedback.may_see_page_feedback(
            user, self.page.specific_deferred
        )


@hooks.register("register_page_header_buttons")
def page_feedback_header_button(page, user, view_name=None, next_url=None):
    yield PageFeedbackMenuItem(page=page)


@hooks.register("register_page_listing_more_buttons")
def page_feedback_listing_button(page, user, next_url=None):
    yield PageFeedbackMenuItem(page=page)


@hooks.register("unit_report_sections")
def participation_section(unit, start, end) -> list[dict]:
    """The citizen-participation figures of the unit's periodic report (the reports app renders it)."""
    return [figures.participation_section(unit, start, end)]


@hooks.register("load_demo")
def demo_questions() -> list[str]:
    return demo.create_demo_questions()
