"""Small tables every public page reads, kept in Django's cache between requests.

The reform areas, the units, the site matching the request's host and its contact details are
read by every page (navigation, footer, search filters) and edited a few times a year. Each is
cached whole and dropped the moment a row changes (see `connect`). With the default per-process
cache (no REDIS_URL) another worker process sees an edit after at most SHARED_TIMEOUT seconds.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

SHARED_TIMEOUT = 60
REFORM_AREAS_KEY = "home:reform-areas"
UNITS_KEY = "home:units"
SITE_KEY_PREFIX = "home:site:"
SITES_GENERATION_KEY = "home:sites-generation"
CONTACT_KEY_PREFIX = "home:site-contact:"

Value = TypeVar("Value")


def reform_areas() -> list:
    """The six reform areas in their display order."""
    from home.models import ReformArea

    return cache.get_or_set(REFORM_AREAS_KEY, lambda: list(ReformArea.objects.all()), SHARED_TIMEOUT)


def units() -> list:
    """Every unit in its display order."""
    from home.models import Unit

    return cache.get_or_set(UNITS_KEY, lambda: list(Unit.objects.all()), SHARED_TIMEOUT)


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


def forget_reform_areas(**kwargs) -> None:
    cache.delete(REFORM_AREAS_KEY)


def forget_units(**kwargs) -> None:
    cache.delete(UNITS_KEY)


def forget_sites(**kwargs) -> None:
    """Any Site or page change may change which site (and root page) serves a host: start afresh."""
    try:
        cache.incr(SITES_GENERATION_KEY)
    except ValueError:  # not cached yet, or evicted: the next lookup starts a generation
        cache.delete(SITES_GENERATION_KEY)


def forget_sites_for_page(sender, instance, **kwargs) -> None:
    from wagtail.models import Page

    if isinstance(instance, Page):
        forget_sites()


def forget_site_contact(sender, instance, **kwargs) -> None:
    cache.delete(f"{CONTACT_KEY_PREFIX}{instance.site_id}")


def connect() -> None:
    from wagtail.models import Site

    from home.models import ReformArea, SiteContact, Unit

    receivers = [
        (ReformArea, forget_reform_areas),
        (Unit, forget_units),
        (Site, forget_sites),
        (SiteContact, forget_site_contact),
    ]
    for model, receiver in receivers:
        name = model.__name__
        post_save.connect(receiver, sender=model, dispatch_uid=f"home.cache.saved.{name}")
        post_delete.connect(receiver, sender=model, dispatch_uid=f"home.cache.deleted.{name}")
    # A site's cached root page goes stale when that page is renamed or moved. Page saves are rare
    # next to page views, so every one of them starts a new generation. (Each page type is its own
    # sender, hence no `sender=` here.)
    post_save.connect(forget_sites_for_page, dispatch_uid="home.cache.page_saved")
    post_delete.connect(forget_sites_for_page, dispatch_uid="home.cache.page_deleted")
