"""Admin screens for changing units: choose, see everything the change touches, confirm.

For administrators (the "change unit" permission: Quản trị hệ thống and superusers), checked here
on every request, whatever the buttons show. The first POST shows the plan; the change is made
only by a POST carrying `confirm`.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages

from editorial.units import changes
from home.models import Unit

LIST_URL = "wagtailsnippets_home_unit:list"


def _unit_for(request: HttpRequest, unit_id: int) -> Unit:
    if not request.user.has_perm("home.change_unit"):
        raise PermissionDenied
    return get_object_or_404(Unit, pk=unit_id)


class MergeForm(forms.Form):
    target = forms.ModelChoiceField(
        label=gettext_lazy("Sáp nhập vào đơn vị"),
        queryset=Unit.objects.filter(retired_on__isnull=True),
        error_messages={
            "required": gettext_lazy("Hãy chọn đơn vị nhận."),
            "invalid_choice": gettext_lazy("Đơn vị nhận không hợp lệ hoặc đã ngừng hoạt động."),
        },
    )
    accounts = forms.ChoiceField(
        label=gettext_lazy("Tài khoản của đơn vị cũ"),
        choices=[
            (changes.ACCOUNTS_MOVE, gettext_lazy("Chuyển sang các nhóm tương ứng của đơn vị nhận")),
            (changes.ACCOUNTS_DEACTIVATE, gettext_lazy("Khóa tài khoản (không đăng nhập được nữa)")),
        ],
        initial=changes.ACCOUNTS_MOVE,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Hãy chọn cách xử lý tài khoản.")},
    )

    def __init__(self, *args, unit: Unit, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = Unit.objects.filter(retired_on__isnull=True).exclude(pk=unit.pk)


class RenameForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Tên mới"),
        max_length=255,
        error_messages={"required": gettext_lazy("Hãy nhập tên mới của đơn vị.")},
    )
    slug = forms.CharField(
        label=gettext_lazy("Mã đường dẫn mới"),
        max_length=60,
        required=False,
        help_text=gettext_lazy("Để trống thì tạo từ tên mới, ví dụ “xa-quang-trung”."),
    )


def _render(request, template: str, context: dict, status: int = 200) -> HttpResponse:
    return TemplateResponse(request, f"editorial/units/{template}", context, status=status)


def merge_unit(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = _unit_for(request, unit_id)
    form = MergeForm(request.POST or None, unit=unit)
    if unit.is_retired:
        messages.error(request, _("Đơn vị “%(unit)s” đã ngừng hoạt động.") % {"unit": unit.name})
        return redirect(LIST_URL)
    if request.method != "POST":
        return _render(request, "merge.html", {"unit": unit, "form": form})
    if not form.is_valid():
        return _render(request, "merge.html", {"unit": unit, "form": form}, status=400)
    try:
        plan = changes.plan_merge(unit, form.cleaned_data["target"])
        if "confirm" not in request.POST:
            return _render(request, "merge.html", {"unit": unit, "form": form, "plan": plan})
        changes.merge(plan, accounts=form.cleaned_data["accounts"], user=request.user)
    except changes.UnitChangeError as error:
        form.add_error(None, str(error))
        return _render(request, "merge.html", {"unit": unit, "form": form}, status=400)
    messages.success(
        request,
        _("Đã sáp nhập “%(source)s” vào “%(target)s”: %(pages)s trang đã chuyển, đường dẫn cũ tự chuyển hướng.")
        % {"source": unit.name, "target": plan.target.name, "pages": len(plan.moves)},
    )
    return redirect(LIST_URL)


def retire_unit(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = _unit_for(request, unit_id)
    try:
        plan = changes.plan_retire(unit)
    except changes.UnitChangeError as error:
        messages.error(request, str(error))
        return redirect(LIST_URL)
    if request.method == "POST" and "confirm" in request.POST:
        changes.retire(unit)
        messages.success(request, _("“%(unit)s” đã chuyển thành đơn vị cũ, không nhận bài mới.") % {"unit": unit.name})
        return redirect(LIST_URL)
    return _render(request, "retire.html", {"unit": unit, "plan": plan})


def rename_unit(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = _unit_for(request, unit_id)
    form = RenameForm(request.POST or None, initial={"name": unit.name, "slug": unit.slug})
    if request.method != "POST":
        return _render(request, "rename.html", {"unit": unit, "form": form})
    if not form.is_valid():
        return _render(request, "rename.html", {"unit": unit, "form": form}, status=400)
    old_name = unit.name
    try:
        plan = changes.plan_rename(unit, form.cleaned_data["name"], form.cleaned_data["slug"].strip())
        if "confirm" not in request.POST:
            return _render(request, "rename.html", {"unit": unit, "form": form, "plan": plan})
        changes.rename(plan)
    except changes.UnitChangeError as error:
        form.add_error(None, str(error))
        return _render(request, "rename.html", {"unit": unit, "form": form}, status=400)
    messages.success(
        request,
        _("Đã đổi tên “%(old)s” thành “%(new)s”; đường dẫn cũ tự chuyển hướng.") % {"old": old_name, "new": plan.name},
    )
    return redirect(LIST_URL)


def change_urls(unit: Unit) -> list[tuple[str, str]]:
    """(label, URL) of the changes a unit can have, for its buttons in the admin."""
    if unit.is_retired:
        return []
    return [
        (_("Đổi tên"), reverse("editorial_unit_rename", args=[unit.pk])),
        (_("Sáp nhập vào đơn vị khác"), reverse("editorial_unit_merge", args=[unit.pk])),
        (_("Chuyển thành đơn vị cũ"), reverse("editorial_unit_retire", args=[unit.pk])),
    ]
