"""Counting what citizens search for, and pinning editors' promoted pages to the top."""

from __future__ import annotations

import datetime
import logging
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection, transaction
from django.utils import timezone
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page

from home.caching import SHARED_TIMEOUT
from home.text import fold_key, words
from search.models import QueryLog

MAX_LOGGED_LENGTH = 255
MAX_BUFFERED = 500
logger = logging.getLogger(__name__)
PROMOTIONS_CACHE_KEY = "search:promotions"


def normalised(text: str) -> str:
    return " ".join(words(text))[:MAX_LOGGED_LENGTH]


class QueryLogBuffer:
    """Today's searches counted in this process and written in one short transaction now and then.

    A search is a read: writing its log row on the request would make every citizen's search
    queue for the database's write lock (SQLite has one). The counts wait here and are written
    after a response has gone out (`flush_if_due`, on Django's request_finished) at most every
    QUERY_LOG_FLUSH_SECONDS, and when the process exits. If the write fails (the lock stays
    taken), the counts are kept for the next flush: a search never fails because of its log.
    """

    def __init__(self) -> None:
        self.counts: dict[tuple[datetime.date, str], list[int]] = {}
        self.lock = threading.Lock()
        self.last_flush = time.monotonic()

    def add(self, day: datetime.date, query: str, zero: bool) -> None:
        with self.lock:
            counts = self.counts.setdefault((day, query), [0, 0])
            counts[0] += 1
            counts[1] += int(zero)

    def due(self) -> bool:
        interval = getattr(settings, "QUERY_LOG_FLUSH_SECONDS", 30)
        return bool(self.counts) and (
            time.monotonic() - self.last_flush >= interval or len(self.counts) >= MAX_BUFFERED
        )

    def flush(self) -> int:
        """Write the buffered counts (one upsert per query, one transaction); returns the rows written."""
        with self.lock:
            pending, self.counts = self.counts, {}
            self.last_flush = time.monotonic()
        if not pending:
            return 0
        table = connection.ops.quote_name(QueryLog._meta.db_table)
        day, hits, zero_hits = (connection.ops.quote_name(name) for name in ("day", "hits", "zero_hits"))
        sql = (
            f"INSERT INTO {table} ({day}, query, {hits}, {zero_hits}) VALUES (%s, %s, %s, %s) "
            f"ON CONFLICT ({day}, query) DO UPDATE SET {hits} = {table}.{hits} + excluded.{hits}, "
            f"{zero_hits} = {table}.{zero_hits} + excluded.{zero_hits}"
        )
        rows = [
            (connection.ops.adapt_datefield_value(key[0]), key[1], counts[0], counts[1])
            for key, counts in sorted(pending.items())
        ]
        try:
            if len(rows) == 1:  # one statement is atomic by itself: no transaction round trips
                with connection.cursor() as cursor:
                    cursor.execute(sql, rows[0])
            else:
                with transaction.atomic(), connection.cursor() as cursor:
                    cursor.executemany(sql, rows)
        except DatabaseError:
            logger.warning("Chưa ghi được nhật ký tìm kiếm (%s truy vấn); sẽ ghi lần sau.", len(rows), exc_info=True)
            with self.lock:
                for key, counts in pending.items():
                    kept = self.counts.setdefault(key, [0, 0])
                    kept[0] += counts[0]
                    kept[1] += counts[1]
            return 0
        return len(rows)


buffer = QueryLogBuffer()


def log_query(text: str, result_count: int) -> None:
    """Count one search of `text` today (and one zero-result search when nothing was found)."""
    query = normalised(text)
    if query:
        buffer.add(timezone.localdate(), query, result_count == 0)


def flush_if_due(**kwargs) -> None:
    """request_finished: the response has been sent; write the buffered counts if it is time."""
    if buffer.due():
        buffer.flush()


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
