"""The electronic legal bookcase (tủ sách pháp luật điện tử): one page per document, under /van-ban/.

A document is an article type (`type_slug = "document"`), so the search, /linh-vuc/, tags, the
API and the two-step workflow treat it as they treat news or guides; /van-ban/ has one section
per unit like the other indexes (docs/legal.md).
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable, Page
from wagtail.search import index

from articles.models import ArticleIndexPage, ArticlePage
from home.indexing import folded_words
from home.text import fold
from legal.files import check_legal_file
from legal.forms import DocumentPageForm
from legal.listing import document_listing
from legal.models.citations import Citation
from legal.models.types import DocumentType
from legal.numbers import number_head, number_key, numbers_in


class DocumentPage(ArticlePage):
    """One legal or administrative document: its type, number, issuer, dates, status and file,
    and how it stands to other documents (amends, replaces, guides, implements)."""

    class Status(models.TextChoices):
        IN_FORCE = "in_force", _("Còn hiệu lực")
        EXPIRED = "expired", _("Hết hiệu lực")
        AMENDED = "amended", _("Được sửa đổi, bổ sung")

    document_type = models.ForeignKey(
        DocumentType, verbose_name=_("loại văn bản"), on_delete=models.PROTECT, related_name="documents"
    )
    number = models.CharField(
        _("số, ký hiệu"),
        max_length=100,
        blank=True,
        help_text=_(
            "Ghi đúng như trên văn bản, ví dụ 61/2018/NĐ-CP, 76/NQ-CP, 10-CT/TU, 2439/KH-UBND. Để trống nếu chưa có số."
        ),
    )
    number_key = models.CharField(
        _("khóa so sánh số, ký hiệu"), max_length=120, blank=True, editable=False, db_index=True
    )
    issuer = models.CharField(
        _("cơ quan ban hành"), max_length=255, help_text=_("Ví dụ: Chính phủ, Thủ tướng Chính phủ, UBND tỉnh Cao Bằng.")
    )
    signer = models.CharField(_("người ký"), max_length=255, blank=True)
    issue_date = models.DateField(_("ngày ban hành"), null=True, blank=True)
    effective_date = models.DateField(
        _("ngày có hiệu lực"), null=True, blank=True, help_text=_("Để trống nếu chưa rõ hoặc văn bản không quy định.")
    )
    status = models.CharField(_("tình trạng hiệu lực"), max_length=20, choices=Status.choices, default=Status.IN_FORCE)
    file = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("tệp văn bản"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Tệp PDF hoặc DOCX (kiểm tra theo nội dung tệp), tối đa theo giới hạn của tủ sách."),
    )

    content_panels = (
        ArticlePage.content_panels[:2]
        + [
            MultiFieldPanel(
                [
                    FieldPanel("document_type", widget=forms.Select),
                    FieldPanel("number"),
                    FieldPanel("issuer"),
                    FieldPanel("signer"),
                    FieldRowPanel([FieldPanel("issue_date"), FieldPanel("effective_date")]),
                    FieldPanel("status"),
                ],
                heading=_("Thông tin văn bản"),
            ),
            FieldPanel("file"),
            InlinePanel("relations", heading=_("Quan hệ với văn bản khác"), label=_("Quan hệ")),
            FieldPanel("body"),
        ]
        + ArticlePage.taxonomy_panels
    )
    search_fields = ArticlePage.search_fields + [
        index.SearchField("search_name", boost=5),
        index.SearchField("issuer"),
        index.SearchField("signer"),
        index.RelatedFields("document_type", [index.SearchField("name")]),
        index.FilterField("status"),
        index.FilterField("issue_date"),
    ]
    # Read by the search ranker (search.documents.page_parts): the document's own name (its number
    # in every written form, and its title without the numbers of the documents it cites) weighs
    # as a title, the full title as a summary does. So "61/2018" finds Nghị định 61/2018/NĐ-CP
    # first, not Nghị định 107/2021/NĐ-CP whose title names 61/2018 as the decree it amends.
    search_title_fields = ("search_name",)
    search_head_fields = ("title", "issuer", "signer")
    api_fields = ArticlePage.api_fields + [
        APIField("document_type_name"),
        APIField("document_type_abbreviation"),
        APIField("number"),
        APIField("issuer"),
        APIField("signer"),
        APIField("issue_date"),
        APIField("effective_date"),
        APIField("status"),
        APIField("status_label"),
        APIField("file_download"),
        APIField("relations"),
        APIField("related_from"),
    ]

    parent_page_types = ["articles.UnitSection"]
    subpage_types = []
    base_form_class = DocumentPageForm

    index_model_name = "legal.DocumentIndexPage"
    type_slug = "document"
    type_order = 50

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")

    def save(self, *args, **kwargs):
        self.number = " ".join(self.number.split())
        self.number_key = number_key(self.number)
        return super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        errors = {}
        self.number = " ".join((self.number or "").split())
        self.number_key = number_key(self.number)
        same = self.same_number_documents()
        if same:
            errors["number"] = _("Đã có văn bản số “%(number)s” ban hành cùng năm: “%(title)s”.") % {
                "number": self.number,
                "title": same[0].title,
            }
        if self.file_id:
            try:
                check_legal_file(self.file)
            except ValidationError as error:
                errors["file"] = error.messages[0]
        if errors:
            raise ValidationError(errors)

    def same_number_documents(self) -> list[DocumentPage]:
        """Other documents with this number (compared by key) issued the same year; a number
        repeats from year to year (76/NQ-CP), never within one."""
        if not self.number_key:
            return []
        others = DocumentPage.objects.filter(number_key=self.number_key).exclude(pk=self.pk)
        if self.issue_date:
            others = others.filter(models.Q(issue_date__year=self.issue_date.year) | models.Q(issue_date__isnull=True))
        return list(others[:1])

    # What the page shows and declares --------------------------------------------------------

    @property
    def short_name(self) -> str:
        """How citizens name the document: "Nghị định 61/2018/NĐ-CP" (the title if it has no number)."""
        if not self.number:
            return self.title
        return f"{self.document_type.name} {self.number}"

    @property
    def document_type_name(self) -> str:
        return self.document_type.name

    @property
    def document_type_abbreviation(self) -> str:
        return self.document_type.abbreviation

    @property
    def status_label(self) -> str:
        return str(self.get_status_display())

    @property
    def file_download(self) -> dict | None:
        if self.file is None:
            return None
        return {
            "id": self.file.pk,
            "title": self.file.title,
            "url": self.file.url,
            "format": self.file.file_extension.upper(),
            "size": self.file.get_file_size(),
        }

    @property
    def related_from(self) -> list[dict]:
        """The live documents that point to this one (for the API): kind and the other document."""
        return [
            {
                "kind": relation.kind,
                "id": relation.page_id,
                "number": relation.page.number,
                "title": relation.page.title,
            }
            for relation in self.incoming_relations.filter(page__live=True).select_related("page")
        ]

    def search_number_forms(self) -> str:
        """The number as written, folded, with its type spelled out and abbreviated: what citizens
        type ("61/2018/NĐ-CP 61/2018/ND-CP Nghị định 61/2018/NĐ-CP NĐ 61/2018")."""
        if not self.number:
            return ""
        forms_ = [self.number]
        folded = fold(self.number).upper()
        if folded != self.number.upper():
            forms_.append(folded)
        forms_.append(f"{self.document_type.name} {self.number}")
        head = number_head(self.number)
        if head:
            if self.document_type.abbreviation:
                forms_.append(f"{self.document_type.abbreviation} {head}")
            forms_.append(f"{self.document_type.name} {head}")
        return " ".join(forms_)

    def search_name(self) -> str:
        """The title without the numbers of other documents it names, then the number's forms."""
        title = self.title
        for number in numbers_in(title):
            if number_key(number) != self.number_key:
                title = title.replace(number, " ")
        return " ".join(f"{title} {self.search_number_forms()}".split())

    def search_title_folded(self) -> str:
        return folded_words(self.search_name())

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["outgoing"] = [
            relation
            for relation in self.relations.select_related("target", "target__document_type")
            if relation.target.live
        ]
        context["incoming"] = list(
            DocumentRelation.objects.filter(target=self, page__live=True).select_related("page", "page__document_type")
        )
        citing = {citation.page_id: citation.via for citation in self.citations.all()}
        pages = ArticlePage.objects.live().public().filter(pk__in=citing).specific().order_by("-date", "title")
        context["citing_guides"] = [page for page in pages if citing[page.pk] == Citation.Via.LEGAL_BASIS]
        context["citing_articles"] = [page for page in pages if citing[page.pk] != Citation.Via.LEGAL_BASIS]
        return context

    def structured_data(self, request: HttpRequest) -> dict:
        data = super().structured_data(request)
        data.update(
            {
                "@type": "Legislation",
                "name": self.title,
                "legislationType": self.document_type.name,
                "legislationPassedBy": {"@type": "GovernmentOrganization", "name": self.issuer},
                "legislationLegalForce": LEGAL_FORCE[self.status],
            }
        )
        if self.number:
            data["legislationIdentifier"] = self.number
        if self.issue_date:
            data["legislationDate"] = self.issue_date.isoformat()
        if self.file is not None:
            data["encoding"] = {"@type": "MediaObject", "contentUrl": request.build_absolute_uri(self.file.url)}
        return data


LEGAL_FORCE = {
    DocumentPage.Status.IN_FORCE: "https://schema.org/InForce",
    DocumentPage.Status.EXPIRED: "https://schema.org/NotInForce",
    DocumentPage.Status.AMENDED: "https://schema.org/PartiallyInForce",
}


class DocumentRelation(Orderable):
    """How one document stands to another, kept on the document that does the amending, replacing,
    guiding or implementing; the other document shows it the other way round."""

    class Kind(models.TextChoices):
        AMENDS = "amends", _("Sửa đổi, bổ sung")
        REPLACES = "replaces", _("Thay thế")
        GUIDES = "guides", _("Hướng dẫn thi hành")
        IMPLEMENTS = "implements", _("Triển khai")

    page = ParentalKey(DocumentPage, on_delete=models.CASCADE, related_name="relations")
    kind = models.CharField(_("quan hệ"), max_length=20, choices=Kind.choices)
    target = models.ForeignKey(
        DocumentPage,
        verbose_name=_("văn bản"),
        on_delete=models.CASCADE,
        related_name="incoming_relations",
        help_text=_("Văn bản bị sửa đổi, bị thay thế, được hướng dẫn hoặc được triển khai."),
    )

    panels = [FieldPanel("kind"), FieldPanel("target")]
    api_fields = [APIField("kind"), APIField("target"), APIField("target_number")]

    class Meta(Orderable.Meta):
        verbose_name = _("quan hệ văn bản")
        verbose_name_plural = _("quan hệ văn bản")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.target}"

    @property
    def target_number(self) -> str:
        return self.target.number

    @property
    def inverse_label(self) -> str:
        """The relation read from the other document: "Được sửa đổi bởi", "Được thay thế bởi" …"""
        return str(INVERSE_LABELS[self.kind])


INVERSE_LABELS = {
    DocumentRelation.Kind.AMENDS: _("Được sửa đổi bởi"),
    DocumentRelation.Kind.REPLACES: _("Được thay thế bởi"),
    DocumentRelation.Kind.GUIDES: _("Được hướng dẫn thi hành bởi"),
    DocumentRelation.Kind.IMPLEMENTS: _("Được triển khai bởi"),
}


class DocumentIndexPage(ArticleIndexPage):
    """/van-ban/: every document, filtered by type, issuer, year, status and area, with counts."""

    article_model = DocumentPage

    class Meta:
        verbose_name = _("trang tủ sách pháp luật")

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        # Not ArticleIndexPage's listing (newest posted first, by area and unit): the bookcase
        # lists by issue date with its own filters (legal.listing).
        context = Page.get_context(self, request, *args, **kwargs)
        documents = DocumentPage.objects.live().public().descendant_of(self)
        context.update(document_listing(request, documents, DocumentType.objects.all(), DocumentPage.Status.choices))
        return context
