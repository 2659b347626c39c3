"""Units merge, retire and get renamed in the admin; the site keeps every old address working."""

from __future__ import annotations

import datetime
import json
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from articles.models import NewsIndexPage, NewsPage, UnitSection
from articles.tree import ensure_site_tree, section_for
from editorial.models import UnitRoles
from editorial.roles import ADMINISTRATOR_GROUP
from editorial.workflow import ensure_editorial_setup
from home.models import Unit
from tests.editorial.conftest import current_task_state, is_denied, make_news, submit, user

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator():
    account = get_user_model().objects.create_user("quantri.donvi", "quantri.donvi@caobang.example", "x")
    account.groups.add(Group.objects.get(name=ADMINISTRATOR_GROUP))
    return account


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator)
    return client


def unit(slug: str) -> Unit:
    return Unit.objects.get(slug=slug)


def merge(client, source: str, target: str, accounts: str = "move", confirm: bool = True):
    data = {"target": unit(target).pk, "accounts": accounts}
    if confirm:
        data["confirm"] = "1"
    return client.post(reverse("editorial_unit_merge", args=[unit(source).pk]), data)


@pytest.fixture
def haquang_pages(contributor):
    live = make_news("ha-quang", "Hà Quảng tiếp nhận hồ sơ tại xã", owner=contributor, live=True)
    draft = make_news("ha-quang", "Hà Quảng chuẩn bị tập huấn", owner=contributor)
    return live, draft


def test_the_merge_page_lists_what_will_move_before_anything_moves(admin_client, haquang_pages):
    live, draft = haquang_pages
    response = merge(admin_client, "ha-quang", "bao-lac", confirm=False)
    assert response.status_code == 200
    plan = BeautifulSoup(response.content, "html.parser").find(id="unit-change-plan").get_text(" ", strip=True)
    assert live.title in plan and draft.title in plan
    assert "bientap.haquang" in plan and "duyet.haquang" in plan
    assert NewsPage.objects.get(pk=live.pk).unit.slug == "ha-quang"


def test_a_merge_moves_pages_and_leaves_a_redirect_from_every_old_url(admin_client, client, haquang_pages):
    live, draft = haquang_pages
    old_url, old_section_url = live.url, live.get_parent().url
    response = merge(admin_client, "ha-quang", "bao-lac")
    assert response.status_code == 302
    for page in (live, draft):
        assert NewsPage.objects.get(pk=page.pk).unit.slug == "bao-lac"
    moved = NewsPage.objects.get(pk=live.pk)
    assert moved.url.startswith("/tin-tuc/bao-lac/")
    client.logout()
    old = client.get(old_url)
    assert old.status_code in {301, 302} and old["Location"].endswith(moved.url)
    section = client.get(old_section_url)
    assert section.status_code in {301, 302} and section["Location"].endswith("/tin-tuc/bao-lac/")
    assert client.get(moved.url).status_code == 200


def test_a_merge_hands_open_reviews_to_the_receiving_units_reviewers(admin_client, contributor, mailoutbox):
    draft = make_news("ha-quang", "Hà Quảng gửi duyệt trước khi sáp nhập", owner=contributor)
    submit(draft, contributor)
    mailoutbox.clear()
    merge(admin_client, "ha-quang", "bao-lac")
    state = current_task_state(draft)
    page = NewsPage.objects.get(pk=draft.pk)
    assert "approve" in {name for name, *_rest in state.task.specific.get_actions(page, user("duyet.baolac"))}
    assert "duyet.baolac@caobang.example" in {address for message in mailoutbox for address in message.to}


def test_a_merge_moves_accounts_into_the_receiving_units_groups(admin_client):
    merge(admin_client, "ha-quang", "bao-lac", accounts="move")
    bao_lac = UnitRoles.objects.get(unit__slug="bao-lac")
    assert bao_lac.contributors.user_set.filter(username="bientap.haquang").exists()
    assert bao_lac.reviewers.user_set.filter(username="duyet.haquang").exists()
    assert not UnitRoles.objects.filter(unit__slug="ha-quang").exists()
    assert not Group.objects.filter(name="Biên tập viên – Huyện Hà Quảng").exists()


def test_a_merge_can_deactivate_the_old_units_accounts(admin_client):
    merge(admin_client, "ha-quang", "bao-lac", accounts="deactivate")
    assert user("bientap.haquang").is_active is False
    assert user("duyet.haquang").is_active is False
    assert user("bientap.baolac").is_active is True


def test_a_merged_unit_is_kept_on_record_and_gets_no_new_sections_or_content(admin_client, tmp_path):
    merge(admin_client, "ha-quang", "bao-lac")
    ha_quang = unit("ha-quang")
    assert ha_quang.merged_into == unit("bao-lac") and ha_quang.retired_on == datetime.date.today()
    ensure_site_tree()
    ensure_editorial_setup()
    call_command("load_demo", stdout=StringIO())
    assert not UnitSection.objects.filter(unit=ha_quang).exists()
    assert not UnitRoles.objects.filter(unit=ha_quang).exists()
    path = tmp_path / "late.json"
    record = {"type": "news", "title": "Tin muộn", "unit": "ha-quang", "reform_areas": ["the-che"]}
    path.write_text(json.dumps([record], ensure_ascii=False), encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_content", str(path), stdout=StringIO(), stderr=err)
    assert "đã sáp nhập vào “Huyện Bảo Lạc”; hãy ghi “unit”: “bao-lac”" in err.getvalue()


def test_a_slug_used_in_both_units_is_kept_apart_when_merging(admin_client, contributor, other_contributor):
    mine = make_news("ha-quang", "Kế hoạch CCHC", owner=contributor, live=True)
    theirs = make_news("bao-lac", "Kế hoạch CCHC", owner=other_contributor, live=True)
    assert mine.slug == theirs.slug
    merge(admin_client, "ha-quang", "bao-lac")
    moved = NewsPage.objects.get(pk=mine.pk)
    assert moved.slug == f"{theirs.slug}-ha-quang"
    assert moved.latest_revision.as_object().slug == moved.slug
    assert NewsPage.objects.get(pk=theirs.pk).slug == theirs.slug


@pytest.mark.parametrize("target", ["ha-quang", "bao-lac-retired"])
def test_a_merge_into_itself_or_into_a_former_unit_is_refused(admin_client, haquang_pages, target):
    if target == "bao-lac-retired":
        Unit.objects.filter(slug="bao-lac").update(retired_on=datetime.date(2025, 7, 1))
        target = "bao-lac"
    response = merge(admin_client, "ha-quang", target)
    assert response.status_code == 400
    assert NewsPage.objects.get(pk=haquang_pages[0].pk).unit.slug == "ha-quang"
    assert unit("ha-quang").retired_on is None


def test_retiring_keeps_pages_published_under_the_former_unit_label(admin_client, client, haquang_pages):
    live, _draft = haquang_pages
    response = admin_client.post(reverse("editorial_unit_retire", args=[unit("ha-quang").pk]), {"confirm": "1"})
    assert response.status_code == 302
    client.logout()
    page = client.get(live.url)
    assert page.status_code == 200
    assert "Huyện Hà Quảng (đơn vị cũ)" in BeautifulSoup(page.content, "html.parser").select_one(".meta").get_text()
    section = section_for(NewsIndexPage, unit("ha-quang"))
    assert not NewsPage.can_create_at(section)


def test_a_former_units_editor_cannot_add_a_page_through_the_admin(client, haquang_pages, contributor):
    Unit.objects.filter(slug="ha-quang").update(retired_on=datetime.date(2025, 7, 1))
    section = section_for(NewsIndexPage, unit("ha-quang"))
    client.force_login(contributor)
    response = client.get(reverse("wagtailadmin_pages:add", args=["articles", "newspage", section.pk]))
    assert response.status_code in {302, 403}


def test_renaming_changes_names_and_slugs_and_leaves_redirects(
    admin_client, client, haquang_pages, django_capture_on_commit_callbacks
):
    live, _draft = haquang_pages
    old_url = live.url
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("editorial_unit_rename", args=[unit("ha-quang").pk]),
            {"name": "Xã Hà Quảng", "slug": "xa-ha-quang", "confirm": "1"},
        )
    assert response.status_code == 302
    renamed = Unit.objects.get(slug="xa-ha-quang")
    assert renamed.name == "Xã Hà Quảng"
    page = NewsPage.objects.get(pk=live.pk)
    assert page.url == f"/tin-tuc/xa-ha-quang/{live.slug}/"
    assert section_for(NewsIndexPage, renamed).title == "Xã Hà Quảng"
    assert UnitRoles.objects.get(unit=renamed).contributors.name == "Biên tập viên – Xã Hà Quảng"
    client.logout()
    old = client.get(old_url)
    assert old.status_code in {301, 302} and old["Location"].endswith(page.url)


def test_the_rename_page_shows_the_new_addresses_first(admin_client, haquang_pages):
    response = admin_client.post(reverse("editorial_unit_rename", args=[unit("ha-quang").pk]), {"name": "Xã Hà Quảng"})
    plan = BeautifulSoup(response.content, "html.parser").find(id="unit-change-plan").get_text(" ", strip=True)
    assert "/tin-tuc/xa-ha-quang/" in plan
    assert unit("ha-quang").name == "Huyện Hà Quảng"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "Huyện Bảo Lạc"}, "Đã có đơn vị tên"),
        ({"name": "Tên mới", "slug": "bao-lac"}, "Đã có đơn vị với mã đường dẫn"),
        ({"name": "Tên mới", "slug": "Có Dấu"}, "chỉ gồm chữ thường"),
        ({"name": ""}, "Hãy nhập tên mới"),
    ],
)
def test_a_bad_rename_is_refused_with_a_message(admin_client, data, message):
    response = admin_client.post(reverse("editorial_unit_rename", args=[unit("ha-quang").pk]), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert unit("ha-quang").name == "Huyện Hà Quảng"


@pytest.mark.parametrize("username", ["bientap.haquang", "duyet.haquang", "pheduyet.tinh"])
@pytest.mark.parametrize("view", ["editorial_unit_merge", "editorial_unit_retire", "editorial_unit_rename"])
def test_only_administrators_change_units(client, username, view):
    client.force_login(user(username))
    target = unit("bao-lac")
    response = client.post(reverse(view, args=[unit("ha-quang").pk]), {"target": target.pk, "confirm": "1"})
    assert is_denied(response)
    assert unit("ha-quang").retired_on is None


def test_the_unit_list_offers_the_changes_to_administrators(admin_client):
    response = admin_client.get(reverse("wagtailsnippets_home_unit:list"))
    assert reverse("editorial_unit_merge", args=[unit("ha-quang").pk]) in response.content.decode()


def test_a_unit_may_have_a_parent_but_not_itself_below_it():
    province = unit("tinh")
    commune = Unit.objects.create(slug="xa-thu", name="Xã Thử", kind=Unit.Kind.COMMUNE, parent=province)
    province.parent = commune
    with pytest.raises(ValidationError):
        province.full_clean()
