"""RSS 2.0 (/rss/) and Atom (/atom/) of the published, public articles, newest first.

?type=news|guide|faq|story, ?area=<reform area slug> and ?unit=<unit slug> narrow a feed and combine;
a value that names nothing answers 404 with a Vietnamese message (never an empty feed, never 500).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse, HttpResponseNotFound
from django.urls import reverse
from django.utils import feedgenerator
from django.utils.translation import gettext as _

from articles.models import ArticlePage, article_types
from home.models import ReformArea, Unit

FEED_SIZE = 30
SITE_NAME = "Cải cách hành chính tỉnh Cao Bằng"


class UnknownFilter(Exception):
    pass


@dataclass
class Selection:
    type_slug: str = ""
    area: ReformArea | None = None
    unit: Unit | None = None

    @classmethod
    def from_request(cls, request: HttpRequest) -> Selection:
        type_slug = request.GET.get("type", "").strip()
        area_slug = request.GET.get("area", "").strip()
        unit_slug = request.GET.get("unit", "").strip()
        if type_slug and type_slug not in article_types():
            raise UnknownFilter(
                _("Không có loại bài “%(value)s”. Các loại: %(known)s.")
                % {"value": type_slug[:40], "known": ", ".join(article_types())}
            )
        area = ReformArea.objects.filter(slug=area_slug).first() if area_slug else None
        if area_slug and area is None:
            raise UnknownFilter(_("Không có lĩnh vực cải cách hành chính “%(value)s”.") % {"value": area_slug[:60]})
        unit = Unit.objects.filter(slug=unit_slug).first() if unit_slug else None
        if unit_slug and unit is None:
            raise UnknownFilter(_("Không có đơn vị “%(value)s”.") % {"value": unit_slug[:60]})
        return cls(type_slug, area, unit)

    def query_string(self) -> str:
        params = {
            "type": self.type_slug,
            "area": self.area.slug if self.area else "",
            "unit": self.unit.slug if self.unit else "",
        }
        encoded = urlencode({key: value for key, value in params.items() if value})
        return f"?{encoded}" if encoded else ""

    def label(self) -> str:
        parts = [SITE_NAME]
        if self.type_slug:
            parts.append(str(article_types()[self.type_slug]._meta.verbose_name_plural).capitalize())
        if self.area:
            parts.append(self.area.name)
        if self.unit:
            parts.append(self.unit.name)
        return " – ".join(parts)

    def articles(self):
        model = article_types()[self.type_slug] if self.type_slug else ArticlePage
        pages = model.objects.live().public()
        if self.area:
            pages = pages.filter(reform_areas=self.area)
        if self.unit:
            pages = pages.filter(unit=self.unit)
        return (
            pages.select_related("unit")
            .prefetch_related("reform_areas")
            .order_by("-first_published_at", "-pk")[:FEED_SIZE]
        )


class ArticleFeed(Feed):
    feed_type = feedgenerator.Rss201rev2Feed
    url_name = "channels_rss"

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except UnknownFilter as error:
            return HttpResponseNotFound(f"{error}\n", content_type="text/plain; charset=utf-8")

    def get_object(self, request: HttpRequest, *args, **kwargs) -> Selection:
        self.request = request
        return Selection.from_request(request)

    def title(self, selection: Selection) -> str:
        return selection.label()

    def link(self, selection: Selection) -> str:
        return "/"

    def feed_url(self, selection: Selection) -> str:
        return reverse(self.url_name) + selection.query_string()

    def description(self, selection: Selection) -> str:
        return _("Bài mới nhất đã đăng: tin tức, hướng dẫn thủ tục, hỏi đáp, mô hình hay về cải cách hành chính.")

    def items(self, selection: Selection):
        return [page.specific for page in selection.articles()]

    def item_title(self, page) -> str:
        return page.title

    def item_description(self, page) -> str:
        return page.summary

    def item_link(self, page) -> str:
        return page.get_url(self.request)

    def item_guid(self, page) -> str:
        return page.get_full_url(self.request)

    item_guid_is_permalink = True

    def item_pubdate(self, page):
        return page.first_published_at

    def item_updateddate(self, page):
        return page.last_published_at

    def item_author_name(self, page) -> str:
        return page.unit.name

    def item_categories(self, page) -> list[str]:
        return [page.type_label] + [area.name for area in page.reform_areas.all()]


class AtomArticleFeed(ArticleFeed):
    feed_type = feedgenerator.Atom1Feed
    url_name = "channels_atom"

    def subtitle(self, selection: Selection) -> str:
        return self.description(selection)


def feed_links(selection_params: dict[str, str]) -> list[tuple[str, str, str]]:
    """(type, href, title) of the RSS and Atom feeds for these filters."""
    encoded = urlencode({key: value for key, value in selection_params.items() if value})
    suffix = f"?{encoded}" if encoded else ""
    return [
        ("application/rss+xml", reverse("channels_rss") + suffix, "RSS"),
        ("application/atom+xml", reverse("channels_atom") + suffix, "Atom"),
    ]


def not_found(message: str) -> HttpResponse:
    return HttpResponseNotFound(f"{message}\n", content_type="text/plain; charset=utf-8")
