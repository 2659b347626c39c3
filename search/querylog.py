"""Counting what citizens search for, and pinning editors' promoted pages to the top."""

from __future__ import annotations

from django.core.cache import cache
from django.db import connection
from django.utils import timezone
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page

from home.caching import SHARED_TIMEOUT
from home.text import fold_key, words
from search.models import QueryLog

MAX_LOGGED_LENGTH = 255
PROMOTIONS_CACHE_KEY = "search:promotions"


def normalised(text: str) -> str:
    return " ".join(words(text))[:MAX_LOGGED_LENGTH]


def log_query(text: str, result_count: int) -> None:
    """Add one hit (and one zero-result hit when nothing was found) to today's row for the query.

    One statement in autocommit, as an upsert (SQLite and PostgreSQL share the syntax): the
    citizen waits for a single round trip, and concurrent requests for a new query cannot clash.
    """
    query = normalised(text)
    if not query:
        return
    table = connection.ops.quote_name(QueryLog._meta.db_table)
    day, hits, zero_hits = (connection.ops.quote_name(name) for name in ("day", "hits", "zero_hits"))
    sql = (
        f"INSERT INTO {table} ({day}, query, {hits}, {zero_hits}) VALUES (%s, %s, 1, %s) "
        f"ON CONFLICT ({day}, query) DO UPDATE SET {hits} = {table}.{hits} + 1, "
        f"{zero_hits} = {table}.{zero_hits} + excluded.{zero_hits}"
    )
    with connection.cursor() as cursor:
        today = connection.ops.adapt_datefield_value(timezone.localdate())
        cursor.execute(sql, [today, query, 1 if result_count == 0 else 0])


def promoted_pages(text: str) -> list:
    """Live pages the editors pinned for this query (Wagtail search promotions), in their order.

    The promotion's query and the citizen's are compared folded: a promotion for "đăng ký khai
    sinh" also answers "dang ky khai sinh". The (small) table of promotions is cached until a
    promotion changes.
    """
    key = " ".join(fold_key(word) for word in words(text))
    page_ids = promotion_map().get(key, []) if key else []
    if not page_ids:
        return []
    pages = Page.objects.live().in_bulk(page_ids)
    return [pages[page_id] for page_id in page_ids if page_id in pages]


def promotion_map() -> dict[str, list[int]]:
    """Folded query → promoted page ids, in the editors' order."""

    def load() -> dict[str, list[int]]:
        mapping: dict[str, list[int]] = {}
        rows = (
            SearchPromotion.objects.filter(page__isnull=False)
            .order_by("sort_order", "pk")
            .values_list("query__query_string", "page_id")
        )
        for query_string, page_id in rows:
            ids = mapping.setdefault(" ".join(fold_key(word) for word in words(query_string)), [])
            if page_id not in ids:
                ids.append(page_id)
        return mapping

    return cache.get_or_set(PROMOTIONS_CACHE_KEY, load, SHARED_TIMEOUT)


def forget_promotions(**kwargs) -> None:
    cache.delete(PROMOTIONS_CACHE_KEY)
