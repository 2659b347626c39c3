"""Candidate pages for the citizen search: "which live articles contain any of these folded words".

On the database backends this reads Wagtail's own index tables directly with one ranked query
(FTS5 ``bm25`` on SQLite, ``ts_rank`` over the GIN-indexed tsvectors on PostgreSQL): the
generic queryset modelsearch builds (a correlated score subquery per row) takes seconds at
10,000 pages. Elasticsearch and any other backend go through the backend's ``search()``.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from modelsearch.backends import get_search_backend
from modelsearch.conf import get_app_config
from modelsearch.query import PlainText

from search.backends.safety import MAX_WORD_LENGTH

TITLE_WEIGHT = 3.0


def _article_content_types() -> list[int]:
    from articles.models import ARTICLE_TYPES

    return [ContentType.objects.get_for_model(model).pk for model in ARTICLE_TYPES.values()]


def _clean_terms(terms: list[str]) -> list[str]:
    return [term[:MAX_WORD_LENGTH] for term in terms if term.isascii() and term.isalnum()]


def engine() -> str:
    """Which retrieval path serves the configured backend: "sqlite", "postgresql" or "backend"."""
    for base in type(get_search_backend()).__mro__:
        if base.__name__ == "SQLiteSearchBackend":
            return "sqlite"
        if base.__name__ == "PostgresSearchBackend":
            return "postgresql"
    return "backend"


def _sqlite(terms: list[str], limit: int) -> list[int]:
    entry = get_app_config().get_model("IndexEntry")
    table = entry._meta.db_table
    fts = f"{table}_fts"
    match = " OR ".join(f'"{term}"' for term in terms)
    types = _article_content_types()
    placeholders = ", ".join(["%s"] * len(types))
    sql = (
        f"SELECT e.object_id FROM {fts} f JOIN {table} e ON e.id = f.rowid "
        f"WHERE {fts} MATCH %s AND e.content_type_id IN ({placeholders}) "
        f"ORDER BY bm25({fts}, 0.0, 1.0, {TITLE_WEIGHT}) LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [f"{{body title}} : ({match})", *types, limit])
        return [int(row[0]) for row in cursor.fetchall()]


def _postgresql(terms: list[str], limit: int) -> list[int]:
    entry = get_app_config().get_model("IndexEntry")
    table = entry._meta.db_table
    sql = (
        f"SELECT e.object_id FROM {table} e, to_tsquery('simple', %s) q "
        f"WHERE e.content_type_id = ANY(%s) AND (e.title @@ q OR e.body @@ q) "
        f"ORDER BY ts_rank(e.title, q) * {TITLE_WEIGHT} + ts_rank(e.body, q) DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [" | ".join(terms), _article_content_types(), limit])
        return [int(row[0]) for row in cursor.fetchall()]


def candidate_ids(terms: list[str], limit: int) -> list[int]:
    """Ids of articles holding any of the (folded) terms, best first by the engine's own rank."""
    terms = _clean_terms(terms)
    if not terms:
        return []
    path = engine()
    if path == "sqlite":
        return _sqlite(terms, limit)
    if path == "postgresql":
        return _postgresql(terms, limit)
    from articles.models import ArticlePage

    results = ArticlePage.objects.live().public().search(PlainText(" ".join(terms), operator="or"))
    return [page.pk for page in results[:limit]]
