"""Files are PDF or DOCX by content, within the size limit; a bad file stores nothing."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model

from legal.files import check_legal_file
from tests.legal.conftest import document, docx_bytes, import_records, library_document, pdf_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db

Document = get_document_model()


def upload(admin_client, name: str, content: bytes):
    return admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": f"Tệp {name}", "file": SimpleUploadedFile(name, content), "collection": "1", "tags": ""},
    )


def errors_of(response) -> str:
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join(error.get_text(" ", strip=True) for error in soup.select(".error-message, .help-critical"))


@pytest.mark.parametrize(("name", "content"), [("nghi-dinh.pdf", pdf_bytes()), ("ke-hoach.docx", docx_bytes())])
def test_a_real_pdf_or_docx_is_stored(admin_client, name, content):
    before = Document.objects.count()
    response = upload(admin_client, name, content)
    assert response.status_code == 302
    assert Document.objects.count() == before + 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("gia-mao.pdf", b"<html><script>alert(1)</script></html>", "Không nhận tệp SVG hoặc HTML."),
        ("bang-tinh.docx", xlsx_bytes(), "Nội dung tệp không đúng với loại tệp .docx."),
        ("hong.docx", b"PK\x03\x04 not really a zip", "Nội dung tệp không đúng với loại tệp .docx."),
        ("trong.pdf", b"", ""),
    ],
)
def test_a_file_whose_content_is_not_its_name_is_refused_and_not_stored(admin_client, name, content, message):
    # The site-wide upload check (ops.uploads) refuses them; one reason, in Vietnamese.
    before = Document.objects.count()
    response = upload(admin_client, name, content)
    assert response.status_code == 200
    assert Document.objects.count() == before
    if message:
        assert errors_of(response).startswith(message)
        assert "File extension" not in errors_of(response)


def test_check_reads_the_kind_from_the_content():
    assert check_legal_file(library_document("PDF", "a.pdf", pdf_bytes())) == "pdf"
    assert check_legal_file(library_document("DOCX", "b.docx", docx_bytes())) == "docx"


@pytest.mark.parametrize(
    ("name", "content"), [("bang.xlsx", xlsx_bytes()), ("doi-ten.docx", pdf_bytes()), ("ghi-chu.txt", b"%PDF-1.4")]
)
def test_a_document_page_refuses_a_file_that_is_not_pdf_or_docx(name, content):
    page = import_records([document("tep-sai", "60/2024/QĐ-UBND")])["tep-sai"]
    page.file = library_document("Tệp sai", name, content)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert error.value.message_dict["file"] == [
        "Tệp văn bản phải là PDF hoặc DOCX (kiểm tra theo nội dung tệp); “Tệp sai” không phải."
    ]


def test_a_document_page_refuses_a_file_over_the_limit(settings):
    settings.LEGAL_FILE_MAX_SIZE = 1024
    page = import_records([document("tep-lon", "61/2024/QĐ-UBND")])["tep-lon"]
    page.file = library_document("Tệp lớn", "lon.pdf", pdf_bytes() + b"0" * 2048)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert error.value.message_dict["file"] == [
        "Tệp “Tệp lớn” nặng 2,1\xa0KB, vượt giới hạn 1,0\xa0KB của tủ sách pháp luật."
    ]
