"""Uploads checked by what they contain, not by their name (docs/security.md).

Wagtail already refuses an extension outside WAGTAILDOCS_EXTENSIONS / WAGTAILIMAGES_EXTENSIONS.
These form bases (WAGTAILDOCS_DOCUMENT_FORM_BASE, WAGTAILIMAGES_IMAGE_FORM_BASE; used by the single
and the multiple upload views alike) also check that the bytes are what the extension says, refuse
SVG and HTML whatever they are called (a script in an SVG runs in the site's origin), and give a
clear Vietnamese message for a file that is too large.
"""

from __future__ import annotations

import io
import os
import zipfile

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

SNIFF_BYTES = 8192
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MARKUP_SIGNS = (b"<svg", b"<html", b"<!doctype html", b"<script", b"<?xml", b"<body", b"<iframe")
IMAGE_KINDS = {"jpg": "jpg", "jpeg": "jpg", "png": "png", "gif": "gif", "webp": "webp"}


def _head(upload) -> bytes:
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(position)
    return head


def _zip_names(upload) -> list[str] | None:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        upload.seek(0)


def _zip_member(upload, name: str) -> bytes:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            return archive.read(name)[:200]
    except (KeyError, zipfile.BadZipFile, OSError, ValueError):
        return b""
    finally:
        upload.seek(0)


def looks_like_markup(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith(b"<") or any(sign in head.lower() for sign in MARKUP_SIGNS)


def _is_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut at the end of the sniffed bytes is still text.
        if error.start < len(head) - 3:
            try:
                head.decode("cp1258")
            except UnicodeDecodeError:
                return False
    return True


def document_content_matches(upload, extension: str) -> bool:
    head = _head(upload)
    if extension == "pdf":
        return head.startswith(b"%PDF-")
    if extension in {"doc", "xls"}:
        return head.startswith(OLE2)
    if extension == "rtf":
        return head.startswith(b"{\\rtf")
    if extension in {"txt", "csv"}:
        return _is_text(head) and not looks_like_markup(head)
    if extension in {"docx", "xlsx", "odt", "zip"}:
        if not head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
            return False
        names = _zip_names(upload)
        if names is None:
            return False
        if extension == "docx":
            return "[Content_Types].xml" in names and any(name.startswith("word/") for name in names)
        if extension == "xlsx":
            return "[Content_Types].xml" in names and any(name.startswith("xl/") for name in names)
        if extension == "odt":
            return _zip_member(upload, "mimetype").startswith(b"application/vnd.oasis.opendocument.text")
        return True
    return False


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.0f}"


class CheckedDocumentForm(BaseDocumentForm):
    def _post_clean(self):
        # A file refused above is gone from cleaned_data; the model's own extension check would
        # then add a second error about an empty name. Keep the reason given for the file.
        refused = list(self._errors["file"].as_data()) if self._errors and "file" in self._errors else None
        super()._post_clean()
        if refused is not None:
            self._errors["file"] = self.error_class(refused)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None or not hasattr(upload, "read"):
            return upload
        limit = getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None)
        if limit and upload.size > limit:
            raise ValidationError(
                _("Tệp quá lớn (%(size)s MB). Dung lượng tối đa cho tài liệu là %(limit)s MB.")
                % {"size": f"{upload.size / 1024 / 1024:.1f}", "limit": _megabytes(limit)},
                code="file_too_large",
            )
        extension = os.path.splitext(upload.name)[1].lower().lstrip(".")
        head = _head(upload)
        if extension in {"txt", "csv"} and looks_like_markup(head):
            raise ValidationError(
                _("Tệp văn bản này chứa mã HTML hoặc SVG; không nhận tệp SVG hoặc HTML."), code="markup_refused"
            )
        if not document_content_matches(upload, extension):
            # A real PDF or Word package may hold XML (metadata, parts stored uncompressed): markup
            # is looked for only in a file that is not what its name says.
            if looks_like_markup(head) and not head.startswith((b"PK\x03\x04", b"%PDF-", OLE2)):
                raise ValidationError(_("Không nhận tệp SVG hoặc HTML."), code="markup_refused")
            raise ValidationError(
                _("Nội dung tệp không đúng với loại tệp .%(extension)s. Hãy tải lên đúng tệp gốc.")
                % {"extension": extension},
                code="content_mismatch",
            )
        return upload


class CheckedImageForm(BaseImageForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None or not hasattr(upload, "read"):
            return upload
        head = _head(upload)
        if looks_like_markup(head):
            raise ValidationError(
                _(
                    "Không nhận ảnh SVG (ảnh SVG có thể chứa mã chạy trên trang). "
                    "Hãy dùng ảnh PNG, JPEG, GIF hoặc WebP."
                ),
                code="svg_refused",
            )
        extension = os.path.splitext(upload.name)[1].lower().lstrip(".")
        kind = filetype.guess(io.BytesIO(head))
        if kind is None or kind.extension != IMAGE_KINDS.get(extension):
            raise ValidationError(
                _("Nội dung tệp không phải ảnh %(extension)s. Hãy dùng ảnh PNG, JPEG, GIF hoặc WebP đúng định dạng.")
                % {"extension": extension.upper() or "?"},
                code="content_mismatch",
            )
        return upload
