"""/van-ban/ lists the documents with filters (type, issuer, year, status, area) and counts."""

import pytest
from bs4 import BeautifulSoup

from legal.models import DocumentPage
from tests.legal.conftest import document, import_records

pytestmark = pytest.mark.django_db


def get(client, **params):
    response = client.get("/van-ban/", params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def listed_numbers(soup) -> list[str]:
    return [cell.get_text(strip=True) for cell in soup.select("#document-list tbody td.document-number")]


def options(soup, name: str) -> dict[str, int]:
    found = {}
    for link in soup.select(f'#document-filters a[data-filter="{name}"]'):
        found[link["data-value"]] = int(link.select_one(".count").get_text(strip=True).strip("()"))
    return found


def test_every_live_document_is_listed_newest_first_in_a_table(client):
    soup = get(client)
    numbers = listed_numbers(soup)
    assert numbers[:3] == ["107/2021/NĐ-CP", "2439/KH-UBND", "10-CT/TU"]
    assert len(numbers) == DocumentPage.objects.live().count() == 12
    # The plan has no number yet: it says so, and sorts last (no issue date).
    assert numbers[-1] == "Chưa có số"
    headers = [th.get_text(strip=True) for th in soup.select("#document-list thead th")]
    assert headers == ["Số, ký hiệu", "Tên văn bản", "Cơ quan ban hành", "Ngày ban hành", "Tình trạng"]
    assert soup.find(id="listing-heading").get_text(strip=True) == "12 văn bản"


def test_each_title_links_to_its_document(client):
    soup = get(client)
    page = DocumentPage.objects.get(number="61/2018/NĐ-CP")
    assert soup.select_one("#document-list").find("a", string=page.title)["href"] == page.url


def test_counts_per_option_of_each_filter(client):
    soup = get(client)
    assert options(soup, "type") == {"nghi-dinh": 2, "nghi-quyet": 4, "quyet-dinh": 3, "chi-thi": 1, "ke-hoach": 2}
    assert options(soup, "issuer") == {
        "ban-chap-hanh-trung-uong-dang": 2,
        "bo-thong-tin-va-truyen-thong": 1,
        "chinh-phu": 4,
        "thu-tuong-chinh-phu": 1,
        "tinh-uy-cao-bang": 1,
        "uy-ban-nhan-dan-tinh-cao-bang": 3,
    }
    assert options(soup, "year") == {"2021": 6, "2020": 1, "2019": 1, "2018": 1, "2017": 2}
    assert options(soup, "status") == {"in_force": 11, "amended": 1}
    assert options(soup, "area")["to-chuc-bo-may"] == 7


def test_a_filter_narrows_the_list_and_the_other_counts(client):
    soup = get(client, issuer="chinh-phu")
    assert sorted(listed_numbers(soup)) == ["107/2021/NĐ-CP", "17/NQ-CP", "61/2018/NĐ-CP", "76/NQ-CP"]
    assert options(soup, "type") == {"nghi-dinh": 2, "nghi-quyet": 2}
    assert options(soup, "year") == {"2021": 2, "2019": 1, "2018": 1}
    # Its own options keep the counts they have without it, so another issuer can be chosen.
    assert options(soup, "issuer")["tinh-uy-cao-bang"] == 1


def test_filters_combine(client):
    soup = get(client, type="nghi-quyet", year="2017", area="tai-chinh-cong")
    assert listed_numbers(soup) == ["19-NQ/TW"]
    assert soup.find(id="listing-heading").get_text(strip=True) == "1 văn bản"


def test_status_filter(client):
    assert listed_numbers(get(client, status="amended")) == ["61/2018/NĐ-CP"]


def test_a_chosen_option_is_marked_and_its_link_drops_it(client):
    soup = get(client, type="nghi-dinh", status="amended")
    chosen = soup.select_one('#document-filters a[data-filter="type"][data-value="nghi-dinh"]')
    assert chosen["aria-current"] == "true"
    assert chosen["href"] == "?status=amended"
    other = soup.select_one('#document-filters a[data-filter="year"][data-value="2018"]')
    assert other["href"] == "?type=nghi-dinh&year=2018&status=amended"


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"type": "sac-lenh"}, "Không có loại văn bản “sac-lenh” trong tủ sách; bộ lọc này đã được bỏ qua."),
        ({"issuer": "quoc-hoi"}, "Không có cơ quan ban hành “quoc-hoi” trong tủ sách; bộ lọc này đã được bỏ qua."),
        ({"year": "1999"}, "Không có năm ban hành “1999” trong tủ sách; bộ lọc này đã được bỏ qua."),
        ({"year": "năm ngoái"}, "Không có năm ban hành “năm ngoái” trong tủ sách; bộ lọc này đã được bỏ qua."),
        ({"status": "in-force"}, "Không có tình trạng hiệu lực “in-force” trong tủ sách; bộ lọc này đã được bỏ qua."),
        ({"area": "khong-co"}, "Không có lĩnh vực CCHC “khong-co” trong tủ sách; bộ lọc này đã được bỏ qua."),
    ],
)
def test_an_unknown_value_is_ignored_with_a_message(client, params, message):
    soup = get(client, **params)
    assert [p.get_text(strip=True) for p in soup.select("p.notice[role=status]")] == [message]
    assert len(listed_numbers(soup)) == 12


def test_odd_parameters_never_break_the_page(client):
    for params in ({"page": "-1"}, {"page": "abc"}, {"page": "99999"}, {"type": "x" * 5000}, {"year": "\x00"}):
        assert client.get("/van-ban/", params).status_code == 200


def test_a_filter_with_nothing_left_says_so(client):
    soup = get(client, type="chi-thi", issuer="chinh-phu")
    assert listed_numbers(soup) == []
    assert "Không có văn bản nào phù hợp với bộ lọc." in soup.get_text()


def test_the_list_pages_by_twenty(client):
    import_records([document(f"qd-{n}", f"{n}/QĐ-UBND", issue_date="2025-01-02") for n in range(100, 111)])
    first = get(client)
    assert len(listed_numbers(first)) == 20
    second = get(client, page="2")
    assert len(listed_numbers(second)) == 3
    assert second.select_one(".pagination a[rel=prev]")["href"] == "?page=1"


def test_unit_sections_list_their_documents(client):
    import_records([document("qd-ha-quang", "9/QĐ-UBND", unit="ha-quang")])
    response = client.get("/van-ban/ha-quang/")
    soup = BeautifulSoup(response.content, "html.parser")
    assert [a.get_text(strip=True) for a in soup.select(".card__title a")] == ["Văn bản thử nghiệm 9/QĐ-UBND"]
