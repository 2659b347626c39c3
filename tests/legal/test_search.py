"""The citizen search finds a document by its number however it is typed, and by its title words."""

import pytest
from bs4 import BeautifulSoup

from legal.models import DocumentPage
from search.engine import Filters, run_search

pytestmark = pytest.mark.django_db


def top(query: str, **filters) -> list[int]:
    return [hit.document.page_id for hit in run_search(query, Filters(**filters)).hits]


@pytest.mark.parametrize(
    "query",
    [
        "61/2018/NĐ-CP",
        "61/2018/ND-CP",
        "nghị định 61/2018",
        "nd 61 2018",
        "61/2018",
        "Số 61/2018/NĐ-CP",
        "NGHI DINH 61/2018",
    ],
)
def test_the_decree_is_first_however_its_number_is_typed(query):
    assert top(query)[0] == DocumentPage.objects.get(number="61/2018/NĐ-CP").pk


@pytest.mark.parametrize(
    ("query", "number"),
    [
        ("107/2021/NĐ-CP", "107/2021/NĐ-CP"),
        ("nd 107 2021", "107/2021/NĐ-CP"),
        ("76/NQ-CP", "76/NQ-CP"),
        ("nghị quyết 76", "76/NQ-CP"),
        ("nq 76", "76/NQ-CP"),
        ("10-CT/TU", "10-CT/TU"),
        ("chỉ thị 10", "10-CT/TU"),
        ("2439/KH-UBND", "2439/KH-UBND"),
        ("kế hoạch 2439", "2439/KH-UBND"),
        ("18-NQ/TW", "18-NQ/TW"),
        ("19-nq/tw", "19-NQ/TW"),
        ("749/QĐ-TTg", "749/QĐ-TTg"),
        ("749/qd-ttg", "749/QĐ-TTg"),
        ("1216/QĐ-BTTTT", "1216/QĐ-BTTTT"),
    ],
)
def test_every_demo_number_finds_its_document_first(query, number):
    assert top(query)[0] == DocumentPage.objects.get(number=number).pk


def test_the_amending_decree_does_not_outrank_the_decree_it_names():
    ranked = top("61/2018")
    assert ranked.index(DocumentPage.objects.get(number="61/2018/NĐ-CP").pk) == 0
    assert DocumentPage.objects.get(number="107/2021/NĐ-CP").pk in ranked[1:]


def test_title_words_find_a_document_as_any_page():
    assert top("chương trình chuyển đổi số quốc gia")[0] == DocumentPage.objects.get(number="749/QĐ-TTg").pk
    # Both decrees have these words in their titles: both come first, in either order.
    one_stop = {DocumentPage.objects.get(number=number).pk for number in ("61/2018/NĐ-CP", "107/2021/NĐ-CP")}
    assert set(top("co che mot cua lien thong")[:2]) == one_stop


def test_documents_are_a_result_type_with_its_own_filter(client):
    response = client.get("/tim-kiem/", {"q": "một cửa"})
    soup = BeautifulSoup(response.content, "html.parser")
    facet = soup.select_one('a[data-filter="type"][data-value="document"]')
    assert facet.get_text(" ", strip=True).startswith("Văn bản (")
    filtered = client.get("/tim-kiem/", {"q": "một cửa", "type": "document"})
    results = BeautifulSoup(filtered.content, "html.parser").select("#search-results h2 a")
    titles = [" ".join(a.get_text().split()) for a in results]
    assert set(titles[:2]) == {
        DocumentPage.objects.get(number="61/2018/NĐ-CP").title,
        DocumentPage.objects.get(number="107/2021/NĐ-CP").title,
    }
    assert set(titles) <= set(DocumentPage.objects.values_list("title", flat=True))


def test_the_result_says_it_is_a_document(client):
    soup = BeautifulSoup(client.get("/tim-kiem/", {"q": "61/2018/NĐ-CP"}).content, "html.parser")
    first = soup.select_one("#search-results article")
    assert first.select_one(".result__type").get_text(strip=True) == "Văn bản"
    assert first.h2.a["href"] == DocumentPage.objects.get(number="61/2018/NĐ-CP").url
