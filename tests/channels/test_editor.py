"""The "Kênh tuyên truyền" tab of the article editor: generated text, overrides, approver-only priority."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from articles.models import NewsPage
from channels.models import Priority
from tests.editorial.conftest import edit_form_data, make_news, user

pytestmark = pytest.mark.django_db


def options_formset(**fields) -> dict:
    row = {"radio_script": "", "sms_text": "", "valid_from": "", "valid_until": "", **fields}
    return inline_formset([row], initial=0)


def post_edit(client, page, **formsets):
    data = edit_form_data(page)
    data.update(nested_form_data(formsets))
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def latest(page):
    return NewsPage.objects.get(pk=page.pk).get_latest_revision_as_object()


@pytest.fixture
def draft():
    return make_news("ha-quang", "Hà Quảng mở rộng dịch vụ công trực tuyến", owner=user("bientap.haquang"))


def test_the_tab_shows_the_generated_script_and_sms(client, draft):
    client.force_login(user("bientap.haquang"))
    soup = BeautifulSoup(client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).content, "html.parser")
    tabs = [tab.find(string=True, recursive=False).strip() for tab in soup.select("[role=tab]")]
    assert tabs[-1] == "Kênh tuyên truyền"
    generated = soup.select_one("[data-channels-generated=radio_script]").get_text()
    assert generated.startswith("Kính thưa bà con! Huyện Hà Quảng xin gửi tới bà con bản tin cải cách hành chính.")
    assert soup.select_one("[data-channels-generated=sms_text]").get_text().startswith("Ha Quang mo rong dich vu cong")
    assert soup.find("script", src="/static/channels/js/channel-editor.js") is not None


def test_a_contributor_has_no_priority_field_and_a_posted_priority_is_ignored(client, draft):
    client.force_login(user("bientap.haquang"))
    page = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).content.decode()
    assert 'name="channel_options-__prefix__-priority"' not in page
    response = post_edit(
        client, draft, channel_options=options_formset(radio_script="Kịch bản sửa.", priority="urgent")
    )
    assert response.status_code == 302
    saved = latest(draft)
    assert [(option.radio_script, option.priority) for option in saved.channel_options.all()] == [
        ("Kịch bản sửa.", Priority.NORMAL)
    ]


def test_an_approver_sets_the_priority(client, draft):
    client.force_login(user("pheduyet.tinh"))
    page = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).content.decode()
    assert 'name="channel_options-__prefix__-priority"' in page
    response = post_edit(client, draft, channel_options=options_formset(priority="urgent"))
    assert response.status_code == 302
    saved = latest(draft)
    assert [option.priority for option in saved.channel_options.all()] == [Priority.URGENT]


def test_two_talking_points_are_refused_with_a_message(client, draft):
    client.force_login(user("bientap.haquang"))
    rows = inline_formset([{"text": "Một."}, {"text": "Hai."}], initial=0)
    response = post_edit(client, draft, talking_points=rows)
    assert response.status_code == 200
    assert "Đề cương cần từ 3 đến 7 thông điệp chính (hoặc để trống tất cả)." in response.content.decode()
    assert not latest(draft).talking_points.exists()


def test_a_window_that_ends_before_it_starts_is_refused(client, draft):
    client.force_login(user("bientap.haquang"))
    response = post_edit(
        client, draft, channel_options=options_formset(valid_from="10/08/2025 08:00", valid_until="09/08/2025 08:00")
    )
    assert response.status_code == 200
    assert "Thời điểm kết thúc phải sau thời điểm bắt đầu phát." in response.content.decode()


def test_a_contributor_cannot_delete_the_approvers_priority(client, draft):
    client.force_login(user("pheduyet.tinh"))
    post_edit(client, draft, channel_options=options_formset(priority="urgent"))
    option = latest(draft).channel_options.get()
    client.force_login(user("bientap.haquang"))
    rows = inline_formset(
        [{"id": option.pk, "radio_script": "", "sms_text": "", "valid_from": "", "valid_until": "", "DELETE": "1"}],
        initial=1,
    )
    response = post_edit(client, NewsPage.objects.get(pk=draft.pk), channel_options=rows)
    assert response.status_code == 200
    assert "Mục này có mức ưu tiên phát thanh do cấp phê duyệt đặt; chỉ cấp phê duyệt được xóa." in (
        response.content.decode()
    )
    assert [o.priority for o in latest(draft).channel_options.all()] == [Priority.URGENT]
