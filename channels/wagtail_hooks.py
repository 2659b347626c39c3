"""How the channels plug into the site: the editor tab, the article page, <head>, snippets, demo."""

from __future__ import annotations

from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from articles.models import ArticleIndexPage, ArticlePage, UnitSection
from channels import share_images
from channels.demo import load_channel_demo
from channels.feeds import feed_links
from channels.models import Abbreviation, BroadcastLanguage, MonthlyBulletin
from channels.panels import channel_tab
from channels.roles import is_translator_only
from channels.versions import shown_versions
from home.models import HomePage


@hooks.register("register_article_panels")
def channels_tab(page_class):
    return channel_tab(page_class)


@hooks.register("before_edit_page")
def translators_save_only_language_versions(request, page):
    """A translator's save keeps everything of the latest revision but the ethnic-language versions.

    Whatever else a translator posts (title, body, priority …) is ignored on the server, and the
    workflow actions (submit, publish, approve) are refused: the unit's editors submit.
    """
    if request.method != "POST":
        return None
    latest = page.specific.get_latest_revision_as_object()
    if not isinstance(latest, ArticlePage) or not is_translator_only(request.user, latest.unit_id):
        return None
    if any(key.startswith("action-") for key in request.POST):
        return HttpResponseForbidden(
            _("Biên dịch viên chỉ lưu bản nháp các bản tiếng dân tộc; biên tập viên của đơn vị gửi duyệt bài."),
            content_type="text/plain; charset=utf-8",
        )
    form_class = latest.get_edit_handler().get_form_class()
    posted = form_class(
        request.POST,
        request.FILES,
        instance=page.specific.get_latest_revision_as_object(),
        for_user=request.user,
        parent_page=page.get_parent(),
    )
    versions = posted.formsets.get("language_versions")
    if versions is None or not versions.is_valid():
        return None  # Wagtail's own view shows the form with its errors
    candidate = posted.instance
    versions.save(commit=False)
    latest.language_versions = list(candidate.language_versions.all())
    latest.save_revision(user=request.user, log_action=True)
    messages.success(request, _("Đã lưu bản nháp các bản tiếng dân tộc của “%(title)s”.") % {"title": latest.title})
    return redirect("wagtailadmin_pages:edit", page.pk)


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
    versions = shown_versions(page)
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
