"""The channels of one article: radio script, SMS, printable bulletin, talking points.

Each is served only for a live, public article (channels.routing); any other path falls through to
Wagtail, which answers it as it would without the channels.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site
from wagtail.views import serve

from channels import printing, shortlinks, sms
from channels.models import LanguageVersion
from channels.radio.script import language_script, options_of, radio_script
from channels.routing import public_article
from channels.talking_points import talking_points_context

CHANNEL_SLUGS = ("phat-thanh", "tin-nhan", "ban-in", "de-cuong")


def plain_text(text: str, status: int = 200) -> HttpResponse:
    return HttpResponse(text, status=status, content_type="text/plain; charset=utf-8")


def not_found_text(message: str) -> HttpResponse:
    return plain_text(message + "\n", status=404)


@require_GET
def article_channel(request: HttpRequest, path: str, channel: str) -> HttpResponse:
    page = public_article(request, path, channel)
    if page is None:
        return serve(request, f"{path}{channel}/")
    view = {
        "phat-thanh": radio,
        "tin-nhan": text_message,
        "ban-in": print_view,
        "de-cuong": talking_points,
    }[channel]
    return view(request, page)


def radio(request: HttpRequest, page) -> HttpResponse:
    site = Site.find_for_request(request)
    code = request.GET.get("ngon-ngu", "").strip()
    if code:
        version = (
            LanguageVersion.objects.filter(page=page, language__code=code.lower()).select_related("language").first()
        )
        if version is None:
            return not_found_text(
                _("Bài này chưa có bản phát thanh bằng ngôn ngữ có mã “%(code)s”.") % {"code": code[:20]}
            )
        script = language_script(version, site)
        response = plain_text(script.as_plain_text())
        response["Content-Language"] = version.language.lang_attribute
        return response
    script = radio_script(page, site)
    response = plain_text(script.as_plain_text())
    response["Content-Language"] = "vi"
    return response


def sms_for(page, request, keep_diacritics: bool) -> sms.Sms:
    options = options_of(page)
    text = options.sms_text.strip() if options and options.sms_text.strip() else page.title
    return sms.compose(text, shortlinks.short_url(page, request), keep_diacritics=keep_diacritics)


def text_message(request: HttpRequest, page) -> HttpResponse:
    keep = request.GET.get("dau", "") == "1"
    message = sms_for(page, request, keep)
    response = plain_text(message.text)
    response["X-SMS-Encoding"] = message.encoding
    response["X-SMS-Length"] = str(message.length)
    return response


def print_view(request: HttpRequest, page) -> HttpResponse:
    context = printing.article_context(request, page)
    if request.GET.get("pdf") == "1":
        return printing.pdf_response(request, "channels/print_article.html", context, page.slug)
    return TemplateResponse(request, "channels/print_article.html", context)


def talking_points(request: HttpRequest, page) -> HttpResponse:
    return TemplateResponse(request, "channels/talking_points.html", talking_points_context(request, page))


@require_GET
def short_link(request: HttpRequest, code: str) -> HttpResponse:
    page_id = shortlinks.decode(code)
    page = Page.objects.live().public().filter(pk=page_id).first() if page_id is not None else None
    if page is None:
        raise Http404(_("Đường dẫn ngắn không tồn tại hoặc bài đã gỡ."))
    url = page.get_url(request)
    if not url:
        raise Http404(_("Đường dẫn ngắn không tồn tại hoặc bài đã gỡ."))
    return redirect(url)
