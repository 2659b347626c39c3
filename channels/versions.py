"""Which pages have an ethnic-language version: asked by every article page, known from the cache.

Most articles have none, and an uncached article page is held to ten SQL queries (docs/performance.md):
so the set of page ids with live versions is kept in Django's cache (shared through Redis in
production), dropped whenever a version row is saved or deleted (a publish writes them), and the
versions themselves are read only for the pages in it.
"""

from __future__ import annotations

from django.core.cache import cache

from channels.models import LanguageVersion

CACHE_KEY = "channels:pages-with-language-versions"
TIMEOUT = 60  # another process's per-process cache (no REDIS_URL) sees an edit within this


def pages_with_versions() -> frozenset[int]:
    return cache.get_or_set(
        CACHE_KEY, lambda: frozenset(LanguageVersion.objects.values_list("page_id", flat=True).distinct()), TIMEOUT
    )


def shown_versions(page) -> list[LanguageVersion]:
    """The page's live versions with a script or a recording, in their order."""
    if page.pk not in pages_with_versions():
        return []
    return [
        version
        for version in page.language_versions.select_related("language", "recording")
        if version.text.strip() or version.recording
    ]


def forget(sender, **kwargs) -> None:
    cache.delete(CACHE_KEY)
