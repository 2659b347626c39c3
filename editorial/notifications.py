"""Email to the next approvers when a page reaches the unit's review (step 1).

Step 2 (ProvincialApprovalTask) is a group approval task, so Wagtail's own notifier already writes
to its group; the author's "sent back" (with the reason) and "approved" emails are Wagtail's too.
All of them are rendered in the recipient's admin language, Vietnamese by default (locale/vi).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.admin.mail import BaseGroupApprovalTaskStateEmailNotifier
from wagtail.models import TaskState

from editorial.models import UnitReviewTask


class UnitReviewSubmissionEmailNotifier(BaseGroupApprovalTaskStateEmailNotifier):
    """Writes to the reviewers of the submitted page's own unit, never to other units' reviewers."""

    notification = "submitted"

    def can_handle(self, instance, **kwargs) -> bool:
        return isinstance(instance, TaskState) and isinstance(instance.task.specific, UnitReviewTask)

    def get_recipient_users(self, task_state: TaskState, **kwargs):
        task = task_state.task.specific
        recipients = set(task.reviewers_for(task_state.workflow_state.content_object))
        if getattr(settings, "WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS", True):
            recipients |= set(get_user_model().objects.filter(is_superuser=True, is_active=True))
        triggering_user = kwargs.get("user")
        return {user for user in recipients if triggering_user is None or user.pk != triggering_user.pk}


unit_review_submission_notifier = UnitReviewSubmissionEmailNotifier()
