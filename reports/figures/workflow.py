"""The editorial workflow per unit, from Wagtail's WorkflowState and TaskState records.

- submitted: workflows started in the period (a draft sent for review; a resubmission after a
  send-back continues the same workflow, so it is not counted again);
- approved: workflows whose last approval (which publishes) falls in the period;
- sent back: send-backs (rejected task states, either step) in the period;
- median days from submission to publication, over the workflows approved in the period.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Max, Q
from django.utils import timezone
from wagtail.models import Page, TaskState, WorkflowState

from articles.models import ArticlePage
from reports.figures.common import Scope, period_bounds, total_label, unit_order, units_by_id

SECONDS_PER_DAY = 86_400


@dataclass
class WorkflowRow:
    period: str
    unit: str
    submitted: int = 0
    approved: int = 0
    sent_back: int = 0
    median_days: float | None = None
    is_total: bool = False
    durations: list = field(default_factory=list, repr=False)

    def settle(self) -> None:
        self.median_days = round(statistics.median(self.durations), 1) if self.durations else None

    @property
    def median_days_text(self) -> str:
        return "" if self.median_days is None else f"{self.median_days:.1f}".replace(".", ",")


def _local_day(moment):
    return timezone.localtime(moment).date()


def _page_states():
    return WorkflowState.objects.filter(base_content_type=ContentType.objects.get_for_model(Page))


def _article_units(object_ids) -> dict[str, int]:
    ids = [int(object_id) for object_id in object_ids if str(object_id).isdigit()]
    return {str(pk): unit_id for pk, unit_id in ArticlePage.objects.filter(pk__in=ids).values_list("pk", "unit_id")}


def workflow_rows(scope: Scope) -> list[WorkflowRow]:
    """One row per (period, unit) with any workflow event, then the total row."""
    start, end = period_bounds(scope.period)
    states = _page_states()
    started = list(states.filter(created_at__gte=start, created_at__lt=end).values_list("object_id", "created_at"))
    # The moment an approved workflow finished is that of its last approved task (the publication).
    approved = list(
        states.filter(status=WorkflowState.STATUS_APPROVED)
        .annotate(finished=Max("task_states__finished_at", filter=Q(task_states__status=TaskState.STATUS_APPROVED)))
        .filter(finished__gte=start, finished__lt=end)
        .values_list("object_id", "created_at", "finished")
    )
    rejected = list(
        TaskState.objects.filter(
            status=TaskState.STATUS_REJECTED, workflow_state__in=states, finished_at__gte=start, finished_at__lt=end
        ).values_list("workflow_state__object_id", "finished_at")
    )

    unit_of = _article_units({row[0] for row in started + approved + rejected})
    units = units_by_id()
    rows: dict[tuple, WorkflowRow] = {}
    total = WorkflowRow(period=total_label(), unit="", is_total=True)

    def row_for(object_id, moment) -> WorkflowRow | None:
        unit_id = unit_of.get(str(object_id))
        if unit_id is None or not scope.includes_unit(unit_id):
            return None
        bucket = scope.bucket(_local_day(moment))
        key = (bucket.start, unit_order(units.get(unit_id)))
        if key not in rows:
            rows[key] = WorkflowRow(period=bucket.label, unit=units[unit_id].name if unit_id in units else "")
        return rows[key]

    for object_id, created in started:
        if row := row_for(object_id, created):
            row.submitted += 1
            total.submitted += 1
    for object_id, created, finished in approved:
        if row := row_for(object_id, finished):
            days = (finished - created).total_seconds() / SECONDS_PER_DAY
            row.approved += 1
            row.durations.append(days)
            total.approved += 1
            total.durations.append(days)
    for object_id, finished in rejected:
        if row := row_for(object_id, finished):
            row.sent_back += 1
            total.sent_back += 1
    result = [rows[key] for key in sorted(rows)] + [total]
    for row in result:
        row.settle()
    return result
