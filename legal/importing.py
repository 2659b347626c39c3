"""`import_content` records of `"type": "document"` (the ImportAdapter of the legal bookcase).

Keys beyond the common ones (README, "Importing content"): `document_type` (name or
abbreviation: "Nghị định" or "NĐ"), `number`, `issuer` (required), `signer`, `issue_date`,
`effective_date` ("YYYY-MM-DD"), `status` (`in_force`, `expired`, `amended` or their Vietnamese
labels) and `relations` (`[{"kind": "amends"|"replaces"|"guides"|"implements", "number": "…"}]`).

A relation names the other document by number, found in the same file or already in the
bookcase; an unknown or ambiguous number is a bad record, and so the whole file imports nothing.
Documents of a file are written after the documents they point to.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from django.utils.translation import gettext as _

from articles.importing.adapters import ImportAdapter
from articles.tree import section_for
from home.text import fold
from legal.models import DocumentPage, DocumentRelation, DocumentType
from legal.numbers import number_key

KINDS = {choice.value for choice in DocumentRelation.Kind}
STATUSES = {choice.value: choice.value for choice in DocumentPage.Status} | {
    fold(str(choice.label)): choice.value for choice in DocumentPage.Status
}


@dataclass(frozen=True)
class Target:
    """The other document of a relation: a record of the file (by index) or a page (by id)."""

    record_index: int | None = None
    page_id: int | None = None


class DocumentAdapter(ImportAdapter):
    type_slug = "document"
    # Before the articles of the same file, so their citations find the documents at once.
    write_order = 5

    def __init__(self) -> None:
        self.targets: dict[int, list[tuple[str, Target]]] = {}
        self.records: dict[int, object] = {}

    # One record ------------------------------------------------------------------------------

    def clean(self, reader, unit) -> dict:
        named = reader.string("document_type", 100)
        document_type = None
        if not named:
            reader.reasons.append(
                _("thiếu “document_type” (tên hoặc chữ viết tắt loại văn bản, ví dụ “Nghị định”, “NĐ”).")
            )
        else:
            document_type = next((item for item in DocumentType.objects.all() if item.matches(named)), None)
            if document_type is None:
                reader.reasons.append(
                    _("không có loại văn bản “%(type)s”; chỉ nhận %(types)s.")
                    % {"type": named, "types": ", ".join(item.name for item in DocumentType.objects.all())}
                )
        issuer = reader.string("issuer", 255)
        if not issuer:
            reader.reasons.append(_("thiếu cơ quan ban hành (“issuer”)."))
        status_text = reader.string("status", 60)
        status = STATUSES.get(status_text) or STATUSES.get(fold(status_text)) if status_text else None
        if status_text and status is None:
            reader.reasons.append(
                _(
                    "“status” chỉ nhận in_force (còn hiệu lực), expired (hết hiệu lực) "
                    "hoặc amended (được sửa đổi, bổ sung)."
                )
            )
        self._read_relations(reader)
        fields = {
            "document_type": document_type,
            "number": " ".join(reader.string("number", 100).split()),
            "issuer": issuer,
            "signer": reader.string("signer", 255),
            "issue_date": reader.date("issue_date"),
            "effective_date": reader.date("effective_date"),
            "status": status or DocumentPage.Status.IN_FORCE,
        }
        return fields

    @staticmethod
    def _read_relations(reader) -> None:
        relations = reader.record.get("relations", [])
        if relations is None:
            return
        if not isinstance(relations, list) or not all(
            isinstance(relation, dict)
            and relation.get("kind") in KINDS
            and isinstance(relation.get("number"), str)
            and relation["number"].strip()
            for relation in relations
        ):
            reader.reasons.append(
                _(
                    "“relations” phải là danh sách {“kind”, “number”} với kind là amends, replaces, guides "
                    "hoặc implements và number là số, ký hiệu văn bản."
                )
            )

    @staticmethod
    def relations(record) -> list[tuple[str, str]]:
        return [(relation["kind"], relation["number"].strip()) for relation in record.raw.get("relations") or []]

    # Across records --------------------------------------------------------------------------

    def check(self, importer, records, errors) -> None:
        mine = [record for record in records if record.adapter is self]
        existing = {record.index: self._existing_page_id(record) for record in mine}
        by_key: dict[str, list] = {}
        for record in mine:
            if record.fields["number"]:
                by_key.setdefault(number_key(record.fields["number"]), []).append(record)
        bad: dict[int, list[str]] = {}
        for record in mine:
            problems = self._number_problems(record, existing, by_key) + self._resolve(record, existing, by_key)
            if problems:
                bad[record.index] = problems
        for record in mine:
            if record.index not in bad:
                self.records[record.index] = record
        self._order(mine, bad)
        for record in [record for record in mine if record.index in bad]:
            records.remove(record)
            errors.extend(importer.error(record.index, record.title, problem) for problem in bad[record.index])

    @staticmethod
    def _existing_page_id(record) -> int | None:
        pages = DocumentPage.objects.all()
        if record.source_id:
            pages = pages.filter(import_id=record.source_id)
        else:
            pages = pages.filter(unit=record.unit, slug=record.slug)
        return pages.values_list("pk", flat=True).first()

    @staticmethod
    def _same_year(first, second) -> bool:
        return first is None or second is None or first.year == second.year

    def _number_problems(self, record, existing: dict, by_key: dict) -> list[str]:
        number = record.fields["number"]
        if not number:
            return []
        key = number_key(number)
        issued = record.fields["issue_date"]
        for other in by_key[key]:
            if other.index < record.index and self._same_year(issued, other.fields["issue_date"]):
                return [
                    _("số, ký hiệu “%(number)s” trùng với bản ghi [%(other)s] ban hành cùng năm.")
                    % {"number": number, "other": other.index}
                ]
        claimed = {page_id for page_id in existing.values() if page_id}
        for page in DocumentPage.objects.filter(number_key=key).exclude(pk=existing[record.index]):
            if page.pk not in claimed and self._same_year(issued, page.issue_date):
                return [
                    _("tủ sách đã có văn bản số “%(number)s” ban hành cùng năm: “%(title)s”.")
                    % {"number": number, "title": page.title}
                ]
        return []

    def _resolve(self, record, existing: dict, by_key: dict) -> list[str]:
        """Find each relation's document; the problems of those that cannot be found."""
        problems = []
        targets = []
        own_key = number_key(record.fields["number"]) if record.fields["number"] else None
        for kind, number in self.relations(record):
            key = number_key(number)
            if key == own_key:
                problems.append(_("văn bản không thể có quan hệ với chính nó (“%(number)s”).") % {"number": number})
                continue
            found = {Target(record_index=other.index) for other in by_key.get(key, [])}
            in_file = {existing[other.index] for other in by_key.get(key, [])}
            for page_id in DocumentPage.objects.filter(number_key=key).values_list("pk", flat=True):
                if page_id not in in_file and page_id != existing[record.index]:
                    found.add(Target(page_id=page_id))
            if not found:
                problems.append(
                    _("không có văn bản số “%(number)s” trong tệp hay trong tủ sách để tạo quan hệ.")
                    % {"number": number}
                )
            elif len(found) > 1:
                problems.append(
                    _("có %(count)s văn bản cùng số “%(number)s” (khác năm); không biết liên kết văn bản nào.")
                    % {"count": len(found), "number": number}
                )
            else:
                targets.append((kind, found.pop()))
        self.targets[record.index] = targets
        return problems

    def _order(self, mine: list, bad: dict) -> None:
        """Write each document after those of the file it points to: its depth in the relations
        becomes its write order. A record in a cycle of relations is a bad record."""
        depths: dict[int, int] = {}

        def depth(index: int, path: tuple[int, ...]) -> int | None:
            if index in depths:
                return depths[index]
            if index in path:
                return None
            deepest = 0
            for _kind, target in self.targets.get(index, []):
                if target.record_index is not None:
                    below = depth(target.record_index, (*path, index))
                    if below is None:
                        return None
                    deepest = max(deepest, below + 1)
            depths[index] = deepest
            return deepest

        for record in mine:
            if record.index in bad:
                continue
            level = depth(record.index, ())
            if level is None:
                bad[record.index] = [_("các quan hệ giữa văn bản trong tệp tạo thành vòng lặp.")]
                continue
            if level:
                ordered = copy.copy(self)
                ordered.write_order = self.write_order + level / 1000
                record.adapter = ordered

    # Writing ---------------------------------------------------------------------------------

    def before_save(self, importer, record, page) -> None:
        relations = []
        for kind, target in self.targets.get(record.index, []):
            if target.page_id is not None:
                document = DocumentPage.objects.get(pk=target.page_id)
            else:
                other = self.records[target.record_index]
                document = importer.find(other, section_for(other.model.index_page_model(), other.unit))
            relations.append(DocumentRelation(kind=kind, target=document, sort_order=len(relations)))
        page.relations = relations
