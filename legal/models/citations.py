from django.db import models
from django.utils.translation import gettext_lazy as _


class Citation(models.Model):
    """An article that cites a document: in its legal basis, by a link, or by naming its number.

    Kept by legal.citations whenever an article or a document is published, so a document's page
    lists the guides and articles that cite it with one query.
    """

    class Via(models.TextChoices):
        LEGAL_BASIS = "legal_basis", _("Căn cứ pháp lý")
        LINK = "link", _("Liên kết")
        MENTION = "mention", _("Nhắc đến số, ký hiệu")

    document = models.ForeignKey(
        "legal.DocumentPage", verbose_name=_("văn bản"), on_delete=models.CASCADE, related_name="citations"
    )
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("bài viết"), on_delete=models.CASCADE, related_name="legal_citations"
    )
    via = models.CharField(_("cách trích dẫn"), max_length=20, choices=Via.choices)

    class Meta:
        verbose_name = _("trích dẫn văn bản")
        verbose_name_plural = _("trích dẫn văn bản")
        constraints = [models.UniqueConstraint(fields=["document", "page"], name="legal_citation_unique")]

    def __str__(self) -> str:
        return f"{self.page_id} → {self.document_id} ({self.via})"
