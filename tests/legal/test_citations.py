"""Guides' legal basis links to the documents; a document lists the guides and articles citing it."""

from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.rich_text import RichText

from articles.models import NewsPage
from legal.models import Citation, DocumentPage
from tests.legal.conftest import document, import_records

pytestmark = pytest.mark.django_db


def guide(slug: str, basis: list[dict], **extra) -> dict:
    return {
        "type": "guide",
        "slug": slug,
        "title": extra.pop("title", "Thủ tục thử nghiệm một cửa"),
        "unit": "tinh",
        "reform_areas": ["thu-tuc-hanh-chinh"],
        "summary": "Hướng dẫn thử nghiệm.",
        "agency": "UBND cấp xã",
        "legal_basis": basis,
        **extra,
    }


def news(slug: str, body: str, **extra) -> dict:
    return {
        "type": "news",
        "slug": slug,
        "title": extra.pop("title", "Tin thử nghiệm về văn bản"),
        "unit": "ha-quang",
        "reform_areas": ["thu-tuc-hanh-chinh"],
        "summary": extra.pop("summary", "Tin dùng trong kiểm thử."),
        "body": body,
        **extra,
    }


def legal_basis_items(client, page) -> list:
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    return soup.select("#can-cu ul.legal li")


def cited_on(client, document_page) -> dict[str, list[str]]:
    soup = BeautifulSoup(client.get(document_page.url).content, "html.parser")
    return {
        "guides": [a.get_text(strip=True) for a in soup.select("#dan-chieu .citing-guides a")],
        "articles": [a.get_text(strip=True) for a in soup.select("#dan-chieu .citing-articles a")],
    }


@pytest.mark.parametrize(
    "written",
    ["61/2018/NĐ-CP", "61/2018/ND-CP", "61/2018/nđ-cp", "Số 61/2018/NĐ-CP", "61 / 2018 / NĐ - CP", "số: 61/2018/nd-cp"],
)
def test_a_legal_basis_entry_links_to_its_document_however_the_number_is_written(client, written):
    pages = import_records([guide("thu-tuc-mot-cua", [{"number": written, "title": "Nghị định về cơ chế một cửa"}])])
    (item,) = legal_basis_items(client, pages["thu-tuc-mot-cua"])
    link = item.find("a")
    assert link["href"] == DocumentPage.objects.get(number="61/2018/NĐ-CP").url
    assert link.get_text(strip=True) == f"{written} — Nghị định về cơ chế một cửa"


def test_an_entry_without_a_document_in_the_bookcase_stays_plain_text(client):
    pages = import_records(
        [guide("khong-co", [{"number": "60/2014/QH13", "title": "Luật Hộ tịch", "issuer": "Quốc hội"}])]
    )
    (item,) = legal_basis_items(client, pages["khong-co"])
    assert item.find("a") is None
    assert item.get_text(strip=True) == "60/2014/QH13 — Luật Hộ tịch (Quốc hội)"


def test_an_entry_to_an_unpublished_document_is_not_linked(client):
    document_page = import_records([document("sap-go", "70/2024/QĐ-UBND")])["sap-go"]
    pages = import_records([guide("can-cu-go", [{"number": "70/2024/QĐ-UBND", "title": "Quyết định"}])])
    document_page.unpublish()
    (item,) = legal_basis_items(client, pages["can-cu-go"])
    assert item.find("a") is None


def test_a_number_repeated_across_years_links_by_the_entry_date(client):
    older = import_records(
        [document("nq-76-2012", "76/NQ-CP", document_type="NQ", issuer="Chính phủ", issue_date="2012-06-01")]
    )
    pages = import_records(
        [
            guide("nam-2012", [{"number": "76/NQ-CP", "title": "Nghị quyết", "date": "2012-06-01"}]),
            guide(
                "nam-2021", [{"number": "76/NQ-CP", "title": "Nghị quyết", "date": "2021-07-15"}], title="Thủ tục khác"
            ),
            guide("khong-ngay", [{"number": "76/NQ-CP", "title": "Nghị quyết"}], title="Thủ tục thứ ba"),
        ]
    )
    assert legal_basis_items(client, pages["nam-2012"])[0].a["href"] == older["nq-76-2012"].url
    assert (
        legal_basis_items(client, pages["nam-2021"])[0].a["href"]
        == DocumentPage.objects.get(number="76/NQ-CP", issue_date__year=2021).url
    )
    assert legal_basis_items(client, pages["khong-ngay"])[0].find("a") is None


def test_the_document_lists_the_demo_articles_that_name_its_number(client):
    page = DocumentPage.objects.get(number="61/2018/NĐ-CP")
    assert cited_on(client, page) == {
        "guides": [],
        "articles": [
            "Trung tâm Phục vụ hành chính công tỉnh: chuẩn hóa quy trình theo ISO 9001:2015, nâng chất lượng phục vụ",
            "Hồ sơ bị giải quyết quá hạn thì cơ quan có trách nhiệm gì với người dân?",
            "Hà Quảng đẩy mạnh số hóa hồ sơ, kết quả giải quyết thủ tục hành chính tại Bộ phận Một cửa",
        ],
    }


def test_a_guide_citing_a_document_in_its_legal_basis_is_listed_as_a_guide(client):
    import_records(
        [
            guide(
                "can-cu-76",
                [{"number": "76/NQ-CP", "title": "Chương trình tổng thể CCHC"}],
                title="Thủ tục có căn cứ 76",
            )
        ]
    )
    assert cited_on(client, DocumentPage.objects.get(number="76/NQ-CP")) == {
        "guides": ["Thủ tục có căn cứ 76"],
        "articles": ["Cao Bằng ban hành Kế hoạch cải cách hành chính nhà nước giai đoạn 2021–2025"],
    }


def test_an_article_linking_to_the_document_page_cites_it(client):
    target = DocumentPage.objects.get(number="749/QĐ-TTg")
    article = import_records([news("lien-ket", "<p>Xem chương trình.</p>", title="Tin có liên kết")])["lien-ket"]
    # The import keeps no internal links (legacy HTML); an editor makes one in the rich-text editor.
    article.body = [("paragraph", RichText(f'<p>Xem <a linktype="page" id="{target.pk}">chương trình</a>.</p>'))]
    article.save_revision().publish()
    assert cited_on(client, target)["articles"] == ["Tin có liên kết"]
    assert Citation.objects.get(document=target).via == Citation.Via.LINK


def test_a_document_published_after_the_articles_finds_them():
    import_records([news("nhac-truoc", "<p>Theo Quyết định số 80/QĐ-UBND của tỉnh, …</p>", title="Tin nhắc trước")])
    assert not Citation.objects.filter(page__slug="nhac-truoc").exists()
    page = import_records([document("qd-80", "80/QĐ-UBND")])["qd-80"]
    assert list(Citation.objects.filter(document=page).values_list("page__slug", "via")) == [("nhac-truoc", "mention")]


def test_an_unpublished_article_no_longer_cites(client):
    article = NewsPage.objects.get(title="Cao Bằng ban hành Kế hoạch cải cách hành chính nhà nước giai đoạn 2021–2025")
    article.unpublish()
    assert cited_on(client, DocumentPage.objects.get(number="76/NQ-CP"))["articles"] == []


def test_editing_the_article_text_updates_its_citations():
    pages = import_records([news("doi-noi-dung", "<p>Theo Nghị quyết 17/NQ-CP …</p>")])
    record = news("doi-noi-dung", "<p>Theo Quyết định 749/QĐ-TTg …</p>")
    import_records([record])
    assert list(Citation.objects.filter(page=pages["doi-noi-dung"]).values_list("document__number", flat=True)) == [
        "749/QĐ-TTg"
    ]


def test_rebuild_citations_recomputes_the_same_rows():
    before = set(Citation.objects.values_list("document_id", "page_id", "via"))
    Citation.objects.all().delete()
    call_command("rebuild_citations", stdout=StringIO())
    assert set(Citation.objects.values_list("document_id", "page_id", "via")) == before
