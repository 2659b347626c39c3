"""Reading one import record's values, each checked, with a Vietnamese reason for what is wrong."""

from __future__ import annotations

import datetime
import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from articles.blocks import RICH_TEXT_FEATURES
from articles.importing.legacy_html import convert

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
MAX_HTML_LENGTH = 1_000_000


class RecordReader:
    """Typed access to one record; every problem is appended to `reasons` (nothing raises).

    `dropped_images` counts the images found in the record's HTML that could not be brought in.
    """

    url_validator = URLValidator(schemes=["http", "https"])
    rich_text = ContentstateConverter(features=RICH_TEXT_FEATURES)

    def __init__(self, record: dict, reasons: list[str]) -> None:
        self.record = record
        self.reasons = reasons
        self.dropped_images = 0

    def string(self, key: str, max_length: int | None = None, record: dict | None = None) -> str:
        source = self.record if record is None else record
        value = source.get(key, "")
        if value is None:
            return ""
        if not isinstance(value, str):
            self.reasons.append(_("“%(key)s” phải là văn bản.") % {"key": key})
            return ""
        value = value.strip()
        if max_length and len(value) > max_length:
            self.reasons.append(_("“%(key)s” dài quá %(max)s ký tự.") % {"key": key, "max": max_length})
        return value

    def strings(self, key: str) -> list[str]:
        value = self.record.get(key, [])
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
            self.reasons.append(_("“%(key)s” phải là danh sách các chuỗi văn bản.") % {"key": key})
            return []
        return [item.strip() for item in value]

    def date(self, key: str, record: dict | None = None, label: str | None = None) -> datetime.date | None:
        value = (self.record if record is None else record).get(key)
        if value in (None, ""):
            return None
        if isinstance(value, str) and ISO_DATE.fullmatch(value):
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:
                pass
        self.reasons.append(
            _("ngày “%(value)s” trong “%(key)s” không hợp lệ; dùng dạng YYYY-MM-DD, ví dụ 2024-05-31.")
            % {"value": value, "key": label or key}
        )
        return None

    def url(self, key: str, max_length: int = 200) -> str:
        value = self.string(key, max_length)
        if value:
            try:
                self.url_validator(value)
            except ValidationError:
                self.reasons.append(_("“%(key)s” không phải địa chỉ http(s) hợp lệ.") % {"key": key})
        return value

    # HTML ---------------------------------------------------------------------------------------

    def clean_rich_text(self, html: str) -> str:
        """One rich-text value as the editor stores it (only what the editor allows)."""
        blocks = self.body_blocks(html)
        return "".join(value for kind, value in blocks if kind == "paragraph")

    def body_blocks(self, html: str) -> list[tuple[str, object]]:
        """Legacy HTML as body blocks: paragraphs (editor-clean rich text) and tables.

        Never raises: HTML that cannot be read at all becomes a reason (a bad record).
        """
        if not html.strip():
            return []
        if len(html) > MAX_HTML_LENGTH:
            self.reasons.append(_("nội dung HTML dài quá %(max)s ký tự.") % {"max": MAX_HTML_LENGTH})
            return []
        try:
            converted = convert(html)
            blocks = []
            for kind, value in converted.blocks:
                if kind == "table":
                    blocks.append(("table", value))
                    continue
                cleaned = self.rich_text.to_database_format(self.rich_text.from_database_format(value))
                if cleaned.strip():
                    blocks.append(("paragraph", cleaned))
        except Exception as error:
            self.reasons.append(
                _("không đọc được nội dung HTML (%(problem)s); hãy sửa đoạn HTML này.")
                % {"problem": type(error).__name__}
            )
            return []
        self.dropped_images += converted.dropped_images
        return blocks
