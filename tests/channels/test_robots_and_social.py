"""robots.txt, Open Graph and Twitter tags, and the generated share image."""

import io

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from tests.channels.conftest import news, publish

pytestmark = pytest.mark.django_db


def test_robots_txt_points_at_the_sitemap_and_keeps_out_admin_and_previews(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().splitlines() == [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /xem-truoc/",
        "Disallow: /tim-kiem/",
        "",
        "Sitemap: http://testserver/sitemap.xml",
    ]


def test_the_sitemap_lists_no_draft(client):
    draft = news(title="Bài nháp không có trong sơ đồ trang", live=False)
    assert draft.slug not in client.get("/sitemap.xml").content.decode()


def meta(soup, **attrs) -> str:
    return soup.find("meta", attrs=attrs)["content"]


@pytest.mark.parametrize("url", ["/", "/tin-tuc/", "/linh-vuc/the-che/", "/tim-kiem/", "/nguon-tin/"])
def test_every_public_page_has_open_graph_and_twitter_tags(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    for prop in ("og:title", "og:description", "og:url", "og:image", "og:site_name"):
        assert meta(soup, property=prop)
    assert meta(soup, name="twitter:card") == "summary_large_image"
    assert meta(soup, name="twitter:image") == meta(soup, property="og:image")
    assert meta(soup, name="twitter:title")


def test_an_articles_share_image_is_a_generated_png_of_1200_by_630(client, article):
    soup = BeautifulSoup(client.get(article.url).content, "html.parser")
    url = meta(soup, property="og:image")
    assert url.startswith(f"http://testserver/anh-chia-se/{article.pk}-")
    assert meta(soup, property="og:image:width") == "1200"
    assert meta(soup, property="og:image:height") == "630"
    assert meta(soup, name="twitter:title") == article.title
    response = client.get(url.removeprefix("http://testserver"))
    assert response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert image.format == "PNG"
    assert image.size == (1200, 630)


def test_the_share_image_changes_with_the_title(client, article):
    def image_url():
        soup = BeautifulSoup(client.get(article.url).content, "html.parser")
        return meta(soup, property="og:image").removeprefix("http://testserver")

    before = image_url()
    old_png = b"".join(client.get(before).streaming_content)
    draft = article.get_latest_revision_as_object()
    draft.title = "Tiêu đề mới của bài"
    publish(draft)
    after = image_url()
    assert after != before
    assert b"".join(client.get(after).streaming_content) != old_png
    assert client.get(before).status_code == 404
