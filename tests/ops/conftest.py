"""Shared helpers of the production-hardening tests (ops)."""

from __future__ import annotations

import os
import socket

import pytest

TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/1")


def redis_or_skip() -> str:
    """The Redis of the tests; skipped when none answers, a failure when REDIS_REQUIRED=1 (CI)."""
    import redis

    try:
        redis.Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=1).ping()
    except Exception as error:
        message = f"Không kết nối được Redis {TEST_REDIS_URL}: {error}"
        if os.environ.get("REDIS_REQUIRED") == "1":
            pytest.fail(message + " REDIS_REQUIRED=1: kiểm thử với Redis là bắt buộc.")
        pytest.skip(message)
    return TEST_REDIS_URL


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def redis_cache(settings):
    """The page cache and the default cache on a real Redis (db of the tests), emptied after."""
    from django.core.cache import caches

    url = redis_or_skip()
    backend = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    settings.CACHES = {"default": backend, "pages": {**backend, "KEY_PREFIX": "pages"}}
    caches["default"].clear()
    yield url
    caches["default"].clear()
