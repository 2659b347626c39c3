"""/tim-kiem/mo/: a citizen opened a result (search.clicks counts it, without personal data).

GET ?q=…&page=<id> records the open and redirects (302) to the page; POST with the same fields
(the small beacon of static/js/search-clicks.js, sent when a result link is followed) records it
and answers 204. Only a live, public article can be the target, so this is never an open
redirect; anything else is 400 with a Vietnamese message. Per client address, at most
SEARCH_CLICK_RATE opens are counted (django-ratelimit); beyond it the citizen is still
redirected, the open is not counted.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import is_ratelimited

from articles.models import ArticlePage
from search import clicks
from search.query import MAX_QUERY_LENGTH, clean_query_text
from search.views.params import first

MAX_PAGE_ID_DIGITS = 10


def _bad_request(message: str) -> HttpResponse:
    response = HttpResponseBadRequest(
        f'<!doctype html><html lang="vi"><meta charset="utf-8"><title>{escape(_("Yêu cầu không hợp lệ"))}</title>'
        f"<p>{escape(message)}</p></html>",
        content_type="text/html; charset=utf-8",
    )
    return response


def _counted(request: HttpRequest) -> bool:
    """False once this address is over its budget of counted opens (the open still goes through)."""
    if not getattr(settings, "RATELIMIT_ENABLE", True):
        return True
    return not is_ratelimited(
        request,
        group="search:open",
        key="ip",
        rate=getattr(settings, "SEARCH_CLICK_RATE", "30/h"),
        increment=True,
    )


@csrf_exempt  # a count, never a change on behalf of a user: no session or cookie is read
@never_cache
@require_http_methods(["GET", "POST"])
def open_result(request: HttpRequest) -> HttpResponse:
    params = request.POST if request.method == "POST" else request.GET
    raw_query, raw_page = first(params, "q"), first(params, "page")
    if not raw_page.isdigit() or len(raw_page) > MAX_PAGE_ID_DIGITS:
        return _bad_request(_("Thiếu mã trang hoặc mã trang không hợp lệ."))
    text = clean_query_text(raw_query)
    if not clicks.click_key(text) or len(raw_query) > MAX_QUERY_LENGTH * 4:
        return _bad_request(_("Thiếu từ khóa tìm kiếm hoặc từ khóa không hợp lệ."))
    page = ArticlePage.objects.live().public().filter(pk=int(raw_page)).first()
    if page is None:
        return _bad_request(_("Không có trang này, hoặc trang chưa được công bố."))
    if _counted(request):
        clicks.record(
            request.META.get(settings.RATELIMIT_IP_META_KEY) or request.META.get("REMOTE_ADDR", ""), text, page.pk
        )
    if request.method == "POST":
        return HttpResponse(status=204)
    return HttpResponseRedirect(page.get_url(request))
