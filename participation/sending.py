"""E-mail alerts: which new articles each subscription gets, sent at most once per address.

`send_alerts` (run by cron or a systemd timer, docs/participation.md) calls `send_due_alerts`.
Idempotent: the (subscription, page) pair is unique in the database and is claimed — committed
— before the message goes out, so a second run, or two runs at once, never send an article twice
to one address. A message the mail server refuses releases its claim and is retried next run; a
crash between the claim and the send loses that message rather than repeating it.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from articles.models import ArticlePage, article_types
from participation.mail import alert_headers, message, page_link, unsubscribe_link
from participation.models import Delivery, Frequency, Subscription

logger = logging.getLogger(__name__)

WEEK_DAYS = 7


@dataclass
class SendResult:
    messages: int = 0
    articles: int = 0
    failures: int = 0


def matching_articles(subscription: Subscription) -> QuerySet:
    """Live, public articles first published since the subscription started, matching its choices, not yet sent."""
    articles = ArticlePage.objects.live().public().filter(first_published_at__gte=subscription.since)
    area_ids = list(subscription.reform_areas.values_list("pk", flat=True))
    if area_ids:
        articles = articles.filter(reform_areas__in=area_ids)
    unit_ids = list(subscription.units.values_list("pk", flat=True))
    if unit_ids:
        articles = articles.filter(unit_id__in=unit_ids)
    if subscription.content_types:
        models = [model for slug, model in article_types().items() if slug in subscription.content_types]
        articles = articles.filter(content_type__in=ContentType.objects.get_for_models(*models).values())
    sent = Delivery.objects.filter(subscription=subscription, page_id=OuterRef("pk"))
    return (
        ArticlePage.objects.filter(pk__in=articles.values("pk"))
        .exclude(Exists(sent))
        .select_related("unit")
        .order_by("first_published_at", "pk")
    )


def weekly_digest_due(subscription: Subscription, today: datetime.date) -> bool:
    last = subscription.last_digest_at or subscription.since
    return (today - timezone.localdate(last)).days >= WEEK_DAYS


def claim(subscription: Subscription, pages: list[ArticlePage]) -> list[Delivery] | None:
    """Record the pages as sent to this subscription; None if another run already claimed one of them."""
    try:
        with transaction.atomic():
            return Delivery.objects.bulk_create([Delivery(subscription=subscription, page=page) for page in pages])
    except IntegrityError:
        return None


def send_claimed(subscription: Subscription, pages: list[ArticlePage], connection, weekly: bool) -> bool:
    if claim(subscription, pages) is None:
        return False
    articles = [
        {"title": page.title, "summary": page.summary, "unit": page.unit.name, "url": page_link(page)} for page in pages
    ]
    context = {"articles": articles, "unsubscribe_url": unsubscribe_link(subscription)}
    template = "alert_weekly" if weekly else "alert_immediate"
    email = message(template, context, subscription.email, headers=alert_headers(subscription))
    email.connection = connection
    try:
        email.send()
    except Exception:
        logger.exception("participation: alert to subscription %s failed; will retry", subscription.pk)
        Delivery.objects.filter(subscription=subscription, page__in=pages).delete()
        raise
    return True


def send_due_alerts(now: datetime.datetime | None = None) -> SendResult:
    """Immediate subscriptions: one message per new article. Weekly: one digest when a week has passed."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    result = SendResult()
    connection = get_connection()
    for subscription in Subscription.objects.order_by("pk"):
        pages = list(matching_articles(subscription))
        if not pages:
            continue
        weekly = subscription.frequency == Frequency.WEEKLY
        if weekly and not weekly_digest_due(subscription, today):
            continue
        batches = [pages] if weekly else [[page] for page in pages]
        for batch in batches:
            try:
                sent = send_claimed(subscription, batch, connection, weekly)
            except Exception:
                result.failures += 1
                continue
            if sent:
                result.messages += 1
                result.articles += len(batch)
                if weekly:
                    Subscription.objects.filter(pk=subscription.pk).update(last_digest_at=now)
    return result
