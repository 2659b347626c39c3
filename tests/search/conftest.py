"""Fixtures for the search tests: the relevance corpus and small pages made for one test."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from articles.importing import ContentImporter
from search.evaluation import HELDOUT_FILE, load_corpus, load_queries


def import_records(records: list[dict]) -> dict:
    """Import `import_content` records (published at once); returns {slug: page}."""
    importer = ContentImporter(records)
    clean, errors = importer.validate()
    assert not errors, [str(error) for error in errors]
    result = importer.run(clean)
    return {page.slug: page for page in result.created + result.updated}


def news(slug: str, title: str, body: str = "", **extra) -> dict:
    record = {
        "type": "news",
        "slug": slug,
        "title": title,
        "unit": "tinh",
        "reform_areas": ["thu-tuc-hanh-chinh"],
        "summary": extra.pop("summary", "Tin thử nghiệm cho tìm kiếm."),
        "body": f"<p>{body}</p>" if body else "<p>Nội dung thử nghiệm.</p>",
        "date": extra.pop("date", "2024-05-01"),
    }
    record.update(extra)
    return record


@pytest.fixture(autouse=True)
def _fresh_search_cache():
    # Synonym groups are cached; each test sees the database it set up.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def corpus(db) -> dict:
    return import_records(load_corpus())


@pytest.fixture
def relevance_queries() -> list[dict]:
    return load_queries()


@pytest.fixture
def heldout_queries() -> list[dict]:
    return load_queries(HELDOUT_FILE)


@pytest.fixture
def admin_client(client, db, django_user_model):
    user = django_user_model.objects.create_superuser("search-admin", "search-admin@example.org", "x")
    client.force_login(user)
    return client
