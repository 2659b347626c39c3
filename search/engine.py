"""One citizen search: fetch candidates from the configured backend, rank them, filter and count.

The backend (SQLite FTS5, PostgreSQL or Elasticsearch) only answers "which pages contain any of
these folded words, roughly best first"; ranking, filters and counts are computed here on the
SearchDocument rows, so every backend gives the same order.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db import connection
from wagtail.models import Page, PageViewRestriction

from search import asked, clicks, retrieval
from search.models import SearchDocument
from search.query import ParsedQuery, parse_query
from search.ranking import Hit, body_phrases, rank

CANDIDATE_LIMIT = 100
FILTER_NAMES = ("type", "area", "unit")
# Read as they are; the body is only ever asked "does it contain this phrase?", and the database
# answers that (ranking.body_phrases) instead of sending every candidate's whole body.
DOCUMENT_FIELDS = (
    "page_id",
    "type_slug",
    "unit_slug",
    "area_slugs",
    "date",
    "title",
    "title_exact",
    "title_fold",
    "head_exact",
    "head_fold",
)


@dataclass(slots=True)
class RankedDocument:
    """The columns of a SearchDocument the ranker reads (a plain object: cheaper than a model)."""

    page_id: int
    type_slug: str
    unit_slug: str
    area_slugs: str
    date: datetime.date | None
    title: str
    title_exact: str
    title_fold: str
    head_exact: str
    head_fold: str
    body_hits: frozenset[str]  # which of the query's body phrases (ranking.body_phrases) the body holds


@dataclass
class Filters:
    type: str = ""
    area: str = ""
    unit: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None

    @property
    def active(self) -> bool:
        return bool(self.type or self.area or self.unit or self.date_from or self.date_to)

    def accepts(self, document: RankedDocument, ignore: str = "") -> bool:
        if self.type and ignore != "type" and document.type_slug != self.type:
            return False
        if self.area and ignore != "area" and f" {self.area} " not in document.area_slugs:
            return False
        if self.unit and ignore != "unit" and document.unit_slug != self.unit:
            return False
        if self.date_from and (document.date is None or document.date < self.date_from):
            return False
        if self.date_to and (document.date is None or document.date > self.date_to):
            return False
        return True


@dataclass
class Outcome:
    query: ParsedQuery
    hits: list[Hit] = field(default_factory=list)
    counts: dict[str, Counter] = field(default_factory=dict)
    total_unfiltered: int = 0


def candidate_ids(query: ParsedQuery, limit: int = CANDIDATE_LIMIT) -> list[int]:
    """Live articles containing any of the query's folded words, in the engine's order."""
    return retrieval.candidate_ids(query, limit)


def load_documents(ids: list[int], phrases: Sequence[str] = ()) -> list[RankedDocument]:
    """The ranking rows of the live, public pages among `ids`, in one query, with which of
    `phrases` (ranking.body_phrases) each body holds.

    Documents exist only for live pages (search.documents.update_page); the live check stays as
    a safeguard. A page is private when it or an ancestor has a view restriction (Wagtail's
    `public()`), i.e. when a restricted page's path is a prefix of its own.
    """
    if not ids:
        return []
    quote = connection.ops.quote_name
    postgresql = connection.vendor == "postgresql"
    columns = ", ".join(quote(name) for name in DOCUMENT_FIELDS)
    find = "strpos" if postgresql else "instr"
    checks = "".join(f", {find}(body, %s) > 0" for _phrase in phrases)
    document, page = quote(SearchDocument._meta.db_table), quote(Page._meta.db_table)
    restriction = quote(PageViewRestriction._meta.db_table)
    # One array parameter on PostgreSQL: a hundred placeholders cost more to parse than to run.
    id_match = "= ANY(%s)" if postgresql else "IN (" + ", ".join(["%s"] * len(ids)) + ")"
    # PostgreSQL would decompress the (TOASTed) body once per phrase; `|| ''` in a subquery kept
    # apart by OFFSET 0 decompresses it once per row.
    sql = (
        f"SELECT {columns}{checks} FROM ("
        f"SELECT {', '.join(f'd.{quote(name)}' for name in DOCUMENT_FIELDS)}, d.body_fold || '' AS body "
        f"FROM {document} d JOIN {page} p ON p.id = d.page_id "
        f"WHERE d.page_id {id_match} AND p.live AND NOT EXISTS ("
        f"SELECT 1 FROM {restriction} r JOIN {page} rp ON rp.id = r.page_id "
        f"WHERE substr(p.path, 1, length(rp.path)) = rp.path){' OFFSET 0' if postgresql else ''}) AS ranked"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*phrases, *([list(ids)] if postgresql else ids)])
        rows = cursor.fetchall()
    width = len(DOCUMENT_FIELDS)
    documents = []
    for row in rows:
        values = list(row[:width])
        if isinstance(values[4], str):  # SQLite returns dates as text
            values[4] = datetime.date.fromisoformat(values[4])
        hits = frozenset(phrase for phrase, found in zip(phrases, row[width:], strict=True) if found)
        documents.append(RankedDocument(*values, body_hits=hits))
    return documents


def run_search(raw_query: str, filters: Filters | None = None) -> Outcome:
    filters = filters or Filters()
    query = parse_query(raw_query)
    outcome = Outcome(query=query)
    if query.is_empty:
        return outcome
    # The citizens' own questions on the guides, and the pages enough visits opened for this query.
    asked.match(query)
    query.clicked = clicks.agreed_pages(query.text)
    ids = candidate_ids(query)
    ids += [page_id for page_id in (*query.asked, *query.clicked) if page_id not in ids]
    order = {page_id: position for position, page_id in enumerate(ids)}
    hits = rank(query, load_documents(ids, body_phrases(query)), order)
    outcome.total_unfiltered = len(hits)
    outcome.counts = {
        "type": Counter(hit.document.type_slug for hit in hits if filters.accepts(hit.document, "type")),
        "unit": Counter(hit.document.unit_slug for hit in hits if filters.accepts(hit.document, "unit")),
        "area": Counter(
            area for hit in hits if filters.accepts(hit.document, "area") for area in hit.document.area_slugs.split()
        ),
    }
    outcome.hits = [hit for hit in hits if filters.accepts(hit.document)]
    return outcome
