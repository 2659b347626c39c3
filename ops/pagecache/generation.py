"""The cache generation: part of every page-cache key, bumped to forget every cached page at once.

With Redis (REDIS_URL) the generation lives in Redis, so every worker of every app server sees a
bump on its next request. Without Redis each worker process has its own local-memory cache, and
the generation lives in a small file (PAGE_CACHE_GENERATION_FILE) that every worker on the host
reads once per request (a few microseconds): a bump (a new random value put in place atomically)
reaches all of them.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.core.cache import caches

GENERATION_KEY = "pagecache:generation"


def shared_cache() -> bool:
    """True when the page cache lives in a service every process shares (Redis)."""
    backend = settings.CACHES[settings.PAGE_CACHE_ALIAS]["BACKEND"]
    return "locmem" not in backend.lower() and "dummy" not in backend.lower()


def current() -> str:
    if shared_cache():
        cache = caches[settings.PAGE_CACHE_ALIAS]
        value = cache.get(GENERATION_KEY)
        if value is None:
            value = secrets.token_hex(4)
            # add(): two processes starting a generation at once agree on the first one.
            if not cache.add(GENERATION_KEY, value, None):
                value = cache.get(GENERATION_KEY) or value
        return str(value)
    path = settings.PAGE_CACHE_GENERATION_FILE
    try:
        with open(path, encoding="ascii") as handle:
            return handle.read()
    except FileNotFoundError:
        bump()
        with open(path, encoding="ascii") as handle:
            return handle.read()


def bump() -> None:
    """Forget every cached page, in every process."""
    if shared_cache():
        caches[settings.PAGE_CACHE_ALIAS].set(GENERATION_KEY, secrets.token_hex(8), None)
        return
    path = Path(settings.PAGE_CACHE_GENERATION_FILE)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    temporary.write_text(secrets.token_hex(8))
    os.replace(temporary, path)
    # The local-memory store of this process holds pages of the old generation: drop them now
    # (other processes' entries are simply never asked for again and expire).
    caches[settings.PAGE_CACHE_ALIAS].clear()
