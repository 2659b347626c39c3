"""Admin screens for the indices and their yearly results (Wagtail snippets, under “Chỉ số CCHC”).

Model permissions decide who sees them: the provincial approvers and the administrators get them
after every migrate (indices.signals → editorial.roles.grant_provincial_model_permissions).
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet, SnippetViewSetGroup

from indices.forms import IndexResultForm
from indices.models import IndexResult, ReformIndex


class _DuplicateYear(Exception):
    pass


class DuplicateYearIsAFormError:
    """Two saves of the same index and year racing past clean(): the database constraint stops the
    second, and the editor gets the form back with the message instead of a server error."""

    def save_instance(self):
        try:
            with transaction.atomic():
                return super().save_instance()
        except IntegrityError as error:
            raise _DuplicateYear from error

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except _DuplicateYear:
            form.add_error("year", _("Chỉ số này đã có kết quả của năm này; hãy sửa kết quả đã có."))
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class IndexResultCreateView(DuplicateYearIsAFormError, CreateView):
    pass


class IndexResultEditView(DuplicateYearIsAFormError, EditView):
    pass


class ReformIndexViewSet(SnippetViewSet):
    model = ReformIndex
    icon = "table"
    menu_label = gettext_lazy("Các chỉ số")
    list_display = ["abbreviation", "name", "publisher", Column("scale_text", label=gettext_lazy("Thang đo"))]
    search_fields = ["name", "abbreviation"]
    ordering = ["sort_order", "abbreviation"]


class IndexResultViewSet(SnippetViewSet):
    model = IndexResult
    icon = "order"
    menu_label = gettext_lazy("Kết quả theo năm")
    add_view_class = IndexResultCreateView
    edit_view_class = IndexResultEditView
    edit_handler = ObjectList(IndexResult.panels, base_form_class=IndexResultForm)
    list_display = [
        "index",
        "year",
        Column("score_text", label=gettext_lazy("Điểm")),
        Column("rank_text", label=gettext_lazy("Xếp hạng")),
        BooleanColumn("is_example", label=gettext_lazy("Minh họa")),
    ]
    list_filter = ["index", "year", "is_example"]
    ordering = ["index__sort_order", "-year"]


class IndicesGroup(SnippetViewSetGroup):
    items = (IndexResultViewSet, ReformIndexViewSet)
    menu_icon = "table"
    menu_label = gettext_lazy("Chỉ số CCHC")
    menu_name = "indices"
