"""What the radio script reads aloud in place of written forms, and the languages it is broadcast in.

Both are data: editors add an abbreviation or a language in the admin ("Kênh tuyên truyền"), and a
data migration seeds them (see docs/channels.md for the seeded lists and the language codes).
"""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Abbreviation(index.Indexed, models.Model):
    """A written short form and what the announcer says instead (CCHC → cải cách hành chính).

    An issuer (cơ quan ban hành) is the part after the dash of a document symbol: in
    "61/2018/NĐ-CP" the issuer CP is read "của Chính phủ".
    """

    class Kind(models.TextChoices):
        ABBREVIATION = "abbreviation", _("Từ viết tắt trong câu")
        ISSUER = "issuer", _("Cơ quan ban hành trong số, ký hiệu văn bản")

    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices, default=Kind.ABBREVIATION)
    short_form = models.CharField(
        _("dạng viết tắt"),
        max_length=40,
        help_text=_("Viết đúng chữ hoa, chữ thường như trong bài, ví dụ: UBND, TTHC, NĐ-CP ghi là CP."),
    )
    spoken_form = models.CharField(_("cách đọc"), max_length=255)

    panels = [FieldPanel("kind"), FieldPanel("short_form"), FieldPanel("spoken_form")]
    search_fields = [index.SearchField("short_form"), index.SearchField("spoken_form")]

    class Meta:
        ordering = ["kind", "short_form"]
        constraints = [models.UniqueConstraint(fields=["kind", "short_form"], name="channels_abbreviation_unique")]
        verbose_name = _("từ viết tắt khi phát thanh")
        verbose_name_plural = _("từ viết tắt khi phát thanh")

    def __str__(self) -> str:
        return f"{self.short_form} → {self.spoken_form}"


class BroadcastLanguage(models.Model):
    """A language commune radio broadcasts in besides Vietnamese (Tày, Nùng, Mông, Dao …)."""

    code = models.CharField(
        _("mã ngôn ngữ"),
        max_length=12,
        unique=True,
        validators=[RegexValidator(r"^[a-z]{2,12}$", _("Mã gồm 2–12 chữ cái thường không dấu, ví dụ: tay."))],
        help_text=_("Dùng trong đường dẫn …/phat-thanh/?ngon-ngu=<mã>; mã ISO 639-3 nếu có (tyz là tiếng Tày)."),
    )
    name = models.CharField(_("tên ngôn ngữ"), max_length=80, unique=True)
    iso_639_3 = models.CharField(
        _("mã ISO 639-3"),
        max_length=3,
        blank=True,
        help_text=_("Ghi vào thuộc tính lang của bản ghi và văn bản, ví dụ: tyz, nut, hmn, mww, ium."),
    )
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=100)

    panels = [FieldPanel("name"), FieldPanel("code"), FieldPanel("iso_639_3"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("ngôn ngữ phát thanh")
        verbose_name_plural = _("ngôn ngữ phát thanh")

    def __str__(self) -> str:
        return self.name

    @property
    def lang_attribute(self) -> str:
        return self.iso_639_3 or self.code
