"""Score candidate pages for a parsed query, the same way whatever backend found them.

The order of importance, as citizens judge a result:
1. how many meaningful words (concepts) of the query the page contains, anywhere;
2. where: title ≫ head (summary, tags, procedure code, agency) ≫ body;
3. the meaningful words as a phrase, above all in the title, and a title the query covers well;
4. the words with the diacritics the citizen typed ("bản sao" above "bán", "bạn"), and the
   backend's own relevance order as a tie-breaker.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from search.query import MECHANISMS, ParsedQuery

COVERAGE_WEIGHT = 10.0
# "asked": the guide's citizen question closest to the query (search.asked), read like a second title.
FIELD_WEIGHTS = (("title", 5.0), ("asked", 4.0), ("head", 2.5), ("body", 1.0))
EXACT_BONUS = {"title": 1.5, "asked": 0.0, "head": 0.8, "body": 0.0}
PHRASE_BONUS = {"title": 6.0, "asked": 4.0, "head": 3.0, "body": 2.0}
TITLE_COVER_WEIGHT = 4.0
BIGRAM_BONUS = 1.5
# Typed with diacritics but found only after folding: probably another word (thuế ≠ thuê).
FOLD_ONLY_FACTOR = 0.6
# Citizens search to get something done: a procedure guide, then an answer, before news.
TYPE_PRIOR = {"guide": 3.0, "faq": 1.5, "story": 0.0, "news": 0.0}
BACKEND_ORDER_WEIGHT = 0.5
MIN_COVERAGE_SHARE = 0.5
# In a long question (this many meaningful words or more), a word found in a title away from the
# word it sits next to in the question ("nội trú" of a school, against a title's "thường trú")
# belongs to another phrase: its title match weighs this much.
LONG_QUERY_WORDS = 5
OUT_OF_GROUP_FACTOR = 0.5
# A citizen question on the guide close to the query (search.asked), × its similarity 0…1.
ASKED_WEIGHT = 10.0
# Enough independent visits opened this page for this query (search.clicks), × its share of opens.
CLICK_WEIGHT = 20.0


@dataclass
class Hit:
    document: Any  # search.engine.RankedDocument
    score: float
    coverage: float
    signal: float = 0.0  # from citizen questions and clicks (search.asked, search.clicks)


def _phrase(keys: tuple[str, ...] | list[str]) -> str:
    return f" {' '.join(keys)} "


def body_phrases(query: ParsedQuery) -> list[str]:
    """Every phrase the ranker looks for in a body: each concept's alternatives and the phrase of
    the meaningful words. The database tells which a body holds (RankedDocument.body_hits)."""
    phrases = {_phrase(alternative.fold) for concept in query.concepts for alternative in concept.alternatives}
    meaningful = query.meaningful_positions or list(range(len(query.folded)))
    if len(meaningful) >= 2:
        phrases.add(_phrase([query.folded[position] for position in meaningful]))
    return sorted(phrases)


def score_document(query: ParsedQuery, document: Any, query_terms: set[str]) -> tuple[float, float]:
    """(score, coverage) of one page."""
    # `phrase in fold_fields[name]`: a substring test on title and head, a set test on the body.
    fold_fields = {
        "title": document.title_fold,
        "asked": query.asked_text.get(document.page_id, ""),
        "head": document.head_fold,
        "body": document.body_hits,
    }
    # The body's exact form is not read: an exact match in the title or head is what decides.
    exact_fields = {"title": document.title_exact, "asked": "", "head": document.head_exact, "body": ""}
    coverage = 0.0
    score = 0.0
    meaningful_hit = False
    grouped = MECHANISMS["grouping"] and len(query.meaningful_positions) >= LONG_QUERY_WORDS
    for concept in query.concepts:
        best = 0.0
        best_factor = 0.0
        for alternative in concept.alternatives:
            phrase = _phrase(alternative.fold)
            for name, weight in FIELD_WEIGHTS:
                if phrase in fold_fields[name]:
                    factor = alternative.factor
                    value = weight * factor
                    if alternative.exact and name in ("title", "head"):
                        if _phrase(alternative.exact) in exact_fields[name]:
                            value += EXACT_BONUS[name]
                        elif alternative.marked:
                            factor *= FOLD_ONLY_FACTOR
                            value *= FOLD_ONLY_FACTOR
                    if grouped and name == "title" and not _in_its_group(query, concept, fold_fields["title"]):
                        # Another phrase's syllable: it covers the question's word only in part.
                        value *= OUT_OF_GROUP_FACTOR
                        factor *= OUT_OF_GROUP_FACTOR
                    if value > best:
                        best, best_factor = value, factor
                    break
        if best:
            if not concept.stop:
                meaningful_hit = True
            coverage += concept.weight * best_factor
            score += concept.weight * best
    if not coverage or (query.has_meaningful and not meaningful_hit):
        return 0.0, 0.0
    score += COVERAGE_WEIGHT * coverage
    score += _phrase_score(query, fold_fields, exact_fields)
    title_words = document.title_fold.split()
    if title_words:
        covered = sum(1 for word in title_words if word in query_terms)
        score += TITLE_COVER_WEIGHT * covered / len(title_words)
    score += TYPE_PRIOR.get(document.type_slug, 0.0)
    return score, coverage


def _in_its_group(query: ParsedQuery, concept, title: str) -> bool:
    """Whether a one-word concept stands in the title with one of its neighbours in the question
    (a meaningful word next to it), or has no such neighbour: the query's own word grouping."""
    if concept.end - concept.start != 1:
        return True
    position = concept.start
    pairs = []
    if position > 0 and not query.stop[position - 1]:
        pairs.append(query.folded[position - 1 : position + 1])
    if position + 1 < len(query.folded) and not query.stop[position + 1]:
        pairs.append(query.folded[position : position + 2])
    return not pairs or any(_phrase(pair) in title for pair in pairs)


def _phrase_score(query: ParsedQuery, fold_fields: dict, exact_fields: dict) -> float:
    """The meaningful words as a phrase (exactly as typed if typed with marks), and their pairs."""
    meaningful = query.meaningful_positions or list(range(len(query.folded)))
    if len(meaningful) < 2:
        return 0.0
    score = 0.0
    folded = [query.folded[position] for position in meaningful]
    exact = [query.exact[position] for position in meaningful]
    marked = any(query.marked[position] for position in meaningful)
    phrase, exact_phrase = _phrase(folded), _phrase(exact)
    for name, _weight in FIELD_WEIGHTS:
        if phrase in fold_fields[name]:
            full = not marked or name in ("asked", "body") or exact_phrase in exact_fields[name]
            score += PHRASE_BONUS[name] * (1.0 if full else FOLD_ONLY_FACTOR)
            break
    if len(query.folded) > len(folded) and _phrase(query.folded) in fold_fields["title"]:
        score += PHRASE_BONUS["title"] / 2
    for first, second in pairwise(meaningful):
        if second == first + 1 and _phrase(query.folded[first : second + 1]) in fold_fields["title"]:
            score += BIGRAM_BONUS
    return score


def rank(query: ParsedQuery, documents: list, backend_order: dict[int, int]) -> list[Hit]:
    """Hits best first; pages far below the best coverage are dropped."""
    query_terms = {term for concept in query.concepts for alt in concept.alternatives for term in alt.fold}
    hits = []
    for document in documents:
        score, coverage = score_document(query, document, query_terms)
        signal = ASKED_WEIGHT * query.asked.get(document.page_id, 0.0)
        signal += CLICK_WEIGHT * query.clicked.get(document.page_id, 0.0)
        if coverage or signal:
            position = backend_order.get(document.page_id, len(backend_order))
            score += signal + BACKEND_ORDER_WEIGHT / (1 + position)
            hits.append(Hit(document, score, coverage, signal))
    if not hits:
        return []
    best_coverage = max(hit.coverage for hit in hits)
    # A page the citizens' questions or clicks point to stays, however few of the words it holds.
    hits = [hit for hit in hits if hit.signal or hit.coverage >= best_coverage * MIN_COVERAGE_SHARE]
    hits.sort(key=lambda hit: (-hit.score, -(hit.document.date.toordinal() if hit.document.date else 0)))
    return hits
