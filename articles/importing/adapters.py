"""What each article type adds to the common record keys: one adapter per type slug.

Apps above `articles` add their own types to the import (e.g. legal documents) by registering
adapters with the Wagtail hook `register_import_adapters` (a function returning a list of
ImportAdapter instances); `articles` never imports them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _
from wagtail import hooks

from articles.models import GuidePage

if TYPE_CHECKING:
    from articles.importing.importer import CleanRecord, ContentImporter, RecordError
    from articles.importing.reader import RecordReader

SUBMISSION_METHODS = {"direct", "online", "postal"}
GUIDE_LEVELS = {choice.value for choice in GuidePage.Level}


class ImportAdapter:
    """The keys of one article type beyond the common ones (type, id, title, slug, unit …)."""

    type_slug = ""
    # Types with a lower order are written first, so a later record can refer to them.
    write_order = 50

    def clean(self, reader: RecordReader, unit) -> dict:
        """Extra page field values from the record; problems go to `reader.reasons`."""
        return {}

    def check(self, importer: ContentImporter, records: list[CleanRecord], errors: list[RecordError]) -> None:
        """Checks across records (references between them), once every record is cleaned.

        A record found bad here is removed from `records` and reported in `errors`."""

    def before_save(self, importer: ContentImporter, record: CleanRecord, page) -> None:
        """Fill fields that refer to pages written earlier in the same import."""


class NewsAdapter(ImportAdapter):
    type_slug = "news"


class GuideAdapter(ImportAdapter):
    type_slug = "guide"
    write_order = 10

    def clean(self, reader: RecordReader, unit) -> dict:
        level = reader.string("level")
        if level and level not in GUIDE_LEVELS:
            reader.reasons.append(_("“level” chỉ nhận province, district hoặc commune."))
        return {
            "procedure_code": reader.string("procedure_code", 40),
            "agency": reader.string("agency", 255) or (unit.name if unit else ""),
            "procedure_field": reader.string("field", 255),
            "level": level,
            "where_to_submit": reader.string("where_to_submit"),
            "applicants": reader.string("applicants"),
            "result": reader.string("result"),
            "conditions": reader.string("conditions"),
            "online_url": reader.url("online_url"),
            "steps": [("step", {"title": step, "description": ""}) for step in reader.strings("steps")],
            "submission_methods": self.submission_methods(reader),
            "document_groups": self.document_groups(reader),
            "legal_basis": self.legal_basis(reader),
            "citizen_queries": "\n".join(reader.strings("citizen_queries")),
        }

    def submission_methods(self, reader: RecordReader) -> list:
        methods = reader.record.get("submission_methods")
        if methods is None:
            processing_time = reader.string("processing_time", 1000)
            fee = reader.string("fee", 1000)
            if not (processing_time or fee):
                return []
            return [("method", {"method": "direct", "processing_time": processing_time, "fee": fee, "note": ""})]
        if not isinstance(methods, list):
            reader.reasons.append(_("“submission_methods” phải là danh sách."))
            return []
        blocks = []
        for method in methods:
            if not isinstance(method, dict) or method.get("method") not in SUBMISSION_METHODS:
                reader.reasons.append(_("mỗi cách thức nộp cần “method” là direct, online hoặc postal."))
                continue
            value = {
                "method": method["method"],
                "processing_time": reader.string("processing_time", 1000, record=method),
                "fee": reader.string("fee", 1000, record=method),
                "note": reader.string("note", record=method),
            }
            blocks.append(("method", value))
        return blocks

    def document_groups(self, reader: RecordReader) -> list:
        groups = reader.record.get("document_groups")
        if groups is None:
            documents = reader.strings("documents")
            if not documents:
                return []
            return [
                ("case", {"case": "", "documents": [{"name": name, "copies": "", "form": None} for name in documents]})
            ]
        if not isinstance(groups, list):
            reader.reasons.append(_("“document_groups” phải là danh sách."))
            return []
        blocks = []
        for group in groups:
            documents = group.get("documents") if isinstance(group, dict) else None
            if not isinstance(documents, list) or not all(
                isinstance(document, dict) and isinstance(document.get("name"), str) for document in documents
            ):
                reader.reasons.append(_("mỗi nhóm hồ sơ cần danh sách “documents” gồm các giấy tờ có “name”."))
                continue
            items = [
                {
                    "name": document["name"].strip(),
                    "copies": reader.string("copies", 120, record=document),
                    "form": None,
                }
                for document in documents
            ]
            blocks.append(("case", {"case": reader.string("case", 500, record=group), "documents": items}))
        return blocks

    def legal_basis(self, reader: RecordReader) -> list:
        documents = reader.record.get("legal_basis", [])
        if documents is None:
            return []
        if not isinstance(documents, list) or not all(
            isinstance(document, dict) and document.get("number") and document.get("title") for document in documents
        ):
            reader.reasons.append(_("“legal_basis” phải là danh sách văn bản có “number” và “title”."))
            return []
        return [
            (
                "document",
                {
                    "number": reader.string("number", 120, record=document),
                    "title": reader.string("title", 500, record=document),
                    "date": reader.date("date", record=document, label="legal_basis.date"),
                    "issuer": reader.string("issuer", 255, record=document),
                },
            )
            for document in documents
        ]


class FaqAdapter(ImportAdapter):
    """`related_guides`: guide slugs, or "unit-slug/guide-slug" where several units use the slug."""

    type_slug = "faq"
    write_order = 30

    def clean(self, reader: RecordReader, unit) -> dict:
        reader.strings("related_guides")  # checked here, resolved once every record is known
        return {}

    @staticmethod
    def references(record: CleanRecord) -> list[str]:
        return [reference.strip() for reference in record.raw.get("related_guides") or []]

    def check(self, importer, records, errors) -> None:
        from_file = {(record.unit.slug, record.slug) for record in records if record.model is GuidePage}
        existing = set(GuidePage.objects.values_list("unit__slug", "slug"))
        known = from_file | existing
        for record in [record for record in records if record.adapter is self]:
            problems = []
            for reference in self.references(record):
                candidates = self.candidates(reference, record.unit.slug, known)
                if not candidates:
                    problems.append(_("không có hướng dẫn “%(slug)s” để liên kết.") % {"slug": reference})
                elif len(candidates) > 1:
                    problems.append(
                        _("có nhiều hướng dẫn “%(slug)s” ở các đơn vị %(units)s; hãy ghi “mã-đơn-vị/%(slug)s”.")
                        % {"slug": reference, "units": ", ".join(sorted(unit for unit, _slug in candidates))}
                    )
            if problems:
                records.remove(record)
                errors.extend(importer.error(record.index, record.title, problem) for problem in problems)

    @staticmethod
    def candidates(reference: str, own_unit: str, known: set[tuple[str, str]]) -> list[tuple[str, str]]:
        unit, _slash, slug = reference.rpartition("/")
        if unit:
            return [(unit, slug)] if (unit, slug) in known else []
        if (own_unit, slug) in known:
            return [(own_unit, slug)]
        return [key for key in known if key[1] == slug]

    def before_save(self, importer, record, page) -> None:
        known = set(GuidePage.objects.values_list("unit__slug", "slug"))
        guides = []
        for reference in self.references(record):
            unit, slug = self.candidates(reference, record.unit.slug, known)[0]
            guides.append(("guide", GuidePage.objects.get(unit__slug=unit, slug=slug)))
        page.related_guides = guides


class StoryAdapter(ImportAdapter):
    type_slug = "story"

    def clean(self, reader: RecordReader, unit) -> dict:
        results = reader.string("results")
        if results and not results.lstrip().startswith("<"):
            results = "".join(f"<p>{line}</p>" for line in results.splitlines() if line.strip())
        return {"period": reader.string("period", 100), "results": reader.clean_rich_text(results)}


def import_adapters() -> dict[str, ImportAdapter]:
    """The adapter of every importable type: the four of `articles`, then those apps register."""
    adapters = [NewsAdapter(), GuideAdapter(), FaqAdapter(), StoryAdapter()]
    for register in hooks.get_hooks("register_import_adapters"):
        adapters.extend(register())
    return {adapter.type_slug: adapter for adapter in adapters}
