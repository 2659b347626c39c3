"""Filters by type, area, unit and date, their counts, and pagination."""

import re

from django.urls import reverse

from tests.search.conftest import import_records, news


def result_links(response) -> list[str]:
    section = response.content.decode().split('id="search-results"', 1)[1].split("</div>", 1)[0]
    return re.findall(r'<h[23]><a href="([^"]+)"', section)


def facet_count(response, name: str, value: str) -> int | None:
    match = re.search(
        rf'data-filter="{name}" data-value="{value}"[^>]*>[^<]*<span class="count">\((\d+)\)</span>',
        response.content.decode(),
    )
    return int(match.group(1)) if match else None


def setup_pages():
    return import_records(
        [
            news("ca-chep-mot", "Cá chép ruộng Trùng Khánh", unit="trung-khanh", date="2023-03-01"),
            news(
                "ca-chep-hai",
                "Cá chép ruộng Hà Quảng",
                unit="ha-quang",
                date="2024-06-01",
                reform_areas=["chinh-quyen-so"],
            ),
            {
                "type": "faq",
                "slug": "ca-chep-hoi",
                "title": "Nuôi cá chép ruộng có cần đăng ký không?",
                "unit": "ha-quang",
                "reform_areas": ["thu-tuc-hanh-chinh"],
                "summary": "Hỏi đáp về cá chép ruộng.",
                "body": "<p>Không cần đăng ký.</p>",
                "date": "2024-08-01",
            },
        ]
    )


def test_counts_per_type_area_and_unit(client, db):
    setup_pages()
    response = client.get(reverse("search"), {"q": "cá chép ruộng"})
    assert len(result_links(response)) == 3
    assert facet_count(response, "type", "news") == 2
    assert facet_count(response, "type", "faq") == 1
    assert facet_count(response, "unit", "ha-quang") == 2
    assert facet_count(response, "area", "chinh-quyen-so") == 1


def test_type_filter(client, db):
    setup_pages()
    response = client.get(reverse("search"), {"q": "ca chep ruong", "type": "faq"})
    assert result_links(response) == ["/hoi-dap/ha-quang/ca-chep-hoi/"]
    # The other types still show what they would give.
    assert facet_count(response, "type", "news") == 2


def test_filters_combine(client, db):
    setup_pages()
    response = client.get(reverse("search"), {"q": "cá chép ruộng", "unit": "ha-quang", "type": "news"})
    assert result_links(response) == ["/tin-tuc/ha-quang/ca-chep-hai/"]
    response = client.get(reverse("search"), {"q": "cá chép ruộng", "area": "chinh-quyen-so"})
    assert result_links(response) == ["/tin-tuc/ha-quang/ca-chep-hai/"]


def test_date_range(client, db):
    setup_pages()
    response = client.get(reverse("search"), {"q": "cá chép ruộng", "from": "2024-01-01", "to": "2024-07-01"})
    assert result_links(response) == ["/tin-tuc/ha-quang/ca-chep-hai/"]


def test_result_shows_type_unit_areas_date_and_highlighted_snippet(client, db):
    setup_pages()
    response = client.get(reverse("search"), {"q": "ca chep", "type": "faq"})
    content = response.content.decode()
    assert "<mark>cá</mark> <mark>chép</mark>" in content
    assert "Hỏi đáp" in content and "Hà Quảng" in content and "08/2024" in content
    assert 'class="result__areas">Cải cách thủ tục hành chính' in content or "thủ tục hành chính" in content.lower()


def test_pagination(client, db):
    import_records([news(f"voi-rung-{number}", f"Voi rừng số {number}") for number in range(23)])
    first = client.get(reverse("search"), {"q": "voi rừng"})
    third = client.get(reverse("search"), {"q": "voi rừng", "page": "3"})
    beyond = client.get(reverse("search"), {"q": "voi rừng", "page": "999999"})
    assert len(result_links(first)) == 10
    assert len(result_links(third)) == 3
    assert result_links(beyond) == result_links(third)
    assert "page=2" in first.content.decode()
