"""Roles are Wagtail groups kept in sync by code: idempotent, per unit, renamed with their unit."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Workflow, WorkflowTask

from articles.models import UnitSection
from articles.tree import index_pages
from editorial.demo import DEMO_ACCOUNTS
from editorial.models import UnitRoles
from editorial.roles import ADMINISTRATOR_GROUP, APPROVER_GROUP
from editorial.workflow import ensure_editorial_setup
from home.models import Unit
from search.models import Synonym
from tests.editorial.conftest import is_denied, user

pytestmark = pytest.mark.django_db


def snapshot() -> tuple:
    return (
        sorted(Group.objects.values_list("name", flat=True)),
        sorted(GroupPagePermission.objects.values_list("group__name", "page_id", "permission__codename")),
        sorted(GroupCollectionPermission.objects.values_list("group__name", "collection_id", "permission__codename")),
        Workflow.objects.count(),
        WorkflowTask.objects.count(),
    )


def test_editorial_setup_is_idempotent():
    before = snapshot()
    ensure_editorial_setup()
    ensure_editorial_setup()
    assert snapshot() == before


def test_every_unit_has_its_roles():
    assert UnitRoles.objects.count() == Unit.objects.count()


def test_contributors_never_hold_publish():
    publishers = set(
        GroupPagePermission.objects.filter(permission__codename="publish_page").values_list("group__name", flat=True)
    )
    assert APPROVER_GROUP in publishers
    assert not {name for name in publishers if name.startswith(("Biên tập viên", "Lãnh đạo duyệt"))}


def test_unit_groups_act_only_on_their_units_sections():
    roles = Unit.objects.get(slug="ha-quang").roles
    pages = set(GroupPagePermission.objects.filter(group=roles.contributors).values_list("page_id", flat=True))
    assert pages == set(UnitSection.objects.filter(unit=roles.unit).values_list("pk", flat=True))
    assert len(pages) == len(index_pages()) >= 4


def test_a_renamed_unit_renames_its_groups_and_collection():
    unit = Unit.objects.get(slug="ha-quang")
    unit.name = "Huyện Hà Quảng (mới)"
    unit.save()
    roles = UnitRoles.objects.get(unit=unit)
    assert roles.contributors.name == "Biên tập viên – Huyện Hà Quảng (mới)"
    assert roles.reviewers.name == "Lãnh đạo duyệt – Huyện Hà Quảng (mới)"
    assert roles.collection.name == "Huyện Hà Quảng (mới)"
    assert user("bientap.haquang").groups.filter(pk=roles.contributors.pk).exists()


def test_a_stray_permission_given_by_hand_is_removed_on_sync():
    roles = Unit.objects.get(slug="ha-quang").roles
    section = UnitSection.objects.filter(unit=roles.unit).first()
    GroupPagePermission.objects.create(group=roles.contributors, page=section, permission_type="publish")
    ensure_editorial_setup()
    assert not GroupPagePermission.objects.filter(
        group=roles.contributors, permission__codename="publish_page"
    ).exists()


def test_demo_accounts_have_their_roles():
    expected = {
        "bientap.haquang": "Biên tập viên – Huyện Hà Quảng",
        "duyet.haquang": "Lãnh đạo duyệt – Huyện Hà Quảng",
        "bientap.baolac": "Biên tập viên – Huyện Bảo Lạc",
        "duyet.baolac": "Lãnh đạo duyệt – Huyện Bảo Lạc",
        "pheduyet.tinh": "Phê duyệt cấp tỉnh",
        "quantri": "Quản trị hệ thống",
    }
    assert {username for username, *_rest in DEMO_ACCOUNTS} == set(expected)
    for username, group_name in expected.items():
        assert list(user(username).groups.values_list("name", flat=True)) == [group_name]


def test_no_demo_accounts_when_debug_is_off_and_no_password_is_set(settings):
    from django.contrib.auth import get_user_model

    from editorial.demo import create_demo_accounts

    get_user_model().objects.filter(username__in=[name for name, *_rest in DEMO_ACCOUNTS]).delete()
    settings.DEBUG = False
    settings.DEMO_PASSWORD = ""
    lines = create_demo_accounts()
    assert "DEMO_PASSWORD" in lines[0]
    assert not get_user_model().objects.filter(username="bientap.haquang").exists()


def test_demo_password_comes_from_the_environment(settings):
    from django.contrib.auth import get_user_model

    from editorial.demo import create_demo_accounts

    get_user_model().objects.filter(username__in=[name for name, *_rest in DEMO_ACCOUNTS]).delete()
    settings.DEBUG = False
    settings.DEMO_PASSWORD = "mat-khau-thu-nghiem-2025"
    create_demo_accounts()
    assert user("pheduyet.tinh").check_password("mat-khau-thu-nghiem-2025")
    assert not user("pheduyet.tinh").is_superuser
    assert user("quantri").is_superuser


@pytest.mark.parametrize("username", ["pheduyet.tinh", "quan.tri.thu"])
def test_approvers_and_administrators_maintain_synonyms_and_promotions(client, username):
    if username == "quan.tri.thu":
        account = get_user_model().objects.create_user(username, f"{username}@caobang.example", "x")
        account.groups.add(Group.objects.get(name=ADMINISTRATOR_GROUP))
    else:
        account = user(username)
    client.force_login(account)
    response = client.post(
        reverse("wagtailsnippets_search_synonym:add"), {"terms": "giấy khai sinh, khai sinh", "note": ""}
    )
    assert response.status_code == 302
    assert Synonym.objects.filter(terms="giấy khai sinh, khai sinh").exists()
    assert client.get(reverse("wagtailsearchpromotions:add")).status_code == 200
    assert client.get(reverse("search_zero_result_queries")).status_code == 200


@pytest.mark.parametrize("username", ["bientap.haquang", "duyet.haquang"])
def test_unit_editors_do_not_change_the_search_for_the_whole_province(client, username):
    client.force_login(user(username))
    response = client.post(reverse("wagtailsnippets_search_synonym:add"), {"terms": "a, b", "note": ""})
    assert is_denied(response)
    assert is_denied(client.get(reverse("wagtailsearchpromotions:add")))
