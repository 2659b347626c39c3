"""The radio bulletin feed /api/phat-thanh/<unit>/: priorities, validity windows, target units, languages."""

import datetime

import pytest
from django.utils import timezone

from channels.models import BroadcastLanguage, ChannelOptions, LanguageVersion, Priority, RadioTarget
from home.models import Unit
from tests.channels.conftest import news, publish

pytestmark = pytest.mark.django_db


def with_options(page, **fields):
    draft = page.get_latest_revision_as_object()
    targets = fields.pop("targets", [])
    if fields:
        draft.channel_options.add(ChannelOptions(**fields))
    for slug in targets:
        draft.radio_targets.add(RadioTarget(unit=Unit.objects.get(slug=slug)))
    return publish(draft)


def feed(client, unit_slug: str) -> dict:
    response = client.get(f"/api/phat-thanh/{unit_slug}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def ids(data) -> list[int]:
    return [item["id"] for item in data["items"]]


def test_items_are_ordered_most_urgent_first(client):
    now = timezone.now()
    normal = with_options(news(title="Tin thường"), valid_from=now - datetime.timedelta(hours=3))
    urgent = with_options(
        news(title="Tin khẩn"), priority=Priority.URGENT, valid_from=now - datetime.timedelta(hours=2)
    )
    priority = with_options(
        news(title="Tin ưu tiên"), priority=Priority.PRIORITY, valid_from=now - datetime.timedelta(hours=1)
    )
    data = feed(client, "ha-quang")
    mine = [item for item in data["items"] if item["id"] in {normal.pk, urgent.pk, priority.pk}]
    assert [(item["id"], item["priority"], item["priority_label"]) for item in mine] == [
        (urgent.pk, "urgent", "Khẩn cấp"),
        (priority.pk, "priority", "Ưu tiên"),
        (normal.pk, "normal", "Thông thường"),
    ]


def test_only_items_whose_window_is_open_now(client):
    now = timezone.now()
    past = with_options(
        news(title="Đã hết hạn"),
        valid_from=now - datetime.timedelta(days=10),
        valid_until=now - datetime.timedelta(days=1),
    )
    future = with_options(news(title="Chưa đến giờ"), valid_from=now + datetime.timedelta(days=1))
    open_now = with_options(news(title="Đang phát"), valid_until=now + datetime.timedelta(days=2))
    found = ids(feed(client, "ha-quang"))
    assert open_now.pk in found
    assert past.pk not in found
    assert future.pk not in found
    item = next(item for item in feed(client, "ha-quang")["items"] if item["id"] == open_now.pk)
    assert item["valid_until"] == (now + datetime.timedelta(days=2)).isoformat()
    assert item["valid_from"] == open_now.first_published_at.isoformat()


def test_the_default_window_is_the_setting_in_days_from_publication(client, article):
    item = next(item for item in feed(client, "ha-quang")["items"] if item["id"] == article.pk)
    start = datetime.datetime.fromisoformat(item["valid_from"])
    assert datetime.datetime.fromisoformat(item["valid_until"]) - start == datetime.timedelta(days=30)
    assert feed(client, "ha-quang")["default_validity_days"] == 30


def test_named_target_units_receive_the_item_and_no_one_else(client):
    page = with_options(news(unit_slug="so-noi-vu", title="Thi tuyển công chức"), targets=["bao-lac", "ha-lang"])
    assert page.pk in ids(feed(client, "bao-lac"))
    assert page.pk in ids(feed(client, "ha-lang"))
    assert page.pk not in ids(feed(client, "ha-quang"))
    assert page.pk not in ids(feed(client, "so-noi-vu"))
    item = next(item for item in feed(client, "bao-lac")["items"] if item["id"] == page.pk)
    assert item["target_units"] == ["bao-lac", "ha-lang"]


def test_without_targets_a_province_item_reaches_every_unit_and_a_district_item_its_own(client):
    province = news(unit_slug="tinh", title="Tin của tỉnh")
    district = news(unit_slug="bao-lac", title="Tin của Bảo Lạc")
    assert province.pk in ids(feed(client, "ha-quang"))
    assert province.pk in ids(feed(client, "bao-lac"))
    assert district.pk in ids(feed(client, "bao-lac"))
    assert district.pk not in ids(feed(client, "ha-quang"))


def test_an_item_carries_its_script_and_language_versions(client, article):
    draft = article.get_latest_revision_as_object()
    draft.language_versions.add(
        LanguageVersion(language=BroadcastLanguage.objects.get(code="tay"), text="Bản tiếng Tày.")
    )
    publish(draft)
    item = next(item for item in feed(client, "ha-quang")["items"] if item["id"] == article.pk)
    script = client.get(article.url + "phat-thanh/").content.decode()
    assert item["script"] == script.split("\n\n", 1)[1].strip()
    assert item["script_url"] == "http://localhost" + article.url + "phat-thanh/"
    assert item["languages"] == [
        {
            "code": "tay",
            "name": "Tiếng Tày",
            "iso_639_3": "tyz",
            "script": "Bản tiếng Tày.",
            "script_url": "http://localhost" + article.url + "phat-thanh/?ngon-ngu=tay",
            "reading_time_seconds": 2,
            "recording": None,
        }
    ]


def test_drafts_never_reach_the_radio(client):
    draft = news(title="Nháp không phát", live=False)
    assert draft.pk not in ids(feed(client, "ha-quang"))


def test_an_unknown_unit_is_a_404_in_vietnamese(client):
    response = client.get("/api/phat-thanh/khong-co/")
    assert response.status_code == 404
    assert response.json() == {"error": "Không có đơn vị “khong-co”."}


def test_the_language_version_text_is_served_by_code(client, article):
    draft = article.get_latest_revision_as_object()
    draft.language_versions.add(LanguageVersion(language=BroadcastLanguage.objects.get(code="mong"), text="Lus Hmoob."))
    publish(draft)
    response = client.get(article.url + "phat-thanh/", {"ngon-ngu": "mong"})
    assert response["Content-Language"] == "hmn"
    assert response.content.decode().split("\n\n", 1)[1] == "Lus Hmoob.\n"
    missing = client.get(article.url + "phat-thanh/", {"ngon-ngu": "dao"})
    assert missing.status_code == 404
    assert missing.content.decode() == "Bài này chưa có bản phát thanh bằng ngôn ngữ có mã “dao”.\n"
