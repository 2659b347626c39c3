"""SQL queries per uncached page, per page type: within budget and constant in the page's content.

The page cache is off here: these are the queries of a visitor the cache cannot serve (the first
visitor after a publish, or a page nobody asked for yet). Counted on the second request, as a
settled server answers (the site, areas, units and contact come from the shared-table cache).
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from articles.models import ArticlePageTag, FaqPage, GuidePage, NewsPage, SuccessStoryPage
from home.models import ReformArea

pytestmark = pytest.mark.django_db

ARTICLE_BUDGET = 10
BUDGETS = {
    "home": 10,
    "news index": 12,
    "guide index": 14,
    "faq index": 12,
    "story index": 12,
    "unit section": 13,
    "reform area": 18,
    "tag": 14,
    "search": 8,
    "search without results": 9,
}
# PostgreSQL search adds round trips of its own (the index-scan setting, the title stage): see the
# search figures further down docs/performance.md.
POSTGRESQL_BUDGETS = {"search": 9, "search without results": 11}


@pytest.fixture(autouse=True)
def uncached(settings):
    settings.PAGE_CACHE_ENABLED = False


def queries(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def urls() -> dict[str, str]:
    tag = ArticlePageTag.objects.first().tag
    return {
        "home": "/",
        "news index": "/tin-tuc/",
        "guide index": "/huong-dan/",
        "faq index": "/hoi-dap/",
        "story index": "/mo-hinh-hay/",
        "unit section": "/tin-tuc/ha-quang/",
        "reform area": "/linh-vuc/the-che/",
        "tag": f"/the/{tag.slug}/",
        "search": "/tim-kiem/?q=khai+sinh",
        "search without results": "/tim-kiem/?q=zzqqxxyy",
    }


@pytest.mark.parametrize("name", list(BUDGETS))
def test_page_type_within_its_budget(client, name):
    budget = POSTGRESQL_BUDGETS.get(name, BUDGETS[name]) if connection.vendor == "postgresql" else BUDGETS[name]
    assert queries(client, urls()[name]) <= budget


@pytest.mark.parametrize("model", [NewsPage, GuidePage, FaqPage, SuccessStoryPage])
def test_article_page_within_ten_queries(client, model):
    page = model.objects.live().order_by("pk").first()
    budget = ARTICLE_BUDGET + (1 if model is FaqPage and page.related_guides else 0)
    assert queries(client, page.url) <= budget


@pytest.mark.parametrize("model", [NewsPage, GuidePage, FaqPage, SuccessStoryPage])
def test_article_queries_do_not_grow_with_tags_areas_and_related_pages(client, model):
    page = model.objects.live().order_by("pk").first()
    others = list(NewsPage.objects.live().exclude(pk=page.pk).order_by("pk")[:6])
    page.related_pages = [("page", others[0])]
    page.reform_areas.set(ReformArea.objects.all()[:1])
    page.tags.set(["một"])
    page.save_revision().publish()
    few = queries(client, page.url)
    page.related_pages = [("page", other) for other in others]
    page.reform_areas.set(ReformArea.objects.all())
    page.tags.set(["một", "hai", "ba", "bốn", "năm", "sáu"])
    page.save_revision().publish()
    page.refresh_from_db()
    assert len(page.tags.all()) == 6 and len(page.reform_areas.all()) == 6
    assert queries(client, page.url) == few


def test_listing_queries_do_not_grow_with_the_items_listed(client):
    tag = Tag.objects.create(name="thẻ-đếm-truy-vấn", slug="the-dem-truy-van")
    pages = list(NewsPage.objects.live().order_by("pk")[:12])
    pages[0].tags.add(tag)
    pages[0].save_revision().publish()
    one = queries(client, f"/the/{tag.slug}/")
    for page in pages[1:]:
        page.tags.add(tag)
        page.save_revision().publish()
    assert queries(client, f"/the/{tag.slug}/") == one


def test_reform_area_queries_do_not_grow_with_the_areas_of_each_article(client):
    few = queries(client, "/linh-vuc/cong-vu/")
    for page in NewsPage.objects.live().filter(reform_areas__slug="cong-vu")[:5]:
        page.reform_areas.set(ReformArea.objects.all())
        page.save_revision().publish()
    assert queries(client, "/linh-vuc/cong-vu/") == few
