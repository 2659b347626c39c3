import datetime

from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from articles.blocks import DocumentCaseBlock, LegalBasisBlock, StepBlock, SubmissionMethodBlock
from articles.models.base import ArticleIndexPage, ArticlePage
from home.indexing import MemoisedSearchField

REVIEW_INTERVAL_DAYS = 365


class GuidePage(ArticlePage):
    """How to complete one administrative procedure (TTHC), step by step, as a citizen reads it.

    Modelled on the procedure record of the national public-service portal: code, level, field,
    agency, who may apply, steps, ways to submit with their own time and fee, documents by case,
    result, conditions and legal basis.
    """

    class Level(models.TextChoices):
        PROVINCE = "province", _("Cấp tỉnh")
        DISTRICT = "district", _("Cấp huyện")
        COMMUNE = "commune", _("Cấp xã")

    procedure_code = models.CharField(_("mã thủ tục"), max_length=40, blank=True)
    level = models.CharField(_("cấp thực hiện"), max_length=20, choices=Level.choices, blank=True)
    procedure_field = models.CharField(
        _("lĩnh vực thủ tục"), max_length=255, blank=True, help_text=_("Ví dụ: Hộ tịch, Chứng thực, Đất đai")
    )
    agency = models.CharField(_("cơ quan thực hiện"), max_length=255)
    where_to_submit = models.TextField(_("địa điểm nộp hồ sơ"), blank=True)
    applicants = models.TextField(_("đối tượng thực hiện"), blank=True)
    steps = StreamField([("step", StepBlock())], blank=True, verbose_name=_("trình tự thực hiện"))
    submission_methods = StreamField(
        [("method", SubmissionMethodBlock())], blank=True, verbose_name=_("cách thức thực hiện")
    )
    document_groups = StreamField([("case", DocumentCaseBlock())], blank=True, verbose_name=_("thành phần hồ sơ"))
    result = models.TextField(_("kết quả thực hiện"), blank=True)
    conditions = models.TextField(_("yêu cầu, điều kiện"), blank=True)
    legal_basis = StreamField([("document", LegalBasisBlock())], blank=True, verbose_name=_("căn cứ pháp lý"))
    online_url = models.URLField(_("đường dẫn dịch vụ công trực tuyến"), blank=True)
    last_reviewed = models.DateField(_("ngày rà soát gần nhất"), default=timezone.localdate)
    next_review_due = models.DateField(_("hạn rà soát tiếp theo"), blank=True, null=True)
    # How citizens ask for this procedure in their own words (search weighs it highly).
    citizen_queries = models.TextField(
        _("người dân thường hỏi thế nào"),
        blank=True,
        help_text=_(
            "Mỗi dòng một câu hỏi, viết như người dân vẫn hỏi, kể cả không dấu hoặc viết tắt. Ví dụ: "
            "“vợ mới sinh con thì làm giấy tờ gì cho cháu”, “con sinh ra chưa có giấy khai sinh”, "
            "“lam giay khai sinh cho con”. Trang tìm kiếm đưa hướng dẫn này lên khi câu hỏi của người "
            "dân giống một dòng ở đây."
        ),
    )

    content_panels = (
        ArticlePage.content_panels[:2]
        + [
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("procedure_code"), FieldPanel("level")]),
                    FieldPanel("procedure_field"),
                    FieldPanel("agency"),
                    FieldPanel("where_to_submit"),
                    FieldPanel("applicants"),
                ],
                heading=_("Thông tin thủ tục"),
            ),
            FieldPanel("steps"),
            FieldPanel("submission_methods"),
            FieldPanel("document_groups"),
            FieldPanel("result"),
            FieldPanel("conditions"),
            FieldPanel("legal_basis"),
            FieldPanel("online_url"),
            FieldPanel("body"),
            FieldPanel("citizen_queries"),
            FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("next_review_due")], heading=_("Rà soát")),
        ]
        + ArticlePage.taxonomy_panels
    )
    search_fields = ArticlePage.search_fields + [
        index.SearchField("procedure_code"),
        index.SearchField("procedure_field"),
        index.SearchField("agency"),
        index.SearchField("applicants"),
        MemoisedSearchField("steps"),
        MemoisedSearchField("document_groups"),
        index.SearchField("result"),
        index.SearchField("citizen_queries"),
        index.FilterField("procedure_field"),
    ]
    # The citizens' own questions weigh like the summary in the ranking's document (search.documents).
    search_head_fields = ("citizen_queries",)
    api_fields = ArticlePage.api_fields + [
        APIField(name)
        for name in (
            "procedure_code",
            "level",
            "procedure_field",
            "agency",
            "where_to_submit",
            "applicants",
            "steps",
            "submission_methods",
            "document_groups",
            "result",
            "conditions",
            "legal_basis",
            "online_url",
            "last_reviewed",
            "next_review_due",
            "citizen_queries",
        )
    ]

    parent_page_types = ["articles.UnitSection"]
    subpage_types = []

    index_model_name = "GuideIndexPage"
    type_slug = "guide"
    type_order = 20

    class Meta:
        verbose_name = _("hướng dẫn thủ tục hành chính")
        verbose_name_plural = _("hướng dẫn thủ tục hành chính")

    def save(self, *args, **kwargs):
        if self.next_review_due is None and self.last_reviewed:
            self.next_review_due = self.last_reviewed + datetime.timedelta(days=REVIEW_INTERVAL_DAYS)
        return super().save(*args, **kwargs)

    def citizen_query_list(self) -> list[str]:
        """The citizens' questions, one a line, blank lines dropped."""
        return [line.strip() for line in self.citizen_queries.splitlines() if line.strip()]

    @property
    def review_overdue(self) -> bool:
        return bool(self.next_review_due and self.next_review_due < timezone.localdate())

    def structured_data(self, request: HttpRequest) -> dict:
        data = super().structured_data(request)
        data.update(
            {
                "@type": "HowTo",
                "name": self.title,
                "step": [
                    {"@type": "HowToStep", "position": position, "name": block.value["title"]}
                    for position, block in enumerate(self.steps, start=1)
                ],
                "supply": [
                    {"@type": "HowToSupply", "name": document["name"]}
                    for group in self.document_groups
                    for document in group.value["documents"]
                ],
            }
        )
        for block in self.submission_methods:
            if block.value["fee"]:
                data["estimatedCost"] = {"@type": "MonetaryAmount", "currency": "VND", "value": block.value["fee"]}
                break
        return data


class GuideIndexPage(ArticleIndexPage):
    """/huong-dan/: every procedure guide, also grouped by procedure field (lĩnh vực thủ tục)."""

    article_model = GuidePage

    class Meta:
        verbose_name = _("trang danh sách hướng dẫn thủ tục")

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        guides = GuidePage.objects.live().public().descendant_of(self).order_by("procedure_field", "title")
        # Every guide is listed (each within three clicks of home): plain rows, and each URL is this
        # page's URL plus the rest of its url_path — building thousands of Page objects and asking
        # each for its URL took 0.5 s at 3,000 guides.
        base_url = self.get_url(request) or "/"
        other = str(_("Khác"))
        fields: dict[str, list] = {}
        for title, url_path, field in guides.values_list("title", "url_path", "procedure_field"):
            guide = {"title": title, "url": base_url + url_path[len(self.url_path) :]}
            fields.setdefault(field or other, []).append(guide)
        context["guides_by_field"] = sorted(fields.items())
        return context
