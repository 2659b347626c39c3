"""The reform indices as data, and the province's result in each of them, year by year.

Six national indices measure how a province does: PAR INDEX and SIPAS (Bộ Nội vụ), PAPI
(UNDP/CECODES), PCI (VCCI), ICT Index and DTI (Bộ TT&TT). They are rows of `ReformIndex`, seeded by
a migration and kept by the provincial approvers; a row of `IndexResult` is one year's published
result (score, rank among how many provinces, source, sub-indices).
"""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable

from indices.figures import format_number
from indices.serializers import PageUrlField, ResultSerializer, ScoreField

SCORE_DIGITS = {"max_digits": 9, "decimal_places": 4}
FIRST_YEAR = 2000


class ReformIndex(models.Model):
    """One index the province is measured by: who publishes it, its scale, what it means for citizens."""

    name = models.CharField(_("tên chỉ số"), max_length=255)
    abbreviation = models.CharField(_("tên viết tắt"), max_length=40, help_text=_("Ví dụ: PAR INDEX, PCI."))
    slug = models.SlugField(
        _("mã đường dẫn"), max_length=60, unique=True, help_text=_("Dùng trong địa chỉ /chi-so/<mã>/.")
    )
    publisher = models.CharField(_("cơ quan đánh giá, công bố"), max_length=255, help_text=_("Ví dụ: Bộ Nội vụ; VCCI."))
    minimum = models.DecimalField(_("điểm thấp nhất của thang đo"), default=Decimal(0), **SCORE_DIGITS)
    maximum = models.DecimalField(_("điểm cao nhất của thang đo"), **SCORE_DIGITS)
    unit = models.CharField(_("đơn vị đo"), max_length=20, help_text=_("Ví dụ: “điểm” hoặc “%”."))
    description = models.TextField(_("giới thiệu cho người dân"), help_text=_("Văn bản thuần, vài câu."))
    tag_name = models.CharField(
        _("từ khóa bài viết liên quan"),
        max_length=100,
        help_text=_("Tin tức, mô hình hay, văn bản… gắn từ khóa này được liệt kê ở trang của chỉ số."),
    )
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("abbreviation"), FieldPanel("slug")]),
        FieldPanel("publisher"),
        FieldRowPanel([FieldPanel("minimum"), FieldPanel("maximum"), FieldPanel("unit")], heading=_("Thang đo")),
        FieldPanel("description"),
        FieldPanel("tag_name"),
        FieldPanel("sort_order"),
    ]
    api_fields = [
        APIField("name"),
        APIField("abbreviation"),
        APIField("slug"),
        APIField("publisher"),
        APIField("minimum", serializer=ScoreField()),
        APIField("maximum", serializer=ScoreField()),
        APIField("unit"),
        APIField("description"),
        APIField("tag_name"),
        APIField("html_url", serializer=PageUrlField()),
        APIField("results", serializer=ResultSerializer(many=True, source="ordered_results")),
    ]

    class Meta:
        ordering = ["sort_order", "abbreviation"]
        verbose_name = _("chỉ số")
        verbose_name_plural = _("các chỉ số")

    def __str__(self) -> str:
        return self.abbreviation

    def get_absolute_url(self) -> str:
        return reverse("indices:detail", args=[self.slug])

    def clean(self) -> None:
        super().clean()
        if self.minimum is not None and self.maximum is not None and self.minimum >= self.maximum:
            raise ValidationError({"maximum": _("Điểm cao nhất phải lớn hơn điểm thấp nhất của thang đo.")})

    def ordered_results(self):
        """Oldest year first (prefetched by the API: indices.api)."""
        return sorted(self.results.all(), key=lambda result: result.year)

    @property
    def scale_text(self) -> str:
        """“0–100 %”, “10–80 điểm”."""
        return f"{format_number(self.minimum)}–{format_number(self.maximum)} {self.unit}"

    @property
    def change_unit(self) -> str:
        """A change in a percentage is counted in percentage points."""
        return str(_("điểm phần trăm")) if self.unit.strip() == "%" else self.unit


class IndexResult(ClusterableModel):
    """The province's published result in one index for one year."""

    index = models.ForeignKey(ReformIndex, verbose_name=_("chỉ số"), on_delete=models.PROTECT, related_name="results")
    year = models.PositiveSmallIntegerField(_("năm đánh giá"), help_text=_("Năm được đánh giá, ví dụ 2024."))
    score = models.DecimalField(_("điểm của tỉnh"), **SCORE_DIGITS)
    rank = models.PositiveSmallIntegerField(
        _("xếp hạng"), null=True, blank=True, help_text=_("Để trống nếu chỉ số không xếp hạng các tỉnh.")
    )
    out_of = models.PositiveSmallIntegerField(
        _("trên tổng số tỉnh, thành phố"), null=True, blank=True, help_text=_("Ví dụ 63 hoặc 34.")
    )
    source_name = models.CharField(
        _("nguồn công bố"), max_length=255, help_text=_("Cơ quan và văn bản công bố, ví dụ quyết định, báo cáo.")
    )
    source_url = models.URLField(_("đường dẫn đến nguồn"), max_length=500, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    is_example = models.BooleanField(
        _("số liệu minh họa"),
        default=False,
        help_text=_("Đánh dấu khi đây không phải số liệu chính thức; trang công khai sẽ ghi rõ là số liệu minh họa."),
    )

    panels = [
        # Six choices: a plain list, not the snippet chooser's modal.
        FieldRowPanel([FieldPanel("index", widget=forms.Select), FieldPanel("year")]),
        FieldRowPanel([FieldPanel("score"), FieldPanel("rank"), FieldPanel("out_of")]),
        MultiFieldPanel(
            [FieldPanel("source_name"), FieldPanel("source_url"), FieldPanel("note"), FieldPanel("is_example")],
            heading=_("Nguồn"),
        ),
        InlinePanel("sub_indices", heading=_("Chỉ số thành phần"), label=_("Chỉ số thành phần")),
    ]

    class Meta:
        ordering = ["index__sort_order", "index__abbreviation", "year"]
        verbose_name = _("kết quả chỉ số")
        verbose_name_plural = _("kết quả các chỉ số")
        constraints = [
            models.UniqueConstraint(
                fields=["index", "year"],
                name="indices_one_result_per_index_and_year",
                violation_error_message=_("Chỉ số này đã có kết quả của năm này; hãy sửa kết quả đã có."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.index} {self.year}" if self.index_id else str(self.year)

    def clean(self) -> None:
        super().clean()
        errors = {}
        index = self.index if self.index_id else None
        this_year = timezone.localdate().year
        if self.year is not None and not FIRST_YEAR <= self.year <= this_year:
            errors["year"] = _("Năm đánh giá phải từ %(first)s đến %(last)s.") % {
                "first": FIRST_YEAR,
                "last": this_year,
            }
        if index is not None and self.score is not None and not index.minimum <= self.score <= index.maximum:
            errors["score"] = _("Điểm của %(index)s phải trong thang đo %(scale)s.") % {
                "index": index.abbreviation,
                "scale": index.scale_text,
            }
        if self.out_of is not None and self.out_of < 1:
            errors["out_of"] = _("Tổng số tỉnh, thành phố phải ít nhất là 1.")
        if self.rank is not None:
            if self.rank < 1:
                errors["rank"] = _("Xếp hạng phải từ 1 trở lên.")
            elif self.out_of is None:
                errors["out_of"] = _("Hãy nhập tổng số tỉnh, thành phố được xếp hạng.")
            elif self.out_of >= 1 and self.rank > self.out_of:
                errors["rank"] = _("Xếp hạng %(rank)s lớn hơn tổng số %(count)s tỉnh, thành phố được xếp hạng.") % {
                    "rank": self.rank,
                    "count": self.out_of,
                }
        if index is not None and self.year is not None and "year" not in errors:
            duplicate = IndexResult.objects.filter(index=index, year=self.year).exclude(pk=self.pk)
            if duplicate.exists():
                errors["year"] = _("%(index)s đã có kết quả năm %(year)s; hãy sửa kết quả đã có.") % {
                    "index": index.abbreviation,
                    "year": self.year,
                }
        if errors:
            raise ValidationError(errors)

    def validate_constraints(self, exclude=None) -> None:
        # clean() already reports a second result for the same year, on the year field; the database
        # constraint stays as the guard against two saves racing (see indices.viewsets).
        super().validate_constraints(exclude={*(exclude or ()), "year"})

    @property
    def score_text(self) -> str:
        return format_number(self.score)

    @property
    def score_value(self) -> str:
        """Machine-readable score (“84.52”), for <data value>."""
        return format(self.score.normalize(), "f")

    @property
    def rank_text(self) -> str:
        return f"{self.rank}/{self.out_of}" if self.rank and self.out_of else ""


class SubIndexScore(Orderable):
    """One component of a year's result (e.g. PCI's “Tính minh bạch”)."""

    result = ParentalKey(IndexResult, on_delete=models.CASCADE, related_name="sub_indices")
    name = models.CharField(_("tên chỉ số thành phần"), max_length=255)
    score = models.DecimalField(_("điểm"), **SCORE_DIGITS)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("score")])]

    class Meta(Orderable.Meta):
        verbose_name = _("chỉ số thành phần")
        verbose_name_plural = _("chỉ số thành phần")

    def __str__(self) -> str:
        return self.name

    @property
    def score_text(self) -> str:
        return format_number(self.score)
