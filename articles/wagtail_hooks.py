"""What the articles add to pages below them: the home page's listings."""

from django.http import HttpRequest
from wagtail import hooks

from articles.models import GuidePage, NewsPage

HOME_LISTING_SIZE = 6


@hooks.register("construct_home_page_context")
def home_page_listings(page, request: HttpRequest, context: dict) -> None:
    """The latest news, and the guides the editors featured (else the latest guides)."""
    context["latest_news"] = (
        NewsPage.objects.live().public().select_related("unit").order_by("-date", "-pk")[:HOME_LISTING_SIZE]
    )
    featured = [block.value.specific for block in page.featured_guides if block.value and block.value.live]
    if not featured:
        featured = list(
            GuidePage.objects.live().public().select_related("unit").order_by("-date", "-pk")[:HOME_LISTING_SIZE]
        )
    context["featured_guides"] = featured
