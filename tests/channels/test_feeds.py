"""RSS /rss/ and Atom /atom/: published public pages only, newest first, combinable filters."""

import feedparser
import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from articles.models import ArticlePage, GuidePage
from home.models import ReformArea
from tests.channels.conftest import guide, news, publish

pytestmark = pytest.mark.django_db


def parsed(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


def expected_titles(queryset) -> list[str]:
    return list(queryset.live().public().order_by("-first_published_at", "-pk").values_list("title", flat=True)[:30])


@pytest.mark.parametrize(("url", "version"), [("/rss/", "rss20"), ("/atom/", "atom10")])
def test_feeds_list_the_newest_published_public_articles(client, url, version):
    fresh = news(title="Tin mới nhất của Hà Quảng")
    news(title="Tin nháp không được đăng", live=False)
    private = news(title="Tin trong mục riêng tư")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    feed = parsed(client, url)
    assert feed.version == version
    titles = [entry.title for entry in feed.entries]
    assert titles == expected_titles(ArticlePage.objects.exclude(pk=private.pk))
    assert titles[0] == fresh.title
    assert "Tin nháp không được đăng" not in titles
    assert "Tin trong mục riêng tư" not in titles
    assert feed.entries[0].link == "http://testserver" + fresh.url


def test_filters_combine(client):
    area = ReformArea.objects.get(slug="chinh-quyen-so")
    mine = guide(unit_slug="bao-lac", title="Hướng dẫn chính quyền số Bảo Lạc").get_latest_revision_as_object()
    mine.reform_areas.set([area])
    publish(mine)
    feed = parsed(client, "/rss/", {"type": "guide", "unit": "bao-lac", "area": "chinh-quyen-so"})
    expected = GuidePage.objects.filter(unit__slug="bao-lac", reform_areas=area)
    assert [entry.title for entry in feed.entries] == expected_titles(expected)
    assert mine.title in [entry.title for entry in feed.entries]
    assert feed.feed.title == (
        "Cải cách hành chính tỉnh Cao Bằng – Hướng dẫn thủ tục hành chính – "
        "Xây dựng và phát triển chính quyền điện tử, chính quyền số – Huyện Bảo Lạc"
    )


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"type": "video"}, "Không có loại bài “video”. Các loại: news, guide, faq, story, document.\n"),
        ({"area": "khong-co"}, "Không có lĩnh vực cải cách hành chính “khong-co”.\n"),
        ({"unit": "khong-co", "type": "news"}, "Không có đơn vị “khong-co”.\n"),
    ],
)
@pytest.mark.parametrize("url", ["/rss/", "/atom/"])
def test_an_unknown_filter_value_is_a_404_in_vietnamese(client, url, params, message):
    response = client.get(url, params)
    assert response.status_code == 404
    assert response.content.decode() == message


def test_pages_link_the_feeds_that_describe_them(client, article):
    def alternates(url):
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        return [
            (link["type"], link["href"]) for link in soup.find_all("link", rel="alternate") if "xml" in link["type"]
        ]

    assert alternates("/") == [("application/rss+xml", "/rss/"), ("application/atom+xml", "/atom/")]
    assert alternates("/huong-dan/") == [
        ("application/rss+xml", "/rss/?type=guide"),
        ("application/atom+xml", "/atom/?type=guide"),
    ]
    assert alternates("/tin-tuc/ha-quang/") == [
        ("application/rss+xml", "/rss/?type=news&unit=ha-quang"),
        ("application/atom+xml", "/atom/?type=news&unit=ha-quang"),
    ]
    assert alternates("/linh-vuc/the-che/") == [
        ("application/rss+xml", "/rss/?area=the-che"),
        ("application/atom+xml", "/atom/?area=the-che"),
    ]
    assert alternates(article.url) == [
        ("application/rss+xml", "/rss/?type=news"),
        ("application/atom+xml", "/atom/?type=news"),
    ]


def test_the_feed_list_page_links_every_feed(client):
    soup = BeautifulSoup(client.get("/nguon-tin/").content, "html.parser")
    hrefs = [a["href"] for a in soup.select("main a")]
    assert "/rss/" in hrefs and "/atom/" in hrefs
    assert "/rss/?type=faq" in hrefs
    assert "/atom/?area=cong-vu" in hrefs
    assert "/rss/?unit=ha-quang" in hrefs
    assert "/api/phat-thanh/ha-quang/" in hrefs
    for href in hrefs:
        if href.startswith(("/rss/", "/atom/")):
            assert client.get(href).status_code == 200
