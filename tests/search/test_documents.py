"""The ranker's copy of each page (SearchDocument) and the vocabulary's page counts (SearchTerm)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from articles.models import NewsPage
from search.documents import update_page
from search.models import SearchDocument, SearchTerm
from tests.search.conftest import import_records, news


def pages_holding(word: str) -> int:
    """The vocabulary's page count of a word (0 when it is not known)."""
    return SearchTerm.objects.filter(word=word).values_list("doc_count", flat=True).first() or 0


def documents_holding(word: str) -> int:
    key = f" {word} "
    return (
        SearchDocument.objects.filter(title_fold__contains=key)
        | SearchDocument.objects.filter(head_fold__contains=key)
        | SearchDocument.objects.filter(body_fold__contains=key)
    ).count()


def test_saving_a_page_again_updates_its_document_in_place(db):
    page = import_records([news("ca-tam-bao-lac", "Cá tầm Bảo Lạc xuất khẩu")])["ca-tam-bao-lac"]
    with CaptureQueriesContext(connection) as captured:
        update_page(NewsPage.objects.get(pk=page.pk))
    statements = [query["sql"].upper() for query in captured.captured_queries]
    assert not any(sql.startswith("DELETE") for sql in statements)
    assert any(sql.startswith("UPDATE") and "SEARCH_SEARCHDOCUMENT" in sql for sql in statements)
    assert SearchDocument.objects.filter(page_id=page.pk).count() == 1
    assert pages_holding("tam") == documents_holding("tam")


def test_a_second_save_reading_a_stale_state_neither_collides_nor_double_counts(db):
    # Two saves of one page, the second with the instance read before the first: the row is
    # upserted (no duplicate-key error, as a delete and forced insert could give) and the
    # vocabulary counts each page once.
    page = import_records([news("mang-tay-ha-quang", "Măng tây Hà Quảng")])["mang-tay-ha-quang"]
    stale = NewsPage.objects.get(pk=page.pk)
    fresh = NewsPage.objects.get(pk=page.pk)
    fresh.title = "Măng tây Hà Quảng vào siêu thị"
    fresh.save_revision().publish()
    update_page(stale)
    update_page(stale)
    assert SearchDocument.objects.filter(page_id=page.pk).count() == 1
    for word in ("mang", "tay", "sieu", "thi"):
        assert pages_holding(word) == documents_holding(word), word


def test_page_counts_stay_exact_through_unpublish_republish_edit_and_delete(db):
    pages = import_records(
        [
            news("quyt-tra-linh-mot", "Quýt Trà Lĩnh vào mùa"),
            news("quyt-tra-linh-hai", "Quýt Trà Lĩnh lên sàn thương mại điện tử"),
        ]
    )
    first, second = (NewsPage.objects.get(pk=page.pk) for page in pages.values())

    def exact() -> None:
        for word in ("quyt", "tra", "linh", "mua", "san", "chin"):
            assert pages_holding(word) == documents_holding(word), word

    assert pages_holding("quyt") == documents_holding("quyt") >= 2
    exact()
    first.unpublish()
    exact()
    first.refresh_from_db()
    first.save_revision().publish()
    exact()
    first.refresh_from_db()
    first.title = "Quýt Trà Lĩnh chín sớm"
    first.save_revision().publish()
    assert pages_holding("chin") == documents_holding("chin") >= 1
    exact()
    Page.objects.get(pk=second.pk).delete()
    assert not SearchDocument.objects.filter(page_id=second.pk).exists()
    exact()


def test_the_body_exact_keys_are_no_longer_stored(db):
    columns = {
        column.name
        for column in connection.introspection.get_table_description(connection.cursor(), "search_searchdocument")
    }
    assert "body_exact" not in columns
    assert {"body_fold", "title_exact", "head_exact"} <= columns


def test_the_sqlite_title_index_survives_the_column_removal(db):
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL's title vectors have their own GIN index: no triggers to keep")
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'search_searchdocument'")
        triggers = {row[0] for row in cursor.fetchall()}
    assert triggers == {"search_title_fts_insert", "search_title_fts_delete", "search_title_fts_update"}
