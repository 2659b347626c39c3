"""/chi-so/ and /chi-so/<index>/ as a citizen reads them (HTML parsed with BeautifulSoup)."""

from __future__ import annotations

import datetime
import itertools

import pytest
from bs4 import BeautifulSoup

from articles.models import NewsIndexPage, NewsPage
from articles.tree import section_for
from home.models import ReformArea, Unit
from indices.models import IndexResult, ReformIndex
from tests.indices.conftest import make_index, make_result

pytestmark = pytest.mark.django_db


def get(client, url: str, status: int = 200) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == status
    return BeautifulSoup(response.content, "html.parser")


def text(element) -> str:
    return " ".join(element.get_text(" ", strip=True).split())


def section(soup: BeautifulSoup, slug: str):
    return soup.find("section", id=f"index-{slug}")


def table_rows(container) -> list[list[str]]:
    table = container.find("table")
    return [[text(cell) for cell in row.find_all(["th", "td"])] for row in table.tbody.find_all("tr")]


def test_overview_shows_every_index_in_order(client):
    soup = get(client, "/chi-so/")
    headings = [text(h2) for h2 in soup.select("section.index-section > h2")]
    assert headings == [f"{index.abbreviation} – {index.name}" for index in ReformIndex.objects.all()]
    assert [text(h2) for h2 in soup.select("section.index-section > h2")][:6] == [
        "PAR INDEX – Chỉ số cải cách hành chính",
        "SIPAS – Chỉ số hài lòng về sự phục vụ hành chính",
        "PAPI – Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh",
        "PCI – Chỉ số năng lực cạnh tranh cấp tỉnh",
        "ICT Index – Chỉ số sẵn sàng cho phát triển và ứng dụng công nghệ thông tin – truyền thông",
        "DTI – Chỉ số chuyển đổi số cấp tỉnh",
    ]


def test_overview_shows_the_latest_score_rank_and_change(client, test_index):
    latest = section(get(client, "/chi-so/"), "chi-so-thu").select_one(".index-latest")
    assert [text(dt) for dt in latest.find_all("dt")] == ["Điểm năm 2023", "Xếp hạng", "So với năm 2022"]
    assert [text(dd) for dd in latest.find_all("dd")] == [
        "82,3 điểm",
        "19/63 tỉnh, thành phố",
        "= không đổi ; thứ hạng ▲ tăng 2 bậc",
    ]


def test_table_says_each_change_in_words_and_symbols(client, test_index):
    rows = table_rows(section(get(client, "/chi-so/"), "chi-so-thu"))
    assert [row[:4] for row in rows] == [
        ["2021", "80", "20/63", "Năm đầu có số liệu"],
        ["2022", "82,3", "21/63", "▲ tăng 2,3 điểm ; thứ hạng ▼ giảm 1 bậc"],
        ["2023", "82,3", "19/63", "= không đổi ; thứ hạng ▲ tăng 2 bậc"],
    ]


def test_the_symbol_is_hidden_from_screen_readers_and_the_words_are_not(client, test_index):
    changes = section(get(client, "/chi-so/"), "chi-so-thu").select("tbody .change")
    first = changes[0]  # 2022: the score rose
    assert first["class"] == ["change", "change--up"]
    symbol = first.select_one(".change__symbol")
    assert (symbol.get_text(), symbol["aria-hidden"]) == ("▲", "true")
    assert first.get_text(" ", strip=True) == "▲ tăng 2,3 điểm"
    assert [change["class"][1] for change in changes] == ["change--up", "change--down", "change--same", "change--up"]


def test_a_percentage_changes_in_percentage_points(client):
    index = make_index("ty-le-thu", "TLT", unit="%")
    make_result(index, 2023, "84.57", 38, 63)
    make_result(index, 2024, "84.02", 39, 63)
    latest = section(get(client, "/chi-so/"), "ty-le-thu").select_one(".index-latest__change")
    assert text(latest) == "▼ giảm 0,55 điểm phần trăm ; thứ hạng ▼ giảm 1 bậc"


def test_ranks_among_different_numbers_of_provinces_are_not_compared(client, test_index):
    make_result(test_index, 2024, "85", 5, 34)
    latest = section(get(client, "/chi-so/"), "chi-so-thu").select_one(".index-latest")
    assert [text(dd) for dd in latest.find_all("dd")] == [
        "85 điểm",
        "5/34 tỉnh, thành phố",
        "▲ tăng 2,7 điểm Không so sánh thứ hạng: năm 2023 xếp trên 63 tỉnh, thành phố, năm 2024 trên 34.",
    ]


def test_an_index_that_ranks_no_province_says_so(client):
    index = make_index("khong-xep-hang", "KXH", minimum="10", maximum="80")
    make_result(index, 2024, "43.12")
    latest = section(get(client, "/chi-so/"), "khong-xep-hang").select_one(".index-latest")
    assert [text(dd) for dd in latest.find_all("dd")] == [
        "43,12 điểm",
        "Không xếp hạng các tỉnh",
        "Chưa có số liệu năm trước để so sánh.",
    ]
    assert table_rows(section(get(client, "/chi-so/"), "khong-xep-hang"))[0][:3] == ["2024", "43,12", "Không xếp hạng"]


@pytest.mark.parametrize("url", ["/chi-so/", "/chi-so/chi-so-trong/"])
def test_an_index_without_data_shows_a_plain_message(client, url):
    make_index("chi-so-trong", "TRỐNG")
    soup = get(client, url)
    container = section(soup, "chi-so-trong") if url == "/chi-so/" else soup.find("main")
    assert [text(p) for p in container.select(".index-empty")] == ["Chưa có số liệu TRỐNG của tỉnh."]
    assert container.find("img") is None
    assert container.find("table") is None
    assert container.select(".index-latest") == []


def test_ict_index_has_no_demo_data_and_says_so(client):
    empty = section(get(client, "/chi-so/"), "ict-index")
    assert text(empty.select_one(".index-empty")) == "Chưa có số liệu ICT Index của tỉnh."


def test_demo_figures_are_marked_as_examples(client):
    soup = get(client, "/chi-so/")
    assert text(soup.find(id="example-notice")).startswith("Số liệu minh họa, không phải số liệu chính thức.")
    for slug in ["par-index", "sipas", "papi", "pci", "dti"]:
        demo = section(soup, slug)
        assert text(demo.select_one(".index-example")) == "Số liệu minh họa, không phải số liệu chính thức."
        assert {row[4].split(" ", 1)[0] for row in table_rows(demo)} == {"Minh"}  # “Minh họa …” on every row
        assert "Số liệu minh họa, không phải số liệu chính thức." in text(demo.find("figcaption"))


def test_published_figures_carry_no_example_mark(client, test_index):
    published = section(get(client, "/chi-so/"), "chi-so-thu")
    assert published.select(".index-example") == []
    assert published.select(".example-tag") == []
    assert "minh họa" not in text(published.find("figcaption"))


def test_one_example_year_marks_that_row_only(client, test_index):
    IndexResult.objects.filter(index=test_index, year=2022).update(is_example=True)
    rows = table_rows(section(get(client, "/chi-so/"), "chi-so-thu"))
    assert [row[4].startswith("Minh họa") for row in rows] == [False, True, False]


def test_without_any_example_the_page_has_no_example_notice(client, test_index):
    IndexResult.objects.update(is_example=False)
    soup = get(client, "/chi-so/")
    assert soup.find(id="example-notice") is None
    assert soup.select(".index-example") == []


def test_index_page_lists_the_sub_indices_by_year(client, test_index):
    soup = get(client, "/chi-so/chi-so-thu/")
    assert text(soup.find("h1")) == "Chỉ số thử nghiệm (TEST)"
    table = soup.find("table", class_="sub-index-table")
    assert [text(th) for th in table.thead.find_all("th")] == ["Chỉ số thành phần", "2023"]
    assert [[text(cell) for cell in row.find_all(["th", "td"])] for row in table.tbody.find_all("tr")] == [
        ["Thành phần A", "8,5"],
        ["Thành phần B", "9,25"],
    ]


def test_index_page_without_sub_indices_says_so(client):
    index = make_index("khong-thanh-phan", "KTP")
    make_result(index, 2024, "50")
    soup = get(client, "/chi-so/khong-thanh-phan/")
    sub = soup.find(id="sub-indices-heading").parent
    assert text(sub.select_one(".index-empty")) == "Chưa nhập điểm các chỉ số thành phần."


def make_news(title: str, tags: list[str], *, live: bool = True) -> NewsPage:
    section_page = section_for(NewsIndexPage, Unit.objects.get(slug="tinh"))
    page = NewsPage(title=title, unit=section_page.unit, summary=title, date=datetime.date(2025, 3, 1), live=False)
    section_page.add_child(instance=page)
    page.reform_areas.set([ReformArea.objects.get(slug="thu-tuc-hanh-chinh")])
    page.tags.add(*tags)
    page.save()  # the tags are in the database even for the draft, which must still not be listed
    revision = page.save_revision()
    if live:
        revision.publish()
    return page


def test_index_page_lists_the_live_articles_tagged_with_it(client, test_index):
    make_news("Tỉnh phân tích kết quả chỉ số thử", ["chỉ số thử"])  # the tag matches whatever its case
    make_news("Bản nháp về chỉ số thử", ["Chỉ số thử"], live=False)
    make_news("Tin không gắn từ khóa", ["Một cửa"])
    soup = get(client, "/chi-so/chi-so-thu/")
    related = soup.find(id="related-heading").parent
    assert [text(h3) for h3 in related.find_all("h3")] == ["Tin tức (1)"]
    assert [text(a) for a in related.select(".related-list a")] == ["Tỉnh phân tích kết quả chỉ số thử"]


def test_demo_news_tagged_par_index_is_on_its_page(client):
    related = get(client, "/chi-so/par-index/").find(id="related-heading").parent
    titles = [text(a) for a in related.select(".related-list a")]
    assert "Công bố Chỉ số cải cách hành chính PAR INDEX và SIPAS năm 2023: Cao Bằng xác định nhiệm vụ khắc phục" in (
        titles
    )
    assert related.find("a", string="Tất cả bài gắn từ khóa “PAR INDEX”")["href"] == "/the/par-index/"


def test_index_page_without_related_articles_says_so(client, test_index):
    related = get(client, "/chi-so/chi-so-thu/").find(id="related-heading").parent
    assert text(related.find("p")) == "Chưa có tin bài, văn bản nào gắn từ khóa “Chỉ số thử”."


def test_unknown_index_is_a_vietnamese_404_listing_the_indices(client):
    soup = get(client, "/chi-so/khong-co-chi-so-nay/", status=404)
    assert text(soup.find("h1")) == "Không có chỉ số này"
    links = [a["href"] for a in soup.find("main").find_all("a")]
    assert [f"/chi-so/{index.slug}/" for index in ReformIndex.objects.all()] == [
        href for href in links if href.startswith("/chi-so/") and href != "/chi-so/"
    ]


def test_chart_of_an_unknown_index_or_an_empty_one_is_404(client):
    assert client.get("/chi-so/khong-co-chi-so-nay/bieu-do.svg").status_code == 404
    assert client.get("/chi-so/ict-index/bieu-do.svg").status_code == 404


def breadcrumb(soup: BeautifulSoup) -> list[tuple[str, str | None]]:
    items = soup.select("nav.breadcrumbs li")
    return [(text(item), item.a["href"] if item.a else None) for item in items]


def test_breadcrumbs_lead_through_chi_so(client, test_index):
    assert breadcrumb(get(client, "/chi-so/")) == [("Trang chủ", "/"), ("Chỉ số", None)]
    assert breadcrumb(get(client, "/chi-so/chi-so-thu/")) == [
        ("Trang chủ", "/"),
        ("Chỉ số", "/chi-so/"),
        ("TEST", None),
    ]


def test_main_navigation_links_to_the_indices(client):
    nav = get(client, "/").find("nav", class_="site-nav")
    assert ("Chỉ số", "/chi-so/") in [(text(a), a["href"]) for a in nav.find_all("a")]


@pytest.mark.parametrize("url", ["/chi-so/", "/chi-so/par-index/", "/chi-so/ict-index/", "/chi-so/khong-co/"])
def test_pages_have_no_inline_style_or_script(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    assert soup.find_all(style=True) == []
    assert soup.find_all("style") == []
    assert soup.find("svg") is None  # the chart is an <img> of its own URL, never inlined
    inline_scripts = [
        script
        for script in soup.find_all("script")
        if not script.get("src") and script.get("type") != "application/ld+json"
    ]
    assert inline_scripts == []


@pytest.mark.parametrize("url", ["/chi-so/", "/chi-so/par-index/", "/chi-so/ict-index/"])
def test_one_h1_and_no_skipped_heading_level(client, url):
    soup = get(client, url)
    levels = [int(heading.name[1]) for heading in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
    assert levels.count(1) == 1
    assert all(later - earlier <= 1 for earlier, later in itertools.pairwise(levels))


def test_chart_image_has_a_text_alternative_and_the_table_a_caption(client, test_index):
    figure = section(get(client, "/chi-so/"), "chi-so-thu")
    image = figure.find("img")
    assert image["src"].startswith("/chi-so/chi-so-thu/bieu-do.svg?v=")
    assert image["alt"] == "Biểu đồ điểm TEST của tỉnh Cao Bằng, 2021–2023. Số liệu từng năm ở bảng bên cạnh."
    assert text(figure.find("caption")) == "Điểm và xếp hạng TEST của tỉnh Cao Bằng qua các năm"
    assert [th["scope"] for th in figure.find("table").find_all("th")] == ["col"] * 5 + ["row"] * 3
