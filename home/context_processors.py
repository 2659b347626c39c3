from django.http import HttpRequest

from home import caching


def site_navigation(request: HttpRequest) -> dict:
    """The six reform areas, listed in every page's navigation and footer."""
    return {"nav_reform_areas": caching.reform_areas()}
