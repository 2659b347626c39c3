"""Autocomplete, synonyms, spelling correction, promotions, the no-results page, live indexing."""

import pytest
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search.engine import run_search
from search.models import QueryLog, Synonym
from tests.search.conftest import import_records, news
from tests.search.test_filters import result_links


def test_autocomplete_suggests_titles_without_diacritics(client, db):
    import_records([news("hat-de-trung-khanh", "Hạt dẻ Trùng Khánh vào mùa")])
    response = client.get(reverse("search_autocomplete"), {"q": "hat de tru"})
    assert response.status_code == 200
    suggestions = response.json()["suggestions"]
    assert suggestions[0]["title"] == "Hạt dẻ Trùng Khánh vào mùa"
    assert suggestions[0]["url"].endswith("/hat-de-trung-khanh/")


def test_autocomplete_bad_input(client, db):
    for query in ["", "\x00", '"', "a", "😀", "x" * 3000]:
        response = client.get(reverse("search_autocomplete"), {"q": query})
        assert response.status_code == 200
        assert isinstance(response.json()["suggestions"], list)


def test_search_page_is_an_accessible_combobox_that_works_without_js(client, db):
    content = client.get(reverse("search")).content.decode()
    assert 'role="combobox"' in content and 'aria-controls="search-suggestions"' in content
    assert 'aria-expanded="false"' in content and 'role="listbox"' in content
    assert 'method="get"' in content and 'name="q"' in content
    assert "js/search-autocomplete.js" in content


def test_default_synonyms_are_shipped(db):
    terms = " | ".join(Synonym.objects.values_list("terms", flat=True))
    for term in ("CCCD", "sổ đỏ", "sổ hồng", "GPLX", "BHYT", "hộ khẩu", "qua mạng"):
        assert term in terms


def test_synonym_added_in_the_admin_applies_at_once(client, db):
    import_records([news("mang-tay-bat-dat", "Măng tây Bát Đạt")])
    assert not run_search("asparagus").hits
    Synonym.objects.create(terms="asparagus, măng tây")
    assert run_search("asparagus").hits[0].document.title == "Măng tây Bát Đạt"


def test_everyday_word_finds_the_official_term(db):
    import_records([news("cap-giay-phep-lai-xe-thu", "Cấp đổi giấy phép lái xe thử nghiệm")])
    assert run_search("đổi bằng lái xe thử nghiệm").hits[0].document.title == "Cấp đổi giấy phép lái xe thử nghiệm"
    assert run_search("GPLX thử nghiệm").hits[0].document.title == "Cấp đổi giấy phép lái xe thử nghiệm"


def test_typo_is_corrected_with_a_did_you_mean_link(client, db):
    import_records([news("chim-phuong-hoang", "Chim phượng hoàng đất")])
    response = client.get(reverse("search"), {"q": "chim phuongg hoang"})
    content = response.content.decode()
    assert "Có phải bạn muốn tìm:" in content
    assert "chim phuong hoang" in content
    assert result_links(response)[0].endswith("/chim-phuong-hoang/")


def test_did_you_mean_when_nothing_is_found(client, db):
    import_records([news("thach-trang-rung", "Thạch trắng rừng Nguyên Bình")])
    content = client.get(reverse("search"), {"q": "thachh"}).content.decode()
    assert "Có phải bạn muốn tìm:" in content and "thach" in content


def test_no_results_page_helps(client, db):
    content = client.get(reverse("search"), {"q": "zzzqqq xxyyzz"}).content.decode()
    assert "Không tìm thấy kết quả phù hợp." in content
    assert "Kiểm tra lỗi chính tả" in content
    assert "Hướng dẫn thủ tục được quan tâm" in content
    for slug in ("the-che", "thu-tuc-hanh-chinh", "to-chuc-bo-may", "cong-vu", "tai-chinh-cong", "chinh-quyen-so"):
        assert f'href="/linh-vuc/{slug}/"' in content


def test_promotion_is_pinned_on_top_even_without_diacritics(client, db):
    pages = import_records([news("tin-khong-lien-quan", "Tin không liên quan gì cả")])
    import_records([news("ca-bong-lau", "Đăng ký khai sinh cá bống")])
    query = Query.get("đăng ký khai sinh")
    SearchPromotion.objects.create(query=query, page=pages["tin-khong-lien-quan"], sort_order=0, description="")
    response = client.get(reverse("search"), {"q": "dang ky khai sinh"})
    assert result_links(response)[0].endswith("/tin-khong-lien-quan/")
    assert "Đề xuất" in response.content.decode()


def test_queries_are_logged_with_zero_results(client, db):
    client.get(reverse("search"), {"q": "Đăng ký  khai sinh"})
    client.get(reverse("search"), {"q": "zzzqqq"})
    client.get(reverse("search"), {"q": "zzzqqq"})
    assert QueryLog.objects.get(query="đăng ký khai sinh").hits == 1
    row = QueryLog.objects.get(query="zzzqqq")
    assert (row.hits, row.zero_hits) == (2, 2)


def test_reports_list_popular_and_zero_result_queries(admin_client):
    admin_client.get(reverse("search"), {"q": "zzzqqq"})
    admin_client.get(reverse("search"), {"q": "đăng ký khai sinh"})
    popular = admin_client.get(reverse("search_popular_queries")).content.decode()
    zero = admin_client.get(reverse("search_zero_result_queries")).content.decode()
    assert "đăng ký khai sinh" in popular and "zzzqqq" in popular
    assert "zzzqqq" in zero and "đăng ký khai sinh" not in zero
    export = admin_client.get(reverse("search_zero_result_queries") + "?export=csv")
    lines = b"".join(export.streaming_content).decode().splitlines()
    assert lines == ["Từ khóa,Số lượt tìm,Số lượt không có kết quả", "zzzqqq,1,1"]


def test_reports_need_permission(client, django_user_model, db):
    user = django_user_model.objects.create_user("citizen", password="x")
    client.force_login(user)
    response = client.get(reverse("search_popular_queries"))
    assert response.status_code in (302, 403)


def test_published_page_is_searchable_at_once_and_gone_when_unpublished(client, db):
    pages = import_records([news("ngua-bach-thu", "Ngựa Xquảnhtô thử nghiệm")])
    url = "/tin-tuc/tinh/ngua-bach-thu/"
    assert result_links(client.get(reverse("search"), {"q": "xquanhto"})) == [url]
    assert client.get("/api/v2/pages/", {"search": "xquanhto"}).json()["meta"]["total_count"] == 1
    pages["ngua-bach-thu"].unpublish()
    assert result_links(client.get(reverse("search"), {"q": "xquanhto"})) == []
    assert client.get("/api/v2/pages/", {"search": "xquanhto"}).json()["meta"]["total_count"] == 0


def test_draft_changes_are_not_searchable_until_published(client, db):
    pages = import_records([news("nai-rung-thu", "Nai Khuổilừng thử nghiệm")])
    page = pages["nai-rung-thu"].specific
    page.title = "Hươu Pắcbóvằn thử nghiệm"
    revision = page.save_revision()
    assert result_links(client.get(reverse("search"), {"q": "pacbovan"})) == []
    assert result_links(client.get(reverse("search"), {"q": "khuoilung"})) == ["/tin-tuc/tinh/nai-rung-thu/"]
    revision.publish()
    assert result_links(client.get(reverse("search"), {"q": "pacbovan"})) == ["/tin-tuc/tinh/nai-rung-thu/"]


def test_private_pages_and_their_children_are_not_found(client, db):
    from wagtail.models import Page, PageViewRestriction

    pages = import_records(
        [
            news("tai-lieu-noi-bo-mat", "Tài liệu nội bộ Quýt Trà Lĩnh"),
            news("tai-lieu-cong-khai", "Tài liệu công khai Quýt Trà Lĩnh"),
        ]
    )

    def found() -> list[str]:
        return [hit.document.title for hit in run_search("quyt tra linh").hits if "Quýt" in hit.document.title]

    assert sorted(found()) == ["Tài liệu công khai Quýt Trà Lĩnh", "Tài liệu nội bộ Quýt Trà Lĩnh"]
    PageViewRestriction.objects.create(
        page=Page.objects.get(pk=pages["tai-lieu-noi-bo-mat"].pk), restriction_type=PageViewRestriction.LOGIN
    )
    assert found() == ["Tài liệu công khai Quýt Trà Lĩnh"]
    links = result_links(client.get(reverse("search"), {"q": "Quýt Trà Lĩnh"}))
    assert pages["tai-lieu-cong-khai"].url in links
    assert pages["tai-lieu-noi-bo-mat"].url not in links
    # A restriction on an ancestor (the news section of that unit) hides everything under it.
    section = Page.objects.get(pk=pages["tai-lieu-cong-khai"].pk).get_parent()
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    assert found() == []


def test_sqlite_title_index_follows_publishing(db):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("the separate title index exists on SQLite only (PostgreSQL's title vectors have their own GIN)")

    def titled(words: str) -> list[int]:
        with connection.cursor() as cursor:
            cursor.execute("SELECT rowid FROM search_title_fts WHERE search_title_fts MATCH %s", [f'"{words}"'])
            return [row[0] for row in cursor.fetchall()]

    page = import_records([news("ca-tre-thu", "Cá trê Bản Giốc thử nghiệm")])["ca-tre-thu"].specific
    assert titled("ca tre ban gioc") == [page.pk]
    page.title = "Cá chép Bản Giốc thử nghiệm"
    page.save_revision().publish()
    assert titled("ca tre ban gioc") == []
    assert titled("ca chep ban gioc") == [page.pk]
    page.unpublish()
    assert titled("ca chep ban gioc") == []


def test_search_values_are_extracted_again_when_the_field_changes(db):
    from articles.models import NewsPage
    from home.indexing import MemoisedSearchField

    page = NewsPage.objects.live().first()
    field = next(field for field in page.get_search_fields() if getattr(field, "field_name", "") == "body")
    assert isinstance(field, MemoisedSearchField)
    first = field.get_value(page)
    assert field.get_value(page) is first  # asked again by the indexer: not walked again
    page.body = [("paragraph", "<p>Nội dung mới hoàn toàn</p>")]
    assert "Nội dung mới hoàn toàn" in " ".join(field.get_value(page))
