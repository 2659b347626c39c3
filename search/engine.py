"""One citizen search: count the matching pages, rank the best of them, list the rest.

The retrieval (search.retrieval: SQLite FTS5, PostgreSQL, or the backend's own search on
Elasticsearch) applies the filters inside its queries and answers "how many pages match, per
type, unit and area" over *every* matching page, and "which matching pages are probably best".
The best CANDIDATE_LIMIT are ranked here on their SearchDocument rows (search.ranking), so every
backend gives the same order; the other matching pages follow, newest first. The total, each
facet count and the listed results are therefore one and the same set of pages.
"""

from __future__ import annotations

import datetime
import hashlib
import random
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import connection
from wagtail.models import Page, PageViewRestriction

from search import asked, clicks, retrieval
from search.documents import generation
from search.filters import FACET_NAMES, Filters
from search.models import SearchDocument
from search.query import ParsedQuery, parse_query
from search.ranking import Hit, body_phrases, rank

CANDIDATE_LIMIT = 100
# Match counts are cached per query and date range (all type/unit/area filters of one query share
# them), keyed with the documents' generation (search.documents.bump_generation), so a change
# to any page is counted at once where the cache is shared (Redis); a per-process cache
# (LocMemCache, no REDIS_URL) may lag another process's publish by at most this long.
COUNT_CACHE_SECONDS = 120
FILTER_NAMES = FACET_NAMES
REST_BATCH = 100
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


class Results(Sequence):
    """Every matching page, in order: the ranked hits, then the other matches (loaded on demand).

    Its length is the exact total, so Django's Paginator reaches every matching page: page 4 of a
    360-result search reads results 31–40, from the ranked head or from the rest.
    """

    def __init__(self, head: list[Hit], total: int, rest: Callable[[int, int], list[Hit]] | None = None) -> None:
        self.head = head
        self.total = max(total, len(head))
        self._rest = rest

    def __len__(self) -> int:
        return self.total

    def count(self, value=None) -> int:  # Paginator asks for count(); Sequence.count(value) too
        return self.total if value is None else super().count(value)

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop, step = index.indices(self.total)
            if step != 1:
                return list(self)[index]
            return self._slice(start, stop)
        if index < 0:
            index += self.total
        if not 0 <= index < self.total:
            raise IndexError(index)
        return self._slice(index, index + 1)[0]

    def __iter__(self) -> Iterator[Hit]:
        for start in range(0, self.total, REST_BATCH):
            yield from self._slice(start, min(self.total, start + REST_BATCH))

    def _slice(self, start: int, stop: int) -> list[Hit]:
        if stop <= start:
            return []
        hits = self.head[start:stop]
        if stop > len(self.head) and self._rest is not None:
            offset = max(0, start - len(self.head))
            hits = hits + self._rest(offset, stop - max(start, len(self.head)))
        return hits


@dataclass
class Outcome:
    query: ParsedQuery
    hits: Results = field(default_factory=lambda: Results([], 0))
    counts: dict[str, Counter] = field(default_factory=dict)
    total_unfiltered: int = 0

    @property
    def total(self) -> int:
        return len(self.hits)


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


def facet_counts(groups, filters: Filters) -> tuple[int, int, dict[str, Counter]]:
    """(total, total without filters, counts per facet) from retrieval's grouped counts: a facet
    value counts the pages it would give with the *other* filters applied."""
    counts = {name: Counter() for name in FACET_NAMES}
    total = unfiltered = 0
    for type_slug, unit_slug, area_slugs, in_dates, pages in groups:
        unfiltered += pages
        if filters.accepts_values(type_slug, unit_slug, area_slugs, in_dates):
            total += pages
        if filters.accepts_values(type_slug, unit_slug, area_slugs, in_dates, "type"):
            counts["type"][type_slug] += pages
        if filters.accepts_values(type_slug, unit_slug, area_slugs, in_dates, "unit"):
            counts["unit"][unit_slug] += pages
        if filters.accepts_values(type_slug, unit_slug, area_slugs, in_dates, "area"):
            for area in area_slugs.split():
                counts["area"][area] += pages
    return total, unfiltered, counts


def _unscored(documents: list[RankedDocument]) -> list[Hit]:
    return [Hit(document, 0.0, 0.0) for document in documents]


def _ordered(ids: list[int]) -> list[RankedDocument]:
    position = {page_id: index for index, page_id in enumerate(ids)}
    return sorted(load_documents(ids), key=lambda document: position[document.page_id])


def _count_groups(plan: retrieval.Plan, filters: Filters, choose: bool = True) -> list:
    """retrieval.count_groups through the cache (see COUNT_CACHE_SECONDS); sets the plan's mode."""
    dates = (filters.date_from, filters.date_to)
    identity = repr((plan.vendor, plan.groups, plan.rare, plan.types, plan.extra, None if choose else plan.mode, dates))
    key = f"search:counts:{generation()}:{hashlib.sha1(identity.encode()).hexdigest()}"
    cached = cache.get(key)
    if cached is not None:
        plan.mode, groups = cached
        return groups
    groups = retrieval.count_groups(plan, filters, choose)
    # A lifetime drawn between half and the whole: workers that started together would otherwise
    # recount one broad query at the same moment (five 80 ms counts on two cores stalled them all).
    cache.set(key, (plan.mode, groups), random.randint(COUNT_CACHE_SECONDS // 2, COUNT_CACHE_SECONDS))
    return groups


def _loaded(plan: retrieval.Plan, filters: Filters, ids: list[int], phrases) -> list[RankedDocument]:
    """The ranking rows of `ids` (live, public); the plan's extra pages only within the filters
    (the text matches were filtered in the database)."""
    documents = load_documents(ids, phrases)
    if not plan.extra or not filters.active:
        return documents
    extra = set(plan.extra)
    return [document for document in documents if document.page_id not in extra or filters.accepts(document)]


def _database_search(query: ParsedQuery, filters: Filters, outcome: Outcome, vendor: str) -> None:
    extra = tuple(dict.fromkeys((*query.asked, *query.clicked)))
    plan = retrieval.plan(query, vendor, extra)
    if plan is None:
        return
    phrases = body_phrases(query)
    with retrieval.index_scans():
        if filters.active:
            # The mode is chosen on the unfiltered matches, by the count (see retrieval).
            groups = _count_groups(plan, filters)
            total, outcome.total_unfiltered, outcome.counts = facet_counts(groups, filters)
            plan.sparse = retrieval.sparse(total, outcome.total_unfiltered, CANDIDATE_LIMIT)
            ids, complete = retrieval.ranked_ids(plan, filters, CANDIDATE_LIMIT) if groups else ([], True)
            documents = _loaded(plan, filters, ids, phrases)
        else:
            for mode in retrieval.modes(plan):
                plan.mode = mode
                ids, complete = retrieval.ranked_ids(plan, filters, CANDIDATE_LIMIT)
                documents = _loaded(plan, filters, ids, phrases)
                # Extra pages (citizen questions, clicks) alone do not settle the mode.
                if not complete or any(document.page_id not in plan.extra for document in documents):
                    break
            if complete:
                # The stages read every matching page: the visible ones are all loaded, so they
                # are the count (one query fewer for the usual, specific query).
                groups = [(doc.type_slug, doc.unit_slug, doc.area_slugs, True, 1) for doc in documents]
            else:
                groups = _count_groups(plan, filters, choose=False)
            total, outcome.total_unfiltered, outcome.counts = facet_counts(groups, filters)
    if not total:
        return
    order = {page_id: position for position, page_id in enumerate(ids)}
    head = rank(query, documents, order)
    kept = [hit.document.page_id for hit in head]
    if filters.active or not complete:

        def rest(offset: int, limit: int) -> list[Hit]:
            return _unscored(_ordered(retrieval.rest_ids(plan, filters, kept, offset, limit)))

    else:
        # Every match is loaded: the ones the ranker set aside follow, newest first.
        kept_ids = set(kept)
        others = sorted(
            (document for document in documents if document.page_id not in kept_ids),
            key=lambda document: (document.date is not None, document.date or datetime.date.min, document.page_id),
            reverse=True,
        )

        def rest(offset: int, limit: int) -> list[Hit]:
            return _unscored(others[offset : offset + limit])

    outcome.hits = Results(head, total, rest)


def _backend_search(query: ParsedQuery, filters: Filters, outcome: Outcome) -> None:
    """Elasticsearch (or another backend): its filtered results, the first CANDIDATE_LIMIT ranked."""
    results = retrieval.backend_search(query, filters)
    if results is None:
        return
    total = results.count()
    outcome.counts = retrieval.backend_counts(query, filters)
    outcome.total_unfiltered = retrieval.backend_search(query, Filters()).count() if filters.active else total
    ids = [page.pk for page in results[:CANDIDATE_LIMIT]]
    order = {page_id: position for position, page_id in enumerate(ids)}
    head = rank(query, load_documents(ids, body_phrases(query)), order)
    kept = {hit.document.page_id for hit in head}
    dropped = [page_id for page_id in ids if page_id not in kept]

    def rest(offset: int, limit: int) -> list[Hit]:
        # The ranked head's pages the ranker set aside, then the backend's own order.
        wanted = dropped[offset : offset + limit]
        start = len(ids) + max(0, offset - len(dropped))
        more = limit - len(wanted)
        if more > 0:
            wanted += [page.pk for page in results[start : start + more]]
        return _unscored(_ordered(wanted))

    outcome.hits = Results(head, total, rest)


def run_search(raw_query: str, filters: Filters | None = None) -> Outcome:
    filters = filters or Filters()
    query = parse_query(raw_query)
    outcome = Outcome(query=query)
    if query.is_empty:
        return outcome
    # The citizens' own questions on the guides, and the pages enough visits opened for this query.
    asked.match(query)
    query.clicked = clicks.agreed_pages(query.text)
    vendor = retrieval.engine()
    if vendor == "backend":
        _backend_search(query, filters, outcome)
    else:
        _database_search(query, filters, outcome, vendor)
    return outcome
