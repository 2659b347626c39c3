"""Small tables every public page reads, kept in Django's cache between requests.

The reform areas, the units, the site matching the request's host and its contact details are
read by every page (navigation, footer, search filters) and edited a few times a year. Each is
cached whole and dropped the moment a row changes (the receivers below, connected by
home.apps). With the default per-process cache (no REDIS_URL) another worker process sees an
edit after at most SHARED_TIMEOUT seconds.

Model-free on purpose: home.models reads through it, so it imports no model of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from wagtail.models import Page

SHARED_TIMEOUT = 60
TABLE_KEY_PREFIX = "home:table:"
SITE_KEY_PREFIX = "home:site:"
SITES_GENERATION_KEY = "home:sites-generation"
CONTACT_KEY_PREFIX = "home:site-contact:"

Value = TypeVar("Value")


def table_key(model) -> str:
    return f"{TABLE_KEY_PREFIX}{model._meta.label_lower}"


def table(model) -> list:
    """Every row of a small table (reform areas, units) in its default order."""
    return cache.get_or_set(table_key(model), lambda: list(model._default_manager.all()), SHARED_TIMEOUT)


def site_for_host(hostname: str, port: int | str, find: Callable[[], object]) -> object:
    """The Wagtail Site answering this host and port (`find` is Wagtail's own lookup).

    A miss is cached too (as False), so an unknown host does not query on every request.
    """
    generation = cache.get_or_set(SITES_GENERATION_KEY, 1, None)
    key = f"{SITE_KEY_PREFIX}{generation}:{hostname}:{port}"
    site = cache.get_or_set(key, lambda: find() or False, SHARED_TIMEOUT)
    return site or None


def site_contact(site_id: int, load: Callable[[], Value]) -> Value:
    return cache.get_or_set(f"{CONTACT_KEY_PREFIX}{site_id}", load, SHARED_TIMEOUT)


def forget_table(sender, **kwargs) -> None:
    cache.delete(table_key(sender))


def forget_sites(**kwargs) -> None:
    """Any Site or page change may change which site (and root page) serves a host: start afresh."""
    try:
        cache.incr(SITES_GENERATION_KEY)
    except ValueError:  # not cached yet, or evicted: the next lookup starts a generation
        cache.delete(SITES_GENERATION_KEY)


def forget_sites_for_page(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        forget_sites()


def forget_site_contact(sender, instance, **kwargs) -> None:
    cache.delete(f"{CONTACT_KEY_PREFIX}{instance.site_id}")
