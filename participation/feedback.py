"""The "Trang này có hữu ích không?" form at the end of every guide and FAQ page (article_page_extras)."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string

from articles.models import FaqPage, GuidePage
from participation.forms import HONEYPOT_FIELD, FeedbackForm

FEEDBACK_TYPES = (GuidePage, FaqPage)


def accepts_feedback(page) -> bool:
    return isinstance(page, FEEDBACK_TYPES)


def page_extras(page, request: HttpRequest | None, position: str) -> str:
    """The stylesheet in <head>; at the end, the form (no CSRF token: the page may be cached)."""
    if not accepts_feedback(page) or getattr(request, "is_preview", False) or not page.live:
        return ""
    if position == "head":
        return render_to_string("participation/includes/head.html", request=None)
    if position == "end":
        context = {"page": page, "form": FeedbackForm(), "honeypot": HONEYPOT_FIELD}
        # Rendered without the request: no {% csrf_token %}, nothing personal, safe to cache.
        return render_to_string("participation/includes/feedback_form.html", context)
    return ""
