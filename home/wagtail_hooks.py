from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.models import ReformArea, Unit


class UnitViewSet(SnippetViewSet):
    model = Unit
    icon = "group"
    menu_label = _("Đơn vị")
    list_display = ["name", "slug", "kind", "parent", "retired_on"]
    list_filter = ["kind"]
    search_fields = ["name", "slug"]
    ordering = ["sort_order", "name"]


class ReformAreaViewSet(SnippetViewSet):
    model = ReformArea
    icon = "tag"
    menu_label = _("Lĩnh vực CCHC")
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order"]


class TaxonomyGroup(SnippetViewSetGroup):
    items = (UnitViewSet, ReformAreaViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Danh mục")
    menu_name = "taxonomy"


register_snippet(TaxonomyGroup)
