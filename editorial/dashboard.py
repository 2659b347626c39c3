"""Editor dashboard panels: what was sent back to me, and each unit's articles by status.

"Waiting for my review" is Wagtail's own panel, fed by UnitReviewTask.get_task_states_user_can_moderate,
so a reviewer sees exactly their own unit's submissions there.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState

from articles.models import ArticlePage
from editorial.models import ProvincialApprovalTask, UnitReviewTask
from editorial.roles import is_provincial_approver, units_of
from home.models import Unit

DRAFT = "draft"
UNIT_REVIEW = "unit_review"
PROVINCIAL_REVIEW = "provincial_review"
SENT_BACK = "sent_back"
LIVE = "live"

STATUS_COLUMNS = [
    (DRAFT, _("Bản nháp")),
    (UNIT_REVIEW, _("Chờ đơn vị duyệt")),
    (PROVINCIAL_REVIEW, _("Chờ cấp tỉnh phê duyệt")),
    (SENT_BACK, _("Bị trả lại")),
    (LIVE, _("Đã xuất bản")),
]


@dataclass
class UnitRow:
    unit: Unit
    counts: list[int]


def workflow_status_by_page() -> dict[int, str]:
    """Page id → UNIT_REVIEW / PROVINCIAL_REVIEW / SENT_BACK for every page in an active workflow."""
    page_type = ContentType.objects.get_for_model(Page)
    unit_task_type = ContentType.objects.get_for_model(UnitReviewTask)
    provincial_task_type = ContentType.objects.get_for_model(ProvincialApprovalTask)
    statuses = {}
    rows = (
        WorkflowState.objects.active()
        .filter(base_content_type=page_type)
        .values_list("object_id", "status", "current_task_state__task__content_type")
    )
    for object_id, status, task_type in rows:
        if status == WorkflowState.STATUS_NEEDS_CHANGES:
            statuses[int(object_id)] = SENT_BACK
        elif task_type == unit_task_type.pk:
            statuses[int(object_id)] = UNIT_REVIEW
        elif task_type == provincial_task_type.pk:
            statuses[int(object_id)] = PROVINCIAL_REVIEW
    return statuses


def unit_status_rows(unit_ids: set[int] | None) -> list[UnitRow]:
    """Counts per unit (all units when unit_ids is None); a live page with a pending draft counts once, by its draft."""
    in_workflow = workflow_status_by_page()
    pages = ArticlePage.objects.all()
    units = Unit.objects.all()
    if unit_ids is not None:
        pages = pages.filter(unit_id__in=unit_ids)
        units = units.filter(pk__in=unit_ids)
    counts: Counter[tuple[int, str]] = Counter()
    for page_id, unit_id, live in pages.values_list("pk", "unit_id", "live"):
        status = in_workflow.get(page_id) or (LIVE if live else DRAFT)
        counts[(unit_id, status)] += 1
    rows = [UnitRow(unit, [counts[(unit.pk, key)] for key, _label in STATUS_COLUMNS]) for unit in units]
    return [row for row in rows if any(row.counts) or unit_ids is not None]


class SentBackToMePanel(Component):
    name = "articles_sent_back_to_me"
    template_name = "editorial/admin/dashboard_sent_back.html"
    order = 205

    def __init__(self, user) -> None:
        self.user = user

    def get_context_data(self, parent_context):
        states = (
            WorkflowState.objects.filter(status=WorkflowState.STATUS_NEEDS_CHANGES, requested_by=self.user)
            .select_related("current_task_state__task", "current_task_state__finished_by")
            .order_by("-current_task_state__finished_at")
        )
        items = []
        for state in states[:20]:
            page = Page.objects.filter(pk=int(state.object_id)).first()
            if page is not None:
                items.append({"page": page, "task_state": state.current_task_state})
        return {"items": items}


class UnitStatusPanel(Component):
    name = "articles_unit_status"
    template_name = "editorial/admin/dashboard_unit_status.html"
    order = 230

    def __init__(self, user) -> None:
        self.user = user

    def get_context_data(self, parent_context):
        unit_ids = None if is_provincial_approver(self.user) else units_of(self.user)
        rows = unit_status_rows(unit_ids) if unit_ids is None or unit_ids else []
        return {"columns": [label for _key, label in STATUS_COLUMNS], "rows": rows}
