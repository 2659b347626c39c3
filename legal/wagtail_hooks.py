"""How the legal bookcase plugs into the site: its index, import, demo, admin list of types and
the links from guides' legal basis."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from legal.demo import load_demo_documents
from legal.importing import DocumentAdapter
from legal.links import legal_basis_urls
from legal.models import DocumentIndexPage, DocumentType


@hooks.register("register_article_indexes")
def document_index():
    return [
        (
            DocumentIndexPage,
            "van-ban",
            _("Văn bản"),
            _(
                "Tủ sách pháp luật điện tử: văn bản quy phạm pháp luật, văn bản chỉ đạo, điều hành về cải cách "
                "hành chính mà tỉnh Cao Bằng thực hiện, với tình trạng hiệu lực và tệp văn bản để tải về."
            ),
        )
    ]


@hooks.register("register_import_adapters")
def document_import():
    return [DocumentAdapter()]


@hooks.register("load_demo")
def demo_documents():
    return load_demo_documents()


@hooks.register("resolve_legal_basis")
def legal_basis_links(entries, request):
    return legal_basis_urls(entries, request)


class DocumentTypeViewSet(SnippetViewSet):
    model = DocumentType
    icon = "doc-full"
    menu_label = gettext_lazy("Loại văn bản")
    menu_name = "document_types"
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["name", "abbreviation", "slug", "sort_order"]
    search_fields = ["name", "abbreviation"]
    ordering = ["sort_order", "name"]


register_snippet(DocumentTypeViewSet)
