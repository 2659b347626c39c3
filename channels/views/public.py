"""Site-wide channel views: feeds, the feed list, robots.txt, the radio bulletin feed, share images,
monthly bulletins."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Site

from articles.models import ArticlePage, article_types
from channels import printing, share_images, shortlinks
from channels.feeds import feed_links
from channels.models import MonthlyBulletin
from channels.radio.bulletin import items_for, validity_days
from channels.radio.script import words_per_minute
from home.models import ReformArea, Unit


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /xem-truoc/",
        "Disallow: /tim-kiem/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_GET
def feed_list(request: HttpRequest) -> HttpResponse:
    def row(label: str, **params) -> dict:
        links = feed_links(params)
        return {"label": label, "rss": links[0][1], "atom": links[1][1]}

    groups = [
        (_("Tất cả bài viết"), [row(_("Tất cả bài đã đăng"))]),
        (
            _("Theo loại bài"),
            [
                row(str(model._meta.verbose_name_plural).capitalize(), type=slug)
                for slug, model in article_types().items()
            ],
        ),
        (_("Theo lĩnh vực cải cách hành chính"), [row(area.name, area=area.slug) for area in ReformArea.objects.all()]),
        (_("Theo đơn vị"), [row(unit.display_name, unit=unit.slug) for unit in Unit.objects.all()]),
    ]
    radio = [
        {"label": unit.display_name, "url": reverse("channels_radio_feed", args=[unit.slug])}
        for unit in Unit.objects.filter(retired_on__isnull=True)
    ]
    return TemplateResponse(request, "channels/feed_list.html", {"groups": groups, "radio_feeds": radio})


def json_error(message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": message}, status=status, json_dumps_params={"ensure_ascii": False})


@require_GET
def radio_feed_index(request: HttpRequest) -> JsonResponse:
    units = [
        {
            "slug": unit.slug,
            "name": unit.name,
            "url": request.build_absolute_uri(reverse("channels_radio_feed", args=[unit.slug])),
        }
        for unit in Unit.objects.filter(retired_on__isnull=True)
    ]
    return JsonResponse({"units": units}, json_dumps_params={"ensure_ascii": False})


@require_GET
def radio_feed(request: HttpRequest, unit_slug: str) -> JsonResponse:
    unit = Unit.objects.filter(slug=unit_slug).first()
    if unit is None:
        return json_error(_("Không có đơn vị “%(slug)s”.") % {"slug": unit_slug[:60]}, 404)
    site = Site.find_for_request(request)
    now = timezone.now()
    payload = {
        "unit": {"slug": unit.slug, "name": unit.name},
        "generated_at": now.isoformat(),
        "words_per_minute": words_per_minute(site),
        "default_validity_days": validity_days(site),
        "items": items_for(unit, request, site, now),
    }
    return JsonResponse(payload, json_dumps_params={"ensure_ascii": False})


@require_GET
def share_image(request: HttpRequest, page_id: int, digest: str) -> HttpResponse:
    page = ArticlePage.objects.live().public().filter(pk=page_id).select_related("unit").first()
    if page is None or digest != share_images.fingerprint(page):
        raise Http404(_("Không có ảnh chia sẻ này."))
    response = FileResponse(share_images.ensure_image(page).open("rb"), content_type="image/png")
    # The URL changes with what the picture shows, so it can be kept for a year.
    patch_cache_control(response, public=True, max_age=365 * 24 * 3600, immutable=True)
    return response


@require_GET
def bulletin(request: HttpRequest, slug: str) -> HttpResponse:
    bulletin = get_object_or_404(MonthlyBulletin.objects.select_related("unit"), slug=slug)
    items = []
    for page in bulletin.live_articles():
        short = shortlinks.short_url(page, request)
        items.append({"page": page, "short_url": short, "qr": printing.qr_figure(short, element_id=f"qr-{page.pk}")})
    context = {"bulletin": bulletin, "items": items, "pdf_url": "?pdf=1"}
    if request.GET.get("pdf") == "1":
        return printing.pdf_response(request, "channels/print_bulletin.html", context, f"ban-tin-{bulletin.slug}")
    return TemplateResponse(request, "channels/print_bulletin.html", context)
