from django.http import HttpRequest
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.blocks import PageChooserBlock
from wagtail.fields import StreamField

from articles.models.base import ArticleIndexPage, ArticlePage, live_pages_in_order


class FaqPage(ArticlePage):
    """A question citizens ask (the page title) and the official answer (the body)."""

    related_guides = StreamField(
        [("guide", PageChooserBlock(page_type="articles.GuidePage", label=_("Hướng dẫn")))],
        blank=True,
        verbose_name=_("hướng dẫn liên quan"),
    )

    content_panels = ArticlePage.content_panels + [FieldPanel("related_guides")] + ArticlePage.taxonomy_panels

    parent_page_types = ["articles.UnitSection"]
    subpage_types = []

    index_model_name = "FaqIndexPage"
    type_slug = "faq"
    type_order = 30

    class Meta:
        verbose_name = _("hỏi đáp")
        verbose_name_plural = _("hỏi đáp")

    def guides(self) -> list:
        return live_pages_in_order(block["value"] for block in self.related_guides.raw_data)

    def structured_data(self, request: HttpRequest) -> dict:
        answer = " ".join(strip_tags(str(block.value)) for block in self.body if block.block_type == "paragraph")
        return {
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "inLanguage": "vi",
            "url": self.get_full_url(request),
            "mainEntity": [
                {
                    "@type": "Question",
                    "name": self.title,
                    "dateCreated": self.date.isoformat(),
                    "acceptedAnswer": {"@type": "Answer", "text": answer.strip() or self.summary},
                }
            ],
        }


class FaqIndexPage(ArticleIndexPage):
    """/hoi-dap/: questions and answers."""

    article_model = FaqPage

    class Meta:
        verbose_name = _("trang danh sách hỏi đáp")
