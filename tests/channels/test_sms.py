"""SMS at <article-url>tin-nhan/: one GSM-7 message (160), or UCS-2 with diacritics (70), ending with a short link."""

import pytest

from channels.models import ChannelOptions
from channels.sms import GSM7_BASIC, GSM7_EXTENSION
from tests.channels.conftest import news, publish

pytestmark = pytest.mark.django_db

LONG_TITLE = (
    "Huyện Hà Quảng đẩy mạnh số hóa hồ sơ, kết quả giải quyết thủ tục hành chính tại Bộ phận Một cửa "
    "cấp huyện và các xã, thị trấn trong năm 2025 để người dân không phải nộp lại giấy tờ"
)


def short_link(page) -> str:
    return f"http://localhost/s/{base36(page.pk)}/"


def base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    code = ""
    while True:
        number, rest = divmod(number, 36)
        code = digits[rest] + code
        if not number:
            return code


def test_gsm7_message_is_folded_to_ascii_and_ends_with_the_short_link(client):
    page = news(title="Đăng ký khai sinh trực tuyến ở Hà Quảng")
    response = client.get(page.url + "tin-nhan/")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == f"Dang ky khai sinh truc tuyen o Ha Quang {short_link(page)}"
    assert response["X-SMS-Encoding"] == "GSM-7"


def test_gsm7_message_fits_160_characters_cut_at_a_word(client):
    page = news(title=LONG_TITLE)
    text = client.get(page.url + "tin-nhan/").content.decode()
    assert len(text) == len(text.encode("ascii"))  # one GSM-7 message, no Unicode left
    assert all(ch in GSM7_BASIC or ch in GSM7_EXTENSION for ch in text)
    assert len(text) <= 160
    message, link = text.rsplit(" ", 1)
    assert link == short_link(page)
    assert message.endswith("...")
    assert (
        message
        == (
            "Huyen Ha Quang day manh so hoa ho so, ket qua giai quyet thu tuc hanh chinh tai Bo phan Mot cua cap "
            "huyen va cac xa, thi tran trong..."
        )[: len(message)]
    )


def test_ucs2_message_keeps_diacritics_in_70_characters(client):
    page = news(title=LONG_TITLE)
    response = client.get(page.url + "tin-nhan/", {"dau": "1"})
    text = response.content.decode()
    assert response["X-SMS-Encoding"] == "UCS-2"
    assert len(text.encode("utf-16-le")) // 2 <= 70
    assert text == f"Huyện Hà Quảng đẩy mạnh số hóa hồ sơ, kết... {short_link(page)}"


def test_the_editors_sms_text_wins(client, article):
    draft = article.get_latest_revision_as_object()
    draft.channel_options.add(ChannelOptions(sms_text="Từ 1/8 nộp hồ sơ một cửa trực tuyến"))
    publish(draft)
    assert client.get(article.url + "tin-nhan/").content.decode() == (
        f"Tu 1/8 nop ho so mot cua truc tuyen {short_link(article)}"
    )


def test_the_short_link_redirects_to_the_article(client, article):
    response = client.get(f"/s/{base36(article.pk)}/")
    assert response.status_code == 302
    assert response["Location"] == article.url


def test_a_short_link_to_a_draft_or_nothing_is_not_found(client):
    draft = news(title="Bài nháp", live=False)
    assert client.get(f"/s/{base36(draft.pk)}/").status_code == 404
    assert client.get("/s/zzzzzzzzzzzzz/").status_code == 404
    assert client.get("/s/Ab!/").status_code == 404
