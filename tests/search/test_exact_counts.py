"""Filters and counts over every matching page, not over the best 100 (issue 10, point 1).

372 live pages hold every word of "hợp tác xã nông nghiệp" (360 news spread over five units,
72 each; 60 of them in the area tai-chinh-cong; 12 FAQ), beside pages that must not count: one
holding only some of the words, one unpublished, one under a view restriction. Every figure the
search shows is compared with a count made with the ORM over live public pages.
"""

from __future__ import annotations

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db.models import Q
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

from search.bench.generate import index_pages, insert_articles
from search.engine import Filters, run_search
from search.models import SearchDocument
from tests.search.conftest import import_records, news

QUERY = "hop tac xa nong nghiep"
WORDS = ("hop", "tac", "xa", "nong", "nghiep")
UNITS = ("nguyen-binh", "ha-quang", "bao-lac", "trung-khanh", "thach-an")
PLACES = ("Tĩnh Túc", "Thông Nông", "Quảng Lâm", "Đình Phong", "Minh Khai", "Lê Lai")
FIRST_DAY = datetime.date(2023, 1, 1)


def records() -> list[dict]:
    rows = []
    for number in range(360):
        rows.append(
            {
                "type": "news",
                "title": f"Hợp tác xã nông nghiệp {PLACES[number % 6]} mở rộng sản xuất, đợt {number}",
                "unit": UNITS[number % 5],
                # Every sixth page (60 in all, spread over the five units) is about public finance.
                "areas": ["tai-chinh-cong", "the-che"] if number % 6 == 0 else ["chinh-quyen-so"],
                "date": FIRST_DAY + datetime.timedelta(days=number),
                "summary": "Tin về kinh tế tập thể.",
                "body": "Các thành viên góp vốn, chia sẻ kinh nghiệm canh tác và tiêu thụ nông sản.",
            }
        )
    for number in range(12):
        rows.append(
            {
                "type": "faq",
                "title": f"Thành lập hợp tác xã nông nghiệp cần những gì (câu {number})?",
                "unit": "tinh",
                "areas": ["thu-tuc-hanh-chinh"],
                "date": FIRST_DAY + datetime.timedelta(days=number),
                "summary": "Hỏi đáp về đăng ký kinh tế tập thể.",
                "body": "Hồ sơ gồm điều lệ và danh sách thành viên.",
            }
        )
    return rows


@pytest.fixture
def cooperatives(db) -> dict:
    index_pages(insert_articles(records()), workers=1, vacuum=False)
    hidden = import_records(
        [
            news("htx-chua-dang", "Hợp tác xã nông nghiệp Bảo Lạc sắp ra mắt", unit="bao-lac"),
            news("htx-noi-bo", "Hợp tác xã nông nghiệp Hà Quảng: tài liệu nội bộ", unit="ha-quang"),
            # Only some of the words: not a match of this keyword query.
            news("htx-dich-vu", "Hợp tác xã dịch vụ vận tải Nguyên Bình", unit="nguyen-binh"),
        ]
    )
    hidden["htx-chua-dang"].unpublish()
    PageViewRestriction.objects.create(
        page=Page.objects.get(pk=hidden["htx-noi-bo"].pk), restriction_type=PageViewRestriction.LOGIN
    )
    return hidden


def orm_matches(**filters) -> set[int]:
    """Ids of the live public articles holding every word of the query, with the filters."""
    documents = SearchDocument.objects.filter(page__in=Page.objects.live().public())
    for word in WORDS:
        key = f" {word} "
        documents = documents.filter(
            Q(title_fold__contains=key) | Q(head_fold__contains=key) | Q(body_fold__contains=key)
        )
    if filters.get("type"):
        documents = documents.filter(type_slug=filters["type"])
    if filters.get("unit"):
        documents = documents.filter(unit_slug=filters["unit"])
    if filters.get("area"):
        documents = documents.filter(area_slugs__contains=f" {filters['area']} ")
    if filters.get("date_from"):
        documents = documents.filter(date__gte=filters["date_from"])
    if filters.get("date_to"):
        documents = documents.filter(date__lte=filters["date_to"])
    return set(documents.values_list("page_id", flat=True))


def page_soup(client, **params) -> BeautifulSoup:
    response = client.get(reverse("search"), {"q": QUERY, **params})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def stated_total(soup: BeautifulSoup) -> int:
    element = soup.find(id="search-count")
    total = int(element["data-total"])
    assert f"Tìm thấy {total} kết quả" in element.get_text()
    return total


def facet_counts(soup: BeautifulSoup, name: str) -> dict[str, int]:
    return {
        link["data-value"]: int(link.select_one(".count").get_text().strip("()"))
        for link in soup.select(f'a[data-filter="{name}"]')
    }


def listed_urls(client, **params) -> list[str]:
    """Every result URL of the search, walking its pages of results as a citizen would."""
    urls: list[str] = []
    number = 1
    while True:
        soup = page_soup(client, page=str(number), **params)
        urls += [link["href"] for link in soup.select("#search-results article.result:not(.result--promoted) h2 a")]
        if not soup.select_one('a[rel="next"]'):
            return urls
        number += 1


def urls_of(ids: set[int]) -> set[str]:
    return {page.url for page in Page.objects.filter(pk__in=ids)}


def test_total_is_every_matching_live_public_page(client, cooperatives):
    expected = orm_matches()
    assert len(expected) >= 372
    assert cooperatives["htx-chua-dang"].pk not in expected and cooperatives["htx-noi-bo"].pk not in expected
    assert stated_total(page_soup(client)) == len(expected)
    assert len(run_search(QUERY).hits) == len(expected)


def test_every_facet_count_equals_the_orm_count(client, cooperatives):
    soup = page_soup(client)
    units = facet_counts(soup, "unit")
    for unit in UNITS:
        assert units[unit] == len(orm_matches(unit=unit)) >= 72
    areas = facet_counts(soup, "area")
    assert areas["tai-chinh-cong"] == len(orm_matches(area="tai-chinh-cong")) >= 60
    for area, count in areas.items():
        assert count == len(orm_matches(area=area)), area
    assert facet_counts(soup, "type") == {
        slug: len(orm_matches(type=slug)) for slug in ("news", "guide", "faq", "story") if orm_matches(type=slug)
    }


def test_a_facet_count_is_the_total_its_filter_gives(client, cooperatives):
    # Counted with the other filters applied: the unit counts under type=news are news pages only.
    soup = page_soup(client, type="news")
    assert stated_total(soup) == len(orm_matches(type="news")) >= 360
    for unit, count in facet_counts(soup, "unit").items():
        assert count == len(orm_matches(type="news", unit=unit))
        assert stated_total(page_soup(client, type="news", unit=unit)) == count


def test_unit_filter_lists_every_page_of_the_unit(client, cooperatives):
    expected = orm_matches(unit="nguyen-binh")
    assert len(expected) >= 72
    urls = listed_urls(client, unit="nguyen-binh")
    assert len(urls) == len(set(urls)) == len(expected)
    assert set(urls) == urls_of(expected)
    assert {hit.document.page_id for hit in run_search(QUERY, Filters(unit="nguyen-binh")).hits} == expected


def test_area_filter_finds_all_sixty(client, cooperatives):
    expected = orm_matches(area="tai-chinh-cong")
    assert len(expected) >= 60
    urls = listed_urls(client, area="tai-chinh-cong")
    assert len(urls) == len(set(urls)) == len(expected)
    assert set(urls) == urls_of(expected)


def test_type_filter(client, cooperatives):
    faq = orm_matches(type="faq")
    assert len(faq) >= 12
    assert set(listed_urls(client, type="faq")) == urls_of(faq)
    news_hits = run_search(QUERY, Filters(type="news")).hits
    assert {hit.document.page_id for hit in news_hits} == orm_matches(type="news")


def test_date_filter(client, cooperatives):
    start, end = datetime.date(2023, 3, 1), datetime.date(2023, 5, 31)
    expected = orm_matches(date_from=start, date_to=end)
    assert len(expected) > 90
    soup = page_soup(client, **{"from": start.isoformat(), "to": end.isoformat()})
    assert stated_total(soup) == len(expected)
    assert facet_counts(soup, "unit") == {
        unit: len(orm_matches(unit=unit, date_from=start, date_to=end))
        for unit in {hit.document.unit_slug for hit in run_search(QUERY, Filters(date_from=start, date_to=end)).hits}
    }
    hits = run_search(QUERY, Filters(unit="bao-lac", date_from=start, date_to=end)).hits
    assert {hit.document.page_id for hit in hits} == orm_matches(unit="bao-lac", date_from=start, date_to=end)


def test_pagination_reaches_every_result_in_one_order(client, cooperatives):
    hits = list(run_search(QUERY).hits)
    assert len(hits) == len({hit.document.page_id for hit in hits}) == len(orm_matches())
    # Page 4 shows results 31–40 of the same order, past the ranked head too (page 12: 111–120).
    for number in (4, 12):
        soup = page_soup(client, page=str(number))
        shown = [link["href"] for link in soup.select("#search-results article.result:not(.result--promoted) h2 a")]
        expected = [Page.objects.get(pk=hit.document.page_id).url for hit in hits[(number - 1) * 10 : number * 10]]
        assert shown == expected
    last = page_soup(client, page="999999")
    assert len(last.select("#search-results article.result h2 a")) == (len(hits) % 10 or 10)


def test_ranked_results_come_first(cooperatives):
    hits = run_search(QUERY, Filters(unit="nguyen-binh")).hits
    head = hits.head
    assert head, "the best matches of the filter are ranked"
    assert [hit.score for hit in head] == sorted((hit.score for hit in head), reverse=True)
    assert all(hit.document.unit_slug == "nguyen-binh" for hit in hits)


def test_counts_follow_a_publish_and_an_unpublish_at_once(client, cooperatives):
    before = stated_total(page_soup(client, unit="nguyen-binh"))  # counted, and cached
    added = import_records([news("htx-moi", "Hợp tác xã nông nghiệp Nguyên Bình mới thành lập", unit="nguyen-binh")])
    assert stated_total(page_soup(client, unit="nguyen-binh")) == before + 1 == len(orm_matches(unit="nguyen-binh"))
    assert facet_counts(page_soup(client, type="news"), "unit")["nguyen-binh"] == before + 1
    added["htx-moi"].unpublish()
    assert stated_total(page_soup(client, unit="nguyen-binh")) == before == len(orm_matches(unit="nguyen-binh"))
