"""A citizen's GET never needs the database's write lock: it reads, it does not write.

(On SQLite there is one write lock for the whole file; a public page that wrote — the search log
did, on every search — would make every reader queue behind every editor and import.)
"""

from __future__ import annotations

import re

import pytest
from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import GuidePage
from search.models import QueryLog
from search.querylog import buffer

pytestmark = pytest.mark.django_db
WRITES = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE|SAVEPOINT|BEGIN|CREATE|DROP|ALTER)\b", re.IGNORECASE)
TRANSACTION_CONTROL = re.compile(r"^\s*(SAVEPOINT|BEGIN)\b", re.IGNORECASE)


@pytest.fixture(autouse=True)
def empty_buffer():
    # Counts left in this process's buffer by another test belong to that test's rolled-back data.
    buffer.counts.clear()
    yield
    buffer.counts.clear()


def public_urls() -> list[tuple[str, dict]]:
    guide = GuidePage.objects.live().first()
    return [
        ("/", {}),
        ("/tin-tuc/", {}),
        (guide.url, {}),
        (reverse("search"), {"q": "đăng ký khai sinh"}),
        (reverse("search"), {"q": "giay phep xay dung", "type": "guide"}),
    ]


def test_public_pages_and_searches_write_nothing_while_they_are_served(client, settings):
    settings.QUERY_LOG_FLUSH_SECONDS = 3600  # as in production: the log is written later, not now
    for url, params in public_urls():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, params)
        assert response.status_code == 200, url
        writes = [query["sql"] for query in queries if WRITES.match(query["sql"])]
        if connection.vendor == "postgresql":
            # A transaction takes no write lock there: the search's read-only one (SET LOCAL of
            # the planner setting, search.retrieval.index_scans) is allowed. On SQLite every
            # transaction begins IMMEDIATE, i.e. takes the write lock: none may open.
            writes = [sql for sql in writes if not TRANSACTION_CONTROL.match(sql)]
        assert writes == [], url


def test_the_searches_are_counted_when_the_buffer_is_written(client, settings):
    settings.QUERY_LOG_FLUSH_SECONDS = 3600
    client.get(reverse("search"), {"q": "đăng ký khai sinh"})
    client.get(reverse("search"), {"q": "đăng ký khai sinh"})
    assert not QueryLog.objects.filter(query="đăng ký khai sinh").exists()
    assert buffer.flush() == 1
    assert QueryLog.objects.get(query="đăng ký khai sinh").hits == 2


def test_a_buffer_that_cannot_be_written_keeps_its_counts_for_the_next_time(client, settings, monkeypatch):
    settings.QUERY_LOG_FLUSH_SECONDS = 3600
    client.get(reverse("search"), {"q": "một cửa"})

    class LockedDatabase:
        """The real connection, except that no statement can run: the write lock is never granted."""

        def __getattr__(self, name):
            return getattr(connection, name)

        def cursor(self):
            raise DatabaseError("database is locked")

    with monkeypatch.context() as patch:
        patch.setattr("search.querylog.connection", LockedDatabase())
        assert buffer.flush() == 0
    assert buffer.flush() == 1
    assert QueryLog.objects.get(query="một cửa").hits == 1
