"""The three citizen forms. Every limit is checked here, on the server; the HTML attributes only help."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from articles.models import article_types
from home.models import ReformArea, Unit
from participation.models import Frequency
from participation.models.feedback import COMMENT_MAX_LENGTH
from participation.models.questions import NAME_MAX_LENGTH, QUESTION_MAX_LENGTH, QUESTION_MIN_LENGTH
from participation.validators import clean_contact

# The trap field: hidden from people (CSS, aria-hidden, tabindex -1), filled in by form-filling bots.
HONEYPOT_FIELD = "website"

CHOICE_ERROR = _("Lựa chọn không hợp lệ; hãy chọn trong danh sách.")


def open_units():
    """Units that take new content (a retired unit gets no new questions or alerts)."""
    return Unit.objects.filter(retired_on__isnull=True).order_by("sort_order", "name")


class FeedbackForm(forms.Form):
    helpful = forms.ChoiceField(
        label=_("Trang này có hữu ích không?"),
        choices=[("yes", _("Có")), ("no", _("Không"))],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Hãy chọn “Có” hoặc “Không”."),
            "invalid_choice": _("Hãy chọn “Có” hoặc “Không”."),
        },
    )
    comment = forms.CharField(
        label=_("Góp ý thêm (không bắt buộc)"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Góp ý tối đa %(limit_value)d ký tự (hiện có %(show_value)d).")},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "feedback-%s")  # the ids the page's form uses (error links)
        super().__init__(*args, **kwargs)

    def cleaned_helpful(self) -> bool:
        return self.cleaned_data["helpful"] == "yes"


class QuestionForm(forms.Form):
    question = forms.CharField(
        label=_("Câu hỏi của bạn"),
        min_length=QUESTION_MIN_LENGTH,
        max_length=QUESTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Hãy nhập câu hỏi."),
            "min_length": _("Câu hỏi cần ít nhất %(limit_value)d ký tự (hiện có %(show_value)d)."),
            "max_length": _("Câu hỏi tối đa %(limit_value)d ký tự (hiện có %(show_value)d)."),
        },
    )
    name = forms.CharField(
        label=_("Họ tên (không bắt buộc)"),
        required=False,
        max_length=NAME_MAX_LENGTH,
        error_messages={"max_length": _("Họ tên tối đa %(limit_value)d ký tự.")},
    )
    contact = forms.CharField(
        label=_("Thư điện tử hoặc số điện thoại (không bắt buộc)"),
        required=False,
        max_length=254,
        help_text=_("Để nhận thông báo khi câu hỏi được trả lời."),
        error_messages={"max_length": _("Thông tin liên hệ tối đa %(limit_value)d ký tự.")},
    )
    area = forms.ModelChoiceField(
        label=_("Lĩnh vực (không bắt buộc)"),
        queryset=ReformArea.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("— Không chọn —"),
        error_messages={"invalid_choice": CHOICE_ERROR},
    )
    unit = forms.ModelChoiceField(
        label=_("Đơn vị cần hỏi (không bắt buộc)"),
        queryset=open_units(),
        to_field_name="slug",
        required=False,
        empty_label=_("— Không rõ, để cấp tỉnh phân công —"),
        error_messages={"invalid_choice": CHOICE_ERROR},
    )

    def clean_contact(self) -> str:
        return clean_contact(self.cleaned_data["contact"])


def content_type_choices() -> list[tuple[str, str]]:
    return [(slug, str(model._meta.verbose_name).capitalize()) for slug, model in article_types().items()]


class SubscriptionForm(forms.Form):
    email = forms.EmailField(
        label=_("Địa chỉ thư điện tử"),
        max_length=254,
        error_messages={
            "required": _("Hãy nhập địa chỉ thư điện tử."),
            "invalid": _("Địa chỉ thư điện tử không hợp lệ (ví dụ: ten@example.com)."),
            "max_length": _("Địa chỉ thư điện tử tối đa %(limit_value)d ký tự."),
        },
    )
    areas = forms.ModelMultipleChoiceField(
        label=_("Lĩnh vực cải cách hành chính"),
        queryset=ReformArea.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Không chọn: mọi lĩnh vực."),
        error_messages={"invalid_choice": CHOICE_ERROR, "invalid_pk_value": CHOICE_ERROR},
    )
    units = forms.ModelMultipleChoiceField(
        label=_("Đơn vị"),
        queryset=open_units(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Không chọn: mọi đơn vị."),
        error_messages={"invalid_choice": CHOICE_ERROR, "invalid_pk_value": CHOICE_ERROR},
    )
    types = forms.MultipleChoiceField(
        label=_("Loại bài"),
        choices=content_type_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Không chọn: mọi loại bài."),
        error_messages={"invalid_choice": CHOICE_ERROR},
    )
    frequency = forms.ChoiceField(
        label=_("Nhận thư"),
        choices=Frequency.choices,
        initial=Frequency.IMMEDIATE,
        widget=forms.RadioSelect,
        error_messages={"required": _("Hãy chọn tần suất nhận thư."), "invalid_choice": CHOICE_ERROR},
    )

    def clean_email(self) -> str:
        local, _at, domain = self.cleaned_data["email"].rpartition("@")
        return f"{local}@{domain.lower()}"
