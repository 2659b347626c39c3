from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from home.text import fold


class DocumentType(index.Indexed, models.Model):
    """A kind of document (Luật, Nghị định, Quyết định …) with the abbreviation its numbers carry.

    Data, not code: the list is seeded by a migration and administrators add to it. The
    abbreviation is the one in numbers (NĐ in 61/2018/NĐ-CP, QĐ, CT, KH …; Nghị định
    30/2020/NĐ-CP, Phụ lục III); a law's number carries none (60/2014/QH13), so it may be empty.
    """

    name = models.CharField(_("tên loại văn bản"), max_length=100, unique=True)
    abbreviation = models.CharField(
        _("chữ viết tắt"),
        max_length=20,
        blank=True,
        help_text=_("Chữ viết tắt trong số, ký hiệu văn bản, ví dụ NĐ, NQ, QĐ, CT, KH."),
    )
    slug = models.SlugField(_("mã đường dẫn"), max_length=60, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=100)

    panels = [FieldPanel("name"), FieldPanel("abbreviation"), FieldPanel("slug"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.SearchField("abbreviation"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("loại văn bản")
        verbose_name_plural = _("loại văn bản")

    def __str__(self) -> str:
        return f"{self.name} ({self.abbreviation})" if self.abbreviation else self.name

    def clean(self) -> None:
        super().clean()
        if self.abbreviation:
            others = DocumentType.objects.exclude(pk=self.pk)
            if any(fold(other.abbreviation) == fold(self.abbreviation) for other in others if other.abbreviation):
                raise ValidationError({"abbreviation": _("Chữ viết tắt này đã dùng cho loại văn bản khác.")})

    def matches(self, text: str) -> bool:
        """Whether `text` names this type, by name or abbreviation, with or without marks."""
        wanted = " ".join(fold(text or "").split())
        return bool(wanted) and wanted in {fold(self.name), fold(self.abbreviation) if self.abbreviation else None}
