"""Keeping the editorial chain complete: roles and workflow after migrate, groups for new units,
and the e-mail to a unit's own reviewers when a page reaches step 1."""

from wagtail.models import Page, TaskState

from editorial.models import UnitReviewTask
from editorial.notifications import unit_review_submission_notifier
from editorial.roles import ensure_unit_roles
from editorial.workflow import ensure_editorial_setup
from home.models import Unit


def give_unit_its_roles(sender, instance: Unit, raw: bool = False, **kwargs) -> None:
    if not raw:
        # Its sections (if missing), collection and two editor groups, with their permissions.
        ensure_unit_roles(instance)


def set_up_after_migrate(sender, **kwargs) -> None:
    ensure_editorial_setup()


def hand_over_review_after_move(sender, instance, parent_page_before, parent_page_after, **kwargs) -> None:
    """post_page_move: a page waiting for its unit's review that moved to another unit now waits
    for the new unit's reviewers (UnitReviewTask reads the unit from the page), who are told."""
    if parent_page_before.pk == parent_page_after.pk:
        return
    state = Page.objects.get(pk=instance.pk).current_workflow_task_state
    if state is not None and isinstance(state.task.specific, UnitReviewTask):
        unit_review_submission_notifier(state.specific)


def notify_unit_reviewers(sender, instance: TaskState, user=None, **kwargs) -> None:
    """Step 1 reached: email the reviewers of the page's own unit (editorial.notifications)."""
    unit_review_submission_notifier(instance, user=user)
