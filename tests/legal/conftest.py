"""Fixtures of the legal bookcase tests: documents made through the import, and real files."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from articles.importing import ContentImporter


def import_records(records: list[dict]) -> dict:
    """Import `import_content` records (published at once); returns {slug: page}."""
    importer = ContentImporter(records)
    clean, errors = importer.validate()
    assert not errors, [str(error) for error in errors]
    result = importer.run(clean)
    return {page.slug: page.specific for page in result.created + result.updated}


def import_problems(records: list[dict]) -> list[str]:
    """The reasons the import gives for a bad file (it writes nothing)."""
    _clean, errors = ContentImporter(records).validate()
    return [str(error) for error in errors]


def document(slug: str, number: str, **extra) -> dict:
    record = {
        "type": "document",
        "slug": slug,
        "title": extra.pop("title", f"Văn bản thử nghiệm {number}"),
        "unit": "tinh",
        "reform_areas": extra.pop("reform_areas", ["thu-tuc-hanh-chinh"]),
        "summary": extra.pop("summary", "Văn bản dùng trong kiểm thử."),
        "document_type": extra.pop("document_type", "Quyết định"),
        "number": number,
        "issuer": extra.pop("issuer", "Ủy ban nhân dân tỉnh Cao Bằng"),
        "issue_date": extra.pop("issue_date", "2024-05-10"),
    }
    record.update(extra)
    return record


def pdf_bytes() -> bytes:
    return b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        package.writestr("word/document.xml", '<?xml version="1.0"?><w:document/>')
    return buffer.getvalue()


def xlsx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        package.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook/>')
    return buffer.getvalue()


def library_document(title: str, name: str, content: bytes):
    """A document in Wagtail's library, stored as is (as an older upload would be)."""
    stored = get_document_model()(title=title)
    stored.file.save(name, ContentFile(content), save=False)
    stored._set_document_file_metadata()
    stored.save()
    return stored


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()
