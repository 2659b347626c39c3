"""The ways citizens ask for a guide (GuidePage.citizen_queries), matched against the query.

A citizen's everyday question often shares no content word with the guide's title ("vợ mới sinh
em bé thì làm giấy tờ gì" → "Đăng ký khai sinh"). Editors write such questions on the guide, one
a line; they are indexed with the head of the page, and here each query is compared with every
question: the share of the query's weight (rare words weigh more, stop words nothing) that the
question holds, and of the question's that the query holds, and the word pairs they share. A
close question adds its page to the candidates and lifts it in the ranking (search.ranking).

The questions of all live guides are few (a few lines per guide): they are read in one query and
kept in the cache until a page is saved.
"""

from __future__ import annotations

from itertools import pairwise

from django.core.cache import cache

from articles.models import GuidePage
from home.caching import SHARED_TIMEOUT
from search.query import ParsedQuery, known_words, page_count, parse_query, rarity

QUESTIONS_CACHE_KEY = "search:citizen-questions"
# A question must be at least this close (0…1) to count.
MIN_SIMILARITY = 0.45
PAIR_SHARE = 0.3
MAX_PAGES = 10
ENABLED = {"citizen_queries": True}


def forget_citizen_questions(**kwargs) -> None:
    cache.delete(QUESTIONS_CACHE_KEY)


def citizen_questions() -> list[tuple[int, dict[str, float], tuple[str, ...]]]:
    """(page id, meaningful fold keys with their rarity, all fold keys) of every citizen question
    of the live guides."""
    return cache.get_or_set(QUESTIONS_CACHE_KEY, _load_questions, SHARED_TIMEOUT)


def _load_questions() -> list[tuple[int, dict[str, float], tuple[str, ...]]]:
    parsed_lines = []
    rows = GuidePage.objects.live().exclude(citizen_queries="").values_list("pk", "citizen_queries")
    for page_id, text in rows:
        for line in text.splitlines():
            parsed = parse_query(line, expand=False)
            if parsed.has_meaningful:
                parsed_lines.append((page_id, parsed))
    vocabulary = {word for _page_id, parsed in parsed_lines for word in parsed.meaningful_folded}
    counts = known_words(vocabulary)
    pages = page_count()
    return [
        (page_id, {word: rarity(counts.get(word), pages) for word in parsed.meaningful_folded}, tuple(parsed.folded))
        for page_id, parsed in parsed_lines
    ]


def _word_weights(query: ParsedQuery) -> dict[str, float]:
    """Each meaningful word of the query with its rarity (words not in the index are left out:
    no question can hold them)."""
    pages = page_count()
    weights: dict[str, float] = {}
    for word, stop in zip(query.folded, query.stop, strict=True):
        count = query.term_counts.get(word)
        if not stop and count:
            weights[word] = max(weights.get(word, 0.0), rarity(count, pages))
    return weights


def match(query: ParsedQuery) -> None:
    """Fill `query.asked` (page id → similarity 0…1 of its closest citizen question) and
    `query.asked_text` (that question's fold keys) for the pages whose questions are close."""
    query.asked, query.asked_text = {}, {}
    if not ENABLED["citizen_queries"] or query.is_empty:
        return
    weights = _word_weights(query)
    total = sum(weights.values())
    if not total:
        return
    pairs = set(pairwise(query.folded))
    found: dict[int, float] = {}
    texts: dict[int, tuple[str, ...]] = {}
    for page_id, meaningful, folded in citizen_questions():
        shared = weights.keys() & set(meaningful)
        if not shared:
            continue
        recall = sum(weights[word] for word in shared) / total
        precision = sum(meaningful[word] for word in shared) / sum(meaningful.values())
        similarity = 2 * recall * precision / (recall + precision)
        question_pairs = set(pairwise(folded))
        if pairs and question_pairs:
            similarity = (1 - PAIR_SHARE) * similarity + PAIR_SHARE * len(pairs & question_pairs) / min(
                len(pairs), len(question_pairs)
            )
        if similarity >= MIN_SIMILARITY and similarity > found.get(page_id, 0.0):
            found[page_id] = similarity
            texts[page_id] = folded
    for page_id in sorted(found, key=lambda page_id: -found[page_id])[:MAX_PAGES]:
        query.asked[page_id] = found[page_id]
        query.asked_text[page_id] = f" {' '.join(texts[page_id])} "
