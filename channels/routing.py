"""Which article a channel URL (<article-url>phat-thanh/ …) belongs to, through Wagtail's own routing.

The channel URLs sit in front of Wagtail's catch-all. A request for <prefix>/phat-thanh/ is a
channel of <prefix> only when <prefix> routes, for the request's site, to a live article with no
view restriction that has no child of that slug; anything else (a section with an article slugged
"phat-thanh", a draft, a private page, no page at all) is served by Wagtail as the full path.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest
from wagtail.models import Site

from articles.models import ArticlePage


def public_article(request: HttpRequest, path: str, channel_slug: str) -> ArticlePage | None:
    site = Site.find_for_request(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    try:
        # Not Page.route_for_request: it caches its answer on the request, and the fallback must
        # be able to route the full path afterwards.
        page, args, kwargs = site.root_page.localized.specific.route(request, components)
    except Http404:
        return None
    if args or kwargs or not isinstance(page, ArticlePage) or not page.live:
        return None
    if page.get_view_restrictions().exists() or page.get_children().filter(slug=channel_slug).exists():
        return None
    return page
