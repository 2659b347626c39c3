"""Every page type and listing renders with the demo content, as a citizen's browser gets it."""

import json
from collections import deque
from itertools import pairwise
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from articles.models import FaqPage, GuidePage, NewsPage, SuccessStoryPage
from home.models import ReformArea

pytestmark = pytest.mark.django_db

JSON_LD_TYPES = {NewsPage: "NewsArticle", GuidePage: "HowTo", FaqPage: "FAQPage", SuccessStoryPage: "Article"}


def get_soup(client, url: str, status: int = 200) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == status, url
    return BeautifulSoup(response.content, "html.parser")


def json_ld(soup: BeautifulSoup) -> list[dict]:
    return [json.loads(script.string) for script in soup.find_all("script", type="application/ld+json")]


def assert_accessible_skeleton(soup: BeautifulSoup) -> None:
    assert soup.html["lang"] == "vi"
    skip = soup.find("a", class_="skip-link")
    assert skip["href"] == "#main-content" and soup.find(id="main-content").name == "main"
    assert soup.find("header", role="banner") and soup.find("footer", role="contentinfo")
    assert soup.find("nav", attrs={"aria-label": "Điều hướng chính"})
    assert len(soup.find_all("h1")) == 1
    for image in soup.find_all("img"):
        assert image.has_attr("alt")
    # Headings never skip a level going down (h1 → h3 without an h2).
    levels = [int(tag.name[1]) for tag in soup.find_all(["h1", "h2", "h3", "h4"])]
    for previous, current in pairwise(levels):
        assert current <= previous + 1


def assert_no_external_assets(soup: BeautifulSoup) -> None:
    for tag in soup.find_all(["script", "link", "img"]):
        source = tag.get("src") or (tag.get("href") if tag.name == "link" and tag.get("rel") != ["canonical"] else None)
        if source:
            assert not urlparse(source).netloc or urlparse(source).hostname == "testserver", source


@pytest.mark.parametrize("model", [NewsPage, GuidePage, FaqPage, SuccessStoryPage])
def test_demo_has_at_least_six_live_items_of_each_type(model):
    assert model.objects.live().count() >= 6


def test_demo_covers_all_six_areas_and_several_units():
    for area in ReformArea.objects.all():
        assert area.articles.live().exists(), area.slug
    assert NewsPage.objects.live().values("unit").distinct().count() >= 3


def test_home_page_shows_news_guides_areas_and_search(client):
    soup = get_soup(client, "/")
    assert_accessible_skeleton(soup)
    assert_no_external_assets(soup)
    news_links = {a["href"] for a in soup.select("section[aria-labelledby=news-heading] h3 a")}
    latest = NewsPage.objects.live().order_by("-date", "-pk")[:6]
    assert news_links == {page.url for page in latest}
    assert len(soup.select("section[aria-labelledby=guides-heading] li a")) >= 1
    area_links = [a["href"] for a in soup.select(".area-grid a")]
    assert area_links == [f"/linh-vuc/{area.slug}/" for area in ReformArea.objects.all()]
    search_form = soup.find("form", class_="hero-search")
    assert search_form["action"] == "/tim-kiem/" and search_form.find("input", attrs={"name": "q"})
    assert soup.find("meta", property="og:title")


@pytest.mark.parametrize("model", [NewsPage, GuidePage, FaqPage, SuccessStoryPage])
def test_every_article_renders_with_title_breadcrumbs_areas_and_json_ld(client, model):
    for page in model.objects.live():
        soup = get_soup(client, page.url)
        assert_accessible_skeleton(soup)
        assert soup.h1.get_text(strip=True) == page.title
        crumbs = [a["href"] for a in soup.select("nav.breadcrumbs a")]
        assert crumbs[0] == "/" and page.get_parent().get_parent().url in crumbs
        assert soup.select_one("nav.breadcrumbs [aria-current=page]").get_text(strip=True) == page.title
        shown_areas = {a["href"] for a in soup.select(".article__header .chips a")}
        assert shown_areas == {area.get_absolute_url() for area in page.reform_areas.all()}
        data = json_ld(soup)
        assert [item["@type"] for item in data] == [JSON_LD_TYPES[model]]
        assert soup.find("meta", property="og:type")["content"] == "article"


def test_guide_page_shows_the_procedure_step_by_step(client):
    guide = GuidePage.objects.live().exclude(procedure_code="").first()
    soup = get_soup(client, guide.url)
    facts = soup.select_one("dl.facts").get_text(" ", strip=True)
    assert guide.procedure_code in facts and guide.agency in facts
    steps = [li.select_one(".step__title").get_text(strip=True) for li in soup.select("ol.steps > li")]
    assert steps == [block.value["title"] for block in guide.steps]
    assert len(soup.select(".methods .method")) == len(guide.submission_methods)
    assert soup.select(".document-case li")
    assert "Rà soát gần nhất" in soup.select_one(".review-dates").get_text()
    (data,) = json_ld(soup)
    assert [step["name"] for step in data["step"]] == steps


def test_faq_page_json_ld_carries_question_and_answer(client):
    faq = FaqPage.objects.live().first()
    (data,) = json_ld(get_soup(client, faq.url))
    assert data["mainEntity"][0]["name"] == faq.title
    assert data["mainEntity"][0]["acceptedAnswer"]["text"]


@pytest.mark.parametrize(
    ("url", "model"),
    [("/tin-tuc/", NewsPage), ("/huong-dan/", GuidePage), ("/hoi-dap/", FaqPage), ("/mo-hinh-hay/", SuccessStoryPage)],
)
def test_index_lists_newest_first_and_filters_by_area_and_unit(client, url, model):
    soup = get_soup(client, url)
    assert_accessible_skeleton(soup)
    listed = [a["href"] for a in soup.select("#listing-heading ~ article h3 a")]
    expected = [page.url for page in model.objects.live().order_by("-date", "-page_ptr_id")[:12]]
    assert listed == expected

    area = ReformArea.objects.filter(articles__in=model.objects.live()).first()
    soup = get_soup(client, f"{url}?area={area.slug}")
    listed = {a["href"] for a in soup.select("#listing-heading ~ article h3 a")}
    assert listed == {page.url for page in model.objects.live().filter(reform_areas=area)[:12]}

    unit = model.objects.live().first().unit
    soup = get_soup(client, f"{url}?unit={unit.slug}&area=")
    listed = {a["href"] for a in soup.select("#listing-heading ~ article h3 a")}
    assert listed == {page.url for page in model.objects.live().filter(unit=unit)[:12]}


@pytest.mark.parametrize(
    "query", ["page=abc", "page=-1", "page=999999", "area=khong-co", "unit=%3Cscript%3E", "page=1&page=x"]
)
def test_index_survives_bad_parameters(client, query):
    soup = get_soup(client, f"/tin-tuc/?{query}")
    assert soup.select("#listing-heading ~ article")
    assert "<script>" not in str(soup.select_one("main"))


def test_index_is_paginated(client):
    from articles.models.base import ARTICLES_PER_PAGE

    total = NewsPage.objects.live().count()
    if total <= ARTICLES_PER_PAGE:
        pytest.skip("the demo has a single page of news")
    soup = get_soup(client, "/tin-tuc/?page=2")
    assert len(soup.select("#listing-heading ~ article")) == min(ARTICLES_PER_PAGE, total - ARTICLES_PER_PAGE)


def test_unit_section_lists_its_own_articles(client):
    news = NewsPage.objects.live().filter(unit__slug="ha-quang")
    soup = get_soup(client, "/tin-tuc/ha-quang/")
    assert {a["href"] for a in soup.select("article h3 a")} == {page.url for page in news}


def test_reform_area_page_groups_everything_by_type(client):
    area = ReformArea.objects.get(slug="thu-tuc-hanh-chinh")
    soup = get_soup(client, "/linh-vuc/thu-tuc-hanh-chinh/")
    assert_accessible_skeleton(soup)
    assert soup.h1.get_text(strip=True) == area.name
    for type_slug, model in [("news", NewsPage), ("guide", GuidePage), ("faq", FaqPage), ("story", SuccessStoryPage)]:
        section = soup.find("section", attrs={"aria-labelledby": f"group-{type_slug}"})
        links = {a["href"] for a in section.select("article h3 a")}
        assert links == {page.url for page in model.objects.live().filter(reform_areas=area).order_by("-date")[:10]}


def test_unknown_reform_area_is_404(client):
    get_soup(client, "/linh-vuc/khong-co/", status=404)


def test_tag_page_lists_tagged_articles(client):
    news = NewsPage.objects.live().filter(tags__isnull=False).first()
    tag = news.tags.first()
    soup = get_soup(client, f"/the/{tag.slug}/")
    assert news.url in {a["href"] for a in soup.select("article h3 a")}
    get_soup(client, "/the/khong-co-the-nay/", status=404)


def test_every_guide_is_within_three_clicks_of_the_home_page(client):
    """Thông tư 32/2017: a procedure guide must be reachable in at most three clicks from home."""
    guide_urls = {page.url for page in GuidePage.objects.live()}
    seen = {"/": 0}
    queue = deque(["/"])
    while queue:
        url = queue.popleft()
        if seen[url] == 3:
            continue
        soup = get_soup(client, url)
        for link in soup.select("main a[href], nav a[href]"):
            href = link["href"].split("#")[0]
            if href.startswith("/") and not href.startswith(("/admin", "/documents", "/media", "/static")):
                path = href.split("?")[0]
                if path not in seen:
                    seen[path] = seen[url] + 1
                    queue.append(path)
    unreachable = guide_urls - {url for url, depth in seen.items() if depth <= 3}
    assert not unreachable


def test_guide_index_lists_every_guide_by_procedure_field_with_its_url(client):
    soup = get_soup(client, "/huong-dan/")
    listed = {}
    for group in soup.select("nav.by-field details"):
        field = group.summary.get_text().rsplit(" (", 1)[0]
        for link in group.select("li a"):
            listed[link["href"]] = (field, link.get_text())
    guides = GuidePage.objects.live().public()
    assert listed == {guide.url: (guide.procedure_field or "Khác", guide.title) for guide in guides}
    for url in list(listed)[:3]:
        get_soup(client, url)


def test_sitemap_lists_articles(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    guide = GuidePage.objects.live().first()
    assert guide.url in response.content.decode()


def test_print_stylesheet_is_linked(client):
    soup = get_soup(client, "/")
    print_css = soup.find("link", media="print")
    assert print_css["href"].endswith("print.css")
