"""Who sees what: a unit's contributors and reviewers see their own unit's questions and figures;
the province (provincial approvers, administrators, superusers) sees everything.

Every admin view of this app goes through these functions, so the menu and the URLs agree.
"""

from __future__ import annotations

from django.db.models import QuerySet

from editorial.roles import ADMINISTRATOR_GROUP, is_provincial_approver, units_of
from home.models import Unit
from participation.models import Question


def sees_everything(user) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return is_provincial_approver(user) or user.groups.filter(name=ADMINISTRATOR_GROUP).exists()


def visible_unit_ids(user) -> set[int] | None:
    """The units whose data the user may see; None means all of them (the province)."""
    if sees_everything(user):
        return None
    if not user.is_authenticated or not user.is_active:
        return set()
    return units_of(user)


def may_use_participation_admin(user) -> bool:
    ids = visible_unit_ids(user)
    return ids is None or bool(ids)


def visible_units(user) -> QuerySet:
    ids = visible_unit_ids(user)
    units = Unit.objects.all()
    return units if ids is None else units.filter(pk__in=ids)


def questions_for(user) -> QuerySet:
    """The questions the user may read (with their personal data) and handle."""
    ids = visible_unit_ids(user)
    questions = Question.objects.select_related("unit", "area", "faq_page")
    return questions if ids is None else questions.filter(unit_id__in=ids)
