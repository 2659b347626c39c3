"""Which articles cite which documents (legal.models.Citation), kept in step with publishing.

An article cites a document when
- its legal basis (a guide's `legal_basis` blocks) lists the document's number,
- it links to the document's page (a rich-text link, a related page), or
- its text names the document's number ("theo Nghị định 61/2018/NĐ-CP …").
Numbers are compared by `legal.numbers.number_key` (case, spaces, Đ/D, "số" do not matter).

Refreshed for an article when it is published or unpublished, and for a document when it is
published (articles that already named its number then find it); `manage.py rebuild_citations`
recomputes everything.
"""

from __future__ import annotations

import json
import re

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from wagtail.models import Page, ReferenceIndex

from articles.models import ArticlePage, article_types
from home.indexing import search_texts
from legal.models import Citation, DocumentPage
from legal.numbers import keys_in, prefilter_token

_ANCHOR = re.compile(r"<a\b[^>]*>")
_PAGE_LINKTYPE = re.compile(r'linktype=\\*"page\\*"')
_ID = re.compile(r'\bid=\\*"(\d+)\\*"')


def legal_basis_keys(page) -> set[str]:
    """The number keys a page's legal basis lists (each entry's number, however it is written)."""
    keys: set[str] = set()
    for block in getattr(page, "legal_basis", None) or []:
        number = block.value.get("number") if hasattr(block.value, "get") else ""
        keys |= keys_in(number or "", whole=True)
    return keys


def linked_page_ids(page) -> set[int]:
    """Pages an article links to: rich-text page links in its StreamFields, its related pages."""
    ids: set[int] = set()
    for field in page._meta.concrete_fields:
        if not hasattr(field, "stream_block"):
            continue
        raw = json.dumps(list(getattr(page, field.name).raw_data), default=str)
        for anchor in _ANCHOR.findall(raw):
            if _PAGE_LINKTYPE.search(anchor):
                ids.update(int(found) for found in _ID.findall(anchor))
    for block in getattr(page, "related_pages", None) or []:
        if block.value is not None:
            ids.add(block.value.pk)
    return ids


def cited(page) -> dict[int, str]:
    """{document id: how it is cited} for one article, from the content it holds."""
    basis = legal_basis_keys(page)
    mentioned = keys_in(" ".join(text for _name, text in search_texts(page)))
    found: dict[int, str] = {}
    if basis | mentioned:
        for document_id, key in DocumentPage.objects.filter(number_key__in=basis | mentioned).values_list(
            "pk", "number_key"
        ):
            found[document_id] = Citation.Via.LEGAL_BASIS if key in basis else Citation.Via.MENTION
    links = linked_page_ids(page)
    if links:
        for document_id in DocumentPage.objects.filter(pk__in=links).values_list("pk", flat=True):
            found.setdefault(document_id, Citation.Via.LINK)
    found.pop(page.pk, None)
    return found


def _citing_articles():
    """Articles that may cite documents: every type but the documents (they have relations)."""
    return ArticlePage.objects.live().not_type(DocumentPage)


@transaction.atomic
def refresh_article(page) -> None:
    """One article's citations, from its live content (none once it is unpublished)."""
    page = page.specific
    if isinstance(page, DocumentPage):
        return
    Citation.objects.filter(page_id=page.pk).delete()
    if not page.live:
        return
    Citation.objects.bulk_create(
        [Citation(document_id=document_id, page_id=page.pk, via=via) for document_id, via in cited(page).items()]
    )


def candidates_for(document: DocumentPage) -> set[int]:
    """Ids of live articles that may cite the document: those whose stored text holds a piece of
    its number (a LIKE, checked exactly afterwards) and those Wagtail's reference index says
    link to it."""
    ids: set[int] = set()
    token = prefilter_token(document.number)
    if token:
        condition = Q(title__icontains=token) | Q(summary__icontains=token) | Q(body_text__icontains=token)
        ids |= set(
            _citing_articles()
            .annotate(body_text=Cast("body", TextField()))
            .filter(condition)
            .values_list("pk", flat=True)
        )
        for model in article_types().values():
            if any(field.name == "legal_basis" for field in model._meta.concrete_fields):
                ids |= set(
                    model.objects.live()
                    .annotate(basis_text=Cast("legal_basis", TextField()))
                    .filter(basis_text__icontains=token)
                    .values_list("pk", flat=True)
                )
    page_type = ContentType.objects.get_for_model(Page)
    references = ReferenceIndex.get_references_to(document).filter(base_content_type=page_type)
    ids |= {int(object_id) for object_id in references.values_list("object_id", flat=True) if object_id.isdigit()}
    ids.discard(document.pk)
    return ids


@transaction.atomic
def refresh_document(document: DocumentPage) -> None:
    """Every article's citation of this document, after it was published (its number may be new)."""
    Citation.objects.filter(document=document).delete()
    rows = []
    for page in _citing_articles().filter(pk__in=candidates_for(document)).specific():
        via = cited(page).get(document.pk)
        if via:
            rows.append(Citation(document=document, page_id=page.pk, via=via))
    Citation.objects.bulk_create(rows)


@transaction.atomic
def rebuild_all() -> int:
    """Recompute every citation from the live articles; returns how many there are."""
    Citation.objects.all().delete()
    for page in _citing_articles().specific().iterator(chunk_size=200):
        refresh_article(page)
    return Citation.objects.count()
