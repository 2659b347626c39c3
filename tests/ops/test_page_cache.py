"""Whole pages are cached for anonymous visitors and forgotten when what they show changes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Page, PageViewRestriction, Site

from articles.models import GuidePage, NewsIndexPage, NewsPage
from home.models import ReformArea, SiteContact, Unit
from ops.pagecache import generation

pytestmark = pytest.mark.django_db
PROJECT = Path(__file__).resolve().parents[2]


def cache_state(client, url: str) -> str | None:
    response = client.get(url)
    assert response.status_code == 200
    return response.get("X-Page-Cache")


def h1(client, url: str) -> str:
    return BeautifulSoup(client.get(url).content, "html.parser").h1.get_text(strip=True)


def a_news() -> NewsPage:
    return NewsPage.objects.live().order_by("pk").first()


def test_second_anonymous_request_is_served_from_the_cache(client):
    url = a_news().url
    assert cache_state(client, url) == "miss"
    assert cache_state(client, url) == "hit"


def test_cached_page_is_byte_identical_to_the_rendered_one(client):
    url = a_news().url
    first = client.get(url)
    second = client.get(url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == "text/html; charset=utf-8"


def test_logged_in_editor_is_never_served_from_the_cache(client):
    url = a_news().url
    client.get(url)
    assert cache_state(client, url) == "hit"
    editor = Client()
    editor.force_login(get_user_model().objects.get(username="bientap.haquang"))
    response = editor.get(url)
    assert response.get("X-Page-Cache") is None


def test_a_page_rendered_for_a_logged_in_user_is_not_stored(client):
    url = a_news().url
    editor = Client()
    editor.force_login(get_user_model().objects.get(username="pheduyet.tinh"))
    editor.get(url)
    assert cache_state(client, url) == "miss"


def test_visitor_with_a_messages_cookie_is_not_served_from_the_cache(client):
    url = a_news().url
    client.get(url)
    client.cookies["messages"] = "anything"
    assert client.get(url).get("X-Page-Cache") is None


def test_a_page_holding_a_csrf_token_is_never_stored(client):
    # A password-protected page shows Wagtail's password form, which carries a CSRF token.
    page = a_news()
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="mat-khau")
    first = client.get(page.url)
    assert b"csrfmiddlewaretoken" in first.content
    second = Client().get(page.url)
    assert second.get("X-Page-Cache") is None
    assert b"csrfmiddlewaretoken" in second.content
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value


def test_search_results_are_not_cached(client):
    assert client.get("/tim-kiem/?q=khai+sinh").get("X-Page-Cache") is None
    assert client.get("/tim-kiem/?q=khai+sinh").get("X-Page-Cache") is None


def test_responses_that_are_not_html_pages_are_not_stored(client):
    client.get("/sitemap.xml")
    assert client.get("/sitemap.xml").get("X-Page-Cache") is None
    client.get("/healthz")
    assert client.get("/healthz").get("X-Page-Cache") is None


def test_not_found_pages_are_not_stored(client):
    client.get("/khong-co-trang-nay/")
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert response.get("X-Page-Cache") is None


def test_query_string_is_part_of_the_key(client):
    assert cache_state(client, "/tin-tuc/?page=2") == "miss"
    assert cache_state(client, "/tin-tuc/?page=1") == "miss"
    assert cache_state(client, "/tin-tuc/?page=2") == "hit"


def test_publishing_an_edit_shows_on_the_next_request(client):
    page = a_news()
    client.get(page.url)
    page.title = "Tiêu đề mới sau khi xuất bản"
    page.save_revision().publish()
    assert h1(client, page.url) == "Tiêu đề mới sau khi xuất bản"


def test_saving_a_draft_keeps_the_cached_live_page(client):
    page = a_news()
    live_title = page.title
    client.get(page.url)
    page.title = "Bản nháp chưa xuất bản"
    page.save_revision()
    response = client.get(page.url)
    assert response["X-Page-Cache"] == "hit"
    assert BeautifulSoup(response.content, "html.parser").h1.get_text(strip=True) == live_title


def test_unpublishing_removes_the_page_at_once(client):
    page = a_news()
    client.get(page.url)
    page.unpublish()
    assert client.get(page.url).status_code == 404


def test_unpublishing_removes_it_from_the_cached_index(client):
    page = a_news()
    assert page.title in client.get("/tin-tuc/").content.decode()
    page.unpublish()
    assert page.title not in client.get("/tin-tuc/").content.decode()


def test_deleting_a_page_removes_it_at_once(client):
    page = a_news()
    url = page.url
    client.get(url)
    page.delete()
    assert client.get(url).status_code == 404


def test_moving_a_page_serves_it_at_its_new_address(client):
    page = a_news()
    old_url = page.url
    client.get(old_url)
    other_section = NewsIndexPage.objects.get().get_children().exclude(pk=page.get_parent().pk).first()
    page.move(other_section, pos="last-child")
    page.refresh_from_db()
    # Wagtail leaves a redirect at the old address; the cached copy there is gone.
    old = client.get(old_url)
    assert (old.status_code, old["Location"]) == (301, page.url)
    assert client.get(page.url).status_code == 200


def test_renaming_a_unit_shows_on_cached_pages(client):
    page = a_news()
    client.get(page.url)
    unit = Unit.objects.get(pk=page.unit_id)
    unit.name = "Đơn vị đổi tên thử nghiệm"
    unit.save()
    assert "Đơn vị đổi tên thử nghiệm" in client.get(page.url).content.decode()


def test_editing_a_reform_area_shows_on_cached_pages(client):
    client.get("/")
    area = ReformArea.objects.get(slug="cong-vu")
    area.name = "Cải cách chế độ công vụ (đã sửa)"
    area.save()
    assert "Cải cách chế độ công vụ (đã sửa)" in client.get("/").content.decode()


def test_editing_the_site_contact_shows_on_cached_pages(client):
    client.get("/")
    contact = SiteContact.for_site(Site.objects.get(is_default_site=True))
    contact.phone = "0206 111 222"
    contact.save()
    assert "0206 111 222" in client.get("/").content.decode()


def test_renaming_an_index_page_changes_the_breadcrumbs_of_its_articles(client):
    guide = GuidePage.objects.live().first()
    client.get(guide.url)
    index = guide.get_parent().get_parent().specific
    index.title = "Hướng dẫn (đổi tên)"
    index.save_revision().publish()
    breadcrumbs = BeautifulSoup(client.get(guide.url).content, "html.parser").select_one("nav.breadcrumbs")
    assert "Hướng dẫn (đổi tên)" in [link.get_text(strip=True) for link in breadcrumbs.find_all("a")]


def test_a_bump_in_another_process_reaches_this_one_without_redis(client):
    url = a_news().url
    client.get(url)
    assert cache_state(client, url) == "hit"
    code = (
        "import django; django.setup(); "
        "from django.conf import settings; "
        f"settings.PAGE_CACHE_GENERATION_FILE = {settings.PAGE_CACHE_GENERATION_FILE!r}; "
        "from ops.pagecache import generation; generation.bump()"
    )
    subprocess.run([sys.executable, "-c", code], cwd=PROJECT, check=True, env=_child_env())
    assert cache_state(client, url) == "miss"


def test_with_redis_two_processes_share_pages_and_one_invalidation(client, redis_cache):
    url = a_news().url
    assert cache_state(client, url) == "miss"
    assert cache_state(client, url) == "hit"
    child = (
        "import django; django.setup(); "
        "from ops.pagecache import generation; "
        "print(generation.current()); generation.bump(); print(generation.current())"
    )
    before_and_after = subprocess.run(
        [sys.executable, "-c", child],
        cwd=PROJECT,
        check=True,
        capture_output=True,
        text=True,
        env={**_child_env(), "REDIS_URL": redis_cache},
    ).stdout.split()
    assert before_and_after[0] != before_and_after[1]
    assert before_and_after[1] == generation.current()
    assert cache_state(client, url) == "miss"


def test_page_tree_root_is_not_cached_by_accident():
    # The invalidation watches every page type, whatever app defines it.
    from ops.pagecache.invalidation import _watched

    assert _watched(Page) and _watched(NewsPage) and _watched(Unit) and _watched(SiteContact)
    assert not _watched(get_user_model())


def _child_env() -> dict:
    import os

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings", "LOG_LEVEL": "ERROR"}
    env.pop("REDIS_URL", None)
    return env
