import pytest

from articles.models import GuidePage, NewsPage

pytestmark = pytest.mark.django_db


def test_api_lists_guides_with_their_structured_fields(client):
    response = client.get(
        "/api/v2/pages/",
        {"type": "articles.GuidePage", "fields": "procedure_code,agency,unit_slug,reform_area_slugs,steps"},
    )
    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["total_count"] == GuidePage.objects.live().count()
    item = data["items"][0]
    guide = GuidePage.objects.get(pk=item["id"])
    assert item["procedure_code"] == guide.procedure_code
    assert item["unit_slug"] == guide.unit.slug
    assert item["reform_area_slugs"] == [area.slug for area in guide.reform_areas.all()]
    assert [step["value"]["title"] for step in item["steps"]] == [block.value["title"] for block in guide.steps]


def test_api_detail_of_a_news_article(client):
    news = NewsPage.objects.live().first()
    data = client.get(f"/api/v2/pages/{news.pk}/").json()
    assert data["title"] == news.title
    assert data["summary"] == news.summary
    assert data["date"] == news.date.isoformat()


def test_api_never_shows_drafts(client):
    news = NewsPage.objects.live().first()
    news.unpublish()
    assert client.get(f"/api/v2/pages/{news.pk}/").status_code == 404
