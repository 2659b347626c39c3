"""What the articles add to pages below them: the home page's listings."""

from django.http import HttpRequest
from wagtail import hooks

from articles.models import NEWEST_FIRST, GuidePage, NewsPage

HOME_LISTING_SIZE = 6


def _cards(model):
    """Live public articles with what a card shows (unit, areas) fetched once for all cards."""
    return model.objects.live().public().select_related("unit").prefetch_related("reform_areas")


@hooks.register("construct_home_page_context")
def home_page_listings(page, request: HttpRequest, context: dict) -> None:
    """The latest news, and the guides the editors featured (else the latest guides)."""
    context["latest_news"] = _cards(NewsPage).order_by(*NEWEST_FIRST)[:HOME_LISTING_SIZE]
    featured_ids = [block["value"] for block in page.featured_guides.raw_data if block["value"]]
    featured = []
    if featured_ids:
        found = _cards(GuidePage).in_bulk(featured_ids)
        featured = [found[pk] for pk in featured_ids if pk in found]
    if not featured:
        featured = list(_cards(GuidePage).order_by(*NEWEST_FIRST)[:HOME_LISTING_SIZE])
    context["featured_guides"] = featured
