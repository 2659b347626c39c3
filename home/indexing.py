"""What Wagtail indexes for a page, as plain text, and the folded copies the database index holds.

Page classes declare their `search_fields`; this module reads them back as text. The articles
give Wagtail's index a folded copy of their title and text (so "dang ky" finds "Đăng ký" on
every backend), and the search app's ranker splits the same texts into title, head and body.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Manager
from django.utils.encoding import force_str
from django.utils.html import strip_tags
from wagtail.search import index

from home.text import fold_key, words

# The folded copies themselves are search fields; reading them back would fold twice.
FOLDED_FIELDS = frozenset({"search_title_folded", "search_text_folded"})


class MemoisedSearchField(index.SearchField):
    """A SearchField whose value is extracted once per page instance and field value.

    Wagtail's database indexer asks every search field for its value five times per page (title,
    body and autocomplete vectors, and their plain texts); for a StreamField each ask walks every
    block. The memo is dropped as soon as the field is given a new value.
    """

    def get_value(self, obj: Any) -> Any:
        memo = obj.__dict__.setdefault("_search_field_values", {})
        remembered = memo.get(self.field_name)
        if remembered is not None and remembered[0] is obj.__dict__.get(self.field_name):
            return remembered[1]
        value = super().get_value(obj)
        # Read after extracting: a StreamField swaps its raw data for a StreamValue on first access.
        memo[self.field_name] = (obj.__dict__.get(self.field_name), value)
        return value


def value_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return " ".join(value_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(value_text(item) for item in value.values())
    return force_str(value)


def field_texts(obj, fields) -> Iterable[tuple[str, str]]:
    """(field name, plain text) for each search field, following related fields."""
    for field in fields:
        if isinstance(field, index.RelatedFields):
            related = getattr(obj, field.field_name, None)
            if related is None:
                continue
            objects = related.all() if isinstance(related, Manager) else [related() if callable(related) else related]
            for sub_obj in objects:
                yield from field_texts(sub_obj, field.fields)
        elif isinstance(field, index.SearchField) and field.field_name not in FOLDED_FIELDS:
            yield field.field_name, strip_tags(value_text(field.get_value(obj)))


def search_texts(page) -> list[tuple[str, str]]:
    """The page's search field texts, cached on the instance (pages are indexed from a fresh read)."""
    cached = page.__dict__.get("_search_texts")
    if cached is None:
        cached = page.__dict__["_search_texts"] = list(field_texts(page, page.get_search_fields()))
    return cached


def folded_words(text: str) -> str:
    return " ".join(fold_key(word) for word in words(text))


def folded_text(page) -> str:
    """Every search field but the title, as fold keys (cached like search_texts)."""
    cached = page.__dict__.get("_search_folded_text")
    if cached is None:
        texts = " ".join(text for name, text in search_texts(page) if name != "title")
        cached = page.__dict__["_search_folded_text"] = folded_words(texts)
    return cached
