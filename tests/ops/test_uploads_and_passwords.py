"""Uploads are checked by content (SVG refused); passwords must be strong."""

from __future__ import annotations

import io
import zipfile

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection

pytestmark = pytest.mark.django_db

SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.get(username="quantri"))
    return client


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return buffer.getvalue()


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def upload_document(client, name: str, content: bytes):
    return client.post(
        "/admin/documents/add/",
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def upload_image(client, name: str, content: bytes):
    return client.post(
        "/admin/images/add/",
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
            "alt_text": "Ảnh thử",
        },
    )


def errors(response) -> str:
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join(node.get_text(" ", strip=True) for node in soup.select(".error-message, .w-field__errors"))


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bao-cao.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
        ("mau-don.docx", None),
        ("danh-sach.csv", "Họ tên,Xã\nNguyễn Văn A,Hà Quảng\n".encode()),
        ("ghi-chu.txt", "Thông báo lịch tiếp dân".encode()),
    ],
)
def test_genuine_documents_are_accepted(admin_client, name, content):
    response = upload_document(admin_client, name, content if content is not None else docx_bytes())
    assert response.status_code == 302, errors(response)
    assert Document.objects.filter(title=name).count() == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bao-cao.pdf", b"MZ\x90\x00 this is a program", "Nội dung tệp không đúng với loại tệp .pdf"),
        ("mau-don.docx", b"PK\x03\x04 not really a zip", "Nội dung tệp không đúng với loại tệp .docx"),
        ("trang.txt", b"<html><body><script>alert(1)</script></body></html>", "không nhận tệp SVG hoặc HTML"),
        ("hinh.pdf", SVG, "Không nhận tệp SVG hoặc HTML."),
        ("hinh.svg", SVG, ""),
    ],
)
def test_disguised_documents_are_refused_with_a_message(admin_client, name, content, message):
    response = upload_document(admin_client, name, content)
    assert response.status_code == 200
    assert not Document.objects.filter(title=name).exists()
    assert message in errors(response)
    assert errors(response)


def test_a_genuine_png_is_accepted(admin_client):
    response = upload_image(admin_client, "anh.png", png_bytes())
    assert response.status_code == 302, errors(response)
    assert Image.objects.filter(title="anh.png").exists()


def test_an_svg_named_png_is_refused(admin_client):
    response = upload_image(admin_client, "anh.png", SVG)
    assert response.status_code == 200
    # Wagtail's own check (by content) answers first, in Vietnamese; ops.uploads refuses it as well.
    assert "Không phải hình ảnh .png hợp lệ" in errors(response)
    assert not Image.objects.filter(title="anh.png").exists()


def test_an_svg_file_is_refused(admin_client):
    response = upload_image(admin_client, "anh.svg", SVG)
    assert response.status_code == 200
    assert errors(response)
    assert not Image.objects.filter(title="anh.svg").exists()


def test_the_image_form_itself_refuses_svg_content():
    from ops.uploads import CheckedImageForm

    form = CheckedImageForm.__new__(CheckedImageForm)
    form.cleaned_data = {"file": SimpleUploadedFile("anh.png", SVG)}
    with pytest.raises(ValidationError) as error:
        form.clean_file()
    assert error.value.messages[0].startswith("Không nhận ảnh SVG")


def test_a_png_named_jpg_is_refused(admin_client):
    response = upload_image(admin_client, "anh.jpg", png_bytes())
    assert response.status_code == 200
    assert not Image.objects.filter(title="anh.jpg").exists()


def test_too_large_a_document_is_refused(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    response = upload_document(admin_client, "lon.pdf", b"%PDF-1.7\n" + b"0" * 4096)
    assert response.status_code == 200
    assert not Document.objects.filter(title="lon.pdf").exists()
    assert errors(response)


@pytest.mark.parametrize("password", ["caobang2025", "matkhaudainhungdon", "123456789012", "Caobang12345"])
def test_weak_passwords_are_refused(password):
    # Too short, one kind of character, only digits, too like the user name.
    user = get_user_model()(username="caobang12345", email="caobang@example.org")
    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_a_strong_password_is_accepted():
    user = get_user_model()(username="nguyenvana", email="a@example.org")
    assert validate_password("Cải-cách-2026-hành-chính", user) is None


def test_the_mixed_characters_rule_speaks_vietnamese():
    with pytest.raises(ValidationError) as error:
        validate_password("chuthuongdai dai", get_user_model()(username="x"))
    assert any("chữ thường, chữ hoa, chữ số, ký tự đặc biệt" in message for message in error.value.messages)
