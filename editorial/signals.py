"""Keeping the editorial chain complete: roles and workflow after migrate, groups for new units,
and the e-mail to a unit's own reviewers when a page reaches step 1."""

from wagtail.models import TaskState

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


def notify_unit_reviewers(sender, instance: TaskState, user=None, **kwargs) -> None:
    """Step 1 reached: email the reviewers of the page's own unit (editorial.notifications)."""
    unit_review_submission_notifier(instance, user=user)
