"""The filters every report shares: the period (a named month, quarter or year, or a custom range),
the granularity of its rows, and the unit (limited to the units the user may see)."""

from __future__ import annotations

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.widgets import AdminDateInput

from articles.models import article_types
from home.models import Unit
from reports import periods
from reports.access import visible_unit_ids, visible_units
from reports.figures import Scope, type_label


def period_choices():
    return periods.choices(timezone.localdate())


class PeriodFilterField(periods.PeriodTokenMixin, django_filters.fields.ChoiceField):
    pass


class PeriodFilter(django_filters.ChoiceFilter):
    field_class = PeriodFilterField


class ReportFilterForm(forms.Form):
    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if bool(start) != bool(end):
            raise forms.ValidationError(_("Khoảng thời gian tùy chọn cần cả “từ ngày” và “đến ngày”."))
        if start and end:
            try:
                periods.custom(start, end)
            except ValueError as error:
                raise forms.ValidationError(str(error)) from error
        return data


class ReportFilterSet(WagtailFilterSet):
    """Not a filter over a queryset: the report reads the cleaned values and computes its rows (reports.figures)."""

    period = PeriodFilter(
        label=gettext_lazy("Kỳ báo cáo"),
        choices=period_choices,
        empty_label=gettext_lazy("Năm nay"),
        method="keep",
    )
    start = django_filters.DateFilter(label=gettext_lazy("Từ ngày (tùy chọn)"), widget=AdminDateInput, method="keep")
    end = django_filters.DateFilter(label=gettext_lazy("Đến ngày (tùy chọn)"), widget=AdminDateInput, method="keep")
    group = django_filters.ChoiceFilter(
        label=gettext_lazy("Tổng hợp theo"),
        choices=periods.GROUP_CHOICES,
        empty_label=gettext_lazy("Theo tháng"),
        method="keep",
    )
    unit = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Đơn vị"),
        queryset=lambda request: visible_units(request.user),
        empty_label=gettext_lazy("Tất cả đơn vị được xem"),
        method="keep",
    )

    class Meta:
        form = ReportFilterForm
        fields = []

    # Which of the shared filters a report shows; a report narrows this (e.g. no grouping).
    shown = ("period", "start", "end", "group", "unit")

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        # No model behind it; django-filter still wants a queryset to hold.
        super().__init__(data, Unit.objects.none() if queryset is None else queryset, request=request, prefix=prefix)
        for name in list(self.filters):
            if name not in self.shown:
                del self.filters[name]

    def keep(self, queryset, name, value):
        return queryset

    def filter_queryset(self, queryset):
        return queryset

    def scope(self, default_group: str = periods.MONTH) -> Scope:
        """The report's scope from the cleaned values (call after is_valid())."""
        data = self.form.cleaned_data
        if data.get("start") and data.get("end"):
            period = periods.custom(data["start"], data["end"])
        elif data.get("period"):
            period = periods.parse(data["period"])
        else:
            period = periods.year(timezone.localdate().year)
        user_units = visible_unit_ids(self.request.user)
        if data.get("unit"):
            unit_ids = frozenset({data["unit"].pk})
        else:
            unit_ids = None if user_units is None else frozenset(user_units)
        return Scope(period=period, unit_ids=unit_ids, group=data.get("group") or default_group)

    @property
    def explicit_period(self) -> bool:
        data = self.form.cleaned_data
        return bool(data.get("period") or data.get("start"))


class UngroupedReportFilterSet(ReportFilterSet):
    shown = ("period", "start", "end", "unit")


def article_type_choices():
    return [(slug, type_label(slug)) for slug in article_types()]


class TypedReportFilterSet(ReportFilterSet):
    article_type = django_filters.ChoiceFilter(
        label=gettext_lazy("Loại bài"),
        choices=article_type_choices,
        empty_label=gettext_lazy("Tất cả các loại"),
        method="keep",
    )
    shown = ("period", "start", "end", "group", "unit", "article_type")
