"""Accounts in the admin: administrators manage unit editors, only superusers make publishers.

A member of "Quản trị hệ thống" who is not a superuser may create and edit accounts and put them
in the contributor and reviewer groups of units. Superuser status and membership of the two
site-wide groups ("Phê duyệt cấp tỉnh", "Quản trị hệ thống") are for superusers alone, and so is
editing or deleting an account that holds either: otherwise a password reset would hand the
administrator a publisher's account. Enforced in the forms (the fields are not offered, a crafted
POST is a form error) and in the views (403 on such accounts), whatever the buttons show.

Installed through `CustomUsersAppConfig` (in place of "wagtail.users" in INSTALLED_APPS), the way
Wagtail documents replacing its user viewset.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users

from editorial.models import UnitRoles
from editorial.roles import ADMINISTRATOR_GROUP, APPROVER_GROUP

SITE_WIDE_GROUPS = (APPROVER_GROUP, ADMINISTRATOR_GROUP)


def grantable_groups(actor):
    """The groups `actor` may put accounts in: all for a superuser, else the units' two groups."""
    if actor.is_superuser:
        return Group.objects.all()
    unit_groups = UnitRoles.objects.values_list("contributors", "reviewers")
    ids = {group_id for pair in unit_groups for group_id in pair}
    return Group.objects.filter(pk__in=ids)


def is_privileged(account) -> bool:
    """A superuser or a member of a site-wide group: only a superuser may change such an account."""
    return account.is_superuser or account.groups.filter(name__in=SITE_WIDE_GROUPS).exists()


class GrantLimitMixin:
    """Removes what the acting user may not grant, and keeps memberships they may not see."""

    def __init__(self, *args, actor=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.actor = actor
        if actor is None or actor.is_superuser:
            return
        self.fields.pop("is_superuser", None)
        if "groups" in self.fields:
            self.fields["groups"].queryset = grantable_groups(actor).order_by("name")
            self.fields["groups"].help_text = _(
                "Quản trị hệ thống chỉ gán tài khoản vào nhóm biên tập viên và nhóm lãnh đạo duyệt của các "
                "đơn vị; nhóm Phê duyệt cấp tỉnh và Quản trị hệ thống do quản trị cấp cao (superuser) gán."
            )
            self.fields["groups"].error_messages["invalid_choice"] = _("Bạn không có quyền gán tài khoản vào nhóm này.")

    def _save_m2m(self) -> None:
        kept = []
        if self.actor is not None and not self.actor.is_superuser and self.instance.pk:
            kept = list(self.instance.groups.exclude(pk__in=grantable_groups(self.actor)))
        super()._save_m2m()
        if kept:
            self.instance.groups.add(*kept)


class LimitedUserCreationForm(GrantLimitMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        widgets = {"groups": forms.CheckboxSelectMultiple}


class LimitedUserEditForm(GrantLimitMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        widgets = {"groups": forms.CheckboxSelectMultiple}


class ActorFormMixin:
    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["actor"] = self.request.user
        return kwargs


class CreateView(ActorFormMixin, users.CreateView):
    pass


class EditView(ActorFormMixin, users.EditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if not request.user.is_superuser and not self.editing_self and is_privileged(self.object):
            raise PermissionDenied(_("Chỉ quản trị cấp cao (superuser) được sửa tài khoản này."))


class DeleteView(users.DeleteView):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser and is_privileged(self.get_object()):
            raise PermissionDenied(_("Chỉ quản trị cấp cao (superuser) được xóa tài khoản này."))
        return super().dispatch(request, *args, **kwargs)


class UserViewSet(users.UserViewSet):
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView

    def get_form_class(self, for_update=False):
        return LimitedUserEditForm if for_update else LimitedUserCreationForm
