"""The editor's form of a document page: its relations point to other documents, each once."""

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm


class DocumentPageForm(WagtailAdminPageForm):
    def is_valid(self) -> bool:
        valid = super().is_valid()
        return self.check_relations() and valid

    def check_relations(self) -> bool:
        formset = self.formsets.get("relations")
        if formset is None or not formset.is_bound:
            return True
        ok = True
        seen = set()
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            target = data.get("target")
            if data.get("DELETE") or target is None:
                continue
            if self.instance.pk and target.pk == self.instance.pk:
                form.add_error("target", _("Văn bản không thể có quan hệ với chính nó."))
                ok = False
            elif (data.get("kind"), target.pk) in seen:
                form.add_error("target", _("Quan hệ này đã có ở dòng trên."))
                ok = False
            seen.add((data.get("kind"), target.pk))
        return ok
