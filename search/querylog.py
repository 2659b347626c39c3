"""Counting what citizens search for, and pinning editors' promoted pages to the top."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from search.models import QueryLog
from search.text import fold_key, words

MAX_LOGGED_LENGTH = 255


def normalised(text: str) -> str:
    return " ".join(words(text))[:MAX_LOGGED_LENGTH]


def log_query(text: str, result_count: int) -> None:
    """Add one hit (and one zero-result hit when nothing was found) to today's row for the query."""
    query = normalised(text)
    if not query:
        return
    day = timezone.localdate()
    zero = 1 if result_count == 0 else 0
    updated = QueryLog.objects.filter(day=day, query=query).update(hits=F("hits") + 1, zero_hits=F("zero_hits") + zero)
    if not updated:
        try:
            with transaction.atomic():
                QueryLog.objects.create(day=day, query=query, hits=1, zero_hits=zero)
        except IntegrityError:  # another request created it first
            QueryLog.objects.filter(day=day, query=query).update(hits=F("hits") + 1, zero_hits=F("zero_hits") + zero)


def promoted_pages(text: str) -> list:
    """Live pages the editors pinned for this query (Wagtail search promotions), in their order.

    The promotion's query and the citizen's are compared folded: a promotion for "đăng ký khai
    sinh" also answers "dang ky khai sinh".
    """
    from wagtail.contrib.search_promotions.models import SearchPromotion

    key = " ".join(fold_key(word) for word in words(text))
    if not key:
        return []
    promotions = (
        SearchPromotion.objects.filter(page__isnull=False, page__live=True)
        .select_related("query", "page")
        .order_by("sort_order")
    )
    pages = []
    for promotion in promotions:
        if " ".join(fold_key(word) for word in words(promotion.query.query_string)) == key:
            if promotion.page not in pages:
                pages.append(promotion.page)
    return pages
