"""Which result citizens open after a query: counted without personal data, used once visits agree.

A result link goes through /tim-kiem/mo/?q=…&page=… (search.views.click), which counts the open and
redirects to the page. What is kept:

* QueryClick: per day, normalised query (fold keys) and page, the number of distinct visits;
* ClickVisit: today's keyed hashes of (address, query, page), only to count one visit once; the key
  (ClickSecret) is random, made each day, and deleted with the hashes of earlier days, so nothing
  stored can be traced back to an address. No address, cookie or user is stored.

Opens are rate-limited per address (SEARCH_CLICK_RATE, django-ratelimit); an address over its
limit is still redirected but not counted. In the ranking, a page counts for a query once
SEARCH_CLICK_MIN_VISITS distinct visits in the last SEARCH_CLICK_DAYS days opened it and it holds
at least SEARCH_CLICK_MIN_SHARE of the query's opens.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from home.text import fold_key, words
from search.models import ClickSecret, ClickVisit, QueryClick
from search.query import clean_query_text

CACHE_PREFIX = "search:clicks:"
CACHE_SECONDS = 300
MAX_KEY_LENGTH = 255
ENABLED = {"clicks": True}


def min_visits() -> int:
    return getattr(settings, "SEARCH_CLICK_MIN_VISITS", 5)


def window_days() -> int:
    return getattr(settings, "SEARCH_CLICK_DAYS", 90)


def min_share() -> float:
    return getattr(settings, "SEARCH_CLICK_MIN_SHARE", 0.3)


def click_key(text: str) -> str:
    """The query as clicks are counted for it: fold keys, so "Khai sinh" and "khai sinh" agree."""
    return " ".join(fold_key(word) for word in words(clean_query_text(text)))[:MAX_KEY_LENGTH]


def _cache_key(key: str) -> str:
    return CACHE_PREFIX + hashlib.sha256(key.encode()).hexdigest()


def agreed_pages(text: str) -> dict[int, float]:
    """Pages enough independent visits opened for this query: page id → share of the query's opens."""
    key = click_key(text)
    if not ENABLED["clicks"] or not key:
        return {}
    return cache.get_or_set(_cache_key(key), lambda: _load_agreed(key), CACHE_SECONDS)


def _load_agreed(key: str) -> dict[int, float]:
    since = timezone.localdate() - datetime.timedelta(days=window_days())
    rows = list(
        QueryClick.objects.filter(query=key, day__gte=since)
        .values("page_id")
        .annotate(visits=Sum("visits"))
        .values_list("page_id", "visits")
    )
    total = sum(visits for _page_id, visits in rows)
    return {
        page_id: visits / total for page_id, visits in rows if visits >= min_visits() and visits / total >= min_share()
    }


def _today_secret(today: datetime.date) -> str:
    found = ClickSecret.objects.filter(day=today).values_list("secret", flat=True).first()
    if found:
        return found
    # A new day: forget the earlier days' key and hashes, so yesterday's visits can no longer be linked.
    ClickSecret.objects.filter(day__lt=today).delete()
    ClickVisit.objects.filter(day__lt=today).delete()
    try:
        with transaction.atomic():
            return ClickSecret.objects.create(day=today, secret=secrets.token_hex(32)).secret
    except IntegrityError:  # another process made it first
        return ClickSecret.objects.get(day=today).secret


def record(address: str, text: str, page_id: int) -> bool:
    """Count one open of `page_id` from the results of `text`; False when this visit was counted already."""
    key = click_key(text)
    if not key:
        return False
    today = timezone.localdate()
    secret = _today_secret(today)
    digest = hmac.new(secret.encode(), f"{address}\n{key}\n{page_id}".encode(), hashlib.sha256).hexdigest()
    try:
        with transaction.atomic():
            ClickVisit.objects.create(day=today, digest=digest)
    except IntegrityError:
        return False
    with transaction.atomic():
        updated = QueryClick.objects.filter(day=today, query=key, page_id=page_id).update(visits=F("visits") + 1)
        if not updated:
            try:
                with transaction.atomic():
                    QueryClick.objects.create(day=today, query=key, page_id=page_id, visits=1)
            except IntegrityError:
                QueryClick.objects.filter(day=today, query=key, page_id=page_id).update(visits=F("visits") + 1)
    cache.delete(_cache_key(key))
    return True
