"""How the channels plug into the site: the editor tab, the article page, <head>, snippets, demo."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from articles.models import ArticleIndexPage, ArticlePage, UnitSection
from channels import share_images
from channels.demo import load_channel_demo
from channels.feeds import feed_links
from channels.models import Abbreviation, BroadcastLanguage, MonthlyBulletin
from channels.panels import channel_tab
from home.models import HomePage


@hooks.register("register_article_panels")
def channels_tab(page_class):
    return channel_tab(page_class)


@hooks.register("article_page_extras")
def article_extras(page, request, position: str):
    if position == "head":
        stylesheet = format_html('<link rel="stylesheet" href="{}">', static("channels/css/channels.css"))
        return stylesheet + format_html_join(
            "\n",
            '<link rel="alternate" type="{}" href="{}" title="{}">',
            [
                ("text/plain", f"{page.url}phat-thanh/", _("Kịch bản phát thanh")),
                ("text/plain", f"{page.url}tin-nhan/", _("Tin nhắn SMS")),
                ("application/pdf", f"{page.url}ban-in/?pdf=1", _("Bản in PDF")),
            ],
        )
    versions = [
        version
        for version in page.language_versions.select_related("language", "recording")
        if version.text.strip() or version.recording
    ]
    return render_to_string(
        "channels/includes/article_channels.html", {"page": page, "versions": versions}, request=request
    )


@hooks.register("share_image")
def article_share_image(page, request):
    if not isinstance(page, ArticlePage) or not page.live or not page.unit_id:
        return None
    return {
        "url": request.build_absolute_uri(share_images.url_path(page)),
        "width": share_images.WIDTH,
        "height": share_images.HEIGHT,
        "alt": page.title,
    }


def _feed_params(context: dict) -> dict | None:
    page = context.get("page")
    if isinstance(page, ArticlePage):
        return {"type": page.specific_class.type_slug}
    if isinstance(page, UnitSection):
        index = page.get_parent().specific
        return {"type": index.article_model.type_slug, "unit": page.unit.slug}
    if isinstance(page, ArticleIndexPage):
        return {"type": page.article_model.type_slug}
    if isinstance(page, HomePage):
        return {}
    area = context.get("area")
    if area is not None and hasattr(area, "slug") and context.get("groups") is not None:
        return {"area": area.slug}
    return None


@hooks.register("site_head_extras")
def feed_alternates(request, context: dict):
    params = _feed_params(context)
    if params is None:
        return ""
    label = _("Bài mới")
    return format_html_join(
        "\n",
        '<link rel="alternate" type="{}" href="{}" title="{}">',
        [(mime, href, f"{label} ({name})") for mime, href, name in feed_links(params)],
    )


@hooks.register("register_unit_collection_models")
def recordings_in_unit_collections():
    return [("wagtailmedia", "media")]


@hooks.register("load_demo")
def channel_demo():
    return load_channel_demo()


class AbbreviationViewSet(SnippetViewSet):
    model = Abbreviation
    icon = "openquote"
    menu_label = gettext_lazy("Từ viết tắt khi phát thanh")
    list_display = ["short_form", "spoken_form", "kind"]
    list_filter = ["kind"]
    search_fields = ["short_form", "spoken_form"]


class BroadcastLanguageViewSet(SnippetViewSet):
    model = BroadcastLanguage
    icon = "globe"
    menu_label = gettext_lazy("Ngôn ngữ phát thanh")
    list_display = ["name", "code", "iso_639_3"]


class MonthlyBulletinViewSet(SnippetViewSet):
    model = MonthlyBulletin
    icon = "doc-full"
    menu_label = gettext_lazy("Bản tin CCHC hằng tháng")
    list_display = ["title", "month", "unit"]
    list_filter = ["unit"]


class ChannelsGroup(SnippetViewSetGroup):
    items = (MonthlyBulletinViewSet, AbbreviationViewSet, BroadcastLanguageViewSet)
    menu_icon = "mail"
    menu_label = gettext_lazy("Kênh tuyên truyền")
    menu_name = "channels"


register_snippet(ChannelsGroup)
