"""The pages matching a citizen search, read straight from Wagtail's own index tables.

The generic queryset modelsearch builds (a correlated score subquery for every row) takes
seconds at 10,000 pages, and ranking "any of these words" by bm25 drowns a page among thousands
that share one common word. So this module answers three questions with a few cheap queries on
the FTS5 table (SQLite) or the GIN-indexed tsvectors (PostgreSQL), each with the citizen's
filters (type, area, unit, dates) inside the query:

- which pages match and how many per type, unit and area (`count_groups`: one GROUP BY over every
  matching live public page, not over a cut);
- which matching pages are probably best (`ranked_ids`: ranked stages, up to a limit, for the
  ranker in search.ranking);
- the other matching pages, newest first, for the pages of results beyond the ranked ones
  (`rest_ids`).

What "matching" means is written once, below ("What matches"). The ``body`` column holds the
folded title and text (ArticlePage.search_*_folded) beside the original words; the
``autocomplete`` column holds the title, original and folded. On SQLite, title stages read a
separate FTS5 index of the folded titles (search_title_fts). Elasticsearch and other backends
go through the backend's own ``search()`` with the filters as filter clauses (`backend_search`).
"""

from __future__ import annotations

from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, replace

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection, transaction
from modelsearch.backends import get_search_backend
from modelsearch.conf import get_app_config
from modelsearch.query import PlainText
from wagtail.models import Page, PageViewRestriction

from articles.models import ArticlePage, article_types
from home.models import ReformArea, Unit
from search.backends.safety import MAX_WORD_LENGTH
from search.filters import FACET_NAMES, Filters
from search.models import SearchDocument, SearchTerm
from search.query import ParsedQuery

# A concept is "rare" when its best phrase has a word found in at most this share of the pages.
RARE_SHARE = 0.2
MAX_PHRASES_PER_CONCEPT = 8
PAGE_COUNT_CACHE_KEY = "search:page-count"
TITLE_FTS = "search_title_fts"


# The article content types, written so that PostgreSQL cannot answer them from the btree index
# on content_type_id: the types are nearly every row, yet the planner preferred that index to the
# GIN index of the vectors and then tested `@@` on every article, de-TOASTing each body vector
# (80 ms instead of 5 ms for "giấy phép" at 10,000 pages; docs/performance.md).
PG_TYPES = "(e.content_type_id + 0)"


def engine() -> str:
    """Which retrieval path serves the configured backend: "sqlite", "postgresql" or "backend"."""
    for base in type(get_search_backend()).__mro__:
        if base.__name__ == "SQLiteSearchBackend":
            return "sqlite"
        if base.__name__ == "PostgresSearchBackend":
            return "postgresql"
    return "backend"


def _article_content_types() -> list[int]:
    return [ContentType.objects.get_for_model(model).pk for model in article_types().values()]


def _safe(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(word[:MAX_WORD_LENGTH] for word in words if word.isascii() and word.isalnum())


def concept_phrases(query: ParsedQuery) -> tuple[list[list[tuple[str, ...]]], list[bool]]:
    """For each meaningful concept, its phrases (word tuples), and whether the concept is rare."""
    concepts = [concept for concept in query.concepts if not concept.stop] or query.concepts
    groups = []
    for concept in concepts:
        phrases = []
        for alternative in concept.alternatives:
            phrase = _safe(alternative.fold)
            if phrase and phrase not in phrases:
                phrases.append(phrase)
        if phrases:
            groups.append(phrases[:MAX_PHRASES_PER_CONCEPT])
    words = {word for group in groups for phrase in group for word in phrase}
    counts = {word: query.term_counts[word] for word in words if word in query.term_counts}
    unknown = words - counts.keys() - query.looked_up
    if unknown:  # a query parsed without expansion, or words the parser did not look up
        counts.update(SearchTerm.objects.filter(word__in=unknown).values_list("word", "doc_count"))
    limit = page_count() * RARE_SHARE
    # A phrase is in at most as many pages as its rarest word; a concept in at most their sum.
    rare = [sum(min(counts.get(word, 0) for word in phrase) for phrase in group) <= limit for group in groups]
    return groups, rare


def page_count() -> int:
    """How many pages are indexed (cached for a few minutes: it only sets what "rare" means)."""
    return cache.get_or_set(PAGE_COUNT_CACHE_KEY, lambda: max(1, SearchDocument.objects.count()), 300)


# What matches --------------------------------------------------------------------------------------
#
# A page matches a query, on every path, when it is a live, public article that
#   ALL mode (keyword queries: at most MAX_ALL_CONCEPTS meaningful concepts, and some page holds
#            them all): holds every meaningful concept (each concept: any of its phrases — the
#            typed words, a synonym, a correction) in its text or title;
#   ANY mode (longer questions, or when no page holds every concept): holds every concept, or any
#            concept in its title, or any rare concept in its text — what the ranked stages have
#            always gathered, so a question's answer whose title lacks a word of it is still found.
# The mode is chosen once per query, before the filters, so a facet's count is the total its link
# gives. The ranked stages below only ever return matching pages, so the ranked head, the rest
# (rest_ids), the total and the facet counts describe one and the same set.

ALL, ANY = "all", "any"
MAX_ALL_CONCEPTS = 5


@dataclass
class Plan:
    """A query's concepts as the retrieval expressions of one database."""

    vendor: str
    groups: list[list[tuple[str, ...]]]
    rare: list[bool]
    every: str
    anyone: str
    rare_any: str
    types: list[int]
    mode: str = ALL
    # Pages that answer the query whatever its words (a guide's citizen question close to it, the
    # page enough visits opened after it): matches in every mode, counted like the others.
    extra: tuple[int, ...] = ()
    # Set when counts showed the (filtered) matches are few: see `sparse` (PostgreSQL).
    sparse: bool = False


def plan(query: ParsedQuery, vendor: str, extra: tuple[int, ...] = ()) -> Plan | None:
    groups, rare = concept_phrases(query)
    if not groups:
        return None
    group_sql = _fts_group if vendor == "sqlite" else _ts_group
    joiner = (" AND ", " OR ") if vendor == "sqlite" else (" & ", " | ")
    rare_groups = [group for group, is_rare in zip(groups, rare, strict=True) if is_rare]
    return Plan(
        vendor=vendor,
        groups=groups,
        rare=rare,
        every=joiner[0].join(group_sql(group) for group in groups),
        anyone=joiner[1].join(group_sql(group) for group in groups),
        rare_any=joiner[1].join(group_sql(group) for group in rare_groups),
        types=_article_content_types(),
        extra=tuple(extra),
    )


def _names() -> dict[str, str]:
    quote = connection.ops.quote_name
    table = get_app_config().get_model("IndexEntry")._meta.db_table
    return {
        "entry": quote(table),
        "fts": quote(f"{table}_fts"),
        "document": quote(SearchDocument._meta.db_table),
        "page": quote(Page._meta.db_table),
        "restriction": quote(PageViewRestriction._meta.db_table),
    }


def _filter_sql(filters: Filters | None, dates: bool = True) -> tuple[str, list]:
    """` AND …` conditions on the SearchDocument `d` for the filters (dates optional)."""
    if filters is None:
        return "", []
    sql, params = "", []
    for column, value in (("type_slug", filters.type), ("unit_slug", filters.unit)):
        if value:
            sql += f" AND d.{column} = %s"
            params.append(value)
    if filters.area:
        sql += " AND d.area_slugs LIKE %s"
        params.append(f"% {filters.area} %")
    if dates:
        date_sql, date_params = _date_condition(filters)
        if date_sql:
            sql += f" AND {date_sql}"
            params += date_params
    return sql, params


def _date_condition(filters: Filters) -> tuple[str, list]:
    conditions, params = [], []
    if filters.date_from:
        conditions.append("d.date >= %s")
        params.append(filters.date_from)
    if filters.date_to:
        conditions.append("d.date <= %s")
        params.append(filters.date_to)
    return " AND ".join(conditions), params


def _visible_sql(names: dict[str, str]) -> str:
    """Joins the page `p` of the document `d` and keeps it only when live and public (no view
    restriction on it or an ancestor, as Wagtail's `public()`)."""
    return (
        f"JOIN {names['page']} p ON p.id = d.page_id WHERE p.live AND NOT EXISTS ("
        f"SELECT 1 FROM {names['restriction']} r JOIN {names['page']} rp ON rp.id = r.page_id "
        "WHERE substr(p.path, 1, length(rp.path)) = rp.path)"
    )


def _match_sql(plan: Plan, names: dict[str, str]) -> tuple[str, list]:
    """A subquery of the ids of the pages matching the plan in its mode (visibility aside): the
    union of its stages (`_stages`) without their limits."""
    parts: list[tuple[str, str]] = []
    for column, expression, _ranked in _stages(plan):
        if (column, expression) not in parts:
            parts.append((column, expression))
    types = plan.types
    if plan.vendor == "sqlite":
        placeholders = ", ".join(["%s"] * len(types))
        selects, params = [], []
        for column, expression in parts:
            if column == "autocomplete":
                selects.append(f"SELECT rowid FROM {TITLE_FTS} WHERE {TITLE_FTS} MATCH %s")
                params.append(expression)
            else:
                selects.append(
                    f"SELECT CAST(e.object_id AS INTEGER) FROM {names['fts']} JOIN {names['entry']} e "
                    f"ON e.id = {names['fts']}.rowid WHERE {names['fts']} MATCH %s "
                    f"AND e.content_type_id IN ({placeholders})"
                )
                params += [f"{{{column}}} : ({expression})", *types]
        if plan.extra:
            selects.append(f"SELECT x.id FROM {names['page']} x WHERE x.id IN ({', '.join(['%s'] * len(plan.extra))})")
            params += list(plan.extra)
        return " UNION ".join(selects), params
    # One SELECT per stage, so each reads its own GIN index (an OR of two `@@` made the planner
    # scan every article of the content types instead).
    select = (
        f"SELECT e.object_id::integer FROM {names['entry']} e "
        f"WHERE e.{{column}} @@ to_tsquery('simple', %s) AND {PG_TYPES} = ANY(%s)"
    )
    sql = " UNION ".join(select.format(column=column) for column, _expression in parts)
    params = [value for _column, expression in parts for value in (expression, types)]
    if plan.extra:
        sql += f" UNION SELECT x.id FROM {names['page']} x WHERE x.id = ANY(%s)"
        params.append(list(plan.extra))
    return sql, params


def count_groups(plan: Plan, filters: Filters, choose: bool = True) -> list[tuple[str, str, str, bool, int]]:
    """(type, unit, areas, within the dates, pages) of every matching page, grouped.

    With `choose`, sets the plan's mode: ALL when a page holds every concept, else ANY (without,
    counts in the plan's mode). The type, unit and
    area filters are left to the caller (each facet counts with the others applied); the dates are
    a column of the grouping, as they apply to every facet.
    """
    names = _names()
    date_sql, date_params = _date_condition(filters)
    in_dates = f"CASE WHEN {date_sql} THEN 1 ELSE 0 END" if date_sql else "1"
    for mode in modes(plan) if choose else (plan.mode,):
        plan.mode = mode
        match, match_params = _match_sql(plan, names)
        sql = (
            f"SELECT d.type_slug, d.unit_slug, d.area_slugs, {in_dates}, COUNT(*) FROM {names['document']} d "
            f"{_visible_sql(names)} AND d.page_id IN ({match}) GROUP BY 1, 2, 3, 4"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*date_params, *match_params])
            rows = [(type_slug, unit, areas, bool(dated), count) for type_slug, unit, areas, dated, count in cursor]
        if rows:
            return rows
    return []


def modes(plan: Plan) -> tuple[str, ...]:
    """The modes to try in order: ALL first for a keyword query (see "What matches")."""
    return (ALL, ANY) if len(plan.groups) <= MAX_ALL_CONCEPTS and len(plan.groups) > 1 else (ANY,)


def rest_ids(plan: Plan, filters: Filters, exclude: list[int], offset: int, limit: int) -> list[int]:
    """Matching pages (with the filters) other than `exclude`, newest first, from `offset`."""
    names = _names()
    match, match_params = _match_sql(plan, names)
    filter_sql, filter_params = _filter_sql(filters)
    excluded = ""
    if exclude:
        excluded = " AND d.page_id NOT IN (" + ", ".join(["%s"] * len(exclude)) + ")"
    sql = (
        f"SELECT d.page_id FROM {names['document']} d {_visible_sql(names)} AND d.page_id IN ({match})"
        f"{filter_sql}{excluded} ORDER BY CASE WHEN d.date IS NULL THEN 1 ELSE 0 END, d.date DESC, d.page_id DESC "
        "LIMIT %s OFFSET %s"
    )
    with index_scans(), connection.cursor() as cursor:
        cursor.execute(sql, [*match_params, *filter_params, *exclude, limit, offset])
        return [int(row[0]) for row in cursor.fetchall()]


# SQLite FTS5 ------------------------------------------------------------------------------------


def _fts_group(phrases: list[tuple[str, ...]]) -> str:
    return "(" + " OR ".join('"' + " ".join(phrase) + '"' for phrase in phrases) + ")"


def _sqlite_stage(
    column: str, expression: str, limit: int, plan: Plan, filters: Filters, ranked: bool = True
) -> tuple[list[int], bool]:
    """(page ids, whether they are all the stage's matches)."""
    names = _names()
    filter_sql, filter_params = _filter_sql(filters)
    if column == "autocomplete":
        # Titles have their own small index (search/migrations/0003): only articles, folded.
        if filter_sql:
            sql = (
                f"SELECT {TITLE_FTS}.rowid FROM {TITLE_FTS} "
                f"JOIN {names['document']} d ON d.page_id = {TITLE_FTS}.rowid "
                f"WHERE {TITLE_FTS} MATCH %s{filter_sql} ORDER BY bm25({TITLE_FTS}) LIMIT %s"
            )
        else:
            sql = f"SELECT rowid FROM {TITLE_FTS} WHERE {TITLE_FTS} MATCH %s ORDER BY bm25({TITLE_FTS}) LIMIT %s"
        with connection.cursor() as cursor:
            cursor.execute(sql, [expression, *filter_params, limit])
            ids = [int(row[0]) for row in cursor.fetchall()]
        return ids, len(ids) < limit
    fts, table = names["fts"], names["entry"]
    match = f"{{{column}}} : ({expression})"
    if filter_sql:
        # Filtered inside the query, so the limit counts filtered pages only.
        placeholders = ", ".join(["%s"] * len(plan.types))
        order = f"bm25({fts})" if ranked else f"{fts}.rowid DESC"
        sql = (
            f"SELECT e.object_id FROM {fts} JOIN {table} e ON e.id = {fts}.rowid "
            f"JOIN {names['document']} d ON d.page_id = CAST(e.object_id AS INTEGER) "
            f"WHERE {fts} MATCH %s AND e.content_type_id IN ({placeholders}){filter_sql} ORDER BY {order} LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [match, *plan.types, *filter_params, limit])
            ids = [int(row[0]) for row in cursor.fetchall()]
        return ids, len(ids) < limit
    # Unranked: the newest entries first, which FTS5 reads straight off its index without scoring.
    # The entries of other models (units, index pages) are dropped here, after the limit, so the
    # number of rows read tells whether the stage saw all its matches.
    score = f"bm25({fts})" if ranked else "-rowid"
    sql = (
        f"SELECT e.object_id, e.content_type_id FROM (SELECT rowid AS id, {score} AS score FROM {fts} "
        f"WHERE {fts} MATCH %s ORDER BY {'score' if ranked else 'rowid DESC'} LIMIT %s) AS top "
        f"JOIN {table} e ON e.id = top.id ORDER BY top.score"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [match, limit])
        rows = cursor.fetchall()
    types = set(plan.types)
    return [int(object_id) for object_id, content_type in rows if content_type in types], len(rows) < limit


# PostgreSQL ------------------------------------------------------------------------------------


def _ts_group(phrases: list[tuple[str, ...]]) -> str:
    return "(" + " | ".join("(" + " <-> ".join(phrase) + ")" for phrase in phrases) + ")"


def _postgresql_stage(
    column: str, expression: str, limit: int, plan: Plan, filters: Filters, ranked: bool = True
) -> tuple[list[int], bool]:
    names = _names()
    filter_sql, filter_params = _filter_sql(filters)
    if not ranked:
        # Newest first. Read backwards along the primary key, testing each row, when matches are
        # dense; from the GIN index and then sorted (`+ 0` keeps the planner off the key) when
        # the counts showed they are sparse (see `sparse`).
        order = "e.id + 0 DESC" if plan.sparse else "e.id DESC"
    elif column == "body":
        # Ranked by the title vector, newest first among equals: ts_rank on the body would read
        # (de-TOAST) every matching page's large body vector, while the GIN index alone answers
        # the match for plain words. The ranker weighs titles far above bodies anyway.
        order = "ts_rank(e.autocomplete, q) DESC, e.id DESC"
    else:
        order = f"ts_rank(e.{column}, q) DESC"
    # The walk: `ts_match_vq()` is `@@` in a form no index answers, so the planner walks the key
    # (it otherwise expected few matches and read thousands of body vectors from the GIN index).
    match = f"ts_match_vq(e.{column}, q)" if not ranked and not plan.sparse else f"e.{column} @@ q"
    join = f"JOIN {names['document']} d ON d.page_id = e.object_id::integer " if filter_sql else ""
    sql = (
        f"SELECT e.object_id FROM {names['entry']} e {join}CROSS JOIN to_tsquery('simple', %s) q "
        f"WHERE {match} AND {PG_TYPES} = ANY(%s){filter_sql} "
        f"ORDER BY {order} LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [expression, plan.types, *filter_params, limit])
        ids = [int(row[0]) for row in cursor.fetchall()]
    return ids, len(ids) < limit


def _stages(plan: Plan) -> list[tuple[str, str, bool]]:
    """(column, expression, ranked) of each stage, best first; each returns matching pages only."""
    if plan.mode == ALL:
        # Pages holding every concept: ranked in the whole text when one concept is rare (few
        # pages to score), else ranked by title, then the newest pages holding them anywhere.
        if any(plan.rare):
            return [("body", plan.every, True)]
        return [("autocomplete", plan.every, True), ("body", plan.every, False)]
    # ANY: the stages the search has always had — every concept, any concept in the title, any
    # rare concept in the text, then the newest pages holding every concept.
    rare = any(plan.rare)
    stages = [("body", plan.every, True)] if rare else [("autocomplete", plan.every, True)]
    if len(plan.groups) > 1:
        stages.append(("autocomplete", plan.anyone, True))
    if plan.rare_any:
        stages.append(("body", plan.rare_any, True))
    if not rare:
        stages.append(("body", plan.every, False))
    # One concept: "every" and "any" are the same expression; run it once.
    return [stage for index, stage in enumerate(stages) if stage not in stages[:index]]


def sparse(filtered: int, unfiltered: int, limit: int) -> bool:
    """Whether the newest-first stage should start from the GIN index rather than walk the pages.

    Walking the primary key newest first tests about `limit × pages / filtered` rows (every row
    when fewer than `limit` match) and reads each one's body vector; starting from the index
    reads at least the `unfiltered` matches. With filters the counts come first, so both are known:
    "tro cap xa hoi" in one area (43 of about 300 matches) walked all 10,000 pages (75 ms); "mot
    cua" in one unit (500 of 9,000) is still best walked.
    """
    if filtered <= 0:
        return False
    pages = page_count()
    return unfiltered < min(pages, limit * pages / filtered)


def ranked_ids(plan: Plan, filters: Filters, limit: int) -> tuple[list[int], bool]:
    """Up to `limit` matching pages (with the filters), roughly best first, and whether they are
    every matching page (each stage ran and read fewer rows than the limit). Run it, like
    count_groups, inside `index_scans`."""
    run = _sqlite_stage if plan.vendor == "sqlite" else _postgresql_stage
    ids: list[int] = []
    complete = True
    for column, expression, ranked in _stages(plan):
        if len(ids) >= limit:
            complete = False
            break
        found, stage_complete = run(column, expression, limit, plan, filters, ranked)
        complete = complete and stage_complete
        for page_id in found:
            if page_id not in ids:
                ids.append(page_id)
    complete = complete and len(ids) <= limit
    # The plan's extra pages (few) always join the ranked head; search.engine.load_documents keeps
    # the live public ones, and the engine the ones within the filters.
    ids = ids[:limit]
    ids += [page_id for page_id in plan.extra if page_id not in ids]
    return ids, complete


@contextmanager
def index_scans():
    """On PostgreSQL, keep the planner on the indexes for the statements inside.

    The planner prices `tsvector @@ tsquery` as cheap and so, once the table's statistics are
    fresh, prefers reading the whole table to the GIN index for a few hundred matches; but each
    row read means de-TOASTing a page's body vector (80 ms instead of 2 ms at 10,000 pages).
    These queries are written for the indexes: use them.
    """
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan TO off")
        yield


# Other backends (Elasticsearch) ---------------------------------------------------------------


def backend_queryset(filters: Filters):
    """Live public articles of the type, unit and dates: the backend makes them filter clauses."""
    model = article_types().get(filters.type, ArticlePage) if filters.type else ArticlePage
    queryset = model.objects.live().public()
    if filters.unit:
        queryset = queryset.filter(
            unit_id__in=list(Unit.objects.filter(slug=filters.unit).values_list("pk", flat=True))
        )
    if filters.date_from:
        queryset = queryset.filter(date__gte=filters.date_from)
    if filters.date_to:
        queryset = queryset.filter(date__lte=filters.date_to)
    return queryset


def backend_search(query: ParsedQuery, filters: Filters):
    """The backend's lazy results for the query with the filters as filter clauses (None: no words)."""
    terms = [term for term in query.retrieval_terms() if term.isascii() and term.isalnum()]
    if not terms:
        return None
    results = backend_queryset(filters).search(PlainText(" ".join(terms), operator="or"))
    compiler = getattr(results, "query_compiler", None)
    if filters.area and compiler is not None:
        # A reform area is a many-to-many relation: filtered by the ids of its pages ("pk" field).
        in_area = SearchDocument.objects.filter(area_slugs__contains=f" {filters.area} ")
        compiler.extra_filters = ({"terms": {"pk": [str(pk) for pk in in_area.values_list("page_id", flat=True)]}},)
    return results


def backend_counts(query: ParsedQuery, filters: Filters) -> dict[str, Counter]:
    """Each facet's counts from the backend over all its matches (each with the other filters):
    a terms aggregation for types and units, one count per reform area."""
    counts = {name: Counter() for name in FACET_NAMES}
    types = {ContentType.objects.get_for_model(model).pk: slug for slug, model in article_types().items()}
    by_type = backend_search(query, replace(filters, type=""))
    for content_type, pages in by_type.facet("content_type_id").items():
        if content_type in types:
            counts["type"][types[content_type]] += pages
    units = dict(Unit.objects.values_list("pk", "slug"))
    for unit_id, pages in backend_search(query, replace(filters, unit="")).facet("unit_id").items():
        if unit_id in units:
            counts["unit"][units[unit_id]] += pages
    for area in ReformArea.objects.cached():
        counts["area"][area.slug] = backend_search(query, replace(filters, area=area.slug)).count()
    return counts
