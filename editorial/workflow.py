"""The one editorial workflow: unit review (step 1), then provincial approval (step 2), which publishes.

Created idempotently after every migrate (editorial.signals) and assigned to the home page, so it
covers every index, unit section and article.
"""

from __future__ import annotations

from django.db import transaction
from wagtail.models import Page, Task, Workflow, WorkflowPage, WorkflowTask

from articles.tree import ensure_home_page
from editorial.models import ProvincialApprovalTask, UnitReviewTask
from editorial.roles import ensure_approver_group, ensure_roles

WORKFLOW_NAME = "Duyệt tin bài: đơn vị → cấp tỉnh"
UNIT_TASK_NAME = "Lãnh đạo đơn vị duyệt"
PROVINCIAL_TASK_NAME = "Phê duyệt cấp tỉnh"


@transaction.atomic
def ensure_workflow() -> Workflow:
    unit_task = UnitReviewTask.objects.filter(name=UNIT_TASK_NAME).first() or UnitReviewTask.objects.create(
        name=UNIT_TASK_NAME
    )
    provincial_task = ProvincialApprovalTask.objects.filter(
        name=PROVINCIAL_TASK_NAME
    ).first() or ProvincialApprovalTask.objects.create(name=PROVINCIAL_TASK_NAME)
    provincial_task.groups.add(ensure_approver_group())
    for task in (unit_task, provincial_task):
        if not task.active:
            task.active = True
            task.save(update_fields=["active"])

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first() or Workflow.objects.create(name=WORKFLOW_NAME)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    for position, task in enumerate((unit_task, provincial_task)):
        WorkflowTask.objects.update_or_create(workflow=workflow, task=task, defaults={"sort_order": position})

    home = ensure_home_page()
    WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    retire_wagtail_defaults(workflow)
    return workflow


def retire_wagtail_defaults(workflow: Workflow) -> None:
    """Wagtail's first migration leaves an English "Moderators approval" workflow on the root page and
    a root page titled "Root": ours replaces the first, and editors see both names in the admin."""
    for default in Workflow.objects.filter(name="Moderators approval").exclude(pk=workflow.pk):
        default.deactivate()
        default.name = "Quy trình mặc định của Wagtail (không dùng)"
        default.save(update_fields=["name"])
    for task in Task.objects.filter(name="Moderators approval"):
        task.deactivate()
        task.name = "Nhóm Moderators duyệt (không dùng)"
        task.save(update_fields=["name"])
    Page.objects.filter(depth=1, title="Root").update(title="Gốc", draft_title="Gốc")


def editorial_workflow() -> Workflow | None:
    return Workflow.objects.filter(name=WORKFLOW_NAME).first()


@transaction.atomic
def ensure_editorial_setup() -> Workflow:
    """Everything the editorial chain needs, idempotently: roles first, then the workflow using them."""
    ensure_roles()
    return ensure_workflow()
