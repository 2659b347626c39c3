"""The administrator role cannot make anyone — itself included — a superuser or a publisher."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from editorial.models import UnitRoles
from editorial.roles import ADMINISTRATOR_GROUP, APPROVER_GROUP
from tests.editorial.conftest import is_denied, user

pytestmark = pytest.mark.django_db
User = get_user_model()
PASSWORD = "Mat-khau-rat-dai-2026!"


@pytest.fixture
def administrator():
    account = User.objects.create_user("quantri.huyen", "quantri.huyen@caobang.example", "x", first_name="Quản trị")
    account.groups.add(Group.objects.get(name=ADMINISTRATOR_GROUP))
    return account


@pytest.fixture
def superuser():
    return User.objects.create_superuser("sieu.quantri", "sieu@caobang.example", "x")


def unit_group(slug: str, role: str = "contributors") -> Group:
    return getattr(UnitRoles.objects.get(unit__slug=slug), role)


def new_account(**extra) -> dict:
    return {
        "username": "nguoi.moi",
        "email": "nguoi.moi@caobang.example",
        "first_name": "Người",
        "last_name": "Mới",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **extra,
    }


def offered_groups(response) -> set[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return {box.find_parent("label").get_text(strip=True) for box in soup.select('input[name="groups"]')}


def test_the_form_offers_an_administrator_only_the_units_groups_and_no_superuser_box(client, administrator):
    client.force_login(administrator)
    response = client.get(reverse("wagtailusers_users:add"))
    assert response.status_code == 200
    groups = offered_groups(response)
    assert "Biên tập viên – Huyện Hà Quảng" in groups
    assert "Lãnh đạo duyệt – Huyện Bảo Lạc" in groups
    assert APPROVER_GROUP not in groups and ADMINISTRATOR_GROUP not in groups
    assert not BeautifulSoup(response.content, "html.parser").select('input[name="is_superuser"]')


def test_a_superuser_is_offered_every_group_and_the_superuser_box(client, superuser):
    client.force_login(superuser)
    response = client.get(reverse("wagtailusers_users:add"))
    assert {APPROVER_GROUP, ADMINISTRATOR_GROUP} <= offered_groups(response)
    assert BeautifulSoup(response.content, "html.parser").select('input[name="is_superuser"]')


def test_an_administrator_creates_a_unit_editor(client, administrator):
    client.force_login(administrator)
    group = unit_group("ha-quang")
    response = client.post(reverse("wagtailusers_users:add"), new_account(groups=[group.pk]))
    assert response.status_code == 302
    assert list(User.objects.get(username="nguoi.moi").groups.all()) == [group]


def test_a_crafted_superuser_post_by_an_administrator_creates_no_superuser(client, administrator):
    client.force_login(administrator)
    client.post(reverse("wagtailusers_users:add"), new_account(is_superuser="on"))
    assert User.objects.get(username="nguoi.moi").is_superuser is False


@pytest.mark.parametrize("group_name", [APPROVER_GROUP, ADMINISTRATOR_GROUP])
def test_a_crafted_post_into_a_site_wide_group_is_refused_and_nothing_is_created(client, administrator, group_name):
    client.force_login(administrator)
    group = Group.objects.get(name=group_name)
    response = client.post(reverse("wagtailusers_users:add"), new_account(groups=[group.pk]))
    assert response.status_code == 200
    assert "Bạn không có quyền gán tài khoản vào nhóm này." in response.content.decode()
    assert not User.objects.filter(username="nguoi.moi").exists()


def edit_data(account, groups) -> dict:
    return {
        "username": account.username,
        "email": account.email or f"{account.username}@caobang.example",
        "first_name": account.first_name or "Tên",
        "last_name": account.last_name or "Họ",
        "is_active": "on",
        "groups": [group.pk for group in groups],
        "password1": "",
        "password2": "",
    }


def test_an_administrator_cannot_put_itself_in_the_approver_group(client, administrator):
    client.force_login(administrator)
    approvers = Group.objects.get(name=APPROVER_GROUP)
    response = client.post(
        reverse("wagtailusers_users:edit", args=[administrator.pk]), edit_data(administrator, [approvers])
    )
    assert response.status_code == 200
    assert not administrator.groups.filter(name=APPROVER_GROUP).exists()


def test_saving_an_account_keeps_the_memberships_the_administrator_cannot_see(client, administrator):
    client.force_login(administrator)
    reviewers = unit_group("bao-lac", "reviewers")
    response = client.post(
        reverse("wagtailusers_users:edit", args=[administrator.pk]), edit_data(administrator, [reviewers])
    )
    assert response.status_code == 302
    assert set(administrator.groups.values_list("name", flat=True)) == {ADMINISTRATOR_GROUP, reviewers.name}


@pytest.mark.parametrize("username", ["pheduyet.tinh", "quantri"])
def test_an_administrator_cannot_edit_or_delete_a_publisher_or_a_superuser(client, administrator, username):
    client.force_login(administrator)
    account = user(username)
    password = account.password
    edit = client.post(
        reverse("wagtailusers_users:edit", args=[account.pk]),
        {**edit_data(account, []), "password1": PASSWORD, "password2": PASSWORD},
    )
    assert is_denied(edit)
    assert is_denied(client.post(reverse("wagtailusers_users:delete", args=[account.pk])))
    account.refresh_from_db()
    assert account.password == password
    assert account.is_active


def test_a_superuser_grants_the_approver_group_and_superuser_status(client, superuser, administrator):
    client.force_login(superuser)
    approvers = Group.objects.get(name=APPROVER_GROUP)
    data = {**edit_data(administrator, [approvers]), "is_superuser": "on"}
    response = client.post(reverse("wagtailusers_users:edit", args=[administrator.pk]), data)
    assert response.status_code == 302
    administrator.refresh_from_db()
    assert administrator.is_superuser
    assert set(administrator.groups.values_list("name", flat=True)) == {APPROVER_GROUP}


def test_an_administrator_sees_groups_but_cannot_change_what_they_may_do(client, administrator):
    client.force_login(administrator)
    approvers = Group.objects.get(name=APPROVER_GROUP)
    assert client.get(reverse("wagtailusers_groups:index")).status_code == 200
    contributors = unit_group("ha-quang")
    before = set(contributors.permissions.values_list("pk", flat=True))
    response = client.post(reverse("wagtailusers_groups:edit", args=[contributors.pk]), {"name": "Đổi tên"})
    assert is_denied(response)
    assert set(contributors.permissions.values_list("pk", flat=True)) == before
    assert is_denied(client.get(reverse("wagtailusers_groups:edit", args=[approvers.pk])))


def test_the_django_admin_is_not_served(client, superuser):
    client.force_login(superuser)
    assert client.get("/django-admin/").status_code == 404
