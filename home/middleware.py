"""Finding the Wagtail Site of a request from the cache instead of a query per request."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from wagtail.models import Site

from home import caching


class CachedSiteMiddleware:
    """Sets `request._wagtail_site`, which Wagtail's `Site.find_for_request` reads first."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # The raw host, as Wagtail uses: ALLOWED_HOSTS is enforced by Django when the view asks.
        hostname = split_domain_port(request._get_raw_host())[0]
        port = request.get_port()
        request._wagtail_site = caching.site_for_host(hostname, port, lambda: Site._find_for_request(request))
        return self.get_response(request)
