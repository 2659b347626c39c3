"""Cross-type listings: everything about one reform area, and everything with one tag."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from taggit.models import Tag

from articles.models import ArticlePage, article_types
from articles.models.base import paginate_listing
from home.models import ReformArea

ITEMS_PER_TYPE = 10


def reform_area(request: HttpRequest, slug: str) -> HttpResponse:
    area = get_object_or_404(ReformArea, slug=slug)
    groups = []
    for type_slug, model in article_types().items():
        articles = (
            model.objects.live()
            .public()
            .filter(reform_areas=area)
            .select_related("unit")
            .prefetch_related("reform_areas")
            .order_by("-date", "-pk")
        )
        groups.append(
            {
                "type_slug": type_slug,
                "label": model._meta.verbose_name_plural,
                "articles": articles[:ITEMS_PER_TYPE],
                "count": articles.count(),
            }
        )
    return render(
        request,
        "articles/reform_area.html",
        {"area": area, "groups": groups, "other_areas": ReformArea.objects.exclude(pk=area.pk)},
    )


def tag(request: HttpRequest, slug: str) -> HttpResponse:
    tag = Tag.objects.filter(slug=slug).first()
    if tag is None:
        raise Http404(_("Không có từ khóa này."))
    # Cards need titles, URLs, units and areas only: plain ArticlePage rows (their unit and areas
    # fetched once for the whole page of results), not one query per article type.
    articles = ArticlePage.objects.live().public().filter(tags=tag)
    context = paginate_listing(request, articles)
    context["tag"] = tag
    return render(request, "articles/tag.html", context)
