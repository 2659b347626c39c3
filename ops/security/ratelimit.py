"""Rate limits per client address on the views named in RATE_LIMITS (the search page, autocomplete).

A flood from one address gets 429 with a Vietnamese message and Retry-After; everyone else is
served as usual. Counters are django-ratelimit's, in the default cache: per process without
Redis, shared by every worker and app server with REDIS_URL. The address is CLIENT_IP_HEADER's
(REMOTE_ADDR unless a trusted proxy sets X-Real-IP).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage

RETRY_AFTER_SECONDS = 60


class RateLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> HttpResponse | None:
        if not settings.RATELIMIT_ENABLE:
            return None
        name = request.resolver_match.url_name if request.resolver_match else None
        rate = settings.RATE_LIMITS.get(name)
        if rate is None:
            return None
        usage = get_usage(request, group=f"ops:{name}", key="ip", rate=rate, increment=True)
        if usage is None or not usage["should_limit"]:
            return None
        message = _("Bạn gửi quá nhiều yêu cầu tìm kiếm trong thời gian ngắn. Vui lòng đợi một phút rồi thử lại.")
        if name == "search_autocomplete":
            response = JsonResponse({"error": message}, status=429, json_dumps_params={"ensure_ascii": False})
        else:
            response = TemplateResponse(request, "ops/rate_limited.html", {"message": message}, status=429)
            response.render()
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
