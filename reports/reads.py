"""Counting reads of articles on the server, with no cookie and no personal data.

How a read reaches us: every article page carries a tiny static script (static/js/reads.js)
that, once the page is visible, sends one POST to /luot-doc/ with the page's id (and a
<noscript> 1×1 image for readers without JavaScript). The request is never cached, so a page
served from the whole-page cache (or nginx's) is still counted; docs/reports.md says why this
was chosen over counting in a middleware.

What is kept: (page, day) → number of reads. No IP address, no cookie, no User-Agent is stored;
requests from known robots (BOT_MARKERS, matched in the User-Agent) are not counted.

Like the search log (search.querylog), a read never writes to the database on its request: the
counts wait in this process and are written after a response has gone out, at most every
READS_FLUSH_SECONDS, in one short transaction (and when the process exits).
"""

from __future__ import annotations

import datetime
import logging
import threading
import time

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from articles.models import ArticlePage
from reports.models import PageReadDay

logger = logging.getLogger(__name__)
MAX_BUFFERED = 2_000
MAX_PAGE_ID = 2**31 - 1

# Lower-case fragments of the User-Agent of crawlers, link previewers, monitors and scripts.
# A read is counted only for a User-Agent that names none of them (and is not empty).
BOT_MARKERS = (
    "bot",  # Googlebot, bingbot, coccocbot, YandexBot, Applebot, DuckDuckBot, AhrefsBot …
    "crawl",
    "spider",
    "slurp",  # Yahoo
    "facebookexternalhit",
    "facebookcatalog",
    "zalo",  # Zalo's link preview
    "preview",
    "headless",  # HeadlessChrome, PhantomJS-like automation
    "lighthouse",
    "pingdom",
    "uptime",
    "monitor",
    "python-requests",
    "python-urllib",
    "aiohttp",
    "httpx",
    "curl",
    "wget",
    "go-http-client",
    "java/",
    "okhttp",
    "libwww",
    "scrapy",
)


def is_bot(user_agent: str) -> bool:
    agent = (user_agent or "").lower()
    return not agent or any(marker in agent for marker in BOT_MARKERS)


class ReadBuffer:
    """Today's reads counted in this process, written now and then in one transaction."""

    def __init__(self) -> None:
        self.counts: dict[tuple[int, datetime.date], int] = {}
        self.lock = threading.Lock()
        self.last_flush = time.monotonic()

    def add(self, page_id: int, day: datetime.date) -> None:
        with self.lock:
            key = (page_id, day)
            self.counts[key] = self.counts.get(key, 0) + 1

    def due(self) -> bool:
        interval = getattr(settings, "READS_FLUSH_SECONDS", 30)
        return bool(self.counts) and (
            time.monotonic() - self.last_flush >= interval or len(self.counts) >= MAX_BUFFERED
        )

    def flush(self) -> int:
        """Write the buffered counts (one upsert per page and day); returns the rows written.

        Ids that are not an article (a made-up id, a page deleted meanwhile) are dropped here.
        """
        with self.lock:
            pending, self.counts = self.counts, {}
            self.last_flush = time.monotonic()
        if not pending:
            return 0
        try:
            known = set(
                ArticlePage.objects.filter(pk__in={page_id for page_id, _day in pending}).values_list("pk", flat=True)
            )
            rows = [
                (page_id, connection.ops.adapt_datefield_value(day), views)
                for (page_id, day), views in sorted(pending.items())
                if page_id in known
            ]
            if rows:
                table = connection.ops.quote_name(PageReadDay._meta.db_table)
                sql = (
                    f"INSERT INTO {table} (page_id, day, views) VALUES (%s, %s, %s) "
                    f"ON CONFLICT (page_id, day) DO UPDATE SET views = {table}.views + excluded.views"
                )
                with transaction.atomic(), connection.cursor() as cursor:
                    cursor.executemany(sql, rows)
        except DatabaseError:
            logger.warning("Chưa ghi được lượt đọc (%s dòng); sẽ ghi lần sau.", len(pending), exc_info=True)
            with self.lock:
                for key, views in pending.items():
                    self.counts[key] = self.counts.get(key, 0) + views
            return 0
        return len(rows)


buffer = ReadBuffer()


def flush_if_due(**kwargs) -> None:
    """request_finished: the response has been sent; write the buffered reads if it is time."""
    if buffer.due():
        buffer.flush()


def count_read(request: HttpRequest, page_id: int) -> bool:
    """Count one read of `page_id` today unless the request comes from a robot or another site."""
    if is_bot(request.headers.get("User-Agent", "")):
        return False
    if request.headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
        return False  # a read is sent by our own page, never from another site
    buffer.add(page_id, timezone.localdate())
    return True


def page_id_from(value: str | None) -> int | None:
    if value is None or not value.isdigit() or len(value) > 10:
        return None
    page_id = int(value)
    return page_id if 0 < page_id <= MAX_PAGE_ID else None


@csrf_exempt  # the counter changes nothing a visitor owns and the cached page carries no token
@never_cache
@require_http_methods(["GET", "POST"])
def read_beacon(request: HttpRequest) -> HttpResponse:
    """POST p=<page id> (the script) or GET ?p=<page id> (the <noscript> image): 204, no body, no cookie."""
    page_id = page_id_from(request.POST.get("p") if request.method == "POST" else request.GET.get("p"))
    if page_id is None:
        return HttpResponse("Mã trang không hợp lệ.", status=400, content_type="text/plain; charset=utf-8")
    count_read(request, page_id)
    if request.method == "GET":
        return HttpResponse(TRANSPARENT_GIF, content_type="image/gif")
    return HttpResponse(status=204)


# The smallest transparent GIF, answered to the <noscript> image.
TRANSPARENT_GIF = bytes.fromhex(
    "47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b"
)


def beacon_html(page, request, position: str) -> str:
    """`article_page_extras` hook: the read counter at the end of every live article (never in previews)."""
    if position != "end" or request is None or getattr(request, "is_preview", False) or not page.live:
        return ""
    return render_to_string("reports/includes/read_beacon.html", {"page_id": page.pk})
