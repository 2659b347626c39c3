"""Public pages of the indices: /chi-so/, /chi-so/<index>/ and each index's chart as SVG."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from taggit.models import Tag

from articles.models import article_types
from indices.charts import render_svg
from indices.models import ReformIndex
from indices.series import all_series, series_of

RELATED_PER_TYPE = 10
# The chart is its own small document shown through <img>: it may style itself, nothing more.
CHART_CSP = "default-src 'none'; style-src 'unsafe-inline'"


def breadcrumb_trail() -> list[tuple[str, str]]:
    return [(_("Chỉ số"), reverse("indices:overview"))]


def _index_or_404_page(request: HttpRequest, slug: str) -> ReformIndex | HttpResponse:
    index = ReformIndex.objects.filter(slug=slug).first()
    if index is None:
        context = {"slug": slug, "indexes": ReformIndex.objects.all(), "breadcrumb_trail": breadcrumb_trail()}
        return render(request, "indices/unknown_index.html", context, status=404)
    return index


def overview(request: HttpRequest) -> HttpResponse:
    series = all_series()
    return render(
        request,
        "indices/overview.html",
        {"all_series": series, "any_examples": any(one.has_examples for one in series)},
    )


def related_articles(index: ReformIndex) -> list[dict]:
    """News, guides, stories, documents … tagged with the index's tag, grouped by type."""
    groups = []
    for type_slug, model in article_types().items():
        articles = (
            model.objects.live()
            .public()
            .filter(tags__name__iexact=index.tag_name)
            .distinct()
            .select_related("unit")
            .prefetch_related("reform_areas")
            .order_by("-date", "-pk")
        )
        count = articles.count()
        if count:
            groups.append(
                {
                    "type_slug": type_slug,
                    "label": model._meta.verbose_name_plural,
                    "articles": articles[:RELATED_PER_TYPE],
                    "count": count,
                }
            )
    return groups


def detail(request: HttpRequest, slug: str) -> HttpResponse:
    index = _index_or_404_page(request, slug)
    if isinstance(index, HttpResponse):
        return index
    series = series_of(index)
    tag = Tag.objects.filter(name__iexact=index.tag_name).first()
    groups = related_articles(index)
    return render(
        request,
        "indices/reform_index.html",
        {
            "index": index,
            "series": series,
            "related_groups": groups,
            "related_count": sum(group["count"] for group in groups),
            "tag": tag,
            "other_indexes": ReformIndex.objects.exclude(pk=index.pk),
            "breadcrumb_trail": breadcrumb_trail(),
        },
    )


def chart(request: HttpRequest, slug: str) -> HttpResponse:
    index = ReformIndex.objects.filter(slug=slug).first()
    if index is None:
        raise Http404(_("Không có chỉ số này."))
    series = series_of(index)
    if not series.rows:
        raise Http404(_("Chỉ số này chưa có số liệu."))
    response = HttpResponse(render_svg(series), content_type="image/svg+xml; charset=utf-8")
    response["Content-Security-Policy"] = CHART_CSP
    # The pages link the chart with ?v=<version of its figures>: that URL's content never changes.
    fresh = request.GET.get("v") == series.version
    response["Cache-Control"] = "public, max-age=31536000, immutable" if fresh else "no-cache"
    response["Content-Disposition"] = f'inline; filename="{index.slug}.svg"'
    return response
