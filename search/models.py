"""What the search keeps beside Wagtail's index: a per-page document for ranking, the vocabulary
for spelling correction, the editors' synonyms and the log behind the popular/zero-result reports."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel


class SearchDocument(models.Model):
    """One live article as the ranker sees it: each part as exact keys and as fold keys.

    Kept in step with the page by search.signals; rebuilt by `manage.py rebuild_search_documents`.
    The text columns hold space-separated keys with a leading and trailing space, so a word or a
    phrase is found with a plain substring test.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="search_document"
    )
    type_slug = models.CharField(max_length=20)
    unit_slug = models.CharField(max_length=60, blank=True)
    area_slugs = models.CharField(max_length=255, blank=True)
    date = models.DateField(null=True)
    title = models.CharField(max_length=255)
    title_exact = models.TextField()
    title_fold = models.TextField()
    head_exact = models.TextField(blank=True)
    head_fold = models.TextField(blank=True)
    body_fold = models.TextField(blank=True)
    # The start of the summary and body as plain text, for the result's snippet.
    text = models.TextField(blank=True)

    class Meta:
        verbose_name = _("tài liệu tìm kiếm")
        verbose_name_plural = _("tài liệu tìm kiếm")

    def __str__(self) -> str:
        return self.title


class SearchTerm(models.Model):
    """A word (fold key) that occurs in the indexed pages, with how many pages hold it."""

    word = models.CharField(max_length=40, primary_key=True)
    doc_count = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("từ trong chỉ mục")
        verbose_name_plural = _("từ trong chỉ mục")

    def __str__(self) -> str:
        return self.word


class Synonym(models.Model):
    """Words citizens use for the same thing, e.g. "sổ đỏ, giấy chứng nhận quyền sử dụng đất"."""

    terms = models.TextField(
        _("các từ đồng nghĩa"),
        help_text=_(
            "Các cách gọi cùng một thứ, cách nhau bằng dấu phẩy, ví dụ: "
            "“CCCD, căn cước công dân, thẻ căn cước”. Có dấu hay không dấu đều được."
        ),
    )
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    panels = [
        HelpPanel(
            content=_(
                "Khi người dân tìm một từ trong nhóm, trang chứa bất kỳ từ nào khác trong nhóm cũng được tìm thấy."
            )
        ),
        FieldPanel("terms"),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["terms"]
        verbose_name = _("nhóm từ đồng nghĩa")
        verbose_name_plural = _("từ đồng nghĩa")

    def __str__(self) -> str:
        return self.terms

    def term_list(self) -> list[str]:
        return [term.strip() for term in self.terms.split(",") if term.strip()]


class QueryLog(models.Model):
    """How often a query was searched on a day, and how often it found nothing."""

    day = models.DateField(_("ngày"))
    query = models.CharField(_("từ khóa"), max_length=255)
    hits = models.PositiveIntegerField(_("số lượt tìm"), default=0)
    zero_hits = models.PositiveIntegerField(_("số lượt không có kết quả"), default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "query"], name="search_querylog_day_query")]
        verbose_name = _("lượt tìm kiếm")
        verbose_name_plural = _("lượt tìm kiếm")

    def __str__(self) -> str:
        return self.query


class Shorthand(models.Model):
    """What citizens type in a chat for a word: "dk" for "đăng ký", "ko" for "không", "j" for "gì".

    Unlike a synonym, a shorthand is rewritten before anything else reads the query: the page never
    holds "dk", and "ko" must become the function word "không", not a word to look for.
    """

    short = models.CharField(
        _("cách viết tắt"),
        max_length=40,
        unique=True,
        help_text=_("Một từ, như người dân gõ, ví dụ “dk”, “đk”, “ko”, “dc”, “j”. Có dấu hay không dấu đều được."),
    )
    expansion = models.CharField(
        _("viết đầy đủ"),
        max_length=255,
        help_text=_("Từ hoặc cụm từ đầy đủ, có dấu, ví dụ “đăng ký”, “không”, “được”, “gì”."),
    )
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    panels = [
        HelpPanel(
            content=_(
                "Khi người dân gõ đúng cách viết tắt này thành một từ riêng, trang tìm kiếm đọc nó như "
                "từ viết đầy đủ. Tên viết tắt của giấy tờ, thủ tục (CCCD, GPLX, BHYT) nên để ở mục "
                "Từ đồng nghĩa, vì trang có thể chứa chính chữ viết tắt."
            )
        ),
        FieldPanel("short"),
        FieldPanel("expansion"),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["short"]
        verbose_name = _("từ viết tắt")
        verbose_name_plural = _("từ viết tắt")

    def __str__(self) -> str:
        return f"{self.short} → {self.expansion}"


class ClickSecret(models.Model):
    """Today's random secret for de-duplicating visits; the rows of past days are deleted, so a
    stored digest can never be traced back to an address."""

    day = models.DateField(unique=True)
    secret = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("khóa chống trùng lượt mở")
        verbose_name_plural = _("khóa chống trùng lượt mở")

    def __str__(self) -> str:
        return self.day.isoformat()


class ClickVisit(models.Model):
    """One (address, query, page) of today, as a keyed hash only: a second open is not counted."""

    day = models.DateField()
    digest = models.CharField(max_length=64)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "digest"], name="search_clickvisit_day_digest")]
        verbose_name = _("lượt mở đã đếm")
        verbose_name_plural = _("lượt mở đã đếm")

    def __str__(self) -> str:
        return self.day.isoformat()


class QueryClick(models.Model):
    """How many distinct visits opened a page from the results of a query on a day (no personal data)."""

    day = models.DateField(_("ngày"))
    query = models.CharField(_("từ khóa"), max_length=255)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    visits = models.PositiveIntegerField(_("số lượt mở"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "query", "page"], name="search_queryclick_day_query_page")
        ]
        indexes = [models.Index(fields=["query", "day"], name="search_queryclick_query_day")]
        verbose_name = _("lượt mở kết quả")
        verbose_name_plural = _("lượt mở kết quả")

    def __str__(self) -> str:
        return self.query
