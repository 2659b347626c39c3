"""Turn whatever a user typed (or Wagtail's query objects) into a small, flat, safe query.

Used by every backend we configure, so the admin's page search and the API's ?search= get the
same folding and the same protection as the citizen search: no search syntax reaches FTS5 or
tsquery, no NUL byte, no query deep enough to recurse, no thousand-word query.
"""

from __future__ import annotations

from modelsearch.query import And, MatchAll, Or, PlainText, SearchQuery

from home.text import fold_key, words

MAX_QUERY_WORDS = 16
MAX_OR_WORDS = 48
MAX_WORD_LENGTH = 40


def query_text(query) -> str:
    """All the words of a query string or of a tree of Wagtail query objects."""
    if isinstance(query, str):
        return query.replace("\x00", " ")
    if isinstance(query, MatchAll):
        return ""
    parts = []
    if getattr(query, "query_string", None):
        parts.append(str(query.query_string))
    for child in getattr(query, "subqueries", None) or []:
        parts.append(query_text(child))
    for name in ("subquery", "subquery_a", "subquery_b"):
        child = getattr(query, name, None)
        if isinstance(child, SearchQuery):
            parts.append(query_text(child))
    return " ".join(parts).replace("\x00", " ")


def safe_words(text: str, limit: int = MAX_QUERY_WORDS) -> list[tuple[str, str]]:
    """(original lower-case word, fold key) pairs, de-duplicated, at most `limit`."""
    seen: set[str] = set()
    pairs = []
    for word in words(text[:2000]):
        word = word[:MAX_WORD_LENGTH]
        key = fold_key(word)
        if not key or key in seen:
            continue
        seen.add(key)
        pairs.append((word, key))
        if len(pairs) >= limit:
            break
    return pairs


def safe_query(query, operator: str | None = None) -> SearchQuery | None:
    """The query rebuilt from its words: each word matches in its folded or in its typed form.

    Returns None when nothing searchable is left (only punctuation, emoji, syntax characters).
    """
    if isinstance(query, MatchAll):
        return query
    if operator is None and isinstance(query, PlainText):
        operator = query.operator
    operator = (operator or "and").lower()
    pairs = safe_words(query_text(query), MAX_OR_WORDS if operator == "or" else MAX_QUERY_WORDS)
    if not pairs:
        return None
    if operator == "or":
        return PlainText(" ".join(sorted({form for pair in pairs for form in pair})), operator="or")
    parts = [PlainText(key) if word == key else Or([PlainText(key), PlainText(word)]) for word, key in pairs]
    return parts[0] if len(parts) == 1 else And(parts)
