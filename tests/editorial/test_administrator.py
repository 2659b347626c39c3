"""The administrator role: units, accounts, groups, settings — and a unit added in the admin gets its
sections, collection and groups without code or permission clicking."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from articles.models import UnitSection
from articles.tree import index_pages
from editorial.models import UnitRoles
from editorial.roles import ADMINISTRATOR_GROUP
from home.models import Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator():
    account = get_user_model().objects.create_user("quantri.thu", "quantri.thu@caobang.example", "x")
    account.groups.add(Group.objects.get(name=ADMINISTRATOR_GROUP))
    return account


def test_administrator_adds_a_unit_in_the_admin_and_it_is_ready_for_editors(client, administrator):
    client.force_login(administrator)
    response = client.post(
        reverse("wagtailsnippets_home_unit:add"),
        {"name": "Xã Quang Trung", "slug": "xa-quang-trung", "kind": "commune", "sort_order": "200"},
    )
    assert response.status_code == 302
    unit = Unit.objects.get(slug="xa-quang-trung")
    assert UnitSection.objects.filter(unit=unit).count() == len(index_pages())
    roles = UnitRoles.objects.get(unit=unit)
    assert roles.contributors.name == "Biên tập viên – Xã Quang Trung"
    assert roles.reviewers.name == "Lãnh đạo duyệt – Xã Quang Trung"
    assert roles.collection.get_parent().name == "Đơn vị"


@pytest.mark.parametrize(
    "url_name",
    ["wagtailusers_users:index", "wagtailusers_groups:index", "wagtailsnippets_home_unit:list", "wagtailsites:index"],
)
def test_administrator_manages_accounts_groups_units_and_sites(client, administrator, url_name):
    client.force_login(administrator)
    assert client.get(reverse(url_name)).status_code == 200


@pytest.mark.parametrize("username", ["bientap.haquang", "duyet.haquang", "pheduyet.tinh"])
def test_editors_cannot_manage_accounts_or_units(client, username):
    client.force_login(get_user_model().objects.get(username=username))
    for url_name in ["wagtailusers_users:index", "wagtailusers_groups:index", "wagtailsnippets_home_unit:add"]:
        response = client.get(reverse(url_name))
        assert response.status_code in {302, 403}
