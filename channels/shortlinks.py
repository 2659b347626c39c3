"""Short links (/s/<code>/) for SMS and print: the code is the page id in base 36, nothing stored."""

from __future__ import annotations

import string

from django.urls import reverse

DIGITS = string.digits + string.ascii_lowercase


def encode(number: int) -> str:
    if number < 0:
        raise ValueError(number)
    code = ""
    while True:
        number, rest = divmod(number, 36)
        code = DIGITS[rest] + code
        if not number:
            return code


def decode(code: str) -> int | None:
    if not code or len(code) > 12 or any(ch not in DIGITS for ch in code):
        return None
    return int(code, 36)


def short_path(page) -> str:
    return reverse("channels_short_link", args=[encode(page.pk)])


def short_url(page, request=None) -> str:
    """The absolute short link on the page's own site."""
    site = page.get_site()
    root = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    return root + short_path(page)
