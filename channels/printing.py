"""Print views for notice boards and legal bookcases: A4 HTML, QR codes, and the same page as PDF.

The PDF is the print view's own HTML rendered by WeasyPrint (Debian's pango). WeasyPrint fetches
nothing from the network: its URL fetcher reads /static/ from the static files and /media/ from
MEDIA_ROOT and refuses every other address, so the fonts (DejaVu, vendored under static/fonts/)
and images come from our own files.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

import segno
import weasyprint
from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from weasyprint.urls import URLFetcher, URLFetcherResponse

from channels import shortlinks


def qr_svg(url: str, label: str) -> SafeString:
    """An inline SVG QR code (error correction M) of the URL, titled for screen readers."""
    code = segno.make(url, error="m")
    svg = code.svg_inline(scale=4, border=2, title=label, svgclass="qr-code", lineclass="qr-line")
    return mark_safe(svg.replace("<svg ", '<svg role="img" focusable="false" ', 1))


def qr_figure(url: str, element_id: str = "qr") -> SafeString:
    label = _("Mã QR dẫn tới %(url)s") % {"url": url}
    return format_html(
        '<figure class="qr" id="{}">{}<figcaption>{}<br><span class="qr__url">{}</span></figcaption></figure>',
        element_id,
        qr_svg(url, label),
        _("Quét mã để đọc bài trên điện thoại:"),
        url,
    )


def article_context(request: HttpRequest, page) -> dict:
    short = shortlinks.short_url(page, request)
    return {
        "page": page,
        "short_url": short,
        "full_url": page.get_full_url(request),
        "qr": qr_figure(short),
        "pdf_url": "?pdf=1",
    }


def _local_file(url: str) -> Path | None:
    path = unquote(urlsplit(url).path)
    if path.startswith(settings.STATIC_URL):
        relative = path[len(settings.STATIC_URL) :]
        found = finders.find(relative)
        if found:
            return Path(found)
        candidate = Path(settings.STATIC_ROOT) / relative
        return candidate if candidate.is_file() else None
    if path.startswith(settings.MEDIA_URL):
        root = Path(settings.MEDIA_ROOT).resolve()
        candidate = (root / path[len(settings.MEDIA_URL) :]).resolve()
        if root in candidate.parents and candidate.is_file():
            return candidate
    return None


class LocalFetcher(URLFetcher):
    """WeasyPrint's fetcher limited to data: URLs and our own static and media files."""

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        found = _local_file(url)
        if found is None:
            raise ValueError(f"not a local file: {url}")
        mime_type = mimetypes.guess_type(found.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=found.read_bytes(), headers={"Content-Type": mime_type})


def render_pdf(request: HttpRequest, template: str, context: dict) -> bytes:
    html = render_to_string(template, {**context, "for_pdf": True}, request=request)
    document = weasyprint.HTML(
        string=html,
        base_url=request.build_absolute_uri("/"),
        url_fetcher=LocalFetcher(allowed_protocols=["data", "http", "https"]),
    )
    return document.write_pdf()


def pdf_response(request: HttpRequest, template: str, context: dict, filename: str) -> HttpResponse:
    response = HttpResponse(render_pdf(request, template, context), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}.pdf"'
    return response
