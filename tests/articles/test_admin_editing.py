"""Editors create articles through the Wagtail admin; the server decides the unit."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from articles.models import NewsIndexPage, NewsPage, UnitSection
from home.models import ReformArea

pytestmark = pytest.mark.django_db


def news_form(title: str, slug: str, areas: list[int], **extra) -> dict:
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "Tóm tắt bài viết thử nghiệm.",
            "body": streamfield([("paragraph", rich_text("<p>Nội dung bài viết.</p>"))]),
            "related_pages": streamfield([]),
            "date": "2025-04-01",
            "tags": "một cửa, thử nghiệm",
            "source": "",
            "comment_notifications": "",
            **extra,
        }
    )
    data["reform_areas"] = [str(pk) for pk in areas]
    return data


def ha_quang_news_section() -> UnitSection:
    return UnitSection.objects.child_of(NewsIndexPage.objects.get()).get(unit__slug="ha-quang")


def test_admin_creates_a_news_article_in_a_unit_section(admin_client):
    section = ha_quang_news_section()
    area = ReformArea.objects.get(slug="thu-tuc-hanh-chinh")
    response = admin_client.post(
        reverse("wagtailadmin_pages:add", args=["articles", "newspage", section.pk]),
        {**news_form("Bài thử qua quản trị", "bai-thu-qua-quan-tri", [area.pk]), "action-publish": "1"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = NewsPage.objects.get(slug="bai-thu-qua-quan-tri")
    assert page.live
    assert page.unit.slug == "ha-quang"
    assert [a.slug for a in page.reform_areas.all()] == ["thu-tuc-hanh-chinh"]
    assert page.url == "/tin-tuc/ha-quang/bai-thu-qua-quan-tri/"


def test_publishing_without_a_reform_area_is_refused_with_a_message(admin_client):
    section = ha_quang_news_section()
    response = admin_client.post(
        reverse("wagtailadmin_pages:add", args=["articles", "newspage", section.pk]),
        {**news_form("Bài thiếu lĩnh vực", "bai-thieu-linh-vuc", []), "action-publish": "1"},
    )
    assert response.status_code == 200
    assert not NewsPage.objects.filter(slug="bai-thieu-linh-vuc", live=True).exists()


def test_news_type_is_not_offered_under_a_guide_section(admin_client):
    from articles.models import GuideIndexPage

    guide_section = UnitSection.objects.child_of(GuideIndexPage.objects.get()).get(unit__slug="ha-quang")
    add_url = reverse("wagtailadmin_pages:add", args=["articles", "newspage", guide_section.pk])
    response = admin_client.get(add_url)
    assert response.status_code in (302, 403) and response.get("Location") != add_url
    area = ReformArea.objects.get(slug="the-che")
    admin_client.post(add_url, {**news_form("Sai chỗ", "sai-cho", [area.pk]), "action-publish": "1"})
    assert not NewsPage.objects.filter(slug="sai-cho").exists()
