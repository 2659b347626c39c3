"""Harder ways citizens type (issue 10): their own questions on the guides, chat shorthand, words
run together, long questions, rare words, and the folded stop words that are real words."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from articles.models import GuidePage
from search.models import SearchTerm, Shorthand
from search.query import parse_query
from tests.search.conftest import import_records, news


def result_titles(client, query: str) -> list[str]:
    response = client.get(reverse("search"), {"q": query})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [link.get_text(" ", strip=True) for link in soup.select("#search-results article.result h2 a")]


def guide(slug: str, title: str, **extra) -> dict:
    record = news(slug, title, **extra)
    record.update({"type": "guide", "agency": "UBND cấp xã"})
    return record


# Citizen questions -------------------------------------------------------------------------------


def test_a_guide_is_found_by_a_citizen_question_sharing_no_word_with_its_title(client, db):
    import_records(
        [
            guide(
                "nhan-nuoi-thu", "Đăng ký nuôi con nuôi trong nước", citizen_queries=["xin đứa bé về nuôi như con đẻ"]
            ),
            news("tin-dua-be", "Tặng quà cho em bé vùng cao", body="Đứa bé được nhận quà."),
        ]
    )
    assert result_titles(client, "muốn xin đứa bé về nuôi như con đẻ")[0] == "Đăng ký nuôi con nuôi trong nước"


def test_citizen_questions_are_shown_to_editors_with_examples(admin_client):
    page = GuidePage.objects.live().order_by("pk").first()
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    soup = BeautifulSoup(response.content, "html.parser")
    field = soup.select_one('textarea[name="citizen_queries"]')
    assert field is not None
    help_text = soup.select_one("#panel-child-content-citizen_queries-section, [id*='citizen_queries']")
    assert help_text is not None
    assert "Mỗi dòng một câu hỏi" in response.content.decode()


def test_demo_guides_carry_citizen_questions(db):
    guides = GuidePage.objects.live().filter(slug="dang-ky-khai-sinh")
    assert guides.exists()
    assert len(guides.get().citizen_query_list()) >= 3


def test_editing_the_questions_changes_the_results_at_once(client, db):
    pages = import_records([guide("cap-ban-sao-thu", "Cấp bản sao trích lục hộ tịch thử")])
    assert "Cấp bản sao trích lục hộ tịch thử" not in result_titles(client, "giấy chứng nhận cũ bị mối xông")
    page = pages["cap-ban-sao-thu"].specific
    page.citizen_queries = "giấy chứng nhận cũ bị mối xông"
    page.save_revision().publish()
    assert result_titles(client, "giấy chứng nhận cũ bị mối xông")[0] == "Cấp bản sao trích lục hộ tịch thử"


# Chat shorthand ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "title"),
    [
        ("dk ket hon can j", "Đăng ký kết hôn"),
        ("đk khai tử ntn", "Đăng ký khai tử"),
        ("ko co ho khau thi dk thuong tru dc ko", "Đăng ký thường trú"),
    ],
)
def test_chat_shorthand_finds_the_guide(client, db, typed, title):
    assert result_titles(client, typed)[0] == title


def test_shorthand_is_shipped_data_that_editors_change(client, db):
    assert Shorthand.objects.filter(short="dk", expansion="đăng ký").exists()
    assert parse_query("ko").stop == [True]  # "ko" reads as the function word "không"
    import_records([news("ca-tam-thu", "Cá tầm Bảo Lạc thử nghiệm")])
    assert "Cá tầm Bảo Lạc thử nghiệm" not in result_titles(client, "ctbl")
    Shorthand.objects.create(short="ctbl", expansion="cá tầm Bảo Lạc")
    assert result_titles(client, "ctbl")[0] == "Cá tầm Bảo Lạc thử nghiệm"


def test_shorthand_is_edited_in_the_admin(admin_client):
    response = admin_client.post(
        reverse("wagtailsnippets_search_shorthand:add"), {"short": "tthcc", "expansion": "thủ tục hành chính công"}
    )
    assert response.status_code == 302
    assert Shorthand.objects.get(short="tthcc").expansion == "thủ tục hành chính công"


# Words run together ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "title"),
    [
        ("dangkykhaisinh", "Đăng ký khai sinh"),
        ("đăngkýkếthôn", "Đăng ký kết hôn"),
        ("capdoigiayphep laixe", "Cấp đổi giấy phép lái xe"),
    ],
)
def test_words_run_together_are_split_against_the_vocabulary(client, db, typed, title):
    assert result_titles(client, typed)[0] == title


def test_splitting_prefers_few_known_syllables_and_keeps_diacritics(db):
    query = parse_query("đăngkýkếthôn")
    assert query.words == ["đăng", "ký", "kết", "hôn"]
    assert query.marked == [True, True, True, True]


def test_an_indexed_word_is_never_split(db):
    import_records([news("ngua-xquanhto", "Ngựa Xquảnhtô thử nghiệm")])
    assert parse_query("xquanhto").words == ["xquanhto"]


@pytest.mark.parametrize("typed", ["thur tucj", "thu3 tu5c"])
def test_telex_and_vni_leftovers_still_work(client, db, typed):
    import_records([news("thu-tuc-moi-thu", "Thủ tục mới về cá trắm đen")])
    assert "Thủ tục mới về cá trắm đen" in result_titles(client, f"{typed} ca tram den")[:1]


# Long questions and rare words --------------------------------------------------------------------


def test_a_syllable_inside_an_unrelated_phrase_does_not_outrank_the_page_asked_about(client, db):
    """The second title holds every word of the question, but "giao" and "đất" in other phrases
    ("giao sản xuất", "đất trồng") than the question's "giao đất rừng sản xuất"."""
    import_records(
        [
            news("giao-dat-thu", "Giao đất rừng sản xuất cho hộ gia đình"),
            news("trong-rung-thu", "Đất trồng rừng, giao sản xuất hộ gia đình"),
        ]
    )
    titles = result_titles(client, "gia đình trồng rừng muốn hỏi về giao đất rừng sản xuất cho hộ")
    assert titles[0] == "Giao đất rừng sản xuất cho hộ gia đình"


def test_the_rare_word_of_a_question_outweighs_generic_words(client, db):
    generic = [news(f"chung-{number}", f"Thủ tục hành chính cần những giấy tờ gì số {number}") for number in range(12)]
    import_records([*generic, news("hat-de-thu", "Hạt dẻ Trùng Khánh", body="Thủ tục hành chính.")])
    assert result_titles(client, "thu tuc hat de can nhung giay to gi")[0] == "Hạt dẻ Trùng Khánh"
    assert SearchTerm.objects.get(word="de").doc_count < SearchTerm.objects.get(word="thu").doc_count


# Folded stop words that are real words -----------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "content_title", "other_title"),
    [
        ("cua khau ta lung", "Cửa khẩu Tà Lùng mở lại", "Khẩu hiệu Tà Lùng mới"),
        ("nuoi ong mat", "Nuôi ong mật ở Trùng Khánh", "Nuôi mật gấu bị cấm"),
        ("dang ky khai sinh muon", "Đăng ký khai sinh muộn cho trẻ", "Đăng ký khai sinh cho trẻ sơ sinh"),
        ("chung chi hanh nghe duoc", "Cấp chứng chỉ hành nghề dược", "Cấp chứng chỉ hành nghề y"),
        ("quan trac khi thai", "Quan trắc khí thải nhà máy", "Quan trắc nước thải nhà máy"),
        ("khao sat nhu cau", "Khảo sát nhu cầu học nghề", "Khảo sát cầu treo"),
        ("chuong trinh ba giam", "Chương trình ba giảm ở Hạ Lang", "Chương trình giảm nghèo ở Hạ Lang"),
    ],
)
def test_a_folded_word_that_a_title_uses_as_a_content_word_counts(client, db, typed, content_title, other_title):
    import_records([news("noi-dung-thu", content_title), news("khac-thu", other_title)])
    titles = result_titles(client, typed)
    assert titles[0] == content_title
    folded = typed.split()
    word = next(word for word in folded if word in {"cua", "ong", "muon", "duoc", "khi", "nhu", "ba"})
    assert not parse_query(typed).stop[folded.index(word)]


def test_a_folded_word_stays_a_stop_word_while_no_title_uses_it_as_a_content_word(client, db):
    assert parse_query("khi nao lam the").stop[0] is True
    import_records([news("khi-tuong-thu", "Khí tượng thủy văn Cao Bằng")])
    assert parse_query("khi nao lam the").stop[0] is False
    assert parse_query("khi tuong").stop == [False, False]
