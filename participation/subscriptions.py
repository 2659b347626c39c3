"""Double opt-in without storing anything first: the confirmation link carries the signed request.

Signing up sends a link whose token is the address and its choices, signed with SECRET_KEY
(django.core.signing) and valid PARTICIPATION_CONFIRMATION_DAYS. Only opening it creates (or
updates) the Subscription, so an address someone else typed in is never kept.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from articles.models import article_types
from home.models import ReformArea, Unit
from participation.mail import absolute_url, message
from participation.models import Frequency, Subscription

SALT = "participation.subscription"


def request_token(cleaned: dict) -> str:
    payload = {
        "email": cleaned["email"],
        "areas": sorted(area.slug for area in cleaned["areas"]),
        "units": sorted(unit.slug for unit in cleaned["units"]),
        "types": sorted(cleaned["types"]),
        "frequency": cleaned["frequency"],
    }
    return signing.dumps(payload, salt=SALT, compress=True)


def read_token(token: str) -> dict | None:
    """The signed request, or None if the link was altered or is older than the allowed days."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=settings.PARTICIPATION_CONFIRMATION_DAYS * 86400)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("email"), str):
        return None
    if payload.get("frequency") not in Frequency.values:
        return None
    return payload


def send_confirmation(cleaned: dict) -> None:
    link = absolute_url(reverse("participation_subscribe_confirm", args=[request_token(cleaned)]))
    context = {
        "link": link,
        "days": settings.PARTICIPATION_CONFIRMATION_DAYS,
        "areas": list(cleaned["areas"]),
        "units": list(cleaned["units"]),
        "types": [str(model._meta.verbose_name) for slug, model in article_types().items() if slug in cleaned["types"]],
        "frequency": Frequency(cleaned["frequency"]).label,
    }
    message("subscribe_confirm", context, cleaned["email"]).send()


@transaction.atomic
def confirm(payload: dict) -> Subscription:
    """Create the subscription, or replace the choices of the address's existing one."""
    now = timezone.now()
    subscription, created = Subscription.objects.get_or_create(
        email=payload["email"], defaults={"frequency": payload["frequency"], "confirmed_at": now, "since": now}
    )
    if not created:
        subscription.frequency = payload["frequency"]
        subscription.confirmed_at = now
        subscription.since = now
    subscription.content_types = [slug for slug in payload.get("types", []) if slug in article_types()]
    subscription.save()
    subscription.reform_areas.set(ReformArea.objects.filter(slug__in=payload.get("areas", [])))
    subscription.units.set(Unit.objects.filter(slug__in=payload.get("units", [])))
    return subscription


def unsubscribe(token: str) -> bool:
    deleted, _detail = Subscription.objects.filter(token=token).delete()
    return bool(deleted)
