"""The ranker's copy of each live article (SearchDocument) and the vocabulary (SearchTerm).

The text comes from the page's own `search_fields`, so whatever Wagtail indexes the ranker sees:
the title, the "head" (summary, tags, areas, unit, procedure code/field, agency) and the body
(StreamField content, steps, documents, results …).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F
from wagtail.models import Page

from articles.models import ArticlePage
from home.indexing import search_texts
from home.text import exact_key, fold, words
from search.models import SearchDocument, SearchTerm

# Search fields that describe the page rather than tell its story: matches there weigh more.
# A page class may add its own: `search_title_fields` (weigh as the title; default ("title",))
# and `search_head_fields` (weigh as the head), e.g. a legal document's number in all its forms.
HEAD_FIELDS = {"summary", "name", "procedure_code", "procedure_field", "agency"}
MAX_BODY_WORDS = 2500
MAX_SNIPPET_SOURCE = 3000
MAX_TERM_LENGTH = 40
# Bumped whenever a document changes (or a view restriction does): the engine's cached match
# counts carry it in their key, so a publish, an unpublish or a delete is counted at once.
GENERATION_KEY = "search:documents-generation"


def page_parts(page) -> dict[str, str]:
    """The page's searchable text in three parts: title, head and body (cached on the instance)."""
    cached = page.__dict__.get("_search_parts")
    if cached is None:
        parts: dict[str, list[str]] = {"title": [], "head": [], "body": []}
        title_fields = set(getattr(page, "search_title_fields", ("title",)))
        head_fields = HEAD_FIELDS.union(getattr(page, "search_head_fields", ()))
        for name, text in search_texts(page):
            part = "title" if name in title_fields else "head" if name in head_fields else "body"
            parts[part].append(text)
        cached = page.__dict__["_search_parts"] = {name: " ".join(texts) for name, texts in parts.items()}
    return cached


def _keys(text: str, limit: int | None = None) -> tuple[str, str]:
    tokens = words(text)[:limit] if limit else words(text)
    exact = [exact_key(token) for token in tokens]
    folded = [fold(key.split("_", 1)[0]) for key in exact]
    return f" {' '.join(exact)} ", f" {' '.join(folded)} "


def build_document(page) -> SearchDocument:
    """An unsaved SearchDocument for a specific (not base-class) article page."""
    parts = page_parts(page)
    title_exact, title_fold = _keys(parts["title"])
    head_exact, head_fold = _keys(parts["head"])
    # The body's exact keys are not stored: the ranker asks a body only for fold-key phrases.
    _body_exact, body_fold = _keys(parts["body"], MAX_BODY_WORDS)
    return SearchDocument(
        page_id=page.pk,
        type_slug=getattr(page, "type_slug", ""),
        unit_slug=page.unit.slug if getattr(page, "unit_id", None) else "",
        area_slugs=" " + " ".join(area.slug for area in page.reform_areas.all()) + " ",
        date=getattr(page, "date", None),
        title=page.title[:255],
        title_exact=title_exact,
        title_fold=title_fold,
        head_exact=head_exact,
        head_fold=head_fold,
        body_fold=body_fold,
        text=" ".join((getattr(page, "summary", "") + " " + parts["body"]).split())[:MAX_SNIPPET_SOURCE],
    )


def document_terms(document: SearchDocument) -> set[str]:
    text = f"{document.title_fold} {document.head_fold} {document.body_fold}"
    return {word for word in text.split() if len(word) <= MAX_TERM_LENGTH}


def add_terms(counts: Counter) -> None:
    """Record new vocabulary with its page counts (words already known are left alone)."""
    SearchTerm.objects.bulk_create(
        [SearchTerm(word=word, doc_count=count) for word, count in counts.items()],
        ignore_conflicts=True,
        batch_size=500,
    )


def _shift_terms(added: set[str], removed: set[str]) -> None:
    """Keep page counts exact when one page's words change."""
    if added:
        known = set(SearchTerm.objects.filter(word__in=added).values_list("word", flat=True))
        SearchTerm.objects.filter(word__in=known).update(doc_count=F("doc_count") + 1)
        add_terms(Counter(added - known))
    if removed:
        SearchTerm.objects.filter(word__in=removed, doc_count__gt=0).update(doc_count=F("doc_count") - 1)


def generation() -> int:
    return cache.get(GENERATION_KEY, 0)


def documents_changed() -> None:
    """Bump the generation now (this transaction's own searches see the change) and again on
    commit (what another request counted in between is dropped)."""
    bump_generation()
    transaction.on_commit(bump_generation)


def bump_generation(**kwargs) -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not set yet (or evicted): any new value differs from what keys hold
        cache.set(GENERATION_KEY, time.time_ns(), None)


def document_values(document: SearchDocument) -> dict:
    """The stored columns of a document but its key, for an upsert."""
    return {
        field.attname: getattr(document, field.attname)
        for field in SearchDocument._meta.concrete_fields
        if not field.primary_key
    }


def update_page(page) -> None:
    """Bring one page's document in line with its live state (called after every save).

    An upsert in one transaction: the page's row is locked first, so two saves of one page run one
    after the other (on PostgreSQL; SQLite has a single writer), each reading the document the
    other left, and the row is updated in place, never deleted and inserted again. The vocabulary
    follows the difference between the old and the new words; a removed document's words are
    taken off by `forget_document_terms` (also when the page itself is deleted).
    """
    page = page.specific
    documents_changed()
    with transaction.atomic():
        list(Page.objects.select_for_update().filter(pk=page.pk).values_list("pk", flat=True))
        old = SearchDocument.objects.filter(page_id=page.pk).first()
        if not page.live:
            if old is not None:
                old.delete()
            return
        document = build_document(page)
        SearchDocument.objects.update_or_create(page_id=page.pk, defaults=document_values(document))
        old_terms = document_terms(old) if old is not None else set()
        new_terms = document_terms(document)
        _shift_terms(new_terms - old_terms, old_terms - new_terms)


def forget_document_terms(sender, instance: SearchDocument, **kwargs) -> None:
    """post_delete of a SearchDocument (unpublished, or its page deleted): its words lose a page."""
    _shift_terms(set(), document_terms(instance))
    documents_changed()


def rebuild_all(pages: Iterable | None = None, batch_size: int = 500) -> int:
    """Rebuild every document and the vocabulary from the live article pages; returns the count."""
    if pages is None:
        pages = (
            ArticlePage.objects.live()
            .specific()
            .select_related("unit")
            .prefetch_related("reform_areas", "tags")
            .iterator(chunk_size=batch_size)
        )
    counts: Counter = Counter()
    total = 0
    batch: list[SearchDocument] = []
    with transaction.atomic(), connection.cursor() as cursor:
        # Plain DELETEs: the vocabulary is rebuilt below, so no per-document signal is wanted.
        cursor.execute(f"DELETE FROM {connection.ops.quote_name(SearchDocument._meta.db_table)}")
        cursor.execute(f"DELETE FROM {connection.ops.quote_name(SearchTerm._meta.db_table)}")
        for page in pages:
            document = build_document(page)
            counts.update(document_terms(document))
            batch.append(document)
            if len(batch) >= batch_size:
                SearchDocument.objects.bulk_create(batch)
                total += len(batch)
                batch = []
        SearchDocument.objects.bulk_create(batch)
        total += len(batch)
        add_terms(counts)
    documents_changed()
    return total
