"""Snippets and titles with the matched words in <mark>, everything else escaped."""

from __future__ import annotations

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from home.text import fold_key

_TOKEN = re.compile(r"[^\W_]+")
SNIPPET_WORDS = 32


def _spans(text: str, terms: set[str]) -> tuple[list[tuple[int, int]], list[tuple[int, int, bool]]]:
    words = [(match.start(), match.end(), fold_key(match.group()) in terms) for match in _TOKEN.finditer(text)]
    return [(start, end) for start, end, hit in words if hit], words


def _render(text: str, words: list[tuple[int, int, bool]], start: int, end: int) -> str:
    out = []
    cursor = start
    for word_start, word_end, hit in words:
        if word_start < start or word_end > end or not hit:
            continue
        out.append(escape(text[cursor:word_start]))
        out.append(f"<mark>{escape(text[word_start:word_end])}</mark>")
        cursor = word_end
    out.append(escape(text[cursor:end]))
    return "".join(out)


def highlight(text: str, terms: set[str]) -> SafeString:
    """The whole text, escaped, with every word whose fold key is in `terms` marked."""
    text = unicodedata.normalize("NFC", text)
    _hits, words = _spans(text, terms)
    return mark_safe(_render(text, words, 0, len(text)))


def snippet(text: str, terms: set[str], size: int = SNIPPET_WORDS) -> SafeString:
    """The window of `size` words holding the most matched words, escaped and highlighted."""
    text = unicodedata.normalize("NFC", text)
    _hits, words = _spans(text, terms)
    if not words:
        return mark_safe("")
    best_start, best_count = 0, -1
    flags = [hit for _start, _end, hit in words]
    running = sum(flags[:size])
    best_count = running
    for first in range(1, max(1, len(words) - size + 1)):
        running += flags[first + size - 1] - flags[first - 1] if first + size - 1 < len(words) else -flags[first - 1]
        if running > best_count:
            best_start, best_count = first, running
    last = min(len(words), best_start + size) - 1
    start = words[best_start][0]
    end = words[last][1]
    rendered = _render(text, words, start, end)
    prefix = "… " if best_start > 0 else ""
    suffix = " …" if last < len(words) - 1 else ""
    return mark_safe(prefix + rendered + suffix)
