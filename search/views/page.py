"""/tim-kiem/?q=…: ranked, filtered, counted, paginated results, and help when nothing is found."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Page

from articles.models import GuidePage, article_types
from home.models import ReformArea, Unit
from search.engine import Filters, Outcome, run_search
from search.highlight import highlight, snippet
from search.models import SearchDocument
from search.querylog import log_query, promoted_pages
from search.views.params import first, page_number, read_filters

RESULTS_PER_PAGE = 10
POPULAR_GUIDES = 6
SNIPPET_SOURCE = 800


def _type_choices() -> dict[str, str]:
    return {slug: str(model._meta.verbose_name).capitalize() for slug, model in article_types().items()}


def _url(params: dict, **changes) -> str:
    merged = {key: value for key, value in {**params, **changes}.items() if value}
    return "?" + urlencode(merged)


def _facets(outcome: Outcome, filters: Filters, params: dict, types: dict, areas: list, units: list) -> dict:
    def options(name: str, choices: list[tuple[str, str]]) -> list[dict]:
        counts = outcome.counts.get(name, {})
        selected = getattr(filters, name)
        return [
            {
                "value": value,
                "label": label,
                "count": counts.get(value, 0),
                "selected": value == selected,
                "url": _url(params, **{name: "" if value == selected else value, "page": ""}),
            }
            for value, label in choices
            if counts.get(value, 0) or value == selected
        ]

    return {
        "type": options("type", list(types.items())),
        "area": options("area", [(area.slug, area.name) for area in areas]),
        "unit": options("unit", [(unit.slug, unit.display_name) for unit in units]),
    }


def _results(request: HttpRequest, hits, terms: set[str], types: dict, areas: list, units: list) -> list[dict]:
    """What each result shows: the SearchDocument already read, plus its text and URL in one query."""
    rows = SearchDocument.objects.filter(page_id__in=[hit.document.page_id for hit in hits]).values_list(
        "page_id", "text", "page__url_path"
    )
    found = {page_id: (text, url_path) for page_id, text, url_path in rows}
    # Wagtail builds an article's URL from its url_path alone (no article type overrides
    # get_url_parts); one stand-in Page serves every row, as building a Page costs more than the URL.
    stand_in = Page()
    area_names = {area.slug: area.name for area in areas}
    unit_names = {unit.slug: unit.display_name for unit in units}
    results = []
    for hit in hits:
        document = hit.document
        if document.page_id not in found:
            continue
        text, stand_in.url_path = found[document.page_id]
        results.append(
            {
                "page_id": document.page_id,
                "url": stand_in.get_url(request),
                "title": highlight(document.title, terms),
                "type": types.get(document.type_slug, ""),
                "unit": unit_names.get(document.unit_slug, ""),
                "areas": [area_names[slug] for slug in document.area_slugs.split() if slug in area_names],
                "date": document.date,
                "snippet": snippet(text[:SNIPPET_SOURCE], terms),
            }
        )
    return results


def search(request: HttpRequest) -> HttpResponse:
    types = _type_choices()
    areas = ReformArea.objects.cached()
    units = Unit.objects.cached()
    filters, problems = read_filters(
        request.GET, set(types), {area.slug for area in areas}, {unit.slug for unit in units}
    )
    raw_query = first(request.GET, "q")
    outcome = run_search(raw_query, filters)
    query = outcome.query
    params = {
        "q": query.text,
        "type": filters.type,
        "area": filters.area,
        "unit": filters.unit,
        "from": filters.date_from.isoformat() if filters.date_from else "",
        "to": filters.date_to.isoformat() if filters.date_to else "",
    }
    paginator = Paginator(outcome.hits, RESULTS_PER_PAGE)
    page_obj = paginator.get_page(page_number(request.GET))
    terms = {term for concept in query.concepts for alt in concept.alternatives for term in alt.fold}
    promoted = promoted_pages(query.text) if page_obj.number == 1 and not query.is_empty else []
    promoted_ids = {page.pk for page in promoted}
    results = [
        result
        for result in _results(request, page_obj.object_list, terms, types, areas, units)
        if result["page_id"] not in promoted_ids
    ]
    if not query.is_empty and page_obj.number == 1:
        log_query(query.text, outcome.total + len(promoted))
    if raw_query and query.is_empty:
        problems.append(_("Từ khóa chỉ gồm ký hiệu hoặc dấu câu. Hãy nhập chữ hoặc số, ví dụ “đăng ký khai sinh”."))
    context = {
        "query": query.text,
        "parsed": query,
        "results": results,
        "promoted": [{"page": page, "url": page.get_url(request)} for page in promoted],
        "page_obj": page_obj,
        "paginator": paginator,
        "total": outcome.total,
        "filters": filters,
        "params": params,
        "facets": _facets(outcome, filters, params, types, areas, units),
        "problems": problems,
        "suggestion": query.suggestion,
        "suggestion_url": _url(params, q=query.suggestion, page="") if query.suggestion else "",
        "previous_url": _url(params, page=page_obj.previous_page_number()) if page_obj.has_previous() else "",
        "next_url": _url(params, page=page_obj.next_page_number()) if page_obj.has_next() else "",
        "clear_filters_url": _url({"q": query.text}),
    }
    if not query.is_empty and not outcome.hits and not promoted:
        context["popular_guides"] = GuidePage.objects.live().public().order_by("-first_published_at")[:POPULAR_GUIDES]
        context["areas"] = areas
    return render(request, "search/search.html", context)
