from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from articles.models.base import ArticleIndexPage, ArticlePage


class NewsPage(ArticlePage):
    """A news article (tin tức) about reform work in the province, a department or a district."""

    source = models.CharField(_("nguồn tin"), max_length=255, blank=True)

    content_panels = ArticlePage.content_panels + [FieldPanel("source")] + ArticlePage.taxonomy_panels

    parent_page_types = ["articles.UnitSection"]
    subpage_types = []

    index_model_name = "NewsIndexPage"
    type_slug = "news"
    type_order = 10

    class Meta:
        verbose_name = _("tin tức")
        verbose_name_plural = _("tin tức")

    def structured_data(self, request: HttpRequest) -> dict:
        data = super().structured_data(request)
        data["@type"] = "NewsArticle"
        return data


class NewsIndexPage(ArticleIndexPage):
    """/tin-tuc/: all news, newest first."""

    article_model = NewsPage

    class Meta:
        verbose_name = _("trang danh sách tin tức")
