"""Who keeps the figures: the provincial approvers and the administrators; no unit editor."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from editorial.roles import ADMINISTRATOR_GROUP, APPROVER_GROUP, grant_provincial_model_permissions
from indices.models import IndexResult, ReformIndex
from indices.signals import INDEX_PERMISSIONS
from tests.indices.conftest import result_form_data

pytestmark = pytest.mark.django_db

ADD_URL = reverse("wagtailsnippets_indices_indexresult:add")


def codenames(group_name: str) -> set[str]:
    return set(
        Group.objects.get(name=group_name)
        .permissions.filter(content_type__app_label="indices")
        .values_list("codename", flat=True)
    )


EXPECTED = {
    "add_reformindex",
    "change_reformindex",
    "view_reformindex",
    "add_indexresult",
    "change_indexresult",
    "delete_indexresult",
    "view_indexresult",
}


@pytest.mark.parametrize("group_name", [APPROVER_GROUP, ADMINISTRATOR_GROUP])
def test_provincial_groups_hold_the_index_permissions_after_migrate(group_name):
    assert codenames(group_name) == EXPECTED


def test_granting_again_changes_nothing():
    before = {name: codenames(name) for name in (APPROVER_GROUP, ADMINISTRATOR_GROUP)}
    grant_provincial_model_permissions(INDEX_PERMISSIONS)
    assert {name: codenames(name) for name in (APPROVER_GROUP, ADMINISTRATOR_GROUP)} == before


def test_unit_groups_hold_no_index_permission():
    unit_groups = Group.objects.exclude(name__in=[APPROVER_GROUP, ADMINISTRATOR_GROUP])
    assert not unit_groups.filter(permissions__content_type__app_label="indices").exists()


@pytest.mark.parametrize("account", ["approver", "administrator"])
def test_provincial_roles_add_a_result(client, request, account):
    client.force_login(request.getfixturevalue(account))
    pci = ReformIndex.objects.get(slug="pci")
    assert client.get(ADD_URL).status_code == 200
    response = client.post(ADD_URL, result_form_data(pci, 2018, "58.2", 55, 63))
    assert response.status_code == 302
    assert IndexResult.objects.filter(index=pci, year=2018).exists()


@pytest.mark.parametrize("username", ["bientap.haquang", "duyet.haquang", "bientap.baolac"])
def test_unit_editors_cannot_open_or_post_the_form(client, username):
    client.force_login(get_user_model().objects.get(username=username))
    pci = ReformIndex.objects.get(slug="pci")
    assert client.get(ADD_URL).status_code in {302, 403}
    response = client.post(ADD_URL, result_form_data(pci, 2018, "58.2", 55, 63))
    assert response.status_code in {302, 403}
    assert not IndexResult.objects.filter(index=pci, year=2018).exists()


def test_unit_editors_cannot_delete_a_result(client):
    client.force_login(get_user_model().objects.get(username="duyet.haquang"))
    result = IndexResult.objects.get(index__slug="pci", year=2024)
    response = client.post(reverse("wagtailsnippets_indices_indexresult:delete", args=[result.pk]))
    assert response.status_code in {302, 403}
    assert IndexResult.objects.filter(pk=result.pk).exists()


def admin_menu_labels(client) -> str:
    soup = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    return json.dumps(json.loads(soup.find(id="wagtail-sidebar-props").string), ensure_ascii=False)


def test_the_admin_menu_shows_the_indices_to_approvers_only(client, approver):
    client.force_login(approver)
    assert '"Chỉ số CCHC"' in admin_menu_labels(client)
    client.force_login(get_user_model().objects.get(username="bientap.haquang"))
    assert '"Chỉ số CCHC"' not in admin_menu_labels(client)
