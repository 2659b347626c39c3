"""What editors see of a page's feedback: the yes/no counts and the comments, newest first."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from articles.models import ArticlePage
from participation.access import visible_unit_ids
from participation.feedback import accepts_feedback
from participation.models import Feedback

COMMENTS_PER_PAGE = 50


def may_see_page_feedback(user, page: ArticlePage) -> bool:
    ids = visible_unit_ids(user)
    return ids is None or page.unit_id in ids or page.permissions_for_user(user).can_edit()


def page_feedback(request: HttpRequest, page_id: int) -> HttpResponse:
    page = ArticlePage.objects.filter(pk=page_id).select_related("unit").first()
    if page is None or not accepts_feedback(page.specific):
        raise Http404(_("Trang này không nhận ý kiến đánh giá."))
    if not may_see_page_feedback(request.user, page):
        raise PermissionDenied
    feedback = Feedback.objects.filter(page=page)
    counts = feedback.aggregate(yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False)))
    comments = Paginator(feedback.exclude(comment="").order_by("-created_at", "-pk"), COMMENTS_PER_PAGE)
    context = {
        "page": page,
        "helpful": counts["yes"],
        "not_helpful": counts["no"],
        "comments": comments.get_page(request.GET.get("p")),
    }
    return TemplateResponse(request, "participation/admin/page_feedback.html", context)
