"""The citizen search page, /tim-kiem/?q=…"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from articles.models import ArticlePage

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").replace("\x00", " ").strip()[:MAX_QUERY_LENGTH]
    results = ArticlePage.objects.live().public().search(query) if query else ArticlePage.objects.none()
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page_obj = paginator.page(request.GET.get("page", "1"))
    except PageNotAnInteger:
        page_obj = paginator.page(1)
    except EmptyPage:
        page_obj = paginator.page(paginator.num_pages)
    return render(request, "search/search.html", {"query": query, "results": page_obj})
