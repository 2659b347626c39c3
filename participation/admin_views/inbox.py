"""The question inbox: a unit's contributors and reviewers see their unit's questions, the province all.

Scoping is by queryset (access.questions_for), so a question of another unit is a 404 whatever
URL is typed, and the menu item shows only to those who have an inbox at all.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic.base import BaseListingView

from participation.access import may_use_participation_admin, questions_for, sees_everything, visible_units
from participation.answering import create_faq_draft
from participation.models import Question, QuestionStatus


def require_inbox(request: HttpRequest) -> None:
    if not may_use_participation_admin(request.user):
        raise PermissionDenied


def question_of(request: HttpRequest, pk: int) -> Question:
    question = questions_for(request.user).filter(pk=pk).first()
    if question is None:
        raise Http404(_("Không có câu hỏi này trong hộp thư của bạn."))
    return question


class QuestionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=gettext_lazy("Trạng thái"), choices=QuestionStatus.choices)
    unit = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Đơn vị"), queryset=lambda request: visible_units(request.user)
    )

    class Meta:
        model = Question
        fields = ["status", "unit"]


class QuestionInboxView(BaseListingView):
    page_title = gettext_lazy("Câu hỏi của người dân")
    header_icon = "help"
    template_name = "wagtailadmin/generic/listing.html"
    results_template_name = "wagtailadmin/generic/listing_results.html"
    index_url_name = "participation_questions"
    index_results_url_name = "participation_questions_results"
    filterset_class = QuestionFilterSet
    paginate_by = 30
    default_ordering = "-created_at"
    verbose_name = gettext_lazy("câu hỏi")
    verbose_name_plural = gettext_lazy("câu hỏi")
    no_results_message = gettext_lazy("Chưa có câu hỏi nào.")
    columns = [
        TitleColumn("question", label=gettext_lazy("Câu hỏi"), url_name="participation_question", accessor="__str__"),
        Column("unit", label=gettext_lazy("Đơn vị"), accessor="unit_display"),
        Column("status", label=gettext_lazy("Trạng thái"), accessor="get_status_display"),
        DateColumn("created_at", label=gettext_lazy("Nhận lúc"), sort_key="created_at"),
    ]

    def dispatch(self, request, *args, **kwargs):
        require_inbox(request)
        return super().dispatch(request, *args, **kwargs)

    def get_valid_orderings(self):
        return ["created_at", "-created_at"]

    def get_base_queryset(self):
        return questions_for(self.request.user)

    def get_breadcrumbs_items(self):
        return [{"url": reverse("wagtailadmin_home"), "label": _("Trang chủ")}, {"url": "", "label": self.page_title}]


class QuestionHandlingForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Trạng thái"),
        choices=QuestionStatus.choices,
        error_messages={
            "invalid_choice": gettext_lazy("Trạng thái không hợp lệ."),
            "required": gettext_lazy("Hãy chọn trạng thái."),
        },
    )
    unit = forms.ModelChoiceField(
        label=gettext_lazy("Đơn vị phụ trách"),
        queryset=None,
        required=False,
        empty_label=gettext_lazy("— Chưa phân công —"),
        error_messages={"invalid_choice": gettext_lazy("Đơn vị không hợp lệ.")},
    )
    note = forms.CharField(
        label=gettext_lazy("Ghi chú nội bộ"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if sees_everything(user):
            self.fields["unit"].queryset = visible_units(user)
        else:
            del self.fields["unit"]  # only the province hands a question to another unit


def question_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One question with the asker's details; its status, unit and note can be changed here."""
    require_inbox(request)
    question = question_of(request, pk)
    initial = {"status": question.status, "unit": question.unit, "note": question.note}
    form = QuestionHandlingForm(request.POST or None, initial=initial, user=request.user)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            question.set_status(form.cleaned_data["status"])
            question.note = form.cleaned_data["note"]
            fields = ["status", "answered_at", "note"]
            if "unit" in form.fields:
                question.unit = form.cleaned_data["unit"]
                fields.append("unit")
            question.save(update_fields=fields)
            messages.success(request, _("Đã lưu câu hỏi."))
            return redirect("participation_question", question.pk)
        status = 400
        messages.error(request, _("Chưa lưu được: hãy sửa các lỗi bên dưới."))
    return render_question(request, question, form, status)


def render_question(request: HttpRequest, question: Question, form: QuestionHandlingForm, status: int) -> HttpResponse:
    context = {"question": question, "form": form, "page_title": _("Câu hỏi của người dân")}
    return TemplateResponse(request, "participation/admin/question.html", context, status=status)


@require_POST
def question_to_faq(request: HttpRequest, pk: int) -> HttpResponse:
    """Turn the question into a draft FAQ page in its unit's section and open it in the editor."""
    require_inbox(request)
    question = question_of(request, pk)
    try:
        page = create_faq_draft(question, request.user)
    except PermissionDenied as refusal:
        messages.error(request, str(refusal))
        initial = {"status": question.status, "unit": question.unit, "note": question.note}
        return render_question(request, question, QuestionHandlingForm(initial=initial, user=request.user), 403)
    messages.success(request, _("Đã tạo bản nháp hỏi đáp. Hãy viết câu trả lời rồi gửi duyệt."))
    return redirect("wagtailadmin_pages:edit", page.pk)
