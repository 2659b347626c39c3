"""Preview links: a reviewer without an account (e.g. the expert who owns a procedure) reads a draft.

The public view shows one page's latest revision, read-only (GET only), for as long as the link is
neither expired nor revoked. The admin views, for anyone who may edit the page, create and revoke.
"""

from __future__ import annotations

import re
from datetime import timedelta

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST
from wagtail.admin import messages
from wagtail.models import Page

from editorial.models import PreviewLink

BODY_TAG = re.compile(r"(<body[^>]*>)", re.IGNORECASE)


class PreviewLinkForm(forms.Form):
    recipient = forms.CharField(
        label=gettext_lazy("Người nhận"),
        max_length=255,
        help_text=gettext_lazy("Ví dụ: chuyên viên phụ trách thủ tục, Sở Tư pháp."),
        error_messages={"required": gettext_lazy("Hãy ghi người nhận đường dẫn.")},
    )
    days = forms.IntegerField(
        label=gettext_lazy("Hiệu lực (ngày)"),
        min_value=1,
        max_value=PreviewLink.MAX_DAYS,
        initial=PreviewLink.DEFAULT_DAYS,
        error_messages={
            "required": gettext_lazy("Hãy ghi số ngày hiệu lực."),
            "invalid": gettext_lazy("Số ngày hiệu lực phải là số nguyên."),
            "min_value": gettext_lazy("Hiệu lực tối thiểu 1 ngày."),
            "max_value": gettext_lazy("Hiệu lực tối đa %(limit_value)s ngày."),
        },
    )


def _editable_page(request: HttpRequest, page_id: int) -> Page:
    page = get_object_or_404(Page, id=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


def manage_links(request: HttpRequest, page_id: int) -> HttpResponse:
    """List the page's links and create a new one (admin)."""
    page = _editable_page(request, page_id)
    form = PreviewLinkForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            link = PreviewLink.objects.create(
                page=page,
                recipient=form.cleaned_data["recipient"],
                created_by=request.user,
                expires_at=timezone.now() + timedelta(days=form.cleaned_data["days"]),
            )
            messages.success(
                request,
                _("Đã tạo đường dẫn xem trước cho %(recipient)s.") % {"recipient": link.recipient},
            )
            return redirect("editorial_preview_links", page.id)
        status = 400
    links = [
        {"link": link, "url": request.build_absolute_uri(reverse("shared_preview", args=[link.token]))}
        for link in page.preview_links.select_related("created_by")
    ]
    return render(
        request,
        "editorial/admin/preview_links.html",
        {"page": page, "form": form, "links": links},
        status=status,
    )


@require_POST
def revoke_link(request: HttpRequest, page_id: int, link_id: int) -> HttpResponse:
    page = _editable_page(request, page_id)
    link = get_object_or_404(PreviewLink, id=link_id, page=page)
    link.revoke()
    messages.success(request, _("Đã thu hồi đường dẫn xem trước của %(recipient)s.") % {"recipient": link.recipient})
    return redirect("editorial_preview_links", page.id)


@require_GET
def shared_preview(request: HttpRequest, token: str) -> HttpResponse:
    """The draft as the visitor will see it, with a banner; nothing else is reachable with the token."""
    link = PreviewLink.objects.usable().select_related("page").filter(token=token).first()
    if link is None:
        response = render(request, "editorial/preview_link_invalid.html", status=404)
    else:
        draft = link.page.get_latest_revision_as_object()
        response = draft.serve_preview(request, draft.default_preview_mode)
        if hasattr(response, "render"):
            response = response.render()
        banner = render_to_string("editorial/includes/preview_banner.html", {"link": link}, request=request)
        response.content = BODY_TAG.sub(lambda match: match.group(1) + banner, response.content.decode(), count=1)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response
