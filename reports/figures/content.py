"""Content published: live articles by their publication date (ngày đăng), per unit, reform area and type."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from articles.models import ArticlePage, article_types
from home.models import ReformArea
from reports.figures.common import Scope, article_type_of_content_type, total_label, type_label, unit_order, units_by_id


@dataclass
class ContentRow:
    period: str
    unit: str
    reform_area: str
    article_type: str
    count: int
    is_total: bool = False


def _articles(scope: Scope, type_slug: str | None = None):
    pages = ArticlePage.objects.live().filter(date__gte=scope.period.start, date__lte=scope.period.end)
    if type_slug:
        pages = pages.type(article_types()[type_slug])
    return scope.filter_units(pages)


def content_rows(scope: Scope, type_slug: str | None = None) -> list[ContentRow]:
    """One row per (period, unit, reform area, type) with the number of articles, then the total.

    An article filed under two reform areas counts in both areas' rows; the total row counts
    each article once.
    """
    areas = {area.pk: area for area in ReformArea.objects.cached()}
    units = units_by_id()
    counts: Counter = Counter()
    for _pk, unit_id, content_type_id, day, area_id in _articles(scope, type_slug).values_list(
        "pk", "unit_id", "content_type_id", "date", "reform_areas"
    ):
        counts[(scope.bucket(day), unit_id, area_id, article_type_of_content_type(content_type_id))] += 1
    type_order = list(article_types())

    def order(key):
        bucket, unit_id, area_id, slug = key
        area = areas.get(area_id)
        return (
            bucket.start,
            unit_order(units.get(unit_id)),
            (area.sort_order, area.name) if area else (10**6, ""),
            type_order.index(slug) if slug in type_order else len(type_order),
        )

    rows = [
        ContentRow(
            period=bucket.label,
            unit=units[unit_id].name if unit_id in units else "",
            reform_area=areas[area_id].name if area_id in areas else "—",
            article_type=type_label(slug),
            count=count,
        )
        for (bucket, unit_id, area_id, slug), count in sorted(counts.items(), key=lambda item: order(item[0]))
    ]
    rows.append(
        ContentRow(
            period=total_label(),
            unit="",
            reform_area="",
            article_type="",
            count=_articles(scope, type_slug).count(),
            is_total=True,
        )
    )
    return rows


@dataclass
class ContentSummary:
    total: int
    by_type: list[tuple[str, int]]  # (type label, articles), every type, in the types' order
    by_area: list[tuple[str, int]]  # (area name, articles), every area, in the areas' order


def content_summary(scope: Scope) -> ContentSummary:
    """The period's totals: articles, articles per type, articles per reform area."""
    pages = _articles(scope)
    per_type = Counter(
        article_type_of_content_type(content_type_id)
        for content_type_id in pages.values_list("content_type_id", flat=True)
    )
    per_area = Counter(pages.values_list("reform_areas", flat=True))
    return ContentSummary(
        total=pages.count(),
        by_type=[(type_label(slug), per_type.get(slug, 0)) for slug in article_types()],
        by_area=[(area.name, per_area.get(area.pk, 0)) for area in ReformArea.objects.cached()],
    )


def content_per_bucket_and_type(scope: Scope) -> tuple[list, dict[str, list[int]]]:
    """(the buckets of the period, {type label: articles per bucket}): the chart's numbers."""
    buckets = scope.period.buckets(scope.group)
    index = {bucket.start: position for position, bucket in enumerate(buckets)}
    series = {slug: [0] * len(buckets) for slug in article_types()}
    for content_type_id, day in _articles(scope).values_list("content_type_id", "date"):
        slug = article_type_of_content_type(content_type_id)
        if slug in series:
            series[slug][index[scope.bucket(day).start]] += 1
    return buckets, {type_label(slug): values for slug, values in series.items()}
