"""From what a citizen typed to what the ranker looks for.

A query becomes a list of *concepts*. Each concept covers one typed word, or several when they
form a synonym ("sổ đỏ"), and lists its *alternatives*: the typed words themselves, the other
names of a synonym group, the nearest indexed word for a typo, completions of a partial word.
A page matches a concept when it contains any alternative as a phrase (on fold keys).
"""

from __future__ import annotations

import math
import re
import string
import unicodedata
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count, Q

from home.caching import SHARED_TIMEOUT
from home.text import exact_key, fold, fold_key, has_marks, words
from search.models import SearchDocument, SearchTerm, Shorthand, Synonym
from search.stopwords import AMBIGUOUS_FOLDED, FOLDED_STOP_WORDS, STOP_PHRASES, STOP_WORDS

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 12
MAX_WORD_LENGTH = 40
MIN_TYPO_LENGTH = 4
MIN_PREFIX_LENGTH = 2
STOP_WEIGHT = 0.15
SYNONYM_FACTOR = 0.85
CORRECTION_FACTOR = 0.8
PREFIX_FACTOR = 0.7
SYNONYMS_CACHE_KEY = "search:synonym-groups"
SHORTHAND_CACHE_KEY = "search:shorthand"
TITLE_WORDS_CACHE_KEY = "search:ambiguous-title-words"
# Shared with search.retrieval: how many pages are indexed (it only sets what "rare" means).
PAGE_COUNT_CACHE_KEY = "search:page-count"
PAGE_COUNT_TIMEOUT = 300

# Rarity: a concept's weight is scaled by how few pages hold it. A word in RARE_REFERENCE of the
# pages or fewer weighs fully; a word in every page weighs about RARITY_FLOOR.
RARITY_FLOOR = 0.5
RARE_REFERENCE = 0.01

# Words run together ("dangkykhaisinh"): a token that is not one Vietnamese syllable is split
# into indexed syllables, fewest pieces first, then the most frequent.
MIN_SPLIT_LENGTH = 4
MAX_SYLLABLE_LENGTH = 7
_SYLLABLE = re.compile(r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$")

# Which mechanisms parse_query applies; the bench switches them off one at a time (ablation).
MECHANISMS = {"shorthand": True, "splitting": True, "rarity": True, "ambiguous_stop_words": True, "grouping": True}

_ALPHABET = string.ascii_lowercase + string.digits
_STOP_EXACT = frozenset(exact_key(word) for word in STOP_WORDS)
_STOP_FOLDED_ANY = frozenset(fold_key(word) for word in STOP_WORDS)


@dataclass(frozen=True)
class Alternative:
    fold: tuple[str, ...]
    exact: tuple[str, ...] = ()
    factor: float = 1.0
    marked: bool = False  # typed with diacritics: a fold-only match is probably another word


@dataclass
class Concept:
    start: int
    end: int
    alternatives: list[Alternative]
    weight: float
    stop: bool = False


@dataclass
class ParsedQuery:
    text: str
    words: list[str] = field(default_factory=list)
    exact: list[str] = field(default_factory=list)
    folded: list[str] = field(default_factory=list)
    stop: list[bool] = field(default_factory=list)
    marked: list[bool] = field(default_factory=list)
    concepts: list[Concept] = field(default_factory=list)
    corrections: dict[int, str] = field(default_factory=dict)
    # How many pages hold each indexed word of the concepts (words not indexed are absent).
    term_counts: dict[str, int] = field(default_factory=dict)
    looked_up: set[str] = field(default_factory=set)
    # Words the parser rewrote: chat shorthand expanded, run-together words split (typed → read as).
    rewritten: dict[str, str] = field(default_factory=dict)
    # Pages a matching citizen question or agreeing clicks point to: page id → strength 0…1.
    asked: dict[int, float] = field(default_factory=dict)
    asked_text: dict[int, str] = field(default_factory=dict)  # that question as " fold keys "
    clicked: dict[int, float] = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return not self.words

    @property
    def meaningful_folded(self) -> list[str]:
        return [word for word, stop in zip(self.folded, self.stop, strict=True) if not stop]

    @property
    def meaningful_positions(self) -> list[int]:
        return [position for position, stop in enumerate(self.stop) if not stop]

    @property
    def has_meaningful(self) -> bool:
        return any(not concept.stop for concept in self.concepts)

    @property
    def suggestion(self) -> str:
        """The query with each misspelt word replaced by its correction ("" when none)."""
        if not self.corrections:
            return ""
        return " ".join(self.corrections.get(position, word) for position, word in enumerate(self.words))

    def retrieval_terms(self, limit: int = 40) -> list[str]:
        """Fold keys to fetch candidate pages with: meaningful concepts first, stop words if nothing else."""
        concepts = [concept for concept in self.concepts if not concept.stop] or self.concepts
        terms: list[str] = []
        for concept in concepts:
            for alternative in concept.alternatives:
                for term in alternative.fold:
                    if term not in terms and not (alternative.factor < 1 and term in FOLDED_STOP_WORDS):
                        terms.append(term)
        return terms[:limit]


def clean_query_text(raw: str) -> str:
    """The query as it will be shown back: NFC, no control characters, at most MAX_QUERY_LENGTH."""
    text = unicodedata.normalize("NFC", raw[: MAX_QUERY_LENGTH * 4])
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def synonym_groups() -> list[list[tuple[str, ...]]]:
    """Each editor-defined group as a list of fold-key phrases; cached until a synonym changes."""
    return cache.get_or_set(SYNONYMS_CACHE_KEY, _load_synonym_groups, SHARED_TIMEOUT)


def _load_synonym_groups() -> list[list[tuple[str, ...]]]:
    groups = []
    for synonym in Synonym.objects.all():
        phrases = []
        for term in synonym.term_list():
            keys = tuple(fold_key(word) for word in words(term))
            if keys and keys not in phrases:
                phrases.append(keys)
        if len(phrases) > 1:
            groups.append(phrases)
    return groups


def forget_synonyms(**kwargs) -> None:
    cache.delete(SYNONYMS_CACHE_KEY)


def forget_shorthand(**kwargs) -> None:
    cache.delete(SHORTHAND_CACHE_KEY)


def shorthand_map() -> dict[str, list[str]]:
    """Fold key of each editor-defined shorthand → the words it stands for; cached until one changes."""
    return cache.get_or_set(SHORTHAND_CACHE_KEY, _load_shorthand, SHARED_TIMEOUT)


def _load_shorthand() -> dict[str, list[str]]:
    found = {}
    for short, expansion in Shorthand.objects.values_list("short", "expansion"):
        keys, expanded = words(short), words(expansion)
        if len(keys) == 1 and expanded:
            found[fold_key(keys[0])] = expanded
    return found


def expand_shorthand(typed: list[str], rewritten: dict[str, str]) -> list[str]:
    """Each word that is a shorthand replaced by the words it stands for ("dk" → "đăng", "ký")."""
    table = shorthand_map()
    if not table:
        return typed
    result = []
    for word in typed:
        expansion = table.get(fold_key(word))
        if expansion:
            rewritten[word] = " ".join(expansion)
            result.extend(expansion)
        else:
            result.append(word)
    return result


def may_be_run_together(word: str) -> bool:
    """A word of letters that is not one Vietnamese syllable ("dangky", "laixe"; not "thuong")."""
    folded = fold(word)
    return len(folded) >= MIN_SPLIT_LENGTH and folded.isalpha() and folded.isascii() and not _SYLLABLE.match(folded)


def _syllable_candidates(folded: str) -> set[str]:
    found = set()
    for start in range(len(folded)):
        for end in range(start + 2, min(len(folded), start + MAX_SYLLABLE_LENGTH) + 1):
            piece = folded[start:end]
            if _SYLLABLE.match(piece):
                found.add(fold_key(piece))
    return found


def split_run_together(folded: str, known: dict[str, int]) -> list[int] | None:
    """Where to cut a run-together word into indexed syllables (end offsets), or None.

    Dynamic programming over the cut points: fewest pieces first, then the highest product of
    page counts (the most usual reading)."""
    size = len(folded)
    best: list[tuple[int, float, list[int]] | None] = [None] * (size + 1)
    best[0] = (0, 0.0, [])
    for end in range(2, size + 1):
        for start in range(max(0, end - MAX_SYLLABLE_LENGTH), end - 1):
            previous = best[start]
            piece = folded[start:end]
            if previous is None or not _SYLLABLE.match(piece):
                continue
            count = known.get(fold_key(piece), 0)
            if not count:
                continue
            candidate = (previous[0] + 1, previous[1] - math.log(count), [*previous[2], end])
            if best[end] is None or candidate[:2] < best[end][:2]:
                best[end] = candidate
    result = best[size]
    return result[2] if result and result[0] > 1 else None


def _split_words(typed: list[str], rewritten: dict[str, str]) -> tuple[list[str], dict[str, int], set[str]]:
    """Run-together words split against the vocabulary; also returns the counts found and the words
    looked up (one query), so the parser does not ask again."""
    runs = [word for word in typed if may_be_run_together(word)]
    if not runs:
        return typed, {}, set()
    lookup = {fold_key(word) for word in typed}
    for word in runs:
        lookup |= _syllable_candidates(fold(word))
    known = known_words(lookup)
    result = []
    for word in typed:
        folded = fold(word)
        cuts = split_run_together(folded, known) if word in runs and fold_key(word) not in known else None
        if not cuts:
            result.append(word)
            continue
        # Cut the typed word at the same places, so its diacritics stay with their syllables.
        source = word if len(word) == len(folded) else folded
        pieces = [source[start:end] for start, end in zip([0, *cuts[:-1]], cuts, strict=True)]
        rewritten[word] = " ".join(pieces)
        result.extend(pieces)
    return result, known, lookup


def page_count() -> int:
    """How many pages are indexed (cached for a few minutes)."""
    return cache.get_or_set(PAGE_COUNT_CACHE_KEY, lambda: max(1, SearchDocument.objects.count()), PAGE_COUNT_TIMEOUT)


def rarity(count: int | None, pages: int) -> float:
    """Weight factor of a word held by `count` of `pages` pages: 1 when rare, about RARITY_FLOOR when everywhere."""
    if not count:
        return 1.0
    idf = math.log(1 + pages / count)
    reference = math.log(1 + 1 / RARE_REFERENCE)
    return RARITY_FLOOR + (1 - RARITY_FLOOR) * min(1.0, idf / reference)


def forget_title_words(**kwargs) -> None:
    cache.delete(TITLE_WORDS_CACHE_KEY)


def title_content_words() -> frozenset[str]:
    """The ambiguous folded syllables ("cua", "muon" …) that some indexed title uses as a content
    word ("Một cửa", "đăng ký muộn"): for those, the folded form is not a stop word."""
    return cache.get_or_set(TITLE_WORDS_CACHE_KEY, _load_title_content_words, SHARED_TIMEOUT)


def _load_title_content_words() -> frozenset[str]:
    checks = {
        f"{folded}_{position}": Count("pk", filter=Q(title_exact__contains=f" {exact_key(form)} "))
        for folded, forms in AMBIGUOUS_FOLDED.items()
        for position, form in enumerate(forms)
    }
    counts = SearchDocument.objects.aggregate(**checks)
    return frozenset(name.rsplit("_", 1)[0] for name, count in counts.items() if count)


def _is_folded_stop(folded_word: str) -> bool:
    if folded_word in FOLDED_STOP_WORDS:
        return True
    if folded_word in AMBIGUOUS_FOLDED:
        return not MECHANISMS["ambiguous_stop_words"] or folded_word not in title_content_words()
    return False


def _stop_flags(typed: list[str], exact: list[str], folded: list[str]) -> list[bool]:
    flags = []
    for word, key, folded_word in zip(typed, exact, folded, strict=True):
        flags.append(key in _STOP_EXACT if has_marks(word) else _is_folded_stop(folded_word))
    for phrase in STOP_PHRASES:
        size = len(phrase)
        for start in range(len(folded) - size + 1):
            if folded[start : start + size] == phrase:
                for position in range(start, start + size):
                    flags[position] = True
    return flags


def _synonym_concepts(query: ParsedQuery) -> list[Concept]:
    """Concepts for every synonym phrase found in the query, longest first, not overlapping."""
    matches = []
    for group in synonym_groups():
        for phrase in group:
            size = len(phrase)
            for start in range(len(query.folded) - size + 1):
                if tuple(query.folded[start : start + size]) == phrase:
                    matches.append((size, start, group, phrase))
    matches.sort(key=lambda match: (-match[0], match[1]))
    taken: set[int] = set()
    concepts = []
    for size, start, group, phrase in matches:
        span = set(range(start, start + size))
        if span & taken:
            continue
        taken |= span
        meaningful = sum(1 for position in span if not query.stop[position])
        marked = any(query.marked[start : start + size])
        alternatives = [Alternative(phrase, tuple(query.exact[start : start + size]), 1.0, marked)]
        alternatives += [Alternative(other, (), SYNONYM_FACTOR) for other in group if other != phrase]
        concepts.append(
            Concept(start, start + size, alternatives, weight=float(meaningful or STOP_WEIGHT), stop=not meaningful)
        )
    return concepts


def edits1(word: str) -> set[str]:
    """Every string one deletion, transposition, replacement or insertion away (Norvig)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [left + right[1:] for left, right in splits if right]
    transposes = [left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1]
    replaces = [left + ch + right[1:] for left, right in splits if right for ch in _ALPHABET]
    inserts = [left + ch + right for left, right in splits for ch in _ALPHABET]
    return set(deletes + transposes + replaces + inserts) - {word}


def known_words(candidates: set[str] | list[str]) -> dict[str, int]:
    candidates = [word for word in candidates if word and len(word) <= MAX_WORD_LENGTH]
    if not candidates:
        return {}
    return dict(SearchTerm.objects.filter(word__in=candidates, doc_count__gt=0).values_list("word", "doc_count"))


def corrections_for(word: str, limit: int = 2) -> dict[str, int]:
    """Indexed words at edit distance 1 with their page counts, most frequent first; never a
    function word ("khia" → "khai", not "khi")."""
    found = {
        candidate: count
        for candidate, count in known_words(edits1(word)).items()
        if candidate not in FOLDED_STOP_WORDS
        and candidate not in _STOP_FOLDED_ANY
        and candidate not in AMBIGUOUS_FOLDED
    }
    best = sorted(found, key=lambda candidate: (-found[candidate], candidate))[:limit]
    return {candidate: found[candidate] for candidate in best}


def completions_for(prefix: str, limit: int = 4) -> dict[str, int]:
    """Indexed words that start with `prefix`, with their page counts (a range query, so the
    primary key index serves it)."""
    rows = (
        SearchTerm.objects.filter(word__gt=prefix, word__lt=prefix + "{", doc_count__gt=0)
        .order_by("-doc_count", "word")
        .values_list("word", "doc_count")[:limit]
    )
    return dict(rows)


def parse_query(raw: str, *, expand: bool = True) -> ParsedQuery:
    """Parse a query; with `expand`, look up synonyms, typo corrections and completions."""
    text = clean_query_text(raw)
    typed = [word[:MAX_WORD_LENGTH] for word in words(text)][: MAX_QUERY_WORDS * 2]
    query = ParsedQuery(text=text)
    if not typed:
        return query
    presplit: dict[str, int] = {}
    asked_already: set[str] = set()
    if expand and MECHANISMS["shorthand"]:
        typed = expand_shorthand(typed, query.rewritten)
    if expand and MECHANISMS["splitting"]:
        typed, presplit, asked_already = _split_words(typed, query.rewritten)
    typed = typed[:MAX_QUERY_WORDS]
    query.words = typed
    query.exact = [exact_key(word) for word in typed]
    query.folded = [fold_key(word) for word in typed]
    query.stop = _stop_flags(typed, query.exact, query.folded)
    query.marked = [has_marks(word) for word in typed]
    concepts = _synonym_concepts(query) if expand else []
    covered = {position for concept in concepts for position in range(concept.start, concept.end)}
    # One look-up for the typed words and the synonyms' words: typo checks and retrieval use it.
    synonym_words = {word for concept in concepts for alt in concept.alternatives for word in alt.fold}
    if expand:
        query.looked_up = set(query.folded) | synonym_words
    known = {word: count for word, count in presplit.items() if word in query.looked_up}
    if expand and query.looked_up - asked_already:
        known.update(known_words(query.looked_up - asked_already))
    query.term_counts = dict(known)
    for position, (exact, folded) in enumerate(zip(query.exact, query.folded, strict=True)):
        if position in covered:
            continue
        stop = query.stop[position]
        alternatives = [Alternative((folded,), (exact,), 1.0, query.marked[position])]
        if expand and not stop and not folded.isdigit():
            if folded not in known and len(folded) >= MIN_TYPO_LENGTH:
                fixes = corrections_for(folded)
                query.term_counts.update(fixes)
                if fixes:
                    query.corrections[position] = next(iter(fixes))
                alternatives += [Alternative((fix,), (), CORRECTION_FACTOR) for fix in fixes]
            if len(folded) >= MIN_PREFIX_LENGTH and folded not in known:
                completions = completions_for(folded)
                query.term_counts.update(completions)
                alternatives += [
                    Alternative((word,), (), PREFIX_FACTOR)
                    for word in completions
                    if word not in {alt.fold[0] for alt in alternatives}
                ]
        concepts.append(Concept(position, position + 1, alternatives, weight=STOP_WEIGHT if stop else 1.0, stop=stop))
    query.concepts = sorted(concepts, key=lambda concept: concept.start)
    if expand and MECHANISMS["rarity"]:
        weigh_by_rarity(query)
    return query


def weigh_by_rarity(query: ParsedQuery) -> None:
    """Scale each meaningful concept by how rare it is in the index: the one distinctive word of a
    question outweighs generic words ("thủ tục", "giấy tờ") and the folded syllables they share
    with other words ("thu" of thủ tục and of thu hồi). A phrase is as rare as its rarest word."""
    pages = page_count()
    for concept in query.concepts:
        if concept.stop:
            continue
        factors = []
        for alternative in concept.alternatives:
            counts = [query.term_counts.get(word) for word in alternative.fold]
            if counts and all(counts):
                factors.append(rarity(min(counts), pages))
            elif alternative is concept.alternatives[0]:
                factors.append(None)  # typed word not indexed: judged by its corrections
        typed = factors[0] if factors else None
        others = [factor for factor in factors[1:] if factor is not None]
        if typed is not None:
            concept.weight *= typed
        elif others:
            concept.weight *= max(others)
