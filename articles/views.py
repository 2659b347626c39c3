"""Cross-type listings: everything about one reform area, and everything with one tag."""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from taggit.models import Tag

from articles.models import ArticlePage, article_types
from articles.models.base import paginate_listing
from articles.visibility import public_q
from home.models import ReformArea

ITEMS_PER_TYPE = 10


def reform_area(request: HttpRequest, slug: str) -> HttpResponse:
    area = next((area for area in ReformArea.objects.cached() if area.slug == slug), None)
    if area is None:
        raise Http404(_("Không có lĩnh vực này."))
    # Every type's count in one query and its newest ITEMS_PER_TYPE in another (a row number per
    # type), whatever the number of article types; cards need plain ArticlePage rows only.
    live = ArticlePage.objects.live().filter(public_q(), reform_areas=area)
    counts = dict(live.order_by().values_list("content_type").annotate(count=Count("pk")))
    newest = (
        live.annotate(
            position=Window(RowNumber(), partition_by=[F("content_type")], order_by=[F("date").desc(), F("pk").desc()])
        )
        .filter(position__lte=ITEMS_PER_TYPE)
        .select_related("unit")
        .prefetch_related("reform_areas")
        .order_by("-date", "-pk")
    )
    by_type = defaultdict(list)
    for article in newest:
        by_type[article.content_type_id].append(article)
    groups = []
    for type_slug, model in article_types().items():
        content_type = ContentType.objects.get_for_model(model)
        groups.append(
            {
                "type_slug": type_slug,
                "label": model._meta.verbose_name_plural,
                "articles": by_type[content_type.pk],
                "count": counts.get(content_type.pk, 0),
            }
        )
    other_areas = [other for other in ReformArea.objects.cached() if other.pk != area.pk]
    return render(request, "articles/reform_area.html", {"area": area, "groups": groups, "other_areas": other_areas})


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
