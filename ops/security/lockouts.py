"""Locked logins (django-axes) in the Wagtail admin: an administrator unlocks by deleting the entry.

Shown under Cài đặt → "Đăng nhập bị khóa" to superusers and members of ADMINISTRATOR_GROUPS only.
"""

from __future__ import annotations

from axes.models import AccessAttempt
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy


def is_administrator(user) -> bool:
    if not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name__in=settings.ADMINISTRATOR_GROUPS).exists()


class AdministratorsOnlyPolicy(ModelPermissionPolicy):
    """Administrators may list and delete (unlock); nobody adds or edits an attempt by hand."""

    allowed_actions = {"view", "delete"}

    def user_has_permission(self, user, action: str) -> bool:
        return action in self.allowed_actions and is_administrator(user)

    def user_has_any_permission(self, user, actions) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action: str, instance) -> bool:
        return self.user_has_permission(user, action)


class LockoutViewSet(ModelViewSet):
    model = AccessAttempt
    icon = "lock"
    menu_label = _("Đăng nhập bị khóa")
    add_to_settings_menu = True
    name = "locked_logins"
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time"]
    form_fields = ["username"]
    inspect_view_enabled = False
    copy_view_enabled = False


register_permission_policy(AccessAttempt, AdministratorsOnlyPolicy(AccessAttempt))
viewset = LockoutViewSet()
