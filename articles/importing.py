"""Import of articles from the old portal or a spreadsheet: the `import_content` JSON contract.

The file is an array of records. Everything is validated before anything is written, and the
writing runs in one transaction: one bad record means nothing is imported.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from articles.blocks import RICH_TEXT_FEATURES
from articles.models import ArticlePage, GuidePage, article_types
from articles.tree import ensure_site_tree, section_for
from home.models import ReformArea, Unit
from home.text import slugify_vi

DEFAULT_UNIT = "tinh"
SUMMARY_MAX_LENGTH = 300
TITLE_MAX_LENGTH = 255
SUBMISSION_METHODS = {"direct", "online", "postal"}
GUIDE_LEVELS = {choice.value for choice in GuidePage.Level}
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class ImportFileError(Exception):
    """The file cannot be read as an array of records at all."""


@dataclass
class RecordError:
    index: int
    title: str
    reason: str

    def __str__(self) -> str:
        label = f"«{self.title}»" if self.title else _("(không có tiêu đề)")
        return _("Bản ghi [%(index)s] (thứ %(position)s trong tệp) %(label)s: %(reason)s") % {
            "index": self.index,
            "position": self.index + 1,
            "label": label,
            "reason": self.reason,
        }


@dataclass
class CleanRecord:
    index: int
    model: type[ArticlePage]
    unit: Unit
    slug: str
    title: str
    fields: dict
    reform_areas: list[ReformArea]
    tags: list[str]
    related_guide_slugs: list[str] = field(default_factory=list)


@dataclass
class ImportResult:
    created: list[ArticlePage] = field(default_factory=list)
    updated: list[ArticlePage] = field(default_factory=list)
    skipped: list[ArticlePage] = field(default_factory=list)


def load_records(raw: bytes | str) -> list:
    """Parse the file's text; a syntax error is reported with its line and column, in Vietnamese."""
    try:
        data = json.loads(raw)
    except UnicodeDecodeError:
        raise ImportFileError(_("Tệp không phải văn bản UTF-8.")) from None
    except json.JSONDecodeError as error:
        raise ImportFileError(
            _("Tệp JSON sai cú pháp ở dòng %(line)s, cột %(column)s: %(message)s")
            % {"line": error.lineno, "column": error.colno, "message": error.msg}
        ) from None
    if not isinstance(data, list):
        raise ImportFileError(_("Tệp phải chứa một mảng JSON các bản ghi ([ … ])."))
    return data


class ContentImporter:
    """Validates every record, then creates or updates the pages in one transaction."""

    def __init__(self, records: list, *, only_missing: bool = False) -> None:
        self.records = records
        # load_demo creates what is missing and leaves existing pages alone (idempotent).
        self.only_missing = only_missing
        self.units = {unit.slug: unit for unit in Unit.objects.all()}
        self.areas = {area.slug: area for area in ReformArea.objects.all()}
        self.url_validator = URLValidator(schemes=["http", "https"])
        self.rich_text = ContentstateConverter(features=RICH_TEXT_FEATURES)

    # Validation -------------------------------------------------------------------------------

    def validate(self) -> tuple[list[CleanRecord], list[RecordError]]:
        clean, errors = [], []
        seen: dict[tuple[str, str], int] = {}
        for index, record in enumerate(self.records):
            if not isinstance(record, dict):
                errors.append(RecordError(index, "", _("bản ghi phải là một đối tượng JSON ({ … }).")))
                continue
            reasons: list[str] = []
            title = record.get("title")
            title_text = title.strip() if isinstance(title, str) else ""
            cleaned = self._clean_record(index, record, reasons)
            if cleaned is not None:
                key = (cleaned.model.type_slug, cleaned.slug)
                if key in seen:
                    reasons.append(
                        _("đường dẫn (slug) “%(slug)s” trùng với bản ghi [%(other)s] cùng loại.")
                        % {"slug": cleaned.slug, "other": seen[key]}
                    )
                else:
                    seen[key] = index
            if reasons:
                errors.extend(RecordError(index, title_text, reason) for reason in reasons)
            elif cleaned is not None:
                clean.append(cleaned)
        self._check_related_guides(clean, errors)
        return clean, errors

    def _clean_record(self, index: int, record: dict, reasons: list[str]) -> CleanRecord | None:
        type_slug = record.get("type")
        model = article_types().get(type_slug) if isinstance(type_slug, str) else None
        if type_slug is None:
            reasons.append(_("thiếu trường “type” (news, guide, faq hoặc story)."))
        elif model is None:
            reasons.append(
                _("loại bài “%(type)s” không hợp lệ; chỉ nhận news, guide, faq hoặc story.") % {"type": type_slug}
            )

        title = record.get("title")
        if not isinstance(title, str) or not title.strip():
            reasons.append(_("thiếu tiêu đề (“title”)."))
            title = ""
        else:
            title = " ".join(title.split())
            if len(title) > TITLE_MAX_LENGTH:
                reasons.append(_("tiêu đề dài quá %(max)s ký tự.") % {"max": TITLE_MAX_LENGTH})

        slug = record.get("slug")
        if slug in (None, ""):
            slug = slugify_vi(title)
            if title and not slug:
                reasons.append(_("không tạo được đường dẫn từ tiêu đề; hãy ghi rõ “slug”."))
        elif not isinstance(slug, str) or slugify_vi(slug, max_length=255) != slug:
            reasons.append(
                _("đường dẫn (slug) “%(slug)s” chỉ được gồm chữ thường không dấu, số và dấu gạch ngang.")
                % {"slug": slug}
            )

        unit_slug = record.get("unit") or DEFAULT_UNIT
        unit = self.units.get(unit_slug) if isinstance(unit_slug, str) else None
        if unit is None:
            reasons.append(_("không có đơn vị “%(unit)s”.") % {"unit": unit_slug})

        area_slugs = record.get("reform_areas")
        areas: list[ReformArea] = []
        if not isinstance(area_slugs, list) or not area_slugs:
            reasons.append(_("cần ít nhất một lĩnh vực CCHC trong “reform_areas” (danh sách mã lĩnh vực)."))
        else:
            for area_slug in area_slugs:
                area = self.areas.get(area_slug) if isinstance(area_slug, str) else None
                if area is None:
                    reasons.append(_("không có lĩnh vực CCHC “%(area)s”.") % {"area": area_slug})
                elif area not in areas:
                    areas.append(area)

        tags = record.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(tag, str) and tag.strip() for tag in tags):
            reasons.append(_("“tags” phải là danh sách các từ khóa."))
            tags = []
        tags = [" ".join(tag.split())[:100] for tag in tags]

        summary = record.get("summary", "")
        if not isinstance(summary, str):
            reasons.append(_("“summary” phải là văn bản."))
            summary = ""
        summary = summary.strip()
        if len(summary) > SUMMARY_MAX_LENGTH:
            reasons.append(
                _("tóm tắt dài %(length)s ký tự, tối đa %(max)s.") % {"length": len(summary), "max": SUMMARY_MAX_LENGTH}
            )

        body = record.get("body", "")
        if not isinstance(body, str):
            reasons.append(_("“body” phải là văn bản HTML."))
            body = ""

        date = self._parse_date(record.get("date"), "date", reasons)

        fields: dict = {"title": title, "summary": summary, "body": self._body_stream(body)}
        if date is not None:
            fields["date"] = date
        related: list[str] = []
        if model is GuidePage:
            fields.update(self._guide_fields(record, unit, reasons))
        elif model is not None and model.type_slug == "faq":
            related = self._string_list(record, "related_guides", reasons)
        elif model is not None and model.type_slug == "story":
            fields.update(self._story_fields(record, reasons))
        if not summary:
            # The listing needs a line of text: the start of the body, or else the title itself.
            fields["summary"] = self._summary_from_body(body) or title

        if reasons or model is None or unit is None:
            return None
        return CleanRecord(index, model, unit, slug, title, fields, areas, tags, related)

    def _parse_date(self, value, key: str, reasons: list[str]) -> datetime.date | None:
        if value in (None, ""):
            return None
        if isinstance(value, str) and ISO_DATE.fullmatch(value):
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:
                pass
        reasons.append(
            _("ngày “%(value)s” trong “%(key)s” không hợp lệ; dùng dạng YYYY-MM-DD, ví dụ 2024-05-31.")
            % {"value": value, "key": key}
        )
        return None

    def _string(self, record: dict, key: str, reasons: list[str], max_length: int | None = None) -> str:
        value = record.get(key, "")
        if value is None:
            return ""
        if not isinstance(value, str):
            reasons.append(_("“%(key)s” phải là văn bản.") % {"key": key})
            return ""
        value = value.strip()
        if max_length and len(value) > max_length:
            reasons.append(_("“%(key)s” dài quá %(max)s ký tự.") % {"key": key, "max": max_length})
        return value

    def _string_list(self, record: dict, key: str, reasons: list[str]) -> list[str]:
        value = record.get(key, [])
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
            reasons.append(_("“%(key)s” phải là danh sách các chuỗi văn bản.") % {"key": key})
            return []
        return [item.strip() for item in value]

    def _guide_fields(self, record: dict, unit: Unit | None, reasons: list[str]) -> dict:
        online_url = self._string(record, "online_url", reasons, 200)
        if online_url:
            try:
                self.url_validator(online_url)
            except ValidationError:
                reasons.append(_("“online_url” không phải địa chỉ http(s) hợp lệ."))
        level = self._string(record, "level", reasons)
        if level and level not in GUIDE_LEVELS:
            reasons.append(_("“level” chỉ nhận province, district hoặc commune."))
        fields = {
            "procedure_code": self._string(record, "procedure_code", reasons, 40),
            "agency": self._string(record, "agency", reasons, 255) or (unit.name if unit else ""),
            "procedure_field": self._string(record, "field", reasons, 255),
            "level": level,
            "where_to_submit": self._string(record, "where_to_submit", reasons),
            "applicants": self._string(record, "applicants", reasons),
            "result": self._string(record, "result", reasons),
            "conditions": self._string(record, "conditions", reasons),
            "online_url": online_url,
            "steps": [
                ("step", {"title": step, "description": ""}) for step in self._string_list(record, "steps", reasons)
            ],
        }
        fields["submission_methods"] = self._submission_methods(record, reasons)
        fields["document_groups"] = self._document_groups(record, reasons)
        fields["legal_basis"] = self._legal_basis(record, reasons)
        return fields

    def _submission_methods(self, record: dict, reasons: list[str]) -> list:
        methods = record.get("submission_methods")
        if methods is None:
            processing_time = self._string(record, "processing_time", reasons, 1000)
            fee = self._string(record, "fee", reasons, 1000)
            if not (processing_time or fee):
                return []
            return [("method", {"method": "direct", "processing_time": processing_time, "fee": fee, "note": ""})]
        if not isinstance(methods, list):
            reasons.append(_("“submission_methods” phải là danh sách."))
            return []
        blocks = []
        for method in methods:
            if not isinstance(method, dict) or method.get("method") not in SUBMISSION_METHODS:
                reasons.append(_("mỗi cách thức nộp cần “method” là direct, online hoặc postal."))
                continue
            blocks.append(
                (
                    "method",
                    {
                        "method": method["method"],
                        "processing_time": self._string(method, "processing_time", reasons, 1000),
                        "fee": self._string(method, "fee", reasons, 1000),
                        "note": self._string(method, "note", reasons),
                    },
                )
            )
        return blocks

    def _document_groups(self, record: dict, reasons: list[str]) -> list:
        groups = record.get("document_groups")
        if groups is None:
            documents = self._string_list(record, "documents", reasons)
            if not documents:
                return []
            return [
                ("case", {"case": "", "documents": [{"name": name, "copies": "", "form": None} for name in documents]})
            ]
        if not isinstance(groups, list):
            reasons.append(_("“document_groups” phải là danh sách."))
            return []
        blocks = []
        for group in groups:
            documents = group.get("documents") if isinstance(group, dict) else None
            if not isinstance(documents, list) or not all(
                isinstance(document, dict) and isinstance(document.get("name"), str) for document in documents
            ):
                reasons.append(_("mỗi nhóm hồ sơ cần danh sách “documents” gồm các giấy tờ có “name”."))
                continue
            blocks.append(
                (
                    "case",
                    {
                        "case": self._string(group, "case", reasons, 500),
                        "documents": [
                            {
                                "name": document["name"].strip(),
                                "copies": self._string(document, "copies", reasons, 120),
                                "form": None,
                            }
                            for document in documents
                        ],
                    },
                )
            )
        return blocks

    def _legal_basis(self, record: dict, reasons: list[str]) -> list:
        documents = record.get("legal_basis", [])
        if documents is None:
            return []
        if not isinstance(documents, list) or not all(
            isinstance(document, dict) and document.get("number") and document.get("title") for document in documents
        ):
            reasons.append(_("“legal_basis” phải là danh sách văn bản có “number” và “title”."))
            return []
        return [
            (
                "document",
                {
                    "number": self._string(document, "number", reasons, 120),
                    "title": self._string(document, "title", reasons, 500),
                    "date": self._parse_date(document.get("date"), "legal_basis.date", reasons),
                    "issuer": self._string(document, "issuer", reasons, 255),
                },
            )
            for document in documents
        ]

    def _story_fields(self, record: dict, reasons: list[str]) -> dict:
        results = self._string(record, "results", reasons)
        if results and not results.lstrip().startswith("<"):
            results = "".join(f"<p>{line}</p>" for line in results.splitlines() if line.strip())
        return {"period": self._string(record, "period", reasons, 100), "results": self._clean_html(results)}

    def _check_related_guides(self, clean: list[CleanRecord], errors: list[RecordError]) -> None:
        guide_slugs = {record.slug for record in clean if record.model is GuidePage}
        existing = set(GuidePage.objects.values_list("slug", flat=True))
        for record in clean[:]:
            missing = [slug for slug in record.related_guide_slugs if slug not in guide_slugs | existing]
            if missing:
                clean.remove(record)
                errors.append(
                    RecordError(
                        record.index,
                        record.title,
                        _("không có hướng dẫn “%(slugs)s” để liên kết.") % {"slugs": ", ".join(missing)},
                    )
                )

    def _clean_html(self, html: str) -> str:
        """Keep only what the editor allows: imported HTML can't smuggle scripts or styles in."""
        if not html.strip():
            return ""
        return self.rich_text.to_database_format(self.rich_text.from_database_format(html))

    def _body_stream(self, html: str) -> list:
        cleaned = self._clean_html(html)
        return [("paragraph", cleaned)] if cleaned else []

    def _summary_from_body(self, html: str) -> str:
        return Truncator(" ".join(strip_tags(html).split())).chars(SUMMARY_MAX_LENGTH)

    # Writing ----------------------------------------------------------------------------------

    def run(self, records: Iterable[CleanRecord]) -> ImportResult:
        result = ImportResult()
        with transaction.atomic():
            ensure_site_tree()
            records = list(records)
            # Guides first, so FAQ answers can link to guides from the same file.
            for record in sorted(records, key=lambda item: item.model is not GuidePage):
                self._write(record, result)
        return result

    def _write(self, record: CleanRecord, result: ImportResult) -> None:
        section = section_for(record.model.index_page_model(), record.unit)
        page = record.model.objects.filter(slug=record.slug).first()
        if record.related_guide_slugs:
            guides = {guide.slug: guide for guide in GuidePage.objects.filter(slug__in=record.related_guide_slugs)}
            record.fields["related_guides"] = [("guide", guides[slug]) for slug in record.related_guide_slugs]
        if page is not None and self.only_missing:
            result.skipped.append(page)
            return
        if page is None:
            page = record.model(slug=record.slug, **record.fields)
            if "date" in record.fields:
                page.first_published_at = timezone.make_aware(
                    datetime.datetime.combine(record.fields["date"], datetime.time(8, 0))
                )
            page.reform_areas.set(record.reform_areas)
            page.tags.set(record.tags)
            section.add_child(instance=page)
            result.created.append(page)
        else:
            if page.get_parent().pk != section.pk:
                # The unit changed: the page moves to its new unit's section first.
                page.move(section, pos="last-child")
                page = record.model.objects.get(pk=page.pk)
            for name, value in record.fields.items():
                setattr(page, name, value)
            page.reform_areas.set(record.reform_areas)
            page.tags.set(record.tags)
            result.updated.append(page)
        page.save_revision(log_action=True).publish()
