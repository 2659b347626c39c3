"""Who may see and change what in this app, from the editorial roles (no extra groups to keep in sync).

- The province (provincial approvers, administrators, superusers) sees every unit's figures.
- A unit's contributors and reviewers see their own units' figures and activities.
- Activities: a unit's contributors (and reviewers) record their unit's; contributors change
  them until they are confirmed; the unit's reviewers change and confirm them; nobody changes
  another unit's (superusers excepted).
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from editorial.models import reviewer_unit_ids
from editorial.roles import ADMINISTRATOR_GROUP, contributor_unit_ids, is_provincial_approver, units_of
from home.models import Unit


def sees_whole_province(user) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return is_provincial_approver(user) or user.groups.filter(name=ADMINISTRATOR_GROUP).exists()


def visible_unit_ids(user) -> set[int] | None:
    """The units whose figures the user may read; None means all of them."""
    if sees_whole_province(user):
        return None
    if not user.is_authenticated or not user.is_active:
        return set()
    return units_of(user)


def visible_units(user):
    ids = visible_unit_ids(user)
    units = Unit.objects.all()
    return units if ids is None else units.filter(pk__in=ids)


def can_view_reports(user) -> bool:
    ids = visible_unit_ids(user)
    return ids is None or bool(ids)


class ReportAccessPolicy(BasePermissionPolicy):
    """The reports: the province and the units' editors (each report then scopes rows to the user's units)."""

    def __init__(self):
        super().__init__("wagtailcore.Page")

    def user_has_permission(self, user, action) -> bool:
        return action == "view" and can_view_reports(user)

    def user_has_any_permission(self, user, actions) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        return get_user_model().objects.none()


class ActivityPermissionPolicy(BasePermissionPolicy):
    """OutreachActivity: permissions follow the user's unit roles, instance by instance."""

    def _active(self, user) -> bool:
        return bool(user.is_authenticated and user.is_active)

    def user_has_permission(self, user, action) -> bool:
        if not self._active(user):
            return False
        if user.is_superuser:
            return True
        if action in ("add", "change", "delete"):
            return bool(units_of(user))
        if action == "confirm":
            return bool(reviewer_unit_ids(user))
        if action == "view":
            return can_view_reports(user)
        return False

    def user_has_any_permission(self, user, actions) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        if not self._active(user):
            return False
        if user.is_superuser:
            return True
        unit_id = instance.unit_id
        if action == "view":
            ids = visible_unit_ids(user)
            return ids is None or unit_id in ids
        if action == "confirm":
            return unit_id in reviewer_unit_ids(user)
        if action in ("change", "delete"):
            if unit_id in reviewer_unit_ids(user):
                return True
            return unit_id in contributor_unit_ids(user) and not instance.is_confirmed
        if action == "add":
            return unit_id in units_of(user)
        return False

    def instances_user_has_any_permission_for(self, user, actions):
        manager = self.model._default_manager
        if not self._active(user):
            return manager.none()
        if user.is_superuser:
            return manager.all()
        query = Q(pk__in=[])
        if "view" in actions:
            ids = visible_unit_ids(user)
            if ids is None:
                return manager.all()
            query |= Q(unit_id__in=ids)
        if {"change", "delete"} & set(actions):
            query |= Q(unit_id__in=reviewer_unit_ids(user))
            query |= Q(unit_id__in=contributor_unit_ids(user), confirmed_at__isnull=True)
        if "confirm" in actions:
            query |= Q(unit_id__in=reviewer_unit_ids(user))
        return manager.filter(query)

    def users_with_any_permission(self, actions):
        User = get_user_model()
        editors = Q(groups__contributor_of__isnull=False) | Q(groups__reviewer_of__isnull=False)
        return User.objects.filter(Q(is_superuser=True) | editors, is_active=True).distinct()

    def addable_units(self, user):
        """The units the user may record activities for."""
        if user.is_superuser:
            return Unit.objects.filter(retired_on__isnull=True)
        return Unit.objects.filter(pk__in=units_of(user), retired_on__isnull=True)


def can_edit_report_text(user, unit: Unit | None) -> bool:
    """A unit's editors write its periodic report's difficulties; the province writes the province's."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if unit is None:
        return sees_whole_province(user)
    return unit.pk in units_of(user)
