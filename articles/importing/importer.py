"""The `import_content` JSON contract: validate every record, then write them all or nothing.

Identity of a record (which page it is):
- with `id` (the record's key in the source system): (`type`, `id`); the key is kept on the page
  (`ArticlePage.import_id`), so a re-import updates that page, and a changed `unit` moves it;
- without `id`: (`type`, `unit`, `slug`): the same slug in another unit is another page.
Two records of one file with the same identity are bad records. Imports take the write lock for
their whole transaction (SQLite BEGIN IMMEDIATE, a row lock on PostgreSQL), so two imports run
one after the other instead of interleaving.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.models import Page

from articles.importing.adapters import ImportAdapter, import_adapters
from articles.importing.reader import RecordReader
from articles.models import ArticlePage, article_types
from articles.tree import ensure_site_tree, section_for
from home.models import ReformArea, Unit
from home.text import slugify_vi

DEFAULT_UNIT = "tinh"
SUMMARY_MAX_LENGTH = 300
TITLE_MAX_LENGTH = 255
ID_MAX_LENGTH = 100


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


class ImportConflict(Exception):
    """A record that cannot be written as it stands (found while writing: nothing is kept)."""

    def __init__(self, error: RecordError) -> None:
        super().__init__(str(error))
        self.error = error


@dataclass
class CleanRecord:
    index: int
    raw: dict
    adapter: ImportAdapter
    model: type[ArticlePage]
    unit: Unit
    slug: str
    title: str
    fields: dict
    reform_areas: list[ReformArea]
    tags: list[str]
    source_id: str = ""

    @property
    def identity(self) -> tuple:
        if self.source_id:
            return (self.model.type_slug, "id", self.source_id)
        return (self.model.type_slug, "slug", self.unit.slug, self.slug)


@dataclass
class ImportResult:
    created: list[ArticlePage] = field(default_factory=list)
    updated: list[ArticlePage] = field(default_factory=list)
    moved: list[ArticlePage] = field(default_factory=list)
    skipped: list[ArticlePage] = field(default_factory=list)
    dropped_images: int = 0


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
    except RecursionError:
        raise ImportFileError(_("Tệp JSON lồng nhau quá sâu.")) from None
    if not isinstance(data, list):
        raise ImportFileError(_("Tệp phải chứa một mảng JSON các bản ghi ([ … ])."))
    return data


class ContentImporter:
    """Validates every record, then creates, updates or moves the pages in one transaction."""

    def __init__(self, records: list, *, only_missing: bool = False) -> None:
        self.records = records
        # load_demo creates what is missing and leaves existing pages alone (idempotent).
        self.only_missing = only_missing
        self.units = {unit.slug: unit for unit in Unit.objects.all()}
        self.areas = {area.slug: area for area in ReformArea.objects.all()}
        self.adapters = import_adapters()
        self.types = {slug: model for slug, model in article_types().items() if slug in self.adapters}
        self.dropped_images = 0

    def successor(self, unit: Unit) -> Unit:
        """The unit that took over a merged one's pages (load_demo: demo records of a unit merged
        since are the pages its successor holds now)."""
        seen = set()
        while unit.merged_into_id is not None and unit.pk not in seen:
            seen.add(unit.pk)
            unit = next(other for other in self.units.values() if other.pk == unit.merged_into_id)
        return unit

    @staticmethod
    def error(index: int, title: str, reason: str) -> RecordError:
        return RecordError(index, title, reason)

    # Validation -------------------------------------------------------------------------------

    def validate(self) -> tuple[list[CleanRecord], list[RecordError]]:
        clean, errors = [], []
        identities: dict[tuple, int] = {}
        places: dict[tuple, int] = {}
        self.dropped_images = 0
        for index, record in enumerate(self.records):
            if not isinstance(record, dict):
                errors.append(RecordError(index, "", _("bản ghi phải là một đối tượng JSON ({ … }).")))
                continue
            reasons: list[str] = []
            title = record.get("title")
            title_text = " ".join(title.split()) if isinstance(title, str) else ""
            cleaned = self._clean_record(index, record, reasons)
            if cleaned is not None:
                self._check_identity(cleaned, identities, places, reasons)
            if reasons:
                errors.extend(RecordError(index, title_text, reason) for reason in reasons)
            elif cleaned is not None:
                clean.append(cleaned)
        for adapter in self.adapters.values():
            adapter.check(self, clean, errors)
        errors.sort(key=lambda error: error.index)
        return clean, errors

    def _check_identity(self, record: CleanRecord, identities: dict, places: dict, reasons: list[str]) -> None:
        """One page per identity in a file, and one page per slug in a unit's section."""
        other = identities.setdefault(record.identity, record.index)
        if other != record.index:
            if record.source_id:
                reasons.append(
                    _("mã “id” “%(id)s” trùng với bản ghi [%(other)s] cùng loại.")
                    % {"id": record.source_id, "other": other}
                )
            else:
                reasons.append(
                    _("đường dẫn (slug) “%(slug)s” trùng với bản ghi [%(other)s] cùng loại và cùng đơn vị.")
                    % {"slug": record.slug, "other": other}
                )
            return
        place = (record.model.type_slug, record.unit.slug, record.slug)
        other = places.setdefault(place, record.index)
        if other != record.index:
            reasons.append(
                _("đường dẫn (slug) “%(slug)s” đã dùng cho bản ghi [%(other)s] trong cùng chuyên mục của đơn vị.")
                % {"slug": record.slug, "other": other}
            )

    def _clean_record(self, index: int, record: dict, reasons: list[str]) -> CleanRecord | None:
        reader = RecordReader(record, reasons)
        type_slug = record.get("type")
        model = self.types.get(type_slug) if isinstance(type_slug, str) else None
        names = ", ".join(self.types)
        if type_slug is None:
            reasons.append(_("thiếu trường “type” (%(types)s).") % {"types": names})
        elif model is None:
            reasons.append(
                _("loại bài “%(type)s” không hợp lệ; chỉ nhận %(types)s.") % {"type": type_slug, "types": names}
            )

        source_id = record.get("id")
        if source_id is None or source_id == "":
            source_id = ""
        elif not isinstance(source_id, str) or not source_id.strip():
            reasons.append(_("“id” phải là một chuỗi văn bản (mã bài ở hệ thống nguồn)."))
            source_id = ""
        elif len(source_id.strip()) > ID_MAX_LENGTH:
            reasons.append(_("“id” dài quá %(max)s ký tự.") % {"max": ID_MAX_LENGTH})
        source_id = source_id.strip()

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
        if unit is not None and self.only_missing:
            unit = self.successor(unit)
        if unit is None:
            reasons.append(_("không có đơn vị “%(unit)s”.") % {"unit": unit_slug})
        elif unit.is_retired:
            reasons.append(
                _("đơn vị “%(unit)s” đã ngừng hoạt động, không nhận bài mới.") % {"unit": unit.name}
                if unit.merged_into_id is None
                else _("đơn vị “%(unit)s” đã sáp nhập vào “%(successor)s”; hãy ghi “unit”: “%(slug)s”.")
                % {"unit": unit.name, "successor": unit.merged_into.name, "slug": unit.merged_into.slug}
            )

        areas = self._reform_areas(record.get("reform_areas"), reasons)

        tags = record.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(tag, str) and tag.strip() for tag in tags):
            reasons.append(_("“tags” phải là danh sách các từ khóa."))
            tags = []
        tags = [" ".join(tag.split())[:100] for tag in tags]

        summary = reader.string("summary")
        if len(summary) > SUMMARY_MAX_LENGTH:
            reasons.append(
                _("tóm tắt dài %(length)s ký tự, tối đa %(max)s.") % {"length": len(summary), "max": SUMMARY_MAX_LENGTH}
            )

        body = record.get("body", "")
        if body is None:
            body = ""
        if not isinstance(body, str):
            reasons.append(_("“body” phải là văn bản HTML."))
            body = ""

        fields: dict = {"title": title, "summary": summary, "body": reader.body_blocks(body)}
        date = reader.date("date")
        if date is not None:
            fields["date"] = date
        adapter = self.adapters.get(type_slug) if model is not None else None
        if adapter is not None:
            fields.update(adapter.clean(reader, unit))
        if not summary:
            # The listing needs a line of text: the start of the body, or else the title itself.
            text = " ".join(strip_tags(value) for kind, value in fields["body"] if kind == "paragraph")
            fields["summary"] = Truncator(" ".join(text.split())).chars(SUMMARY_MAX_LENGTH) or title
        self.dropped_images += reader.dropped_images

        if reasons or model is None or unit is None or adapter is None:
            return None
        return CleanRecord(index, record, adapter, model, unit, slug, title, fields, areas, tags, source_id)

    def _reform_areas(self, slugs, reasons: list[str]) -> list[ReformArea]:
        if not isinstance(slugs, list) or not slugs:
            reasons.append(_("cần ít nhất một lĩnh vực CCHC trong “reform_areas” (danh sách mã lĩnh vực)."))
            return []
        areas: list[ReformArea] = []
        for slug in slugs:
            area = self.areas.get(slug) if isinstance(slug, str) else None
            if area is None:
                reasons.append(_("không có lĩnh vực CCHC “%(area)s”.") % {"area": slug})
            elif area not in areas:
                areas.append(area)
        return areas

    # Writing ----------------------------------------------------------------------------------

    def run(self, records: Iterable[CleanRecord]) -> ImportResult:
        """Write every record in one transaction; an ImportConflict leaves nothing written."""
        result = ImportResult(dropped_images=self.dropped_images)
        with transaction.atomic():
            if connection.vendor == "postgresql":
                # Wait for another import at most this long, then give up cleanly (SQLite's
                # busy timeout does the same for its BEGIN IMMEDIATE).
                with connection.cursor() as cursor:
                    cursor.execute("SELECT set_config('lock_timeout', %s, true)", [f"{settings.IMPORT_LOCK_TIMEOUT}s"])
            home = ensure_site_tree()
            # One import at a time: on PostgreSQL the home page's row is the lock (SQLite's
            # BEGIN IMMEDIATE already holds the database's single write lock).
            Page.objects.select_for_update().filter(pk=home.pk).exists()
            for record in sorted(records, key=lambda item: (item.adapter.write_order, item.index)):
                self._write(record, result)
        return result

    def find(self, record: CleanRecord, section) -> ArticlePage | None:
        """The page a record is. A record with an id also matches a page imported without one at
        the same place and slug (content first imported without ids), which then takes the id."""
        in_place = record.model.objects.child_of(section).filter(slug=record.slug)
        if not record.source_id:
            return in_place.first()
        page = record.model.objects.filter(import_id=record.source_id).first()
        if page is None:
            page = in_place.filter(import_id="").first()
            if page is not None:
                page.import_id = record.source_id
        return page

    def _write(self, record: CleanRecord, result: ImportResult) -> None:
        section = section_for(record.model.index_page_model(), record.unit)
        page = self.find(record, section)
        if page is not None and self.only_missing:
            result.skipped.append(page)
            return
        taken = Page.objects.child_of(section).filter(slug=record.slug)
        if page is not None:
            taken = taken.exclude(pk=page.pk)
        if taken.exists():
            raise ImportConflict(
                RecordError(
                    record.index,
                    record.title,
                    _("chuyên mục “%(section)s” đã có một bài khác với đường dẫn (slug) “%(slug)s”.")
                    % {"section": section.url_path.strip("/"), "slug": record.slug},
                )
            )
        if page is None:
            page = record.model(slug=record.slug, import_id=record.source_id, **record.fields)
            if "date" in record.fields:
                page.first_published_at = timezone.make_aware(
                    datetime.datetime.combine(record.fields["date"], datetime.time(8, 0))
                )
            record.adapter.before_save(self, record, page)
            page.reform_areas.set(record.reform_areas)
            page.tags.set(record.tags)
            section.add_child(instance=page)
            result.created.append(page)
        else:
            if page.get_parent().pk != section.pk:
                # The unit changed: the page moves to its new unit's section (its unit follows).
                page.move(section, pos="last-child")
                page = record.model.objects.get(pk=page.pk)
                result.moved.append(page)
            page.slug = record.slug
            for name, value in record.fields.items():
                setattr(page, name, value)
            record.adapter.before_save(self, record, page)
            page.reform_areas.set(record.reform_areas)
            page.tags.set(record.tags)
            result.updated.append(page)
        page.save_revision(log_action=True).publish()
