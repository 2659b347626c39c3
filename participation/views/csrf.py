from django.http import HttpRequest, JsonResponse
from django.middleware.csrf import get_token
from django.views.decorators.http import require_GET

from participation.protection import uncached


@require_GET
def csrf_token(request: HttpRequest) -> JsonResponse:
    """A CSRF token for the forms of cached pages; sets (or keeps) the csrftoken cookie. Never cached."""
    return uncached(JsonResponse({"token": get_token(request)}))
