"""Serve whole pages to anonymous visitors from the cache; store only what is safe to share.

Served from the cache only when the request is a GET from a visitor who cannot be logged in (no
session cookie, no messages cookie, no Authorization header) for a path outside
PAGE_CACHE_EXCLUDED_PREFIXES. Stored only when the response is a 200 HTML page that sets no cookie,
used no CSRF token, varies on nothing but the (single) language, and was not marked private or
uncacheable. docs/caching.md explains why each rule exists.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse
from django.utils.cache import cc_delim_re

from ops.pagecache import generation

HIT_HEADER = "X-Page-Cache"
# Headers a cached copy keeps; everything per-request (cookies, CSP, request id, dates) is added
# again on the way out by the middleware around this one.
KEPT_HEADERS = ("Content-Type", "Content-Language", "Vary", "Link", "X-Robots-Tag", "X-Frame-Options")
# A response that varies on any of these may differ between visitors.
PER_VISITOR_VARY = {"cookie", "authorization", "*"}


def _request_may_be_personal(request: HttpRequest) -> bool:
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies or "HTTP_AUTHORIZATION" in request.META


def cacheable_request(request: HttpRequest) -> bool:
    if not settings.PAGE_CACHE_ENABLED or request.method != "GET":
        return False
    if request.path_info.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PREFIXES)):
        return False
    return not _request_may_be_personal(request)


def cacheable_response(request: HttpRequest, response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    if response.cookies:
        return False
    # {% csrf_token %} was rendered (or get_token called): the page holds this visitor's token.
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False
    if b"csrfmiddlewaretoken" in response.content:
        return False
    vary = {item.strip().lower() for item in cc_delim_re.split(response.get("Vary", "")) if item.strip()}
    if vary & PER_VISITOR_VARY:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-cache", "no-store")):
        return False
    user = getattr(request, "user", None)
    if user is not None and getattr(request, "_cached_user", None) is not None and user.is_authenticated:
        return False
    return not getattr(request, "is_preview", False)


def cache_key(request: HttpRequest, current_generation: str) -> str | None:
    try:
        host = request.get_host()
    except DisallowedHost:
        return None  # the normal path answers 400
    url = f"{request.scheme}://{host}{request.get_full_path()}"
    digest = hashlib.sha256(url.encode("utf-8", "surrogateescape")).hexdigest()
    return f"page:{current_generation}:{digest}"


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not cacheable_request(request):
            return self.get_response(request)
        cache = caches[settings.PAGE_CACHE_ALIAS]
        key = cache_key(request, generation.current())
        if key is None:
            return self.get_response(request)
        stored = cache.get(key)
        if stored is not None:
            headers, content = stored
            response = HttpResponse(content, headers=headers)
            response[HIT_HEADER] = "hit"
            return response
        response = self.get_response(request)
        if cacheable_response(request, response):
            headers = {name: response[name] for name in KEPT_HEADERS if name in response}
            cache.set(key, (headers, response.content))
            response[HIT_HEADER] = "miss"
        return response
