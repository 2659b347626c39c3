"""Guides past their review date (GuidePage.next_review_due)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from articles.models import GuidePage
from reports.figures.common import unit_order, units_by_id
from reports.models import ReviewReminder
from reports.periods import Period


@dataclass
class OverdueRow:
    unit: str
    title: str
    next_review_due: datetime.date
    days_overdue: int
    last_reviewed: datetime.date | None
    last_reminder: datetime.date | None
    url: str = ""
    page_id: int | None = None
    unit_id: int | None = None


def overdue_guides_queryset(today: datetime.date, unit_ids=None):
    guides = GuidePage.objects.live().filter(next_review_due__lt=today)
    return guides if unit_ids is None else guides.filter(unit_id__in=unit_ids)


def overdue_guides(unit_ids, today: datetime.date, period: Period | None = None) -> list[OverdueRow]:
    """Live guides whose review date has passed by `today` (and, given a period, fell within it)."""
    guides = overdue_guides_queryset(today, unit_ids)
    if period is not None:
        guides = guides.filter(next_review_due__gte=period.start, next_review_due__lte=period.end)
    units = units_by_id()
    reminders = {}
    for unit_id, day in ReviewReminder.objects.order_by("day").values_list("unit_id", "day"):
        reminders[unit_id] = day
    rows = [
        OverdueRow(
            unit=units[guide.unit_id].name if guide.unit_id in units else "",
            title=guide.title,
            next_review_due=guide.next_review_due,
            days_overdue=(today - guide.next_review_due).days,
            last_reviewed=guide.last_reviewed,
            last_reminder=reminders.get(guide.unit_id),
            url=guide.get_url() or "",
            page_id=guide.pk,
            unit_id=guide.unit_id,
        )
        for guide in guides.only("pk", "title", "url_path", "unit_id", "next_review_due", "last_reviewed")
    ]
    rows.sort(key=lambda row: (unit_order(units.get(row.unit_id)), row.next_review_due, row.title))
    return rows
