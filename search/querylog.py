"""Counting what citizens search for, and pinning editors' promoted pages to the top."""

from __future__ import annotations

from django.core.cache import cache
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone

from search.models import QueryLog
from search.text import fold_key, words

MAX_LOGGED_LENGTH = 255
PROMOTIONS_CACHE_KEY = "search:promotions"


def normalised(text: str) -> str:
    return " ".join(words(text))[:MAX_LOGGED_LENGTH]


def log_query(text: str, result_count: int) -> None:
    """Add one hit (and one zero-result hit when nothing was found) to today's row for the query."""
    query = normalised(text)
    if not query:
        return
    day = timezone.localdate()
    zero = 1 if result_count == 0 else 0
    today = QueryLog.objects.filter(day=day, query=query)
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # A statistic, not a record: after a server crash losing the last few counts is fine,
            # so the citizen does not wait for this commit to reach the disk.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
        updated = today.update(hits=F("hits") + 1, zero_hits=F("zero_hits") + zero)
        if not updated:
            try:
                with transaction.atomic():
                    QueryLog.objects.create(day=day, query=query, hits=1, zero_hits=zero)
            except IntegrityError:  # another request created it first
                today.update(hits=F("hits") + 1, zero_hits=F("zero_hits") + zero)


def promoted_pages(text: str) -> list:
    """Live pages the editors pinned for this query (Wagtail search promotions), in their order.

    The promotion's query and the citizen's are compared folded: a promotion for "đăng ký khai
    sinh" also answers "dang ky khai sinh". The (small) table of promotions is cached until a
    promotion changes.
    """
    from wagtail.models import Page

    key = " ".join(fold_key(word) for word in words(text))
    page_ids = promotion_map().get(key, []) if key else []
    if not page_ids:
        return []
    pages = Page.objects.live().in_bulk(page_ids)
    return [pages[page_id] for page_id in page_ids if page_id in pages]


def promotion_map() -> dict[str, list[int]]:
    """Folded query → promoted page ids, in the editors' order."""
    from wagtail.contrib.search_promotions.models import SearchPromotion

    mapping = cache.get(PROMOTIONS_CACHE_KEY)
    if mapping is None:
        mapping = {}
        rows = (
            SearchPromotion.objects.filter(page__isnull=False)
            .order_by("sort_order", "pk")
            .values_list("query__query_string", "page_id")
        )
        for query_string, page_id in rows:
            ids = mapping.setdefault(" ".join(fold_key(word) for word in words(query_string)), [])
            if page_id not in ids:
                ids.append(page_id)
        cache.set(PROMOTIONS_CACHE_KEY, mapping, 3600)
    return mapping


def forget_promotions(**kwargs) -> None:
    cache.delete(PROMOTIONS_CACHE_KEY)
