"""The monthly notice-board bulletin: several articles printed together, each with its QR code."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.models import Orderable
from wagtail.search import index

from home.models import Unit


class MonthlyBulletin(index.Indexed, ClusterableModel):
    """ "Bản tin CCHC tháng …": what a commune prints for its notice board (bảng tin công cộng)."""

    title = models.CharField(
        _("tên bản tin"), max_length=255, help_text=_("Ví dụ: Bản tin CCHC tháng 7/2025 – Huyện Hà Quảng")
    )
    slug = models.SlugField(
        _("mã đường dẫn"), max_length=80, unique=True, help_text=_("Bản in ở /ban-tin/<mã>/; ví dụ: thang-7-2025")
    )
    month = models.DateField(_("tháng"), help_text=_("Một ngày bất kỳ trong tháng của bản tin."))
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị phát hành"), on_delete=models.PROTECT, related_name="bulletins"
    )
    intro = models.TextField(_("lời mở đầu"), blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("month"),
        FieldPanel("unit"),
        FieldPanel("intro"),
        InlinePanel("items", label=_("Bài trong bản tin"), min_num=1, max_num=12),
    ]
    search_fields = [index.SearchField("title"), index.FilterField("month")]

    class Meta:
        ordering = ["-month", "title"]
        verbose_name = _("bản tin CCHC hằng tháng")
        verbose_name_plural = _("bản tin CCHC hằng tháng")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("channels_bulletin", args=[self.slug])

    def live_articles(self) -> list:
        """The bulletin's articles that are published and public, in the editor's order."""
        pages = []
        for item in self.items.select_related("page"):
            page = item.page
            if page.live and not page.get_view_restrictions().exists():
                pages.append(page.specific)
        return pages


class BulletinItem(Orderable):
    bulletin = ParentalKey(MonthlyBulletin, on_delete=models.CASCADE, related_name="items")
    page = models.ForeignKey(
        "articles.ArticlePage", verbose_name=_("bài viết"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("page", page_type="articles.ArticlePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("bài trong bản tin")
        verbose_name_plural = _("bài trong bản tin")
