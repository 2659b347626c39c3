"""/healthz: is this app server able to answer? For the load balancer and the operators' monitor.

200 {"status": "ok", ...} when the database, the search backend and the cache answer; 503 naming
each one that failed. Answered by `HealthCheckMiddleware` near the top of the stack, before any
middleware that needs the database (the site lookup, sessions), so a dead database gives 503 and
not a 500. Never cached, never rate-limited, plain HTTP allowed (SECURE_REDIRECT_EXEMPT).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

logger = logging.getLogger(__name__)


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_search() -> None:
    backend = get_search_backend()
    client = getattr(backend, "es", None)
    if client is not None:  # Elasticsearch / OpenSearch
        client.info()
    else:  # the database backend: its index table must be readable
        IndexEntry.objects.exists()


def check_cache() -> None:
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "1", 10)
    if cache.get(key) != "1":
        raise RuntimeError("cache did not return what was stored")
    cache.delete(key)


CHECKS = {"database": check_database, "search": check_search, "cache": check_cache}


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as error:
            logger.error("healthz: %s failed: %s", name, error)
            results[name] = f"lỗi: {type(error).__name__}"
        else:
            results[name] = "ok"
    failed = [name for name, result in results.items() if result != "ok"]
    return JsonResponse(
        {"status": "ok" if not failed else "lỗi", "checks": results, "failed": failed},
        status=503 if failed else 200,
        json_dumps_params={"ensure_ascii": False},
    )


class HealthCheckMiddleware:
    path = "/healthz"

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info == self.path:
            return healthz(request)
        return self.get_response(request)
