"""E-mail to citizens: plain Vietnamese text, absolute links, sent with Django's configured backend."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse


def absolute_url(path_or_url: str) -> str:
    """Links in e-mail are absolute: WAGTAILADMIN_BASE_URL + path (a URL that is already absolute stays)."""
    if path_or_url.startswith(("http://", "https://")):
        return path_or_url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path_or_url


def page_link(page) -> str:
    return absolute_url(page.get_url() or page.url_path)


def unsubscribe_link(subscription) -> str:
    return absolute_url(reverse("participation_unsubscribe", args=[subscription.token]))


def message(template: str, context: dict, to: str, headers: dict | None = None) -> EmailMessage:
    """An e-mail from templates/participation/email/<template>_subject.txt and _body.txt."""
    subject = render_to_string(f"participation/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"participation/email/{template}_body.txt", context)
    return EmailMessage(subject=" ".join(subject.split()), body=body, to=[to], headers=headers or {})


def alert_headers(subscription) -> dict:
    """RFC 2369 / RFC 8058: mail programs show an "unsubscribe" button that works in one click."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_link(subscription)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
