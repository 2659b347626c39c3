"""Admin forms of this app: an outreach activity, and the free-text parts of a periodic report."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateInput

from articles.models import ArticlePage
from home.models import Unit
from reports import periods
from reports.access import ActivityPermissionPolicy, sees_whole_province, visible_units
from reports.models import OutreachActivity, UnitReport

ARTICLE_CHOICE_DAYS = 730


class ActivityForm(WagtailAdminModelForm):
    """The unit can only be one of the user's own units; measures are checked against the kind."""

    languages = forms.MultipleChoiceField(
        label=gettext_lazy("Ngôn ngữ phát"),
        choices=OutreachActivity.Language.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=gettext_lazy("Với phát thanh: các thứ tiếng đã phát."),
    )

    class Meta:
        model = OutreachActivity
        fields = [
            "unit", "kind", "date", "title", "reform_areas", "articles", "count",
            "minutes", "languages", "copies", "participants", "messages_sent", "note",
        ]  # fmt: skip
        widgets = {"reform_areas": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        units = ActivityPermissionPolicy(OutreachActivity).addable_units(user) if user else None
        if units is not None:
            self.fields["unit"].queryset = units
            if not self.instance.pk and units.count() == 1:
                self.fields["unit"].initial = units.first().pk
        self.fields["unit"].empty_label = None if units is not None and units.count() == 1 else "---------"
        # Articles of the last two years, newest first (the portal's own content used on other channels).
        since = timezone.localdate() - datetime.timedelta(days=ARTICLE_CHOICE_DAYS)
        chosen = list(self.instance.articles.values_list("pk", flat=True)) if self.instance.pk else []
        self.fields["articles"].queryset = (
            ArticlePage.objects.live().filter(date__gte=since) | ArticlePage.objects.filter(pk__in=chosen)
        ).order_by("-date", "title")
        self.fields["articles"].widget.attrs["size"] = 8
        self.fields["reform_areas"].error_messages["required"] = _("Chọn ít nhất một lĩnh vực CCHC.")

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date and date > timezone.localdate():
            raise forms.ValidationError(_("Ngày thực hiện không thể ở tương lai."))
        return date


class UnitReportTextForm(forms.ModelForm):
    class Meta:
        model = UnitReport
        fields = ["difficulties", "proposals"]
        widgets = {
            "difficulties": forms.Textarea(attrs={"rows": 6}),
            "proposals": forms.Textarea(attrs={"rows": 4}),
        }


class PeriodicReportForm(forms.Form):
    """Which periodic report: a unit (or the whole province, for the province) and a period."""

    unit = forms.ChoiceField(label=gettext_lazy("Đơn vị"), required=False)
    period = periods.PeriodChoiceField(label=gettext_lazy("Kỳ báo cáo"), required=False)
    start = forms.DateField(label=gettext_lazy("Từ ngày (tùy chọn)"), required=False, widget=AdminDateInput)
    end = forms.DateField(label=gettext_lazy("Đến ngày (tùy chọn)"), required=False, widget=AdminDateInput)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.whole_province = sees_whole_province(user)
        units = visible_units(user)
        choices = [(unit.slug, unit.display_name) for unit in units]
        if self.whole_province:
            choices = [("", _("Toàn tỉnh"))] + choices
        self.fields["unit"].choices = choices
        self.fields["period"].choices = [("", _("Năm nay"))] + periods.choices(timezone.localdate())

    def clean_unit(self):
        slug = self.cleaned_data.get("unit") or ""
        if not slug:
            if self.whole_province:
                return None
            first = self.fields["unit"].choices[0][0] if self.fields["unit"].choices else None
            if first is None:
                raise forms.ValidationError(_("Bạn không thuộc đơn vị nào."))
            slug = first
        return Unit.objects.get(slug=slug)

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if bool(start) != bool(end):
            raise forms.ValidationError(_("Khoảng thời gian tùy chọn cần cả “từ ngày” và “đến ngày”."))
        try:
            if start and end:
                data["report_period"] = periods.custom(start, end)
            elif data.get("period"):
                data["report_period"] = periods.parse(data["period"])
            else:
                data["report_period"] = periods.year(timezone.localdate().year)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from error
        return data
