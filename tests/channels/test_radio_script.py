"""The radio script at <article-url>phat-thanh/: what an announcer reads aloud."""

import pytest
from wagtail.models import Site
from wagtail.rich_text import RichText

from channels.models import Abbreviation, ChannelOptions, ChannelSettings
from tests.channels.conftest import body_lines, guide, news, publish

pytestmark = pytest.mark.django_db


def script_of(client, page, **params):
    response = client.get(f"{page.url}phat-thanh/", params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    return response


def test_script_is_plain_text_with_opening_title_summary_and_closing_naming_the_unit(client, article):
    lines = body_lines(script_of(client, article))
    assert lines[0] == "Kính thưa bà con! Huyện Hà Quảng xin gửi tới bà con bản tin cải cách hành chính."
    assert lines[1] == "Hà Quảng số hóa hồ sơ một cửa."
    assert lines[2] == "Tóm tắt: Hà Quảng số hóa hồ sơ một cửa."
    assert lines[-1].strip() == (
        "Bà con cần tìm hiểu thêm, xin mời xem trên Trang thông tin cải cách hành chính tỉnh Cao Bằng "
        "hoặc hỏi trực tiếp Huyện Hà Quảng. Bản tin do Huyện Hà Quảng cung cấp. Xin cảm ơn bà con đã lắng nghe!"
    )
    assert "<" not in script_of(client, article).content.decode()


def test_headings_become_spoken_transitions(client, article):
    assert "Tiếp theo là phần: Căn cứ pháp lý." in body_lines(script_of(client, article))


def test_document_numbers_are_read_as_words(client, article):
    lines = body_lines(script_of(client, article))
    assert lines[4] == (
        "Thực hiện Nghị định số 61 năm 2018 của Chính phủ và Quyết định 327 của Ủy ban nhân dân tỉnh, "
        "Ủy ban nhân dân huyện đẩy mạnh cải cách hành chính."
    )


def test_dates_urls_and_abbreviations_are_spoken(client, article):
    lines = body_lines(script_of(client, article))
    assert lines[5] == (
        "Từ ngày 15 tháng 7 năm 2021, người dân làm thủ tục hành chính trên dịch vụ công trực tuyến tại "
        "(địa chỉ trang web đăng trên Trang thông tin cải cách hành chính tỉnh Cao Bằng)."
    )


def test_year_ranges_percent_and_list_items(client, article):
    lines = body_lines(script_of(client, article))
    assert lines[6] == "Giai đoạn 2021 đến 2025 đạt 90 phần trăm hồ sơ số hóa."
    assert lines[7] == "Mang theo căn cước công dân khi đến Hội đồng nhân dân xã."


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("Luật số 59/2020/QH14 có hiệu lực", "Luật số 59 năm 2020 của Quốc hội khóa 14 có hiệu lực."),
        ("Nghị quyết 18-NQ/TW của Trung ương", "Nghị quyết 18 của Ban Chấp hành Trung ương của Trung ương."),
        (
            "Thông tư 39/2020/TT-BTTTT về truyền thanh",
            "Thông tư 39 năm 2020 của Bộ Thông tin và Truyền thông về truyền thanh.",
        ),
        ("Kế hoạch tháng 12/2023", "Kế hoạch tháng 12 năm 2023."),
        ("Nhận hồ sơ từ 7h30, trả trong 3–5 ngày", "Nhận hồ sơ từ 7 giờ 30, trả trong 3 đến 5 ngày."),
        ("thủ tục hành chính (TTHC) đơn giản", "thủ tục hành chính đơn giản."),
        ("Chỉ số PAR INDEX tăng", "Chỉ số cải cách hành chính tăng."),
        ("Văn bản 12/2024/NĐ-XYZ chưa rõ", "Văn bản 12/2024/NĐ-XYZ chưa rõ."),
    ],
)
def test_written_forms_in_the_summary(client, written, spoken):
    page = news(title="Bản tin thử", summary=written, body=[])
    assert body_lines(script_of(client, page))[2] == spoken


def test_an_abbreviation_added_in_the_admin_is_expanded(client):
    Abbreviation.objects.create(short_form="BCĐ", spoken_form="Ban Chỉ đạo")
    page = news(title="Họp BCĐ huyện", body=[])
    assert body_lines(script_of(client, page))[1] == "Họp Ban Chỉ đạo huyện."


def test_guide_steps_and_documents_are_read(client):
    page = guide(
        steps=[("step", {"title": "Nộp hồ sơ tại UBND xã", "description": RichText("<p>Mang theo CCCD.</p>")})],
        document_groups=[
            ("case", {"case": "", "documents": [{"name": "Tờ khai đăng ký khai sinh", "copies": "1 bản"}]})
        ],
    )
    lines = body_lines(script_of(client, page))
    assert lines[3:8] == [
        "Cơ quan thực hiện: Ủy ban nhân dân xã.",
        "Trình tự thực hiện gồm 1 bước.",
        "Bước 1: Nộp hồ sơ tại Ủy ban nhân dân xã.",
        "Mang theo căn cước công dân.",
        "Hồ sơ gồm: Tờ khai đăng ký khai sinh.",
    ]


def test_reading_time_at_the_default_pace(client):
    page = news(title="Một hai ba", summary="bốn năm sáu bảy", body=[])
    response = script_of(client, page)
    words = sum(len(line.split()) for line in body_lines(response))
    seconds = -(-words * 60 // 130)
    assert response.content.decode().split("\n")[0] == (
        f"[Ghi chú cho phát thanh viên: thời lượng đọc ước tính {seconds} giây, {words} từ, tốc độ 130 từ/phút.]"
    )


def test_reading_pace_is_a_site_setting(client):
    settings = ChannelSettings.for_site(Site.objects.get(is_default_site=True))
    settings.words_per_minute = 60
    settings.save()
    page = news(title="Một hai ba", summary="bốn năm sáu", body=[])
    response = script_of(client, page)
    words = sum(len(line.split()) for line in body_lines(response))
    assert response.content.decode().startswith(
        f"[Ghi chú cho phát thanh viên: thời lượng đọc ước tính {words // 60} phút {words % 60} giây, {words} từ, "
        "tốc độ 60 từ/phút.]"
    )


def test_the_editors_script_wins_over_the_generated_one(client, article):
    draft = article.get_latest_revision_as_object()
    draft.channel_options.add(ChannelOptions(radio_script="Bà con chú ý: lịch tiếp dân thay đổi."))
    publish(draft)
    response = script_of(client, article)
    assert body_lines(response) == ["Bà con chú ý: lịch tiếp dân thay đổi.\n"]


def test_an_override_in_a_draft_is_not_broadcast(client, article):
    draft = article.get_latest_revision_as_object()
    draft.channel_options.add(ChannelOptions(radio_script="Bản nháp chưa duyệt."))
    draft.save_revision()
    assert "Bản nháp chưa duyệt." not in script_of(client, article).content.decode()
