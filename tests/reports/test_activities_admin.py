"""Outreach activities in the admin: each unit records its own, its reviewers confirm, nobody
touches another unit's — by the menu and the listing, and by typing the URL."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from home.models import ReformArea
from reports.models import OutreachActivity

pytestmark = pytest.mark.django_db


def radio_data(unit, **overrides):
    data = {
        "unit": str(unit.pk),
        "kind": "radio",
        "date": "15/03/2013",
        "title": "Phát thanh về đăng ký kết hôn",
        "reform_areas": [str(ReformArea.objects.get(slug="thu-tuc-hanh-chinh").pk)],
        "count": "4",
        "minutes": "20",
        "languages": ["vi", "nung"],
        "copies": "",
        "participants": "",
        "messages_sent": "",
        "note": "",
    }
    data.update(overrides)
    return data


def test_a_contributor_lists_only_their_units_activities(client, known):
    client.force_login(known.contributor_one)
    response = client.get(reverse("outreach_activities:index"))
    text = BeautifulSoup(response.content, "html.parser").select_one("table.listing").get_text()
    assert "Hoạt động radio_early" in text
    assert "Hoạt động print" in text
    assert "Hoạt động conference" not in text  # unit two's


def test_a_contributor_records_an_activity_of_their_unit(client, known):
    client.force_login(known.contributor_one)
    response = client.post(reverse("outreach_activities:add"), radio_data(known.one))
    assert response.status_code == 302
    activity = OutreachActivity.objects.get(title="Phát thanh về đăng ký kết hôn")
    assert (activity.unit, activity.count, activity.minutes, activity.languages) == (known.one, 4, 20, ["vi", "nung"])
    assert activity.created_by == known.contributor_one
    assert activity.is_confirmed is False


def test_a_contributor_cannot_record_an_activity_for_another_unit(client, known):
    client.force_login(known.contributor_one)
    response = client.post(reverse("outreach_activities:add"), radio_data(known.two))
    assert response.status_code == 400
    assert "Hãy chọn một lựa chọn hợp lệ" in response.content.decode()
    assert not OutreachActivity.objects.filter(title="Phát thanh về đăng ký kết hôn").exists()


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"minutes": ""}, "minutes", "Hình thức này cần ghi thời lượng (phút)."),
        ({"languages": []}, "languages", "Hình thức này cần ghi ngôn ngữ phát."),
        ({"reform_areas": []}, "reform_areas", "Chọn ít nhất một lĩnh vực CCHC."),
        ({"date": "01/01/2999"}, "date", "Ngày thực hiện không thể ở tương lai."),
        ({"kind": "print", "copies": ""}, "copies", "Hình thức này cần ghi số bản in."),
    ],
)
def test_an_incomplete_activity_is_refused_with_a_vietnamese_message(client, known, overrides, field, message):
    client.force_login(known.contributor_one)
    response = client.post(reverse("outreach_activities:add"), radio_data(known.one, **overrides))
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert message in soup.get_text()
    assert not OutreachActivity.objects.filter(title="Phát thanh về đăng ký kết hôn").exists()


def test_a_measure_of_another_kind_is_not_kept(client, known):
    client.force_login(known.contributor_one)
    client.post(reverse("outreach_activities:add"), radio_data(known.one, copies="300"))
    assert OutreachActivity.objects.get(title="Phát thanh về đăng ký kết hôn").copies is None


@pytest.mark.parametrize("view", ["edit", "delete", "inspect", "history", "history_results", "usage"])
def test_another_units_activity_is_refused_by_url(client, known, view):
    client.force_login(known.contributor_one)
    conference = known.activities["conference"]
    response = client.get(reverse(f"outreach_activities:{view}", args=[conference.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def test_another_units_activity_cannot_be_changed_by_posting(client, known):
    client.force_login(known.contributor_one)
    conference = known.activities["conference"]
    client.post(reverse("outreach_activities:edit", args=[conference.pk]), radio_data(known.one, title="Đổi tên"))
    client.post(reverse("outreach_activities:delete", args=[conference.pk]))
    conference.refresh_from_db()
    assert conference.title == "Hoạt động conference"
    assert conference.unit == known.two


def test_a_reviewer_confirms_their_units_activity(client, known):
    client.force_login(known.reviewer_one)
    sms = known.activities["sms_unconfirmed"]
    response = client.post(reverse("reports_activity_confirm", args=[sms.pk]))
    assert response.status_code == 302
    sms.refresh_from_db()
    assert sms.confirmed_by == known.reviewer_one
    assert sms.is_confirmed


def test_a_contributor_cannot_confirm(client, known):
    client.force_login(known.contributor_one)
    sms = known.activities["sms_unconfirmed"]
    response = client.post(reverse("reports_activity_confirm", args=[sms.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    sms.refresh_from_db()
    assert not sms.is_confirmed


def test_a_reviewer_cannot_confirm_another_units_activity(client, known):
    client.force_login(known.reviewer_two)
    sms = known.activities["sms_unconfirmed"]
    client.post(reverse("reports_activity_confirm", args=[sms.pk]))
    sms.refresh_from_db()
    assert not sms.is_confirmed


def test_a_confirmed_activity_is_no_longer_the_contributors_to_change(client, known):
    client.force_login(known.contributor_one)
    radio = known.activities["radio_early"]
    response = client.post(reverse("outreach_activities:edit", args=[radio.pk]), radio_data(known.one, title="Sửa sau"))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    radio.refresh_from_db()
    assert radio.title == "Hoạt động radio_early"


def test_the_listing_offers_edit_only_where_the_user_may_edit(client, known):
    client.force_login(known.contributor_one)
    html = client.get(reverse("outreach_activities:index")).content.decode()
    assert reverse("outreach_activities:edit", args=[known.activities["sms_unconfirmed"].pk]) in html
    assert reverse("outreach_activities:edit", args=[known.activities["radio_early"].pk]) not in html  # confirmed
    assert reverse("reports_activity_confirm", args=[known.activities["sms_unconfirmed"].pk]) not in html


def test_the_listing_offers_the_reviewer_to_confirm(client, known):
    client.force_login(known.reviewer_one)
    html = client.get(reverse("outreach_activities:index")).content.decode()
    assert reverse("reports_activity_confirm", args=[known.activities["sms_unconfirmed"].pk]) in html
    assert reverse("reports_activity_confirm", args=[known.activities["conference"].pk]) not in html


def test_the_unit_choice_holds_only_the_users_units(client, known):
    client.force_login(known.contributor_one)
    soup = BeautifulSoup(client.get(reverse("outreach_activities:add")).content, "html.parser")
    assert [option.get_text(strip=True) for option in soup.select("select[name=unit] option")] == ["Huyện Kiểm Thử Một"]


def test_the_menu_shows_activities_to_unit_editors(client, known):
    client.force_login(known.contributor_one)
    assert reverse("outreach_activities:index") in client.get(reverse("wagtailadmin_home")).content.decode()
