"""Reminders to a unit's contributors about its guides past their review date (send_review_reminders).

At most one e-mail per unit per day: the ReviewReminder row for (unit, day) is written in the same
transaction as the sending, so a second run the same day sends nothing, two runs at once send
once (the unique constraint), and a failed send leaves no row, so the next run tries again.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from home.models import Unit
from reports.figures.guides import overdue_guides_queryset
from reports.models import ReviewReminder


@dataclass
class Outcome:
    unit: Unit
    guides: int
    recipients: int
    status: str  # "sent", "already_sent", "no_recipients", "dry_run"


def contributors_of(unit: Unit) -> list:
    users = get_user_model().objects.filter(is_active=True, groups__contributor_of__unit=unit).exclude(email="")
    return list(users.distinct().order_by("username"))


def _message(unit: Unit, guides: list, today: datetime.date, recipient) -> EmailMessage:
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    items = [
        {
            "title": guide.title,
            "due": guide.next_review_due,
            "days": (today - guide.next_review_due).days,
            "edit_url": base + reverse("wagtailadmin_pages:edit", args=[guide.pk]),
        }
        for guide in guides
    ]
    subject = _("[CCHC Cao Bằng] %(count)s hướng dẫn của %(unit)s đã quá hạn rà soát") % {
        "count": len(guides),
        "unit": unit.name,
    }
    body = render_to_string(
        "reports/email/review_reminder.txt",
        {
            "unit": unit,
            "guides": items,
            "today": today,
            "recipient": recipient,
            "report_url": base + reverse("reports_overdue_guides"),
        },
    )
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient.email])


def send_review_reminders(today: datetime.date, *, dry_run: bool = False) -> list[Outcome]:
    guides_by_unit = defaultdict(list)
    for guide in overdue_guides_queryset(today).order_by("next_review_due", "title"):
        guides_by_unit[guide.unit_id].append(guide)
    outcomes = []
    for unit in Unit.objects.filter(pk__in=guides_by_unit).order_by("sort_order", "name"):
        guides = guides_by_unit[unit.pk]
        recipients = contributors_of(unit)
        if ReviewReminder.objects.filter(unit=unit, day=today).exists():
            outcomes.append(Outcome(unit, len(guides), len(recipients), "already_sent"))
            continue
        if not recipients:
            outcomes.append(Outcome(unit, len(guides), 0, "no_recipients"))
            continue
        if dry_run:
            outcomes.append(Outcome(unit, len(guides), len(recipients), "dry_run"))
            continue
        try:
            with transaction.atomic():
                ReviewReminder.objects.create(unit=unit, day=today, guides=len(guides), recipients=len(recipients))
                connection = get_connection()
                connection.send_messages([_message(unit, guides, today, user) for user in recipients])
        except IntegrityError:
            outcomes.append(Outcome(unit, len(guides), len(recipients), "already_sent"))
            continue
        outcomes.append(Outcome(unit, len(guides), len(recipients), "sent"))
    return outcomes
