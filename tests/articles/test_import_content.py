import json
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision

from articles.models import ArticlePage, FaqPage, GuidePage, NewsPage, SuccessStoryPage

pytestmark = pytest.mark.django_db

GOOD_RECORDS = [
    {
        "type": "news",
        "title": "Hà Quảng đưa bộ phận Một cửa điện tử vào hoạt động",
        "unit": "ha-quang",
        "reform_areas": ["thu-tuc-hanh-chinh", "chinh-quyen-so"],
        "tags": ["Một cửa", "Hà Quảng"],
        "summary": "Từ tháng 3, người dân Hà Quảng nộp hồ sơ tại bộ phận Một cửa điện tử.",
        "body": "<p>Nội dung <strong>tin</strong>.</p><script>alert('x')</script>",
        "date": "2024-03-15",
    },
    {
        "type": "guide",
        "title": "Đăng ký kết hôn thử nghiệm",
        "unit": "so-tu-phap",
        "reform_areas": ["thu-tuc-hanh-chinh"],
        "summary": "Hướng dẫn đăng ký kết hôn.",
        "procedure_code": "1.000894",
        "agency": "UBND cấp xã",
        "processing_time": "Ngay trong ngày",
        "fee": "Miễn lệ phí",
        "steps": ["Nộp tờ khai", "Nhận giấy chứng nhận kết hôn"],
        "documents": ["Tờ khai đăng ký kết hôn", "Giấy xác nhận tình trạng hôn nhân"],
        "online_url": "https://dichvucong.gov.vn/",
        "date": "2023-06-01",
    },
    {
        "type": "faq",
        "title": "Đăng ký kết hôn có mất phí không?",
        "reform_areas": ["thu-tuc-hanh-chinh"],
        "body": "<p>Đăng ký kết hôn được miễn lệ phí.</p>",
        "date": "2024-01-02",
    },
    {
        "type": "story",
        "title": "Mô hình Zalo phường trả lời người dân",
        "slug": "zalo-phuong",
        "unit": "thanh-pho-cao-bang",
        "reform_areas": ["chinh-quyen-so"],
        "summary": "Nhóm Zalo giúp người dân hỏi thủ tục.",
        "body": "<p>Mô hình.</p>",
    },
]


def run_import(tmp_path, data, name="content.json") -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = StringIO()
    call_command("import_content", str(path), stdout=out, stderr=out)
    return out.getvalue()


def import_errors(tmp_path, data) -> str:
    path = tmp_path / "bad.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError) as error:
        call_command("import_content", str(path), stdout=StringIO(), stderr=err)
    return err.getvalue() + str(error.value)


def test_good_file_creates_published_pages_under_the_right_sections(tmp_path, client):
    run_import(tmp_path, GOOD_RECORDS)

    news = NewsPage.objects.get(slug="ha-quang-dua-bo-phan-mot-cua-dien-tu-vao-hoat-dong")
    assert news.live
    assert news.url == "/tin-tuc/ha-quang/ha-quang-dua-bo-phan-mot-cua-dien-tu-vao-hoat-dong/"
    assert news.unit.slug == "ha-quang"
    assert sorted(area.slug for area in news.reform_areas.all()) == ["chinh-quyen-so", "thu-tuc-hanh-chinh"]
    assert sorted(tag.name for tag in news.tags.all()) == ["Hà Quảng", "Một cửa"]
    assert news.date.isoformat() == "2024-03-15"

    guide = GuidePage.objects.get(slug="dang-ky-ket-hon-thu-nghiem")
    assert guide.url == "/huong-dan/so-tu-phap/dang-ky-ket-hon-thu-nghiem/"
    assert guide.procedure_code == "1.000894"
    assert [block.value["title"] for block in guide.steps] == ["Nộp tờ khai", "Nhận giấy chứng nhận kết hôn"]
    method = guide.submission_methods[0].value
    assert (method["method"], method["processing_time"], method["fee"]) == ("direct", "Ngay trong ngày", "Miễn lệ phí")
    names = [document["name"] for document in guide.document_groups[0].value["documents"]]
    assert names == ["Tờ khai đăng ký kết hôn", "Giấy xác nhận tình trạng hôn nhân"]

    faq = FaqPage.objects.get(slug="dang-ky-ket-hon-co-mat-phi-khong")
    assert faq.url.startswith("/hoi-dap/tinh/")
    assert faq.summary == "Đăng ký kết hôn được miễn lệ phí."
    assert SuccessStoryPage.objects.get(slug="zalo-phuong").url == "/mo-hinh-hay/thanh-pho-cao-bang/zalo-phuong/"

    response = client.get(news.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text(strip=True) == "Hà Quảng đưa bộ phận Một cửa điện tử vào hoạt động"
    assert "alert" not in str(soup.select_one(".article__body").find_all("script"))
    assert not soup.select(".article__body script")


def test_reimporting_a_slug_updates_with_a_new_revision_and_never_duplicates(tmp_path):
    run_import(tmp_path, GOOD_RECORDS)
    news = NewsPage.objects.get(slug="ha-quang-dua-bo-phan-mot-cua-dien-tu-vao-hoat-dong")
    revisions_before = Revision.objects.for_instance(news).count()
    pages_before = Page.objects.count()

    output = run_import(tmp_path, [dict(GOOD_RECORDS[0], summary="Tóm tắt đã sửa.")])

    assert "0 bài mới, 1 bài cập nhật (trong đó 0 bài chuyển đơn vị)" in output
    assert Page.objects.count() == pages_before
    news.refresh_from_db()
    assert news.summary == "Tóm tắt đã sửa."
    assert Revision.objects.for_instance(news).count() == revisions_before + 1
    assert news.live_revision == news.latest_revision


SAME_SLUG = "ke-hoach-cchc-nam-2025"


def plan(unit: str, **extra) -> dict:
    return {
        "type": "news",
        "title": "Kế hoạch CCHC năm 2025",
        "slug": SAME_SLUG,
        "unit": unit,
        "reform_areas": ["the-che"],
        "summary": f"Kế hoạch của {unit}.",
        **extra,
    }


def test_the_same_slug_in_another_unit_is_another_page_and_leaves_the_first_untouched(tmp_path):
    run_import(tmp_path, [plan("ha-quang")])
    ha_quang = NewsPage.objects.get(slug=SAME_SLUG)
    revision = ha_quang.latest_revision_id

    output = run_import(tmp_path, [plan("bao-lac")])

    assert "1 bài mới, 0 bài cập nhật" in output
    ha_quang.refresh_from_db()
    assert (ha_quang.unit.slug, ha_quang.summary, ha_quang.latest_revision_id) == (
        "ha-quang",
        "Kế hoạch của ha-quang.",
        revision,
    )
    assert ha_quang.url == f"/tin-tuc/ha-quang/{SAME_SLUG}/"
    bao_lac = NewsPage.objects.get(slug=SAME_SLUG, unit__slug="bao-lac")
    assert bao_lac.url == f"/tin-tuc/bao-lac/{SAME_SLUG}/"


def test_a_record_with_an_id_is_that_page_wherever_its_unit_moves_it(tmp_path):
    run_import(tmp_path, [plan("ha-quang", id="cong-cu-220")])
    page = NewsPage.objects.get(import_id="cong-cu-220")
    assert page.unit.slug == "ha-quang"

    output = run_import(tmp_path, [plan("bao-lac", id="cong-cu-220", summary="Đã chuyển.")])

    assert "0 bài mới, 1 bài cập nhật (trong đó 1 bài chuyển đơn vị)" in output
    assert NewsPage.objects.filter(import_id="cong-cu-220").count() == 1
    page.refresh_from_db()
    assert (page.unit.slug, page.summary) == ("bao-lac", "Đã chuyển.")
    assert page.url == f"/tin-tuc/bao-lac/{SAME_SLUG}/"
    assert page.search_document.unit_slug == "bao-lac"


def test_an_id_keeps_its_page_when_the_slug_changes(tmp_path):
    run_import(tmp_path, [plan("ha-quang", id="cong-cu-221")])
    run_import(tmp_path, [plan("ha-quang", id="cong-cu-221", slug="ke-hoach-moi")])
    page = NewsPage.objects.get(import_id="cong-cu-221")
    assert page.url == "/tin-tuc/ha-quang/ke-hoach-moi/"
    assert not NewsPage.objects.filter(slug=SAME_SLUG).exists()


def test_an_id_moved_onto_a_slug_another_page_holds_imports_nothing(tmp_path):
    run_import(tmp_path, [plan("ha-quang"), plan("bao-lac", id="cong-cu-222", slug="khac")])
    before = {page.pk: (page.unit_id, page.slug) for page in NewsPage.objects.all()}

    errors = import_errors(tmp_path, [plan("ha-quang", id="cong-cu-222")])

    assert "đã có một bài khác với đường dẫn (slug) “ke-hoach-cchc-nam-2025”" in errors
    assert "Không có bài nào được nhập" in errors
    assert {page.pk: (page.unit_id, page.slug) for page in NewsPage.objects.all()} == before


@pytest.mark.parametrize(
    ("records", "message"),
    [
        ([plan("ha-quang", id="a-1"), plan("bao-lac", id="a-1")], "mã “id” “a-1” trùng với bản ghi [0]"),
        ([plan("ha-quang"), plan("ha-quang", summary="Lần hai")], "trùng với bản ghi [0] cùng loại và cùng đơn vị"),
        ([plan("ha-quang", id="a-2"), plan("ha-quang", id="a-3")], "đã dùng cho bản ghi [0] trong cùng chuyên mục"),
        ([plan("ha-quang", id=42)], "“id” phải là một chuỗi văn bản"),
    ],
)
def test_two_records_of_one_identity_in_one_file_are_bad(tmp_path, records, message):
    pages_before = Page.objects.count()
    errors = import_errors(tmp_path, records)
    assert message in errors
    assert Page.objects.count() == pages_before


def test_the_same_id_in_two_types_is_two_pages(tmp_path):
    story = dict(plan("ha-quang", id="b-1"), type="story", slug="mo-hinh")
    run_import(tmp_path, [plan("ha-quang", id="b-1"), story])
    assert NewsPage.objects.filter(import_id="b-1").count() == 1
    assert SuccessStoryPage.objects.filter(import_id="b-1").count() == 1


@pytest.mark.parametrize(
    ("bad_record", "message"),
    [
        ({"type": "video", "title": "X", "reform_areas": ["the-che"]}, "loại bài “video” không hợp lệ"),
        ({"title": "Không có loại", "reform_areas": ["the-che"]}, "thiếu trường “type”"),
        ({"type": "news", "reform_areas": ["the-che"]}, "thiếu tiêu đề"),
        ({"type": "news", "title": "   ", "reform_areas": ["the-che"]}, "thiếu tiêu đề"),
        (
            {"type": "news", "title": "Đơn vị lạ", "unit": "ha-noi", "reform_areas": ["the-che"]},
            "không có đơn vị “ha-noi”",
        ),
        ({"type": "news", "title": "Lĩnh vực lạ", "reform_areas": ["y-te"]}, "không có lĩnh vực CCHC “y-te”"),
        ({"type": "news", "title": "Không lĩnh vực", "reform_areas": []}, "cần ít nhất một lĩnh vực CCHC"),
        ({"type": "news", "title": "Ngày sai", "reform_areas": ["the-che"], "date": "2024-02-30"}, "ngày “2024-02-30”"),
        ({"type": "news", "title": "Ngày sai dạng", "reform_areas": ["the-che"], "date": "15/03/2024"}, "YYYY-MM-DD"),
        ({"type": "news", "title": "Tóm tắt dài", "reform_areas": ["the-che"], "summary": "x" * 301}, "tối đa 300"),
        ({"type": "news", "title": "Slug sai", "slug": "Có Dấu", "reform_areas": ["the-che"]}, "đường dẫn (slug)"),
        (
            {"type": "guide", "title": "URL sai", "reform_areas": ["the-che"], "online_url": "javascript:x"},
            "online_url",
        ),
        ({"type": "news", "title": "Tag sai", "reform_areas": ["the-che"], "tags": "một cửa"}, "“tags”"),
        ("không phải đối tượng", "đối tượng JSON"),
    ],
)
def test_one_bad_record_imports_nothing_and_is_reported_with_its_index(tmp_path, bad_record, message):
    pages_before = Page.objects.count()
    records = [*GOOD_RECORDS, bad_record]
    errors = import_errors(tmp_path, records)

    assert f"Bản ghi [{len(GOOD_RECORDS)}]" in errors
    assert message in errors
    assert "Không có bài nào được nhập" in errors
    assert Page.objects.count() == pages_before
    assert not ArticlePage.objects.filter(slug="zalo-phuong").exists()


def test_every_bad_record_is_reported(tmp_path):
    records = [
        {"type": "news", "reform_areas": ["the-che"]},
        GOOD_RECORDS[0],
        {"type": "news", "title": "X", "unit": "khong-co", "reform_areas": ["khong-co"]},
    ]
    errors = import_errors(tmp_path, records)
    assert "Bản ghi [0]" in errors
    assert "Bản ghi [2]" in errors
    assert "Bản ghi [1]" not in errors
    assert "không có đơn vị “khong-co”" in errors and "không có lĩnh vực CCHC “khong-co”" in errors


def test_duplicate_slugs_in_one_file_are_rejected(tmp_path):
    errors = import_errors(tmp_path, [GOOD_RECORDS[0], GOOD_RECORDS[0]])
    assert "Bản ghi [1]" in errors and "trùng với bản ghi [0]" in errors


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[{"type": "news", "title": "X",', "sai cú pháp ở dòng 1"),
        ('{"type": "news"}', "mảng JSON"),
        ("", "sai cú pháp"),
    ],
)
def test_malformed_files_are_reported_and_import_nothing(tmp_path, content, message):
    pages_before = Page.objects.count()
    errors = import_errors(tmp_path, content)
    assert message in errors
    assert Page.objects.count() == pages_before


def test_missing_file_is_reported(tmp_path):
    with pytest.raises(CommandError, match="Không đọc được tệp"):
        call_command("import_content", str(tmp_path / "khong-co.json"))


def test_import_works_on_a_freshly_migrated_database_without_a_page_tree(tmp_path):
    from articles.models import ArticleIndexPage  # noqa: F401
    from home.models import HomePage

    HomePage.objects.get().delete()
    assert not HomePage.objects.exists()

    run_import(tmp_path, GOOD_RECORDS[:1])

    news = NewsPage.objects.get()
    assert news.url == "/tin-tuc/ha-quang/ha-quang-dua-bo-phan-mot-cua-dien-tu-vao-hoat-dong/"
    assert HomePage.objects.get().url == "/"


def test_a_record_with_an_id_takes_over_the_page_imported_without_one_at_its_place(tmp_path):
    run_import(tmp_path, [plan("ha-quang")])
    page = NewsPage.objects.get(slug=SAME_SLUG)
    output = run_import(tmp_path, [plan("ha-quang", id="cong-cu-300", summary="Có mã.")])
    assert "0 bài mới, 1 bài cập nhật" in output
    page.refresh_from_db()
    assert (page.import_id, page.summary) == ("cong-cu-300", "Có mã.")
