"""The periodic report as PDF: the print page rendered by WeasyPrint (needs Debian's pango)."""

from __future__ import annotations

from django.contrib.staticfiles import finders
from weasyprint import CSS, HTML

STYLESHEET = "css/periodic-report.css"


def refuse_fetch(url: str, *args, **kwargs):
    """The report needs nothing from the network: its stylesheet is passed in and it has no images."""
    raise ValueError(f"Không tải tài nguyên ngoài khi tạo PDF: {url}")


def render(html: str) -> bytes:
    stylesheet = CSS(filename=finders.find(STYLESHEET))
    return HTML(string=html, url_fetcher=refuse_fetch).write_pdf(stylesheets=[stylesheet])
