"""Talking points for grassroots speakers: key messages, the answers of related FAQ, the guides named.

What a báo cáo viên takes to a village meeting, on one printable page. The key messages are the
editor's (3–7); the FAQ are those the article links to and those that link to it (Wagtail's
reference index finds them, the live content confirms them); the guides are those it links to in
its related pages, its FAQ's related guides and the page links of its body.
"""

from __future__ import annotations

import re

from django.http import HttpRequest
from wagtail.models import Page, ReferenceIndex

from articles.models import ArticlePage, FaqPage, GuidePage
from channels import printing, shortlinks

PAGE_LINK = re.compile(r"<a\b[^>]*\blinktype=\"page\"[^>]*\bid=\"(\d+)\"")


def _page_ids_in_stream(stream) -> list[int]:
    ids = []
    for block in stream:
        value = block.value
        if isinstance(value, Page):
            ids.append(value.pk)
        elif hasattr(value, "source"):
            ids += [int(found) for found in PAGE_LINK.findall(value.source)]
    return ids


def _live(ids, model) -> list:
    found = {page.pk: page for page in model.objects.live().public().filter(pk__in=ids)}
    return [found[pk] for pk in dict.fromkeys(ids) if pk in found]


def related_faqs(page: ArticlePage) -> list[FaqPage]:
    ids = _page_ids_in_stream(page.related_pages)
    references = ReferenceIndex.get_references_to(page).filter(
        content_type__app_label="articles", content_type__model="faqpage"
    )
    ids += [int(object_id) for object_id in references.values_list("object_id", flat=True)]
    candidates = _live(ids, FaqPage)
    # The index may hold a draft's links: keep only FAQ whose live content names this page.
    confirmed = []
    for faq in candidates:
        linked = _page_ids_in_stream(faq.related_guides) + _page_ids_in_stream(faq.related_pages)
        if faq.pk in _page_ids_in_stream(page.related_pages) or page.pk in linked:
            confirmed.append(faq)
    return [faq for faq in confirmed if faq.pk != page.pk]


def guides_mentioned(page: ArticlePage, faqs: list[FaqPage]) -> list[GuidePage]:
    ids = _page_ids_in_stream(page.related_pages) + _page_ids_in_stream(page.body)
    if isinstance(page, FaqPage):
        ids += _page_ids_in_stream(page.related_guides)
    for faq in faqs:
        ids += _page_ids_in_stream(faq.related_guides)
    return [guide for guide in _live(ids, GuidePage) if guide.pk != page.pk]


def talking_points_context(request: HttpRequest, page: ArticlePage) -> dict:
    points = [point.text for point in page.talking_points.all()]
    faqs = related_faqs(page)
    guides = guides_mentioned(page, faqs)
    short = shortlinks.short_url(page, request)
    return {
        "page": page,
        "points": points,
        "faqs": faqs,
        "guides": [(guide, shortlinks.short_url(guide, request)) for guide in guides],
        "short_url": short,
        "full_url": page.get_full_url(request),
        "qr": printing.qr_figure(short),
    }
