"""Bulk creation of article pages: rows written straight into the page tables, then indexed.

Creating 10,000 Wagtail pages one by one (treebeard, revisions, signals) takes many minutes;
the benchmark needs the *content*, so it computes the tree paths itself and inserts each level
of the multi-table inheritance in batches, then fills the search index in bulk.
"""

from __future__ import annotations

import datetime
import random
import uuid
from collections import Counter

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from articles.models import ArticlePage, UnitSection, article_types
from home.models import ReformArea
from search.bench.text import TextGenerator
from search.documents import build_document, document_terms, documents_changed
from search.models import SearchDocument, SearchTerm

BATCH = 400
TYPE_SHARES = (("news", 0.45), ("guide", 0.30), ("faq", 0.15), ("story", 0.10))
_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _segment(number: int) -> str:
    digits = ""
    while number:
        number, remainder = divmod(number, 36)
        digits = _ALPHABET[remainder] + digits
    return digits.rjust(Page.steplen, "0")


def _paragraphs(text: TextGenerator, count: int) -> list[dict]:
    return [
        {"type": "paragraph", "value": f"<p>{text.paragraph(text.random.randint(3, 6))}</p>", "id": str(uuid.uuid4())}
        for _ in range(count)
    ]


def _specific_fields(type_slug: str, text: TextGenerator, number: int) -> dict:
    if type_slug == "guide":
        return {
            "procedure_code": f"9.{number:06d}",
            "level": text.random.choice(["province", "district", "commune"]),
            "procedure_field": text.random.choice(["Hộ tịch", "Đất đai", "Xây dựng", "Lao động", "Y tế", "Giáo dục"]),
            "agency": text.random.choice(["UBND cấp xã", "UBND cấp huyện", "Sở Tư pháp", "Sở Xây dựng", "Sở Y tế"]),
            "where_to_submit": text.sentence(),
            "applicants": "Công dân Việt Nam; tổ chức, doanh nghiệp",
            "result": text.sentence(),
            "conditions": text.sentence(),
            "steps": [
                {"type": "step", "value": {"title": text.sentence(), "description": ""}, "id": str(uuid.uuid4())}
                for _ in range(3)
            ],
            "document_groups": [
                {
                    "type": "case",
                    "value": {
                        "case": "Trường hợp thông thường",
                        "documents": [{"name": text.sentence(), "copies": "Bản chính: 1"} for _ in range(3)],
                    },
                    "id": str(uuid.uuid4()),
                }
            ],
        }
    if type_slug == "story":
        return {"results": text.paragraph(2)}
    return {}


def generate_pages(total: int, seed: int = 2024) -> list[int]:
    """Insert `total` live articles spread over every unit section; returns their ids."""
    text = TextGenerator(seed)
    rng = random.Random(seed)
    locale = Locale.get_default()
    areas = list(ReformArea.objects.values_list("pk", flat=True))
    sections = {
        slug: list(UnitSection.objects.child_of(model.index_page_model().objects.get()).select_related("unit"))
        for slug, model in article_types().items()
    }
    children: Counter = Counter()
    now = timezone.now()
    ids: list[int] = []
    plan = [slug for slug, share in TYPE_SHARES for _ in range(int(total * share))]
    plan += ["news"] * (total - len(plan))
    rng.shuffle(plan)
    with transaction.atomic():
        for start in range(0, total, BATCH):
            batch_plan = plan[start : start + BATCH]
            by_type: dict[str, list] = {}
            for offset, type_slug in enumerate(batch_plan):
                number = start + offset
                model = article_types()[type_slug]
                section = rng.choice(sections[type_slug])
                children[section.pk] += 1
                title = text.procedure_title() if type_slug in {"guide", "faq"} else text.news_title()
                if type_slug == "faq":
                    title = f"{title} cần những giấy tờ gì?"
                page = _live_page(
                    model,
                    section,
                    children[section.pk],
                    title,
                    f"bench-{number}",
                    now,
                    locale,
                    date=datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randint(0, 2500)),
                    summary=text.sentence()[:300],
                    body=_paragraphs(text, rng.randint(2, 5)),
                    **_specific_fields(type_slug, text, number),
                )
                by_type.setdefault(type_slug, []).append(page)
            for type_slug, pages in by_type.items():
                _insert_multi_table(article_types()[type_slug], pages, ArticlePage)
                through = ArticlePage.reform_areas.through
                through.objects.bulk_create(
                    [
                        through(articlepage_id=page.pk, reformarea_id=area)
                        for page in pages
                        for area in rng.sample(areas, rng.randint(1, 2))
                    ]
                )
                ids.extend(page.pk for page in pages)
        for section_id, count in children.items():
            Page.objects.filter(pk=section_id).update(numchild=count)
    return ids


def _live_page(model, section, position: int, title: str, slug: str, now, locale, **fields):
    """An unsaved live page of `model`, the `position`-th child of `section` (tree columns set by
    hand: _insert_multi_table writes it without treebeard)."""
    return model(
        title=title,
        draft_title=title,
        slug=slug,
        path=section.path + _segment(position),
        depth=section.depth + 1,
        numchild=0,
        url_path=f"{section.url_path}{slug}/",
        content_type=ContentType.objects.get_for_model(model),
        live=True,
        first_published_at=now,
        last_published_at=now,
        locale_id=locale.pk,
        translation_key=uuid.uuid4(),
        unit_id=section.unit_id,
        **fields,
    )


def insert_articles(records: list[dict]) -> list[int]:
    """Insert live articles given as {type, title, unit, areas, date, summary, body} (body: plain
    text) straight into the page tables, like generate_pages; returns their ids, to index with
    index_pages. For tests and benchmarks that need many pages of chosen content quickly."""
    locale = Locale.get_default()
    areas = dict(ReformArea.objects.values_list("slug", "pk"))
    sections = {
        (slug, section.unit.slug): section
        for slug, model in article_types().items()
        for section in UnitSection.objects.child_of(model.index_page_model().objects.get()).select_related("unit")
    }
    children = {section.pk: section.numchild for section in sections.values()}
    now = timezone.now()
    ids: list[int] = []
    with transaction.atomic():
        for start in range(0, len(records), BATCH):
            by_type: dict[str, list] = {}
            area_rows: list[tuple[object, list[str]]] = []
            for number, record in enumerate(records[start : start + BATCH], start=start):
                model = article_types()[record["type"]]
                section = sections[(record["type"], record["unit"])]
                children[section.pk] += 1
                page = _live_page(
                    model,
                    section,
                    children[section.pk],
                    record["title"],
                    record.get("slug") or f"bulk-{uuid.uuid4().hex[:12]}-{number}",
                    now,
                    locale,
                    date=record.get("date"),
                    summary=record.get("summary", "")[:300],
                    body=[{"type": "paragraph", "value": f"<p>{record.get('body', '')}</p>", "id": str(uuid.uuid4())}],
                )
                by_type.setdefault(record["type"], []).append(page)
                area_rows.append((page, record["areas"]))
            for type_slug, pages in by_type.items():
                _insert_multi_table(article_types()[type_slug], pages, ArticlePage)
                ids.extend(page.pk for page in pages)
            through = ArticlePage.reform_areas.through
            through.objects.bulk_create(
                [
                    through(articlepage_id=page.pk, reformarea_id=areas[slug])
                    for page, slugs in area_rows
                    for slug in slugs
                ]
            )
        for section_id, count in children.items():
            Page.objects.filter(pk=section_id).update(numchild=count)
    return ids


def _insert_multi_table(model, pages: list, article_model) -> None:
    """INSERT the wagtailcore_page rows (getting their ids), then each child table's rows."""
    page_fields = [field for field in Page._meta.local_concrete_fields if not field.primary_key]
    rows = Page._base_manager._insert(pages, fields=page_fields, returning_fields=[Page._meta.pk])
    for page, (page_id,) in zip(pages, rows, strict=True):
        page.id = page.page_ptr_id = page.pk = page_id
        page.articlepage_ptr_id = page_id
    for level in (article_model, model):
        level._base_manager._insert(pages, fields=list(level._meta.local_concrete_fields))


def _index_batch(model, ids: list[int]) -> Counter:
    """Wagtail's index and our SearchDocuments for one batch of pages, in one transaction."""
    backend = get_search_backend()
    terms: Counter = Counter()
    with transaction.atomic():
        pages = list(model.objects.filter(pk__in=ids).select_related("unit").prefetch_related("reform_areas", "tags"))
        backend.add_bulk(model, pages)
        documents = [build_document(page) for page in pages]
        SearchDocument.objects.bulk_create(documents)
        for document in documents:
            terms.update(document_terms(document))
    return terms


def _index_share(batches: list[tuple[str, list[int]]]) -> Counter:
    """A worker process's share of the batches (model label, page ids)."""
    terms: Counter = Counter()
    for label, ids in batches:
        terms.update(_index_batch(apps.get_model(label), ids))
    return terms


def _index_share_in_worker(batches: list[tuple[str, list[int]]]) -> Counter:
    try:
        return _index_share(batches)
    finally:
        connection.close()  # the worker's own connection, opened after the fork


def index_pages(ids: list[int], workers: int = 2, vacuum: bool = True) -> None:
    """Wagtail's index (the configured backend) and our SearchDocuments, in batches.

    On PostgreSQL the batches are shared out to `workers` processes (Wagtail's indexer spends
    most of its time in Python, building a tsvector expression per field and page); SQLite
    takes one writer at a time, so there it runs in this process.
    """
    wanted = set(ids)
    batches = []
    for model in article_types().values():
        model_ids = [pk for pk in model.objects.values_list("pk", flat=True).order_by("pk") if pk in wanted]
        batches += [(model._meta.label, model_ids[start : start + BATCH]) for start in range(0, len(model_ids), BATCH)]
    terms: Counter = Counter()
    if connection.vendor == "postgresql" and workers > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        from django.db import connections

        connections.close_all()  # each forked worker opens its own connection
        shares = [batches[worker::workers] for worker in range(workers)]
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            for share_terms in pool.map(_index_share_in_worker, shares):
                terms.update(share_terms)
    else:
        terms = _index_share(batches)
    known = set(SearchTerm.objects.filter(word__in=list(terms)).values_list("word", flat=True))
    SearchTerm.objects.bulk_create(
        [SearchTerm(word=word, doc_count=count) for word, count in terms.items() if word not in known],
        batch_size=500,
    )
    for word in known:  # words already indexed (a database that was not empty): add the new pages
        SearchTerm.objects.filter(word=word).update(doc_count=F("doc_count") + terms[word])
    documents_changed()
    if connection.vendor == "postgresql" and vacuum:
        # Like a database autovacuum has settled: statistics, visibility map and hint bits set.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
