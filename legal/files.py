"""What a document file really is, read from its content (never from its name alone).

The legal bookcase publishes PDF and DOCX files only. A file named `.pdf` must begin like a PDF
(`%PDF-`); a `.docx` must be a ZIP package holding `word/document.xml`. Renaming a spreadsheet,
an executable or a web page does not get it past these checks.
"""

from __future__ import annotations

import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

PDF = "pdf"
DOCX = "docx"
LABELS = {PDF: "PDF", DOCX: "DOCX"}
# The PDF specification lets the header start within the first 1024 bytes.
PDF_HEADER_WINDOW = 1024
ZIP_SIGNATURE = b"PK\x03\x04"
DOCX_PART = "word/document.xml"
DEFAULT_MAX_SIZE = 20 * 1024 * 1024


def max_size() -> int:
    """The largest file a document page accepts (LEGAL_FILE_MAX_SIZE, bytes)."""
    return int(getattr(settings, "LEGAL_FILE_MAX_SIZE", DEFAULT_MAX_SIZE))


def sniff(file) -> str | None:
    """ "pdf", "docx" or None, from the first bytes (and, for a ZIP, its list of parts)."""
    position = file.tell() if hasattr(file, "tell") else None
    try:
        file.seek(0)
        head = file.read(PDF_HEADER_WINDOW)
        if b"%PDF-" in head:
            return PDF
        if head.startswith(ZIP_SIGNATURE):
            file.seek(0)
            try:
                with zipfile.ZipFile(file) as package:
                    names = set(package.namelist())
            except (zipfile.BadZipFile, OSError, ValueError):
                return None
            if DOCX_PART in names and "[Content_Types].xml" in names:
                return DOCX
        return None
    finally:
        if position is not None:
            file.seek(position)


def extension(name: str) -> str:
    return PurePath(name or "").suffix.lower().lstrip(".")


def check_legal_file(document) -> str:
    """The kind of a document page's file ("pdf"/"docx"); ValidationError, in Vietnamese, if it is
    neither by content, is named otherwise, is missing from storage or is too large."""
    try:
        size = document.file.size
        with document.open_file() as file:
            kind = sniff(file)
    except (OSError, ValueError):
        raise ValidationError(
            _("Không đọc được tệp “%(title)s” trong thư viện tài liệu; hãy tải tệp lên lại.")
            % {"title": document.title},
            code="unreadable",
        ) from None
    if kind is None or extension(document.file.name) != kind:
        raise ValidationError(
            _("Tệp văn bản phải là PDF hoặc DOCX (kiểm tra theo nội dung tệp); “%(title)s” không phải.")
            % {"title": document.title},
            code="wrong_type",
        )
    if size > max_size():
        raise ValidationError(
            _("Tệp “%(title)s” nặng %(size)s, vượt giới hạn %(limit)s của tủ sách pháp luật.")
            % {"title": document.title, "size": filesizeformat(size), "limit": filesizeformat(max_size())},
            code="too_large",
        )
    return kind
