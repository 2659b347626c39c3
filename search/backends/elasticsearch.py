"""Wagtail's Elasticsearch 9 backend with Vietnamese analysis, for ELASTICSEARCH_URL deployments.

Every text field is analysed by ``vietnamese``: standard tokenizer (one token per syllable),
lowercase, ``asciifolding`` with ``preserve_original`` (so "Đăng" is indexed as both "đăng" and
"dang", and a query typed with diacritics scores higher on the exact form), i/y spelling unified
and Vietnamese stop words dropped. Queries use ``vietnamese_search``, which drops stop words, folds, and then
applies the editors' synonyms (written folded, so a query typed with or without diacritics meets
them); plain-text queries are fuzzy (one edit from four letters on). Queries go through the
same sanitiser as the database backend. See docs/elasticsearch.md.
"""

from __future__ import annotations

from copy import deepcopy

from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9AutocompleteQueryCompiler,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
)
from modelsearch.utils import deep_update

from home.text import fold
from search.backends.database import SafeQueryMixin
from search.models import Synonym
from search.stopwords import AMBIGUOUS_FOLDED, FOLDED_STOP_WORDS, STOP_WORDS

FUZZINESS = "AUTO:4,20"
I_Y_CONSONANTS = ("b", "c", "ch", "d", "g", "gh", "h", "k", "kh", "l", "m", "n", "ng", "nh", "p", "ph", "qu", "r")
I_Y_CONSONANTS += ("s", "t", "th", "tr", "v", "x")


def synonym_rules() -> list[str]:
    """The editors' synonym groups in Solr format, folded ("cccd, can cuoc cong dan")."""
    rules = []
    for synonym in Synonym.objects.all():
        terms = sorted({" ".join(fold(term).split()) for term in synonym.term_list()} - {""})
        if len(terms) > 1:
            rules.append(", ".join(terms))
    return rules


def vietnamese_analysis(synonyms: list[str]) -> dict:
    """Index settings: analysers that fold Vietnamese the way home.text does."""
    # Not the syllables that are content words in some reading (cua = cửa, khi = khí …): those are
    # weighed by the ranker from the vocabulary, as on the database backends.
    stop_words = sorted(word for word in set(STOP_WORDS) | FOLDED_STOP_WORDS if word not in AMBIGUOUS_FOLDED)
    return {
        "settings": {
            "analysis": {
                "char_filter": {
                    # Text pasted as NFD carries loose combining marks; fold them away like asciifolding.
                    "vietnamese_nfd": {"type": "pattern_replace", "pattern": r"\p{M}+", "replacement": ""},
                    # kí/ký, lí/lý, qui/quy: after a consonant, a final y is written i.
                    "vietnamese_i_y": {
                        "type": "pattern_replace",
                        "pattern": r"(?i)\b(" + "|".join(I_Y_CONSONANTS) + r")[yýỳỷỹỵ]\b",
                        "replacement": "$1i",
                    },
                },
                "filter": {
                    "vietnamese_folding": {"type": "asciifolding", "preserve_original": True},
                    "vietnamese_query_folding": {"type": "asciifolding", "preserve_original": False},
                    "vietnamese_stop": {"type": "stop", "stopwords": stop_words, "ignore_case": True},
                    "vietnamese_synonyms": {"type": "synonym_graph", "synonyms": synonyms, "lenient": True},
                },
                "analyzer": {
                    "vietnamese": {
                        "type": "custom",
                        "char_filter": ["vietnamese_nfd", "vietnamese_i_y"],
                        "tokenizer": "standard",
                        "filter": ["lowercase", "vietnamese_folding"],
                    },
                    "vietnamese_search": {
                        "type": "custom",
                        "char_filter": ["vietnamese_nfd", "vietnamese_i_y"],
                        "tokenizer": "standard",
                        # Fold before the synonyms: their rules are written folded ("cccd, can cuoc
                        # cong dan"), so a query typed with diacritics must reach them folded too.
                        # Stop words are dropped before folding, where the marks still tell "có"
                        # (a stop word) from "cơ". Folded only (no stacked original: a synonym
                        # graph takes one token a position); the index holds both forms and the
                        # ranker weighs the diacritics.
                        "filter": [
                            "lowercase",
                            "vietnamese_stop",
                            "vietnamese_query_folding",
                            "vietnamese_synonyms",
                        ],
                    },
                },
            }
        }
    }


def _with_defaults(settings: dict) -> dict:
    """Every text field without its own analyser uses the Vietnamese pair."""
    analyzers = settings["settings"]["analysis"]["analyzer"]
    analyzers["default"] = deepcopy(analyzers["vietnamese"])
    analyzers["default_search"] = deepcopy(analyzers["vietnamese_search"])
    return settings


class VietnameseQueryCompilerMixin:
    def _compile_plaintext_query(self, query, fields, boost=1.0):
        compiled = super()._compile_plaintext_query(query, fields, boost)
        match = compiled.get("multi_match") or next(iter(compiled["match"].values()))
        match["fuzziness"] = FUZZINESS
        match["prefix_length"] = 1
        match["analyzer"] = "vietnamese_search"
        return compiled


class VietnameseSearchQueryCompiler(VietnameseQueryCompilerMixin, Elasticsearch9SearchQueryCompiler):
    # Filter clauses a queryset cannot express (search.retrieval: pages of a reform area, which is
    # a many-to-many relation), added to the queryset's own (live, type, unit, dates).
    extra_filters: tuple[dict, ...] = ()

    def get_filters(self):
        return [*super().get_filters(), *self.extra_filters]


class VietnameseAutocompleteQueryCompiler(Elasticsearch9AutocompleteQueryCompiler):
    pass


class VietnameseElasticsearchBackend(SafeQueryMixin, Elasticsearch9SearchBackend):
    query_compiler_class = VietnameseSearchQueryCompiler
    autocomplete_query_compiler_class = VietnameseAutocompleteQueryCompiler

    def __init__(self, params: dict) -> None:
        super().__init__(params)
        try:
            synonyms = synonym_rules()
        except Exception:
            synonyms = []
        self.settings = deep_update(self.settings, _with_defaults(vietnamese_analysis(synonyms)))
        # The edge-n-gram analyser of autocomplete fields folds the same way.
        edgengram = self.settings["settings"]["analysis"]["analyzer"]["edgengram_analyzer"]
        edgengram["char_filter"] = ["vietnamese_nfd", "vietnamese_i_y"]


SearchBackend = VietnameseElasticsearchBackend
