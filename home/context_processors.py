from django.http import HttpRequest

from home.models import ReformArea


def site_navigation(request: HttpRequest) -> dict:
    """The six reform areas, listed in every page's navigation and footer."""
    return {"nav_reform_areas": ReformArea.objects.cached()}
