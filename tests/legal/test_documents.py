"""A document page shows its facts, its file (or says it has none) and its relations both ways."""

import json

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from legal.models import DocumentPage, DocumentType
from tests.legal.conftest import document, docx_bytes, import_records, library_document, pdf_bytes

pytestmark = pytest.mark.django_db


def soup_of(client, page) -> BeautifulSoup:
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def facts(soup: BeautifulSoup) -> dict[str, str]:
    box = soup.find(id="document-facts")
    return {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(strip=True) for dt in box.find_all("dt")}


def relation_lines(soup: BeautifulSoup) -> list[str]:
    box = soup.find(id="document-relations")
    return [" ".join(li.get_text(" ", strip=True).split()) for li in box.find_all("li")] if box else []


def test_the_facts_are_a_definition_list_of_every_field(client):
    page = DocumentPage.objects.get(number="61/2018/NĐ-CP")
    assert facts(soup_of(client, page)) == {
        "Loại văn bản": "Nghị định",
        "Số, ký hiệu": "61/2018/NĐ-CP",
        "Cơ quan ban hành": "Chính phủ",
        "Người ký": "Thủ tướng Nguyễn Xuân Phúc",
        "Ngày ban hành": "23/04/2018",
        "Ngày có hiệu lực": "21/06/2018",
        "Tình trạng hiệu lực": "Được sửa đổi, bổ sung",
    }


def test_unknown_facts_say_so_instead_of_being_left_out(client):
    page = DocumentPage.objects.get(number="107/2021/NĐ-CP")
    shown = facts(soup_of(client, page))
    assert (shown["Người ký"], shown["Ngày có hiệu lực"]) == ("Chưa cập nhật", "Chưa cập nhật")


def test_the_amended_decree_shows_who_amends_it(client):
    page = DocumentPage.objects.get(number="61/2018/NĐ-CP")
    soup = soup_of(client, page)
    assert "Được sửa đổi bởi Nghị định 107/2021/NĐ-CP" in relation_lines(soup)
    link = soup.find(id="document-relations").find("a", string="Nghị định 107/2021/NĐ-CP")
    assert link["href"] == DocumentPage.objects.get(number="107/2021/NĐ-CP").url


def test_the_amending_decree_shows_what_it_amends(client):
    page = DocumentPage.objects.get(number="107/2021/NĐ-CP")
    soup = soup_of(client, page)
    assert "Sửa đổi, bổ sung Nghị định 61/2018/NĐ-CP" in relation_lines(soup)
    link = soup.find(id="document-relations").find("a", string="Nghị định 61/2018/NĐ-CP")
    assert link["href"] == DocumentPage.objects.get(number="61/2018/NĐ-CP").url


def test_each_kind_of_relation_reads_both_ways(client):
    pages = import_records(
        [
            document("goc", "1/2024/QĐ-UBND"),
            document("thay-the", "2/2024/QĐ-UBND", relations=[{"kind": "replaces", "number": "1/2024/QĐ-UBND"}]),
            document(
                "huong-dan",
                "3/HD-UBND",
                document_type="Hướng dẫn",
                relations=[{"kind": "guides", "number": "1/2024/QĐ-UBND"}],
            ),
            document(
                "trien-khai",
                "4/KH-UBND",
                document_type="Kế hoạch",
                relations=[{"kind": "implements", "number": "1/2024/QĐ-UBND"}],
            ),
        ]
    )
    assert relation_lines(soup_of(client, pages["goc"])) == [
        "Được thay thế bởi Quyết định 2/2024/QĐ-UBND",
        "Được hướng dẫn thi hành bởi Hướng dẫn 3/HD-UBND",
        "Được triển khai bởi Kế hoạch 4/KH-UBND",
    ]
    assert relation_lines(soup_of(client, pages["thay-the"])) == ["Thay thế Quyết định 1/2024/QĐ-UBND"]
    assert relation_lines(soup_of(client, pages["huong-dan"])) == ["Hướng dẫn thi hành Quyết định 1/2024/QĐ-UBND"]
    assert relation_lines(soup_of(client, pages["trien-khai"])) == ["Triển khai Quyết định 1/2024/QĐ-UBND"]


def test_a_relation_to_an_unpublished_document_is_not_shown(client):
    pages = import_records(
        [
            document("cu", "5/2024/QĐ-UBND"),
            document("moi", "6/2024/QĐ-UBND", relations=[{"kind": "replaces", "number": "5/2024/QĐ-UBND"}]),
        ]
    )
    pages["moi"].unpublish()
    assert relation_lines(soup_of(client, pages["cu"])) == []


def test_a_document_without_a_file_says_so(client):
    soup = soup_of(client, DocumentPage.objects.get(number="76/NQ-CP"))
    assert soup.find(id="no-file").get_text(strip=True) == "Văn bản này chưa có tệp để tải về trên trang."
    assert not soup.select("#tep-van-ban a")


@pytest.mark.parametrize(
    ("name", "content", "label"), [("nd.pdf", pdf_bytes(), "PDF"), ("kh.docx", docx_bytes(), "DOCX")]
)
def test_a_document_with_a_file_offers_it_by_name_and_format(client, name, content, label):
    page = import_records([document("co-tep", "7/2024/QĐ-UBND")])["co-tep"]
    page.file = library_document("Tệp quyết định 7", name, content)
    page.save_revision().publish()
    soup = soup_of(client, page)
    link = soup.select_one("#tep-van-ban a")
    assert link["href"] == page.file.url
    assert " ".join(link.get_text().split()).startswith(f"Tải về Quyết định 7/2024/QĐ-UBND ({label},")
    assert soup.find(id="no-file") is None


def test_the_structured_data_is_a_schema_org_legislation(client):
    soup = soup_of(client, DocumentPage.objects.get(number="61/2018/NĐ-CP"))
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert {key: data[key] for key in ("@type", "legislationIdentifier", "legislationDate", "legislationType")} == {
        "@type": "Legislation",
        "legislationIdentifier": "61/2018/NĐ-CP",
        "legislationDate": "2018-04-23",
        "legislationType": "Nghị định",
    }
    assert data["legislationLegalForce"] == "https://schema.org/PartiallyInForce"


def test_the_same_number_in_the_same_year_is_refused():
    existing = DocumentPage.objects.get(number="61/2018/NĐ-CP")
    page = DocumentPage.objects.get(number="107/2021/NĐ-CP")
    page.number = "61/2018/ND-CP"
    page.issue_date = existing.issue_date
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert error.value.message_dict["number"] == [
        f"Đã có văn bản số “61/2018/ND-CP” ban hành cùng năm: “{existing.title}”."
    ]


def test_the_same_number_in_another_year_is_another_document():
    pages = import_records(
        [document("nam-truoc", "76/NQ-CP", document_type="Nghị quyết", issuer="Chính phủ", issue_date="2012-06-01")]
    )
    assert DocumentPage.objects.filter(number_key="76/nq-cp").count() == 2
    assert pages["nam-truoc"].live


def test_document_types_are_data_with_the_abbreviations_of_numbers():
    abbreviations = dict(DocumentType.objects.values_list("name", "abbreviation"))
    assert {
        name: abbreviations[name]
        for name in ("Nghị định", "Nghị quyết", "Quyết định", "Chỉ thị", "Kế hoạch", "Thông tư", "Công văn")
    } == {
        "Nghị định": "NĐ",
        "Nghị quyết": "NQ",
        "Quyết định": "QĐ",
        "Chỉ thị": "CT",
        "Kế hoạch": "KH",
        "Thông tư": "TT",
        "Công văn": "CV",
    }
    assert {"Luật", "Hướng dẫn", "Báo cáo"} <= set(abbreviations)


def test_a_type_abbreviation_is_unique_whatever_the_marks():
    with pytest.raises(ValidationError) as error:
        DocumentType(name="Nghị định mới", abbreviation="ND", slug="nghi-dinh-moi").full_clean()
    assert error.value.message_dict["abbreviation"] == ["Chữ viết tắt này đã dùng cho loại văn bản khác."]
