"""What every article shares, and the page tree that gives each unit its own sections."""

from django import forms
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.blocks import PageChooserBlock
from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models
from wagtail.search import index
from wagtail.url_routing import RouteResult
from wagtail.utils.decorators import cached_classmethod

from articles.blocks import BodyBlock
from home.indexing import MemoisedSearchField, folded_text, folded_words
from home.models import ReformArea, Unit

ARTICLES_PER_PAGE = 12


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey("articles.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items")


class ArticlePage(Page):
    """Common ground of news, guides, FAQ and success stories: unit, reform areas, tags, body.

    Concrete (not abstract) so that listings, the search page and /linh-vuc/ can query all four
    types at once. Editors never create it directly.
    """

    unit = models.ForeignKey(
        Unit,
        verbose_name=_("đơn vị"),
        on_delete=models.PROTECT,
        related_name="articles",
        editable=False,
    )
    date = models.DateField(
        _("ngày đăng"),
        default=timezone.localdate,
        help_text=_("Ngày hiển thị trên bài; mặc định là ngày tạo."),
    )
    summary = models.TextField(
        _("tóm tắt"),
        max_length=300,
        help_text=_("Văn bản thuần, tối đa 300 ký tự; hiển thị trong danh sách và kết quả tìm kiếm."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("nội dung"))
    reform_areas = ParentalManyToManyField(
        ReformArea,
        verbose_name=_("lĩnh vực CCHC"),
        related_name="articles",
        help_text=_("Chọn ít nhất một lĩnh vực cải cách hành chính."),
    )
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("từ khóa"))
    import_id = models.CharField(
        _("mã bài ở hệ thống nguồn"),
        max_length=100,
        blank=True,
        db_index=True,
        editable=False,
        help_text=_("Khóa “id” của bản ghi khi bài được nhập bằng import_content."),
    )
    related_pages = StreamField(
        [("page", PageChooserBlock(page_type="articles.ArticlePage", label=_("Bài liên quan")))],
        blank=True,
        verbose_name=_("bài liên quan"),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    taxonomy_panels = [
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldPanel("reform_areas", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
                FieldPanel("related_pages"),
            ],
            heading=_("Phân loại"),
        )
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        MemoisedSearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("reform_areas", [index.SearchField("name")]),
        index.RelatedFields("unit", [index.SearchField("name")]),
        index.FilterField("unit"),
        index.FilterField("date"),
        index.FilterField("reform_areas"),
        # Folded copies (no diacritics, đ → d, kí = ký) so "dang ky" finds "Đăng ký" on every backend.
        index.SearchField("search_title_folded", boost=3),
        index.SearchField("search_text_folded"),
        index.AutocompleteField("search_title_folded"),
    ]
    api_fields = [
        APIField("date"),
        APIField("summary"),
        APIField("body"),
        APIField("unit_slug"),
        APIField("reform_area_slugs"),
        APIField("tag_names"),
    ]

    parent_page_types = ["articles.UnitSection"]
    subpage_types = []
    is_creatable = False

    # Set by each concrete type: which index page its sections hang under ("Model" in the type's
    # own app, or "app_label.Model"), its slug in URLs, imports and filters, and its listing order.
    index_model_name = ""
    type_slug = ""
    type_order = 100

    class Meta:
        verbose_name = _("bài viết")
        verbose_name_plural = _("bài viết")
        # Every listing is newest first (date, then id): read in this index's order, the latest
        # six of 4,500 news pages cost 0.2 ms instead of a 20 ms sort (docs/performance.md).
        indexes = [models.Index(fields=["date", "page_ptr"], name="article_date_order_idx")]

    @classmethod
    def can_create_at(cls, parent: Page) -> bool:
        # A news article belongs under a news section, never under the guides' sections.
        return super().can_create_at(parent) and not cls.refusal_under(parent)

    @classmethod
    def refusal_under(cls, parent: Page) -> str:
        """Why an article of this type cannot live under `parent` ("" when it can).

        Its place must be the section of an active unit under this type's index: the unit of an
        article is always that section's unit, whatever path put it there.
        """
        section = parent.specific_deferred if type(parent) is Page else parent
        index_page = parent.get_parent() if isinstance(section, UnitSection) else None
        if index_page is None or index_page.specific_class is not cls.index_page_model():
            return _("%(type)s chỉ được đặt trong chuyên mục của một đơn vị thuộc trang “%(index)s”.") % {
                "type": str(cls._meta.verbose_name).capitalize(),
                "index": cls.index_page_model()._meta.verbose_name,
            }
        if section.unit.is_retired:
            return _("Đơn vị “%(unit)s” đã ngừng hoạt động, không nhận bài mới.") % {"unit": section.unit.name}
        return ""

    def can_move_to(self, parent: Page) -> bool:
        return super().can_move_to(parent) and (parent.pk == self.get_parent().pk or not self.refusal_under(parent))

    @cached_classmethod
    def get_edit_handler(cls):
        """Wagtail's three tabs, then a tab from each app above that registers one.

        An app that keeps data of its own beside the article (e.g. the outreach channels) adds
        its panels to the editor through the `register_article_panels` hook: a function taking
        the page class and returning an ObjectList (one tab) or None. Its data then follows the
        article through drafts, revisions and the workflow, and `articles` imports nothing of it.
        """
        tabs = [
            ObjectList(panels, heading=heading)
            for panels, heading in (
                (cls.content_panels, gettext_lazy("Content")),
                (cls.promote_panels, gettext_lazy("Promote")),
                (cls.settings_panels, gettext_lazy("Settings")),
            )
            if panels
        ]
        for contribute in hooks.get_hooks("register_article_panels"):
            tab = contribute(cls)
            if tab is not None:
                tabs.append(tab)
        return TabbedInterface(tabs, base_form_class=cls.base_form_class).bind_to_model(cls)

    @classmethod
    def index_page_model(cls) -> type["ArticleIndexPage"]:
        if "." in cls.index_model_name:
            return apps.get_model(cls.index_model_name)
        return apps.get_model(cls._meta.app_label, cls.index_model_name)

    def set_unit_from_section(self) -> None:
        # The unit follows from where the page lives, so an editor can't file under another unit.
        parent = self.get_parent() if self.pk or self.path else None
        if parent is not None:
            section = parent.specific
            if isinstance(section, UnitSection):
                self.unit_id = section.unit_id

    def with_content_json(self, content):
        """A revision as a page: like its place in the tree, its unit is the page's now, not the
        revision's (a page moved after a draft was saved must not take its old unit back when the
        draft is previewed, reviewed, reverted to or published)."""
        obj = super().with_content_json(content)
        obj.unit_id = self.unit_id
        return obj

    def save(self, *args, **kwargs):
        if self.path:
            self.set_unit_from_section()
        return super().save(*args, **kwargs)

    def full_clean(self, *args, **kwargs):
        self.set_unit_from_section()
        super().full_clean(*args, **kwargs)

    def minimal_clean(self):
        # Wagtail saves drafts (live=False) with minimal_clean only, not full_clean.
        self.set_unit_from_section()
        super().minimal_clean()

    def clean(self) -> None:
        super().clean()
        if self.summary and len(self.summary) > 300:
            raise ValidationError({"summary": _("Tóm tắt tối đa 300 ký tự.")})

    @property
    def type_label(self) -> str:
        return str(self.specific_class._meta.verbose_name).capitalize()

    def areas(self):
        return self.reform_areas.all()

    @property
    def unit_slug(self) -> str:
        return self.unit.slug

    @property
    def reform_area_slugs(self) -> list[str]:
        return [area.slug for area in self.reform_areas.all()]

    @property
    def tag_names(self) -> list[str]:
        return [tag.name for tag in self.tags.all()]

    def search_title_folded(self) -> str:
        return folded_words(self.title)

    def search_text_folded(self) -> str:
        return folded_text(self)

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        # Areas and tags are read by the template and the JSON-LD: one query each, however many.
        prefetch_related_objects([self], "reform_areas", "tags")
        context["related"] = live_pages_in_order(block["value"] for block in self.related_pages.raw_data)
        # The unit section is the parent: its URL is this page's without the last segment (no query).
        context["section_url"] = self.url.removesuffix(f"{self.slug}/")
        context["structured_data"] = self.structured_data(request)
        return context

    def structured_data(self, request: HttpRequest) -> dict:
        """schema.org JSON-LD for search engines; each type refines it."""
        return {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": self.title,
            "description": self.summary,
            "datePublished": self.date.isoformat(),
            "dateModified": (self.last_published_at or timezone.now()).date().isoformat(),
            "url": self.get_full_url(request),
            "inLanguage": "vi",
            "author": {"@type": "GovernmentOrganization", "name": self.unit.name},
            "publisher": {"@type": "GovernmentOrganization", "name": settings.WAGTAIL_SITE_NAME},
            "about": [area.name for area in self.reform_areas.all()],
            "keywords": ", ".join(tag.name for tag in self.tags.all()),
        }


class UnitSection(Page):
    """One unit's part of an index (e.g. /tin-tuc/ha-quang/): editor permissions attach here."""

    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="sections")

    content_panels = Page.content_panels + [FieldPanel("unit")]

    # Parents: every article index; children: every article type (those of apps above included).
    # ArticlePage.can_create_at keeps each type under its own index.

    class Meta:
        verbose_name = _("chuyên mục của đơn vị")
        verbose_name_plural = _("chuyên mục của đơn vị")

    @classmethod
    def clean_parent_page_models(cls):
        return [model for model in get_page_models() if issubclass(model, ArticleIndexPage)]

    @classmethod
    def clean_subpage_models(cls):
        return [model for model in get_page_models() if issubclass(model, ArticlePage) and model.type_slug]

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        index_page = self.get_parent().specific
        articles = index_page.article_model.objects.live().public().filter(unit=self.unit)
        context.update(paginate_listing(request, articles))
        context["index_page"] = index_page
        return context


class ArticleIndexPage(Page):
    """A listing of one article type across all units, newest first, filterable by area and unit."""

    intro = models.TextField(_("lời giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.UnitSection"]
    max_count = 1

    article_model: type[ArticlePage]

    class Meta:
        abstract = True

    def route(self, request: HttpRequest, path_components: list[str]):
        """/<index>/<unit>/<slug>/ in one query (with its unit) instead of four (SQL budget)."""
        if len(path_components) == 2:
            url_path = f"{self.url_path}{path_components[0]}/{path_components[1]}/"
            # By slug (indexed) as well: Wagtail does not index url_path, and a scan of it cost
            # 3 ms at 10,000 pages on SQLite.
            articles = self.article_model.objects.select_related("unit")
            article = articles.filter(slug=path_components[1], url_path=url_path).first()
            if article is not None:
                if not article.live:
                    raise Http404
                return RouteResult(article)
        return super().route(request, path_components)

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        articles = self.article_model.objects.live().public().descendant_of(self)
        area_slug = request.GET.get("area", "")
        unit_slug = request.GET.get("unit", "")
        selected_area = ReformArea.objects.filter(slug=area_slug).first() if area_slug else None
        selected_unit = Unit.objects.filter(slug=unit_slug).first() if unit_slug else None
        if selected_area:
            articles = articles.filter(reform_areas=selected_area)
        if selected_unit:
            articles = articles.filter(unit=selected_unit)
        context.update(paginate_listing(request, articles))
        context.update(
            {
                "areas": ReformArea.objects.all(),
                "units": Unit.objects.filter(sections__in=self.get_children()).distinct(),
                "selected_area": selected_area,
                "selected_unit": selected_unit,
                "unknown_filter": bool((area_slug and not selected_area) or (unit_slug and not selected_unit)),
            }
        )
        return context


# Newest first, ties by the newest page: the order of article_date_order_idx.
NEWEST_FIRST = ("-date", "-page_ptr_id")


def live_pages_in_order(page_ids) -> list["ArticlePage"]:
    """The live, public articles among `page_ids`, in that order, in one query (SQL budget)."""
    ids = [page_id for page_id in page_ids if page_id]
    if not ids:
        return []
    found = {page.pk: page for page in ArticlePage.objects.live().public().filter(pk__in=ids)}
    return [found[page_id] for page_id in ids if page_id in found]


def paginate_listing(request: HttpRequest, articles) -> dict:
    """Newest first, a page of ARTICLES_PER_PAGE; a bad ?page= falls back to the nearest real page."""
    articles = articles.select_related("unit").prefetch_related("reform_areas").order_by(*NEWEST_FIRST)
    paginator = Paginator(articles, ARTICLES_PER_PAGE)
    page_number = request.GET.get("page", "1")
    try:
        page_obj = paginator.page(page_number)
    except PageNotAnInteger:
        page_obj = paginator.page(1)
    except EmptyPage:
        page_obj = paginator.page(paginator.num_pages)
    return {"articles": page_obj, "paginator": paginator}
