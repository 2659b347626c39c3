"""Wagtail's database backend (SQLite FTS5, PostgreSQL full text) with Vietnamese-safe queries.

Configured as ``"BACKEND": "search.backends.database"``. It chooses the same engine as
``modelsearch.backends.database`` and only changes what a query may contain (see safety.py);
the index itself holds each article's folded copy (ArticlePage.search_title_folded/…_text_folded).
"""

from __future__ import annotations

from django.db import connection
from modelsearch.backends.base import EmptySearchResults
from modelsearch.query import Or, PlainText

from search.backends.safety import query_text, safe_query, safe_words


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
        # The last word is matched as a prefix, so word order is kept: the folded words (which
        # the articles' folded titles hold) or, when typed with marks, also the words as typed.
        pairs = safe_words(query_text(query))
        if not pairs:
            return EmptySearchResults()
        folded = PlainText(" ".join(key for _word, key in pairs))
        typed = " ".join(word for word, _key in pairs)
        cleaned = folded if typed == folded.query_string else Or([folded, PlainText(typed)])
        return super().autocomplete(
            cleaned, model_or_queryset, fields=fields, operator=operator, order_by_relevance=order_by_relevance
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
