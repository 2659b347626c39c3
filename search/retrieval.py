"""Candidate pages for the citizen search, read straight from Wagtail's own index tables.

The generic queryset modelsearch builds (a correlated score subquery for every row) takes
seconds at 10,000 pages, and ranking "any of these words" by bm25 drowns a page among thousands
that share one common word. So the candidates are gathered in three cheap, ranked stages, each
a single query on the FTS5 table (SQLite) or the GIN-indexed tsvectors (PostgreSQL):

1. pages holding *every* meaningful concept of the query (each concept: any of its phrases —
   the typed words, a synonym, a spelling correction); in the whole text when some concept is
   rare enough for that to be cheap, in the title otherwise;
2. pages whose *title* holds any concept;
3. pages whose text holds any *rare* concept (a word that is in few pages).

The ``body`` column holds the folded title and text (ArticlePage.search_*_folded) beside the
original words; the ``autocomplete`` column holds the title, original and folded. On SQLite,
title stages read a separate FTS5 index of the folded titles (search_title_fts). Elasticsearch
and other backends go through the backend's own ``search()``.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection, transaction
from modelsearch.backends import get_search_backend
from modelsearch.conf import get_app_config
from modelsearch.query import PlainText

from articles.models import ArticlePage, article_types
from search.backends.safety import MAX_WORD_LENGTH
from search.models import SearchDocument, SearchTerm
from search.query import ParsedQuery

# A concept is "rare" when its best phrase has a word found in at most this share of the pages.
RARE_SHARE = 0.2
MAX_PHRASES_PER_CONCEPT = 8
PAGE_COUNT_CACHE_KEY = "search:page-count"
TITLE_FTS = "search_title_fts"


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


# SQLite FTS5 ------------------------------------------------------------------------------------


def _fts_group(phrases: list[tuple[str, ...]]) -> str:
    return "(" + " OR ".join('"' + " ".join(phrase) + '"' for phrase in phrases) + ")"


def _sqlite_stage(column: str, expression: str, limit: int, types: list[int], ranked: bool = True) -> list[int]:
    if column == "autocomplete":
        # Titles have their own small index (search/migrations/0003): only articles, folded.
        sql = f"SELECT rowid FROM {TITLE_FTS} WHERE {TITLE_FTS} MATCH %s ORDER BY bm25({TITLE_FTS}) LIMIT %s"
        with connection.cursor() as cursor:
            cursor.execute(sql, [expression, limit])
            return [int(row[0]) for row in cursor.fetchall()]
    table = get_app_config().get_model("IndexEntry")._meta.db_table
    fts = f"{table}_fts"
    placeholders = ", ".join(["%s"] * len(types))
    # Unranked: the newest entries first, which FTS5 reads straight off its index without scoring.
    score = f"bm25({fts})" if ranked else "-rowid"
    sql = (
        f"SELECT e.object_id FROM (SELECT rowid AS id, {score} AS score FROM {fts} "
        f"WHERE {fts} MATCH %s ORDER BY {'score' if ranked else 'rowid DESC'} LIMIT %s) AS top "
        f"JOIN {table} e ON e.id = top.id WHERE e.content_type_id IN ({placeholders}) ORDER BY top.score"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [f"{{{column}}} : ({expression})", limit, *types])
        return [int(row[0]) for row in cursor.fetchall()]


# PostgreSQL ------------------------------------------------------------------------------------


def _ts_group(phrases: list[tuple[str, ...]]) -> str:
    return "(" + " | ".join("(" + " <-> ".join(phrase) + ")" for phrase in phrases) + ")"


def _postgresql_stage(column: str, expression: str, limit: int, types: list[int], ranked: bool = True) -> list[int]:
    table = get_app_config().get_model("IndexEntry")._meta.db_table
    if not ranked:
        order = "e.id DESC"
    elif column == "body":
        # Ranked by the title vector, newest first among equals: ts_rank on the body would read
        # (de-TOAST) every matching page's large body vector, while the GIN index alone answers
        # the match for plain words. The ranker weighs titles far above bodies anyway.
        order = "ts_rank(e.autocomplete, q) DESC, e.id DESC"
    else:
        order = f"ts_rank(e.{column}, q) DESC"
    sql = (
        f"SELECT e.object_id FROM {table} e, to_tsquery('simple', %s) q "
        f"WHERE e.{column} @@ q AND e.content_type_id = ANY(%s) "
        f"ORDER BY {order} LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [expression, types, limit])
        return [int(row[0]) for row in cursor.fetchall()]


def _staged(query: ParsedQuery, limit: int, vendor: str) -> list[int]:
    groups, rare = concept_phrases(query)
    if not groups:
        return []
    group_sql = _fts_group if vendor == "sqlite" else _ts_group
    run = _sqlite_stage if vendor == "sqlite" else _postgresql_stage
    joiner = (" AND ", " OR ") if vendor == "sqlite" else (" & ", " | ")
    types = _article_content_types()
    every = joiner[0].join(group_sql(group) for group in groups)
    anyone = joiner[1].join(group_sql(group) for group in groups)
    # Pages holding every concept: ranked in the whole text when one concept is rare (few pages
    # to score), else ranked by title, then the newest pages holding them anywhere (unscored).
    stages = [("body", every, True)] if any(rare) else [("autocomplete", every, True)]
    if len(groups) > 1:
        stages.append(("autocomplete", anyone, True))
    rare_groups = [group for group, is_rare in zip(groups, rare, strict=True) if is_rare]
    if rare_groups:
        stages.append(("body", joiner[1].join(group_sql(group) for group in rare_groups), True))
    if not any(rare):
        stages.append(("body", every, False))
    ids: list[int] = []
    for column, expression, ranked in stages:
        for page_id in run(column, expression, limit, types, ranked):
            if page_id not in ids:
                ids.append(page_id)
        if len(ids) >= limit:
            break
    return ids[:limit]


def candidate_ids(query: ParsedQuery, limit: int) -> list[int]:
    """Ids of live articles that may answer the query, roughly best first."""
    path = engine()
    if path == "sqlite":
        return _staged(query, limit, path)
    if path == "postgresql":
        # The planner prices `tsvector @@ tsquery` as cheap and so, once the table's statistics
        # are fresh, prefers reading the whole table to the GIN index for a few hundred matches;
        # but each row read means de-TOASTing a page's body vector (80 ms instead of 2 ms at
        # 10,000 pages). These queries are written for the indexes: use them.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan TO off")
            return _staged(query, limit, path)
    terms = [term for term in query.retrieval_terms() if term.isascii() and term.isalnum()]
    if not terms:
        return []
    results = ArticlePage.objects.live().public().search(PlainText(" ".join(terms), operator="or"))
    return [page.pk for page in results[:limit]]
