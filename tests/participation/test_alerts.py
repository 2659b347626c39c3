"""E-mail alerts: /dang-ky-nhan-tin/, double opt-in, one-click unsubscribe, send_alerts never twice."""

from __future__ import annotations

import datetime
import re
import smtplib

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import GuideIndexPage, GuidePage, NewsIndexPage, NewsPage
from articles.tree import section_for
from home.models import ReformArea, Unit
from participation.models import Delivery, Subscription
from participation.sending import send_due_alerts
from tests.participation.conftest import soup

pytestmark = pytest.mark.django_db

URL = "/dang-ky-nhan-tin/"
ADDRESS = "nguoi.dan@example.com"


def publish(model, index_model, unit_slug: str, title: str, area_slug: str = "thu-tuc-hanh-chinh", **fields):
    section = section_for(index_model, Unit.objects.get(slug=unit_slug))
    page = model(title=title, summary=f"Tóm tắt: {title}", **fields)
    section.add_child(instance=page)
    page.reform_areas.set([ReformArea.objects.get(slug=area_slug)])
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def publish_news(unit_slug: str, title: str, area_slug: str = "thu-tuc-hanh-chinh") -> NewsPage:
    return publish(NewsPage, NewsIndexPage, unit_slug, title, area_slug)


def publish_guide(unit_slug: str, title: str) -> GuidePage:
    return publish(GuidePage, GuideIndexPage, unit_slug, title, agency="UBND huyện")


def confirmation_link(message) -> str:
    return re.search(r"http://\S+/dang-ky-nhan-tin/xac-nhan/\S+/", message.body).group(0)


def subscribe(client: Client, **data) -> Subscription:
    """Sign up and open the confirmation link, as the citizen would."""
    values = {"email": ADDRESS, "frequency": "immediate", **data}
    assert client.post(URL, values).status_code == 302
    link = confirmation_link(mail.outbox[-1])
    assert client.get(link.removeprefix("http://127.0.0.1:8000")).status_code == 200
    mail.outbox.clear()
    return Subscription.objects.get(email=values["email"])


def test_the_page_shows_the_form(client):
    response = client.get(URL)
    assert "no-store" in response["Cache-Control"]
    form = soup(response).find("form", id="subscribe")
    assert form.find("input", attrs={"name": "email"})["type"] == "email"
    assert {box["value"] for box in form.find_all("input", attrs={"name": "areas"})} == set(
        ReformArea.objects.values_list("slug", flat=True)
    )
    assert {box["value"] for box in form.find_all("input", attrs={"name": "types"})} == {
        "news",
        "guide",
        "faq",
        "story",
        "document",  # new legal documents (legal app) can be followed too
    }
    assert "ha-quang" in {box["value"] for box in form.find_all("input", attrs={"name": "units"})}
    assert [radio["value"] for radio in form.find_all("input", attrs={"name": "frequency"})] == ["immediate", "weekly"]


def test_signing_up_sends_a_confirmation_link_and_stores_nothing(client):
    response = client.post(URL, {"email": ADDRESS, "frequency": "weekly", "areas": ["cong-vu"], "units": ["ha-quang"]})
    assert response.status_code == 302
    assert response["Location"] == reverse("participation_subscribe_sent")
    assert Subscription.objects.count() == 0
    [message] = mail.outbox
    assert message.to == [ADDRESS]
    assert message.subject == "Xác nhận đăng ký nhận tin – Cải cách hành chính tỉnh Cao Bằng"
    assert "Nhận thư: Tổng hợp hằng tuần" in message.body
    assert "Lĩnh vực: Cải cách chế độ công vụ" in message.body
    assert "Đơn vị: Huyện Hà Quảng" in message.body
    assert confirmation_link(message).startswith("http://127.0.0.1:8000/dang-ky-nhan-tin/xac-nhan/")


def test_the_confirmation_link_stores_the_subscription_with_its_choices(client):
    subscription = subscribe(
        client, frequency="weekly", areas=["cong-vu", "the-che"], units=["ha-quang"], types=["guide"]
    )
    assert subscription.frequency == "weekly"
    assert sorted(subscription.reform_areas.values_list("slug", flat=True)) == ["cong-vu", "the-che"]
    assert list(subscription.units.values_list("slug", flat=True)) == ["ha-quang"]
    assert subscription.content_types == ["guide"]


def test_confirming_again_replaces_the_choices_of_the_same_address(client):
    first = subscribe(client, units=["ha-quang"])
    second = subscribe(client, units=["bao-lac"], frequency="weekly")
    assert Subscription.objects.filter(email=ADDRESS).count() == 1
    assert second.pk == first.pk
    assert list(second.units.values_list("slug", flat=True)) == ["bao-lac"]


def test_an_altered_confirmation_link_is_refused(client):
    client.post(URL, {"email": ADDRESS, "frequency": "immediate"})
    link = confirmation_link(mail.outbox[0]).removeprefix("http://127.0.0.1:8000")
    response = client.get(link.replace("/xac-nhan/", "/xac-nhan/x"))
    assert response.status_code == 400
    assert soup(response).find("h1").get_text(strip=True) == "Đường dẫn xác nhận không hợp lệ"
    assert Subscription.objects.count() == 0


def test_an_expired_confirmation_link_is_refused(client, settings):
    client.post(URL, {"email": ADDRESS, "frequency": "immediate"})
    settings.PARTICIPATION_CONFIRMATION_DAYS = 0
    response = client.get(confirmation_link(mail.outbox[0]).removeprefix("http://127.0.0.1:8000"))
    assert response.status_code == 400
    assert Subscription.objects.count() == 0


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"frequency": "immediate"}, "email", "Hãy nhập địa chỉ thư điện tử."),
        (
            {"email": "khong-phai-dia-chi", "frequency": "immediate"},
            "email",
            "Địa chỉ thư điện tử không hợp lệ (ví dụ: ten@example.com).",
        ),
        ({"email": ADDRESS}, "frequency", "Hãy chọn tần suất nhận thư."),
        ({"email": ADDRESS, "frequency": "daily"}, "frequency", "Lựa chọn không hợp lệ; hãy chọn trong danh sách."),
        (
            {"email": ADDRESS, "frequency": "weekly", "areas": ["khong-co"]},
            "areas",
            "Lựa chọn không hợp lệ; hãy chọn trong danh sách.",
        ),
        (
            {"email": ADDRESS, "frequency": "weekly", "units": ["khong-co"]},
            "units",
            "Lựa chọn không hợp lệ; hãy chọn trong danh sách.",
        ),
        (
            {"email": ADDRESS, "frequency": "weekly", "types": ["video"]},
            "types",
            "Lựa chọn không hợp lệ; hãy chọn trong danh sách.",
        ),
    ],
)
def test_each_invalid_input_gets_400_and_no_mail(client, data, field, message):
    response = client.post(URL, data)
    assert response.status_code == 400
    form = soup(response).find("form", id="subscribe")
    assert form.find(id=f"id_{field}_error").get_text(strip=True) == message
    assert mail.outbox == []
    assert Subscription.objects.count() == 0


def test_the_honeypot_sends_nothing(client):
    response = client.post(URL, {"email": ADDRESS, "frequency": "immediate", "website": "x"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_one_address_gets_at_most_three_confirmations_an_hour(client):
    for _attempt in range(3):
        assert client.post(URL, {"email": ADDRESS, "frequency": "immediate"}).status_code == 302
    response = client.post(URL, {"email": ADDRESS, "frequency": "immediate"}, REMOTE_ADDR="10.1.1.1")
    assert response.status_code == 429
    assert len(mail.outbox) == 3


def test_a_new_matching_article_is_sent_once_with_the_unsubscribe_header(client):
    subscription = subscribe(client, units=["ha-quang"])
    page = publish_news("ha-quang", "Hà Quảng tiếp nhận hồ sơ trực tuyến cả ngày thứ Bảy")
    out = []
    call_command("send_alerts", stdout=FakeOut(out))
    [message] = mail.outbox
    assert message.to == [ADDRESS]
    assert message.subject == f"Bài mới: {page.title}"
    unsubscribe = f"http://127.0.0.1:8000/dang-ky-nhan-tin/huy/{subscription.token}/"
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in message.body
    assert f"http://127.0.0.1:8000{page.url}" in message.body
    assert out == ["Đã gửi 1 thư (1 bài).\n"]
    call_command("send_alerts", stdout=FakeOut(out))
    assert len(mail.outbox) == 1
    assert out[-1] == "Đã gửi 0 thư (0 bài).\n"
    assert Delivery.objects.filter(subscription=subscription, page=page).count() == 1


def test_articles_outside_the_choices_or_older_than_the_subscription_are_not_sent(client):
    publish_news("ha-quang", "Bài đăng trước khi đăng ký")
    subscribe(client, units=["ha-quang"], types=["news"], areas=["thu-tuc-hanh-chinh"])
    publish_news("bao-lac", "Bài của đơn vị khác")
    publish_news("ha-quang", "Bài thuộc lĩnh vực khác", area_slug="cong-vu")
    publish_guide("ha-quang", "Hướng dẫn, không phải tin tức")
    wanted = publish_news("ha-quang", "Bài đúng lựa chọn")
    call_command("send_alerts", stdout=FakeOut([]))
    assert [message.subject for message in mail.outbox] == [f"Bài mới: {wanted.title}"]


def test_republishing_does_not_send_again(client):
    subscribe(client)
    page = publish_news("ha-quang", "Bài được sửa và đăng lại")
    call_command("send_alerts", stdout=FakeOut([]))
    page.save_revision().publish()
    call_command("send_alerts", stdout=FakeOut([]))
    assert len(mail.outbox) == 1


def test_weekly_subscribers_get_one_digest_a_week(client):
    subscription = subscribe(client, frequency="weekly", units=["ha-quang"])
    first = publish_news("ha-quang", "Tin thứ nhất trong tuần")
    second = publish_news("ha-quang", "Tin thứ hai trong tuần")
    assert send_due_alerts().messages == 0
    in_a_week = timezone.now() + datetime.timedelta(days=7)
    result = send_due_alerts(now=in_a_week)
    assert (result.messages, result.articles) == (1, 2)
    [message] = mail.outbox
    assert message.subject == "Bản tin tuần: 2 bài mới"
    assert first.title in message.body and second.title in message.body
    assert message.extra_headers["List-Unsubscribe"] == (
        f"<http://127.0.0.1:8000/dang-ky-nhan-tin/huy/{subscription.token}/>"
    )
    publish_news("ha-quang", "Tin của tuần sau")
    assert send_due_alerts(now=in_a_week + datetime.timedelta(days=1)).messages == 0
    assert send_due_alerts(now=in_a_week + datetime.timedelta(days=7)).articles == 1


def test_a_refused_message_is_sent_on_the_next_run(client, monkeypatch):
    subscribe(client)
    publish_news("ha-quang", "Bài gặp lỗi máy chủ thư")
    original = mail.EmailMessage.send

    def refuse(self, *args, **kwargs):
        raise smtplib.SMTPException("máy chủ thư bận")

    monkeypatch.setattr(mail.EmailMessage, "send", refuse)
    with pytest.raises(CommandError, match="1 thư chưa gửi được"):
        call_command("send_alerts", stdout=FakeOut([]))
    assert Delivery.objects.count() == 0
    monkeypatch.setattr(mail.EmailMessage, "send", original)
    call_command("send_alerts", stdout=FakeOut([]))
    assert len(mail.outbox) == 1


def test_the_unsubscribe_link_deletes_the_subscription_in_one_click(client):
    subscription = subscribe(client)
    response = client.get(f"/dang-ky-nhan-tin/huy/{subscription.token}/")
    assert response.status_code == 200
    assert soup(response).find("h1").get_text(strip=True) == "Đã hủy đăng ký nhận tin"
    assert not Subscription.objects.filter(email=ADDRESS).exists()
    again = client.get(f"/dang-ky-nhan-tin/huy/{subscription.token}/")
    assert again.status_code == 404


def test_the_one_click_post_of_mail_programs_unsubscribes_without_a_csrf_token(client, csrf_client):
    subscription = subscribe(client)
    response = csrf_client.post(f"/dang-ky-nhan-tin/huy/{subscription.token}/", {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscription.objects.exists()


def test_nothing_is_sent_after_unsubscribing(client):
    subscription = subscribe(client)
    client.get(f"/dang-ky-nhan-tin/huy/{subscription.token}/")
    publish_news("ha-quang", "Bài sau khi hủy đăng ký")
    call_command("send_alerts", stdout=FakeOut([]))
    assert mail.outbox == []


class FakeOut:
    """Collects what a command writes, line by line."""

    def __init__(self, lines: list):
        self.lines = lines

    def write(self, text: str) -> None:
        self.lines.append(text)

    def flush(self) -> None:
        pass
