"""Reads counted on the server (reports.reads): per page, per unit and type, the most-read guides
and the guides nobody read, per unit."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Sum

from articles.models import ArticlePage, GuidePage, article_types
from reports.figures.common import (
    Scope,
    article_type_of_content_type,
    period_bounds,
    total_label,
    type_label,
    unit_order,
    units_by_id,
)
from reports.models import PageReadDay

MOST_READ_PER_UNIT = 10


@dataclass
class PageReadRow:
    period: str
    title: str
    unit: str
    article_type: str
    views: int
    url: str = ""
    page_id: int | None = None
    is_total: bool = False


@dataclass
class UnitReadRow:
    period: str
    unit: str
    article_type: str
    views: int
    is_total: bool = False


@dataclass
class GuideReadRow:
    unit: str
    rank: int | None
    title: str
    views: int
    url: str = ""
    page_id: int | None = None
    is_total: bool = False


def _reads(scope: Scope):
    reads = PageReadDay.objects.filter(day__gte=scope.period.start, day__lte=scope.period.end)
    if scope.unit_ids is not None:
        reads = reads.filter(page_id__in=ArticlePage.objects.filter(unit_id__in=scope.unit_ids).values("pk"))
    return reads


def _views_per_page_and_day(scope: Scope):
    return _reads(scope).values_list("page_id", "day", "views")


def _articles(page_ids) -> dict[int, ArticlePage]:
    return {
        page.pk: page
        for page in ArticlePage.objects.filter(pk__in=page_ids).only(
            "pk", "title", "url_path", "unit_id", "content_type_id"
        )
    }


def _url(page: ArticlePage) -> str:
    return page.get_url() or ""


def total_reads(scope: Scope) -> int:
    return _reads(scope).aggregate(total=Sum("views"))["total"] or 0


def reads_by_page(scope: Scope, type_slug: str | None = None) -> list[PageReadRow]:
    """One row per (period, page), most read first within a period, then the total row."""
    per_page: Counter = Counter()
    for page_id, day, views in _views_per_page_and_day(scope):
        per_page[(scope.bucket(day), page_id)] += views
    pages = _articles({page_id for _bucket, page_id in per_page})
    units = units_by_id()
    rows, total = [], 0
    for (bucket, page_id), views in sorted(per_page.items(), key=lambda item: (item[0][0].start, -item[1], item[0][1])):
        page = pages.get(page_id)
        if page is None:
            continue
        slug = article_type_of_content_type(page.content_type_id)
        if type_slug and slug != type_slug:
            continue
        unit = units.get(page.unit_id)
        rows.append(
            PageReadRow(
                period=bucket.label,
                title=page.title,
                unit=unit.name if unit else "",
                article_type=type_label(slug),
                views=views,
                url=_url(page),
                page_id=page.pk,
            )
        )
        total += views
    rows.append(PageReadRow(period=total_label(), title="", unit="", article_type="", views=total, is_total=True))
    return rows


def reads_by_unit(scope: Scope) -> list[UnitReadRow]:
    """One row per (period, unit, type) with the reads of the unit's articles of that type, then the total."""
    per_page_bucket: Counter = Counter()
    for page_id, day, views in _views_per_page_and_day(scope):
        per_page_bucket[(scope.bucket(day), page_id)] += views
    pages = dict(
        ArticlePage.objects.filter(pk__in={page_id for _b, page_id in per_page_bucket}).values_list("pk", "unit_id")
    )
    types = dict(ArticlePage.objects.filter(pk__in=pages).values_list("pk", "content_type_id"))
    grouped: Counter = Counter()
    for (bucket, page_id), views in per_page_bucket.items():
        if page_id in pages:
            grouped[(bucket, pages[page_id], article_type_of_content_type(types[page_id]))] += views
    units = units_by_id()
    order = list(article_types())
    rows = [
        UnitReadRow(
            period=bucket.label,
            unit=units[unit_id].name if unit_id in units else "",
            article_type=type_label(slug),
            views=views,
        )
        for (bucket, unit_id, slug), views in sorted(
            grouped.items(),
            key=lambda item: (
                item[0][0].start,
                unit_order(units.get(item[0][1])),
                order.index(item[0][2]) if item[0][2] in order else 99,
            ),
        )
    ]
    rows.append(UnitReadRow(period=total_label(), unit="", article_type="", views=sum(grouped.values()), is_total=True))
    return rows


def _live_guides(scope: Scope):
    guides = GuidePage.objects.live().filter(first_published_at__lt=period_bounds(scope.period)[1])
    return scope.filter_units(guides).only("pk", "title", "url_path", "unit_id")


def _guide_views(scope: Scope) -> Counter:
    views: Counter = Counter()
    guide_ids = GuidePage.objects.values("pk")
    for page_id, total in (
        _reads(scope)
        .filter(page_id__in=guide_ids)
        .values("page_id")
        .annotate(total=Sum("views"))
        .values_list("page_id", "total")
    ):
        views[page_id] = total
    return views


def most_read_guides(scope: Scope, limit: int = MOST_READ_PER_UNIT) -> list[GuideReadRow]:
    """Per unit, its `limit` most-read guides in the period (guides with at least one read)."""
    views = _guide_views(scope)
    units = units_by_id()
    per_unit = defaultdict(list)
    for guide in GuidePage.objects.filter(pk__in=list(views)).only("pk", "title", "url_path", "unit_id"):
        if scope.includes_unit(guide.unit_id):
            per_unit[guide.unit_id].append(guide)
    rows = []
    for unit_id in sorted(per_unit, key=lambda unit_id: unit_order(units.get(unit_id))):
        ranked = sorted(per_unit[unit_id], key=lambda guide: (-views[guide.pk], guide.title))[:limit]
        for rank, guide in enumerate(ranked, start=1):
            rows.append(
                GuideReadRow(
                    unit=units[unit_id].name,
                    rank=rank,
                    title=guide.title,
                    views=views[guide.pk],
                    url=_url(guide),
                    page_id=guide.pk,
                )
            )
    return rows


def unread_guides(scope: Scope) -> list[GuideReadRow]:
    """Per unit, the live guides (published by the end of the period) that nobody read in the period."""
    read = set(_guide_views(scope))
    units = units_by_id()
    guides = [guide for guide in _live_guides(scope) if guide.pk not in read]
    guides.sort(key=lambda guide: (unit_order(units.get(guide.unit_id)), guide.title))
    rows = [
        GuideReadRow(
            unit=units[guide.unit_id].name, rank=None, title=guide.title, views=0, url=_url(guide), page_id=guide.pk
        )
        for guide in guides
    ]
    return rows
