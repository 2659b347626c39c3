import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Page

from editorial.workflow import ensure_editorial_setup

pytestmark = pytest.mark.django_db


def test_wagtail_default_groups_are_gone_after_migrate():
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


def test_a_default_group_with_members_keeps_its_members_but_loses_every_right(django_user_model):
    group = Group.objects.create(name="Moderators")
    GroupPagePermission.objects.create(group=group, page=Page.get_first_root_node(), permission_type="publish")
    user = django_user_model.objects.create_user("nguoi.cu", password="x")
    user.groups.add(group)

    ensure_editorial_setup()

    group.refresh_from_db()
    assert list(group.user_set.all()) == [user]
    assert not GroupPagePermission.objects.filter(group=group).exists()
    assert not group.permissions.exists()
