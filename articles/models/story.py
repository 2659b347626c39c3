from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from articles.models.base import ArticleIndexPage, ArticlePage


class SuccessStoryPage(ArticlePage):
    """A model, initiative or good practice (mô hình, sáng kiến, giải pháp hay) and what it achieved."""

    period = models.CharField(_("thời gian thực hiện"), max_length=100, blank=True, help_text=_("Ví dụ: 2022–2024"))
    results = RichTextField(_("kết quả đạt được"), blank=True, features=["bold", "italic", "ul", "ol", "link"])

    content_panels = (
        ArticlePage.content_panels + [FieldPanel("period"), FieldPanel("results")] + ArticlePage.taxonomy_panels
    )
    search_fields = ArticlePage.search_fields + [index.SearchField("results")]

    parent_page_types = ["articles.UnitSection"]
    subpage_types = []

    index_model_name = "StoryIndexPage"
    type_slug = "story"
    type_order = 40

    class Meta:
        verbose_name = _("mô hình hay")
        verbose_name_plural = _("mô hình, sáng kiến, giải pháp hay")

    def structured_data(self, request: HttpRequest) -> dict:
        data = super().structured_data(request)
        if self.period:
            data["temporalCoverage"] = self.period
        return data


class StoryIndexPage(ArticleIndexPage):
    """/mo-hinh-hay/: models, initiatives and good practices."""

    article_model = SuccessStoryPage

    class Meta:
        verbose_name = _("trang danh sách mô hình hay")
