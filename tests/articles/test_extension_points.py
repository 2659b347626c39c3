"""Apps above `articles` add to an article's editor and page through hooks, not by being imported."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList

from articles.models import GuidePage, NewsPage, article_types

pytestmark = pytest.mark.django_db


def test_article_types_lists_every_concrete_type_in_order():
    # The four of `articles` first, in their order; types of the apps above follow (e.g. "document").
    assert list(article_types())[:4] == ["news", "guide", "faq", "story"]
    assert article_types()["guide"] is GuidePage


def test_a_registered_tab_appears_in_the_article_editor(admin_client):
    def extra_tab(model):
        return ObjectList([FieldPanel("search_description")], heading="Kênh thử nghiệm") if model is NewsPage else None

    page = NewsPage.objects.live().first()
    with hooks.register_temporarily("register_article_panels", extra_tab):
        NewsPage.get_edit_handler.cache_clear()
        try:
            response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        finally:
            NewsPage.get_edit_handler.cache_clear()
    soup = BeautifulSoup(response.content, "html.parser")
    tabs = [tab.find(string=True, recursive=False).strip() for tab in soup.select("[role=tab]")]
    # Wagtail's tabs first, then those of the apps (e.g. channels' "Kênh tuyên truyền"), the registered one last.
    assert tabs[:2] == ["Nội dung", "Quảng bá"]
    assert tabs[-1] == "Kênh thử nghiệm"


def test_extras_are_placed_in_the_head_and_after_the_article(client):
    def extras(page, request, position):
        return format_html('<meta name="thu-nghiem" content="{}">', page.pk) if position == "head" else "<b>x</b>"

    page = GuidePage.objects.live().first()
    with hooks.register_temporarily("article_page_extras", extras):
        response = client.get(page.url)
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.head.find("meta", attrs={"name": "thu-nghiem"})["content"] == str(page.pk)
    # Unmarked text is escaped: an extra cannot inject markup by accident.
    assert "&lt;b&gt;x&lt;/b&gt;" in response.content.decode()
