"""Order of results: exact diacritics above folded-only, title above body, coverage above all."""

from search.engine import run_search
from tests.search.conftest import import_records, news


def slugs(query: str) -> list[str]:
    from wagtail.models import Page

    ids = [hit.document.page_id for hit in run_search(query).hits]
    by_id = dict(Page.objects.filter(pk__in=ids).values_list("pk", "slug"))
    return [by_id[page_id] for page_id in ids]


def test_exact_diacritics_rank_above_folded_only_matches(db):
    import_records(
        [
            news("ban-tin-thu-ba", "Bán sạo tin tức thử"),
            news("bao-cao-ban-sao", "Bản sao tin tức thử"),
        ]
    )
    ranked = slugs("bản sao tin tức thử")
    assert ranked.index("bao-cao-ban-sao") < ranked.index("ban-tin-thu-ba")


def test_diacritics_typed_decide_between_two_words_with_the_same_letters(db):
    import_records(
        [
            news("cho-thue-kho-thu", "Cho thuê kho thử nghiệm"),
            news("khai-thue-kho-thu", "Khai thuế kho thử nghiệm"),
        ]
    )
    assert slugs("thuế kho thử nghiệm")[0] == "khai-thue-kho-thu"
    assert slugs("thuê kho thử nghiệm")[0] == "cho-thue-kho-thu"


def test_title_match_ranks_above_body_match(db):
    import_records(
        [
            news("nhac-trong-bai", "Thông báo lịch tiếp dân", body="Thông tin về quả bưởi Phục Hòa đặc sản."),
            news("buoi-phuc-hoa", "Quả bưởi Phục Hòa", body="Thông tin thử nghiệm khác."),
        ]
    )
    ranked = slugs("bưởi Phục Hòa")
    assert ranked.index("buoi-phuc-hoa") < ranked.index("nhac-trong-bai")


def test_tone_placement_and_nfd_find_the_same_page(db):
    import unicodedata

    import_records([news("buoi-phuc-hoa", "Quả bưởi Phục Hòa")])
    for query in ("bưởi Phục Hoà", unicodedata.normalize("NFD", "bưởi Phục Hòa"), "buoi phuc hoa", "BƯỞI PHỤC HÒA"):
        assert slugs(query)[:1] == ["buoi-phuc-hoa"], query


def test_question_words_do_not_make_a_query_fail(db):
    import_records([news("nuoi-ong-mat", "Hướng dẫn nuôi ong mật Trùng Khánh")])
    assert slugs("làm thế nào để nuôi ong mật thì cần những gì ạ")[:1] == ["nuoi-ong-mat"]


def test_more_meaningful_words_matched_rank_higher(db):
    import_records(
        [
            news("mot-tu", "Quả hồng không hạt", body="Thông tin thử nghiệm."),
            news("ba-tu", "Hồng không hạt Bảo Lạc", body="Mùa quả hồng không hạt."),
        ]
    )
    assert slugs("hồng không hạt Bảo Lạc")[0] == "ba-tu"
