"""/tim-kiem/goi-y/?q=…: titles that start like what the citizen is typing, as JSON."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET
from wagtail.models import Page

from articles.models import ArticlePage, article_types
from home.text import fold_key, words
from search.models import SearchDocument
from search.query import clean_query_text

MAX_SUGGESTIONS = 8
MIN_PREFIX = 2


def suggest_titles(raw: str, limit: int = MAX_SUGGESTIONS) -> list[SearchDocument]:
    """Live articles whose title contains the typed words, the last one as a prefix."""
    keys = [fold_key(word) for word in words(clean_query_text(raw))][:8]
    if not keys or (len(keys) == 1 and len(keys[0]) < MIN_PREFIX):
        return []
    documents = SearchDocument.objects.filter(page__in=ArticlePage.objects.live().public().values("pk"))
    for key in keys[:-1]:
        documents = documents.filter(title_fold__contains=f" {key} ")
    documents = documents.filter(title_fold__contains=f" {keys[-1]}")
    typed = " " + " ".join(keys)
    candidates = list(documents.only("page_id", "title", "title_fold", "type_slug")[:200])
    candidates.sort(key=lambda doc: (not doc.title_fold.startswith(typed), typed not in doc.title_fold, len(doc.title)))
    return candidates[:limit]


@require_GET
def autocomplete(request: HttpRequest) -> JsonResponse:
    values = request.GET.getlist("q")
    documents = suggest_titles(values[0] if values else "")
    pages = {page.pk: page for page in Page.objects.filter(pk__in=[doc.page_id for doc in documents])}
    suggestions = []
    for document in documents:
        page = pages.get(document.page_id)
        model = article_types().get(document.type_slug)
        if page is None:
            continue
        suggestions.append(
            {
                "title": document.title,
                "url": page.get_url(request),
                "type": str(model._meta.verbose_name).capitalize() if model else "",
            }
        )
    return JsonResponse({"suggestions": suggestions})
