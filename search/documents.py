"""The ranker's copy of each live article (SearchDocument) and the vocabulary (SearchTerm).

The text comes from the page's own `search_fields`, so whatever Wagtail indexes the ranker sees:
the title, the "head" (summary, tags, areas, unit, procedure code/field, agency) and the body
(StreamField content, steps, documents, results …).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from django.db import transaction
from django.db.models import F, Manager
from django.utils.encoding import force_str
from django.utils.html import strip_tags
from wagtail.search import index

from search.models import SearchDocument, SearchTerm
from search.text import exact_key, fold, fold_key, words

# Search fields that describe the page rather than tell its story: matches there weigh more.
HEAD_FIELDS = {"summary", "name", "procedure_code", "procedure_field", "agency"}
# Our own folded copies for Wagtail's index; the ranker reads the original fields instead.
FOLDED_FIELDS = {"search_title_folded", "search_text_folded"}
MAX_BODY_WORDS = 2500
MAX_SNIPPET_SOURCE = 3000
MAX_TERM_LENGTH = 40


def _value_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return " ".join(_value_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_value_text(item) for item in value.values())
    return force_str(value)


def _field_texts(obj, fields) -> Iterable[tuple[str, str]]:
    """(field name, plain text) for each search field, following related fields."""
    for field in fields:
        if isinstance(field, index.RelatedFields):
            related = getattr(obj, field.field_name, None)
            if related is None:
                continue
            objects = related.all() if isinstance(related, Manager) else [related() if callable(related) else related]
            for sub_obj in objects:
                yield from _field_texts(sub_obj, field.fields)
        elif isinstance(field, index.SearchField) and field.field_name not in FOLDED_FIELDS:
            yield field.field_name, strip_tags(_value_text(field.get_value(obj)))


def page_parts(page) -> dict[str, str]:
    """The page's searchable text in three parts: title, head and body.

    Cached on the instance: Wagtail's indexer and the SearchDocument both need it, and pages
    are always indexed from a fresh database read.
    """
    cached = getattr(page, "_search_parts", None)
    if cached is not None:
        return cached
    parts: dict[str, list[str]] = {"title": [], "head": [], "body": []}
    for name, text in _field_texts(page, page.get_search_fields()):
        if name == "title":
            parts["title"].append(text)
        elif name in HEAD_FIELDS:
            parts["head"].append(text)
        else:
            parts["body"].append(text)
    page._search_parts = {name: " ".join(texts) for name, texts in parts.items()}
    return page._search_parts


def _keys(text: str, limit: int | None = None) -> tuple[str, str]:
    tokens = words(text)[:limit] if limit else words(text)
    exact = [exact_key(token) for token in tokens]
    folded = [fold(key.split("_", 1)[0]) for key in exact]
    return f" {' '.join(exact)} ", f" {' '.join(folded)} "


def folded_title(page) -> str:
    """Wagtail's index gets this beside the original title, so "dang ky" finds "Đăng ký"."""
    return " ".join(fold_key(word) for word in words(page.title))


def folded_text(page) -> str:
    """The head and body as fold keys; cached on the instance like page_parts (Wagtail's database
    indexer asks for each search field five times per page)."""
    cached = getattr(page, "_search_folded_text", None)
    if cached is None:
        parts = page_parts(page)
        cached = page._search_folded_text = " ".join(
            fold_key(word) for word in words(parts["head"] + " " + parts["body"])
        )
    return cached


def build_document(page) -> SearchDocument:
    """An unsaved SearchDocument for a specific (not base-class) article page."""
    parts = page_parts(page)
    title_exact, title_fold = _keys(parts["title"])
    head_exact, head_fold = _keys(parts["head"])
    body_exact, body_fold = _keys(parts["body"], MAX_BODY_WORDS)
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
        body_exact=body_exact,
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


def update_page(page) -> None:
    """Bring one page's document in line with its live state (called after every save)."""
    page = page.specific
    old = SearchDocument.objects.filter(page_id=page.pk).first()
    old_terms = document_terms(old) if old else set()
    with transaction.atomic():
        if old:
            old.delete()
        if not page.live:
            _shift_terms(set(), old_terms)
            return
        document = build_document(page)
        document.save(force_insert=True)
        new_terms = document_terms(document)
        _shift_terms(new_terms - old_terms, old_terms - new_terms)


def rebuild_all(pages: Iterable | None = None, batch_size: int = 500) -> int:
    """Rebuild every document and the vocabulary from the live article pages; returns the count."""
    from articles.models import ArticlePage

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
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        SearchTerm.objects.all().delete()
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
    return total
