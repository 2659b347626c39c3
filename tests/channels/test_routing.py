"""Channel URLs belong to live, public articles only; every other path is Wagtail's."""

import pytest
from wagtail.models import PageViewRestriction

from articles.models import NewsIndexPage, NewsPage
from articles.tree import section_for
from home.models import Unit
from tests.channels.conftest import add_page, news

pytestmark = pytest.mark.django_db

CHANNELS = ["phat-thanh/", "tin-nhan/", "ban-in/", "de-cuong/"]


@pytest.mark.parametrize("channel", CHANNELS)
def test_a_draft_has_no_channels(client, channel):
    draft = news(title="Bài nháp chưa xuất bản", live=False)
    url = "/tin-tuc/ha-quang/" + draft.slug + "/" + channel
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("channel", CHANNELS)
def test_a_page_under_a_view_restriction_has_no_channels(client, channel, article):
    PageViewRestriction.objects.create(page=article, restriction_type="password", password="bi-mat")
    assert client.get(article.url + channel).status_code == 404


def test_an_unpublished_article_loses_its_channels(client, article):
    assert client.get(article.url + "phat-thanh/").status_code == 200
    article.unpublish()
    assert client.get(article.url + "phat-thanh/").status_code == 404


def test_an_article_slugged_like_a_channel_is_served_by_wagtail(client):
    page = add_page(NewsIndexPage, NewsPage, "ha-quang", "Phát thanh", slug="phat-thanh")
    response = client.get("/tin-tuc/ha-quang/phat-thanh/")
    assert response.status_code == 200
    assert response.context["page"].pk == page.pk
    assert response["Content-Type"] == "text/html; charset=utf-8"


def test_a_section_is_not_an_article(client):
    section = section_for(NewsIndexPage, Unit.objects.get(slug="ha-quang"))
    assert client.get(section.url + "ban-in/").status_code == 404


def test_channel_responses_set_no_cookie(client, article):
    for channel in CHANNELS:
        response = client.get(article.url + channel)
        assert response.status_code == 200
        assert response.cookies == {}
