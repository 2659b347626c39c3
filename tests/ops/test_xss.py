"""Script payloads in every field a visitor sees come out as text, never as markup."""

from __future__ import annotations

import io
import json

import pytest
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command

from articles.models import ArticlePage, GuidePage, NewsPage
from home.models import Unit

pytestmark = pytest.mark.django_db

SCRIPT = "<script>window.__xss=1</script>"
IMAGE = '<img src=x onerror="window.__xss=2">'
BREAKOUT = "</script><script>window.__xss=3</script>"
QUOTE = '" autofocus onfocus="window.__xss=4'


def assert_inert(html: bytes, where: str) -> None:
    soup = BeautifulSoup(html, "html.parser")
    for script in soup.find_all("script"):
        assert "__xss" not in (script.string or "") or script.get("type") == "application/ld+json", where
        if script.get("type") == "application/ld+json":
            json.loads(script.string)  # still one valid JSON document: no breakout
    for tag in soup.find_all(True):
        for attribute, value in tag.attrs.items():
            assert not (attribute.startswith("on") and "__xss" in str(value)), f"{where}: <{tag.name} {attribute}>"
            assert attribute not in {"autofocus"} or tag.name == "input", where
    assert not soup.find("img", src="x"), where


@pytest.fixture
def hostile_content(tmp_path):
    records = [
        {
            "type": "news",
            "slug": "tin-doc-hai",
            "title": f"Tin {SCRIPT} {QUOTE}",
            "unit": "ha-quang",
            "reform_areas": ["the-che"],
            "tags": [f"thẻ {IMAGE}", BREAKOUT],
            "summary": f"Tóm tắt {IMAGE} {BREAKOUT}",
            "body": f'<p>Nội dung {SCRIPT}</p><p onclick="window.__xss=5">đoạn</p>{IMAGE}',
            "date": "2025-06-01",
        },
        {
            "type": "guide",
            "slug": "huong-dan-doc-hai",
            "title": f"Thủ tục {QUOTE}",
            "unit": "ha-quang",
            "reform_areas": ["thu-tuc-hanh-chinh"],
            "summary": f"Hướng dẫn {SCRIPT}",
            "agency": f"UBND {IMAGE}",
            "processing_time": f"5 ngày {SCRIPT}",
            "fee": BREAKOUT,
            "steps": [f"Bước {SCRIPT}", f"Bước {IMAGE}"],
            "documents": [f"Tờ khai {QUOTE}"],
            "online_url": "https://dichvucong.gov.vn/?q=%22%3E%3Cscript%3E",
        },
    ]
    path = tmp_path / "xss.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    unit = Unit.objects.get(slug="ha-quang")
    unit.name = f"Hà Quảng {IMAGE}"
    unit.save()
    call_command("import_content", str(path), stdout=io.StringIO())
    return NewsPage.objects.get(slug="tin-doc-hai"), GuidePage.objects.get(slug="huong-dan-doc-hai")


def test_payloads_in_imported_articles_render_as_text(client, hostile_content):
    news, guide = hostile_content
    for page in (news, guide):
        response = client.get(page.url)
        assert response.status_code == 200
        assert_inert(response.content, page.url)
    title = BeautifulSoup(client.get(news.url).content, "html.parser").h1.get_text()
    assert SCRIPT in title


def test_a_javascript_link_in_an_import_is_refused(tmp_path):
    record = {
        "type": "guide",
        "title": "Thủ tục có liên kết độc hại",
        "reform_areas": ["the-che"],
        "summary": "Tóm tắt",
        "agency": "UBND",
        "online_url": "javascript:window.__xss=6",
    }
    path = tmp_path / "js.json"
    path.write_text(json.dumps([record], ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import_content", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert not GuidePage.objects.filter(title="Thủ tục có liên kết độc hại").exists()


def test_no_javascript_links_on_the_guide(client, hostile_content):
    _news, guide = hostile_content
    soup = BeautifulSoup(client.get(guide.url).content, "html.parser")
    assert [link for link in soup.find_all("a", href=True) if link["href"].lower().startswith("javascript:")] == []


@pytest.mark.parametrize("url", ["/", "/tin-tuc/", "/huong-dan/", "/tin-tuc/ha-quang/", "/linh-vuc/the-che/"])
def test_payloads_in_listings_render_as_text(client, hostile_content, url):
    response = client.get(url)
    assert response.status_code == 200
    assert_inert(response.content, url)


def test_payloads_in_tags_render_as_text(client, hostile_content):
    news, _guide = hostile_content
    for tag in news.tags.all():
        response = client.get(f"/the/{tag.slug}/")
        assert response.status_code == 200
        assert_inert(response.content, tag.slug)


@pytest.mark.parametrize("query", [SCRIPT, IMAGE, BREAKOUT, QUOTE, "tin " + SCRIPT])
def test_payloads_in_search_queries_render_as_text(client, hostile_content, query):
    response = client.get("/tim-kiem/", {"q": query})
    assert response.status_code == 200
    assert_inert(response.content, query)
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("input[name=q]")["value"] == query


def test_autocomplete_returns_payloads_as_json_text(client, hostile_content):
    response = client.get("/tim-kiem/goi-y/", {"q": "tin"})
    assert response["Content-Type"].startswith("application/json")
    assert response.status_code == 200


def test_imported_body_html_is_cleaned_of_scripts_and_handlers(hostile_content):
    news, _guide = hostile_content
    body = str(ArticlePage.objects.get(pk=news.pk).specific.body.raw_data)
    assert "onclick" not in body and "onerror" not in body and "<script" not in body
