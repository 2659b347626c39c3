"""The admin form of a year's result: the sub-index rows are checked against the chosen index."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm

from home.text import exact_keys
from indices.figures import format_number


class IndexResultForm(WagtailAdminModelForm):
    def clean(self):
        cleaned_data = super().clean()
        index = cleaned_data.get("index")
        formset = self.formsets.get("sub_indices")
        if formset is None:
            return cleaned_data
        seen: set[str] = set()
        for form in formset.forms:
            if not form.has_changed() or not form.is_valid() or formset._should_delete_form(form):
                continue
            name, score = form.cleaned_data.get("name"), form.cleaned_data.get("score")
            if index is not None and score is not None and not Decimal(0) <= score <= index.maximum:
                form.add_error(
                    "score",
                    _("Điểm chỉ số thành phần phải từ 0 đến %(maximum)s %(unit)s.")
                    % {"maximum": format_number(index.maximum), "unit": index.unit},
                )
            if name:
                key = " ".join(exact_keys(name))  # same name whatever the case, spacing or tone placement
                if key in seen:
                    form.add_error("name", _("Chỉ số thành phần này đã có ở trên."))
                seen.add(key)
        return cleaned_data
