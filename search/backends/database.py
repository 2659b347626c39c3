"""Wagtail's database backend (SQLite FTS5, PostgreSQL full text) with Vietnamese-safe queries.

Configured as ``"BACKEND": "search.backends.database"``. It chooses the same engine as
``modelsearch.backends.database`` and only changes what a query may contain (see safety.py);
the index itself holds each article's folded copy (ArticlePage.search_title_folded/…_text_folded).
"""

from __future__ import annotations

from django.db import connection
from modelsearch.backends.base import EmptySearchResults

from search.backends.safety import safe_query


class SafeQueryMixin:
    """Rebuilds every search/autocomplete query from its folded words before the engine sees it."""

    def search(self, query, model_or_queryset, fields=None, operator=None, order_by_relevance=True):
        cleaned = safe_query(query, operator)
        if cleaned is None:
            return EmptySearchResults()
        return super().search(
            cleaned, model_or_queryset, fields=fields, operator=operator, order_by_relevance=order_by_relevance
        )

    def autocomplete(self, query, model_or_queryset, fields=None, operator=None, order_by_relevance=True):
        # Autocomplete matches the last word as a prefix, so it stays a plain string of safe words.
        cleaned = safe_query(query, "or")
        if cleaned is None:
            return EmptySearchResults()
        text = " ".join(cleaned.query_string.split()) if hasattr(cleaned, "query_string") else ""
        if not text:
            return EmptySearchResults()
        return super().autocomplete(
            text, model_or_queryset, fields=fields, operator=operator, order_by_relevance=order_by_relevance
        )


def SearchBackend(params: dict):
    """The safe variant of the engine modelsearch would choose for the default database."""
    if connection.vendor == "postgresql":
        from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

        class SafePostgresSearchBackend(SafeQueryMixin, PostgresSearchBackend):
            pass

        # 'simple' keeps Vietnamese syllables intact; an English configuration would stem them and
        # drop "an", "to", "do", "no" … as stop words.
        return SafePostgresSearchBackend({"SEARCH_CONFIG": "simple", **params})

    from modelsearch.backends import database

    base = type(database.SearchBackend(params))

    class SafeSearchBackend(SafeQueryMixin, base):
        pass

    return SafeSearchBackend(params)
