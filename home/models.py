"""The home page, site-wide settings and the two taxonomies every article hangs on."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.blocks import PageChooserBlock
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index


class ReformArea(index.Indexed, models.Model):
    """One of the six areas of the state administrative reform programme (lĩnh vực CCHC)."""

    slug = models.SlugField(_("mã đường dẫn"), max_length=50, unique=True)
    name = models.CharField(_("tên lĩnh vực"), max_length=255)
    short_name = models.CharField(_("tên ngắn"), max_length=80, blank=True)
    description = models.TextField(_("mô tả"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("lĩnh vực CCHC")
        verbose_name_plural = _("lĩnh vực CCHC")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("reform_area", args=[self.slug])


class Unit(index.Indexed, models.Model):
    """A unit that contributes content: the province's office, a department, a district or a commune.

    Units are data: adding one in the admin gives it its own sections of the site, collection
    and editor groups (see articles.signals), so communes can replace districts without code.
    """

    class Kind(models.TextChoices):
        PROVINCE = "province", _("Cấp tỉnh (Ban biên tập)")
        DEPARTMENT = "department", _("Sở, ban, ngành")
        DISTRICT = "district", _("Huyện, thành phố")
        COMMUNE = "commune", _("Xã, phường, thị trấn")

    slug = models.SlugField(_("mã đường dẫn"), max_length=60, unique=True)
    name = models.CharField(_("tên đơn vị"), max_length=255, unique=True)
    kind = models.CharField(_("loại đơn vị"), max_length=20, choices=Kind.choices)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=40, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=100)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")],
            heading=_("Liên hệ"),
        ),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")

    def __str__(self) -> str:
        return self.name

    @property
    def is_provincial_office(self) -> bool:
        """The province's own editorial office publishes without a unit review step."""
        return self.kind == self.Kind.PROVINCE


class HomePage(Page):
    """The front door: latest news, featured procedure guides, the six reform areas, a search box."""

    intro = models.TextField(
        _("lời giới thiệu"),
        blank=True,
        help_text=_("Một hoặc hai câu giới thiệu trang, hiển thị dưới tiêu đề."),
    )
    featured_guides = StreamField(
        [("guide", PageChooserBlock(page_type="articles.GuidePage", label=_("Hướng dẫn")))],
        blank=True,
        verbose_name=_("hướng dẫn nổi bật"),
        help_text=_("Nếu để trống, trang chủ hiển thị các hướng dẫn mới nhất."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("featured_guides")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("trang chủ")

    def get_context(self, request, *args, **kwargs):
        from articles.models import GuidePage, NewsPage

        context = super().get_context(request, *args, **kwargs)
        cards = ("unit",), ("reform_areas",)  # what a card shows, fetched once for all cards
        context["latest_news"] = (
            NewsPage.objects.live()
            .public()
            .select_related(*cards[0])
            .prefetch_related(*cards[1])
            .order_by("-date", "-pk")[:6]
        )
        featured_ids = [block["value"] for block in self.featured_guides.raw_data if block["value"]]
        featured = []
        if featured_ids:
            found = (
                GuidePage.objects.live()
                .public()
                .select_related(*cards[0])
                .prefetch_related(*cards[1])
                .in_bulk(featured_ids)
            )
            featured = [found[pk] for pk in featured_ids if pk in found]
        if not featured:
            featured = list(
                GuidePage.objects.live()
                .public()
                .select_related(*cards[0])
                .prefetch_related(*cards[1])
                .order_by("-date", "-pk")[:6]
            )
        context["featured_guides"] = featured
        context["reform_areas"] = ReformArea.objects.all()
        return context


@register_setting(icon="site")
class SiteContact(BaseSiteSetting):
    """Who runs the site and how to reach them: shown in every page footer (Nghị định 42/2022)."""

    agency_name = models.CharField(_("cơ quan chủ quản"), max_length=255, default="Ủy ban nhân dân tỉnh Cao Bằng")
    editorial_office = models.CharField(_("cơ quan thường trực"), max_length=255, default="Sở Nội vụ tỉnh Cao Bằng")
    address = models.CharField(
        _("địa chỉ"), max_length=255, default="Số 011 Hoàng Đình Giong, phường Hợp Giang, TP. Cao Bằng"
    )
    phone = models.CharField(_("điện thoại"), max_length=60, default="0206 3852 234")
    email = models.EmailField(_("thư điện tử"), default="cchc@caobang.gov.vn")
    licence = models.CharField(_("giấy phép"), max_length=255, blank=True)

    panels = [
        FieldPanel("agency_name"),
        FieldPanel("editorial_office"),
        FieldPanel("address"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("licence"),
    ]

    class Meta:
        verbose_name = _("thông tin liên hệ của trang")

    @classmethod
    def for_site(cls, site):
        """Every page's footer reads this: served from the cache until the setting is saved."""
        from home import caching

        if site is None:
            return super().for_site(site)
        return caching.site_contact(site.pk, lambda: super(SiteContact, cls).for_site(site))
