"""/van-ban/: the documents filtered by type, issuer, year, status and area, with counts.

All filters are GET parameters (`?type=nghi-dinh&issuer=chinh-phu&year=2021&status=in_force&
area=thu-tuc-hanh-chinh&page=2`). Each option shows how many documents it would list with the
other filters kept (the usual faceted count). A value that names nothing is ignored with a
Vietnamese message, never an error page.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import F
from django.http import HttpRequest
from django.utils.translation import gettext as _

from home.models import ReformArea
from home.text import slugify_vi

DOCUMENTS_PER_PAGE = 20
MAX_PARAM_LENGTH = 100
FILTERS = ("type", "issuer", "year", "status", "area")


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool
    url: str  # the listing with this option chosen (or, when chosen, dropped), other filters kept


@dataclass
class Facet:
    name: str
    label: str
    options: list[Option] = field(default_factory=list)


def _param(request: HttpRequest, name: str) -> str:
    values = request.GET.getlist(name)
    return values[0].replace("\x00", "").strip()[:MAX_PARAM_LENGTH] if values else ""


def _facet_values(documents) -> list[tuple[int, dict]]:
    """(page id, {filter: value or set of values}) for every document, in two queries."""
    rows = list(documents.values_list("pk", "document_type__slug", "issuer", "issue_date", "status"))
    through = documents.model.reform_areas.through
    areas: dict[int, set[str]] = {}
    for page_id, slug in through.objects.filter(articlepage_id__in=[row[0] for row in rows]).values_list(
        "articlepage_id", "reformarea__slug"
    ):
        areas.setdefault(page_id, set()).add(slug)
    return [
        (
            page_id,
            {
                "type": type_slug,
                "issuer": slugify_vi(issuer),
                "year": str(issue_date.year) if issue_date else "",
                "status": status,
                "area": areas.get(page_id, set()),
            },
        )
        for page_id, type_slug, issuer, issue_date, status in rows
    ]


def _matches(values: dict, selected: dict, ignore: str = "") -> bool:
    for name, wanted in selected.items():
        if name == ignore or not wanted:
            continue
        value = values[name]
        if (wanted not in value) if isinstance(value, set) else (value != wanted):
            return False
    return True


def document_listing(request: HttpRequest, documents, document_types, statuses) -> dict:
    """The context of /van-ban/: `documents` (the live ones under the index), the filter options
    with their counts, the messages for ignored values, and one page of the filtered list."""
    facts = _facet_values(documents)
    issuers: dict[str, str] = {}
    for issuer in documents.order_by("issuer").values_list("issuer", flat=True).distinct():
        issuers.setdefault(slugify_vi(issuer), issuer)
    years = sorted({values["year"] for _id, values in facts if values["year"]}, reverse=True)
    choices = {
        "type": [(item.slug, item.name) for item in document_types],
        "issuer": sorted(issuers.items(), key=lambda item: item[1]),
        "year": [(year, year) for year in years],
        "status": [(value, str(label)) for value, label in statuses],
        "area": [(area.slug, area.name) for area in ReformArea.objects.cached()],
    }
    labels = {
        "type": _("loại văn bản"),
        "issuer": _("cơ quan ban hành"),
        "year": _("năm ban hành"),
        "status": _("tình trạng hiệu lực"),
        "area": _("lĩnh vực CCHC"),
    }
    headings = {
        "type": _("Loại văn bản"),
        "issuer": _("Cơ quan ban hành"),
        "year": _("Năm ban hành"),
        "status": _("Tình trạng hiệu lực"),
        "area": _("Lĩnh vực CCHC"),
    }
    selected: dict[str, str] = {}
    problems = []
    for name in FILTERS:
        value = _param(request, name)
        if not value:
            continue
        if value in {option for option, _label in choices[name]}:
            selected[name] = value
        else:
            problems.append(
                _("Không có %(label)s “%(value)s” trong tủ sách; bộ lọc này đã được bỏ qua.")
                % {"label": labels[name], "value": value}
            )
    facets = []
    for name in FILTERS:
        counts: Counter = Counter()
        for _id, values in facts:
            if _matches(values, selected, ignore=name):
                value = values[name]
                counts.update(value if isinstance(value, set) else [value])
        facet = Facet(name, headings[name])
        for value, label in choices[name]:
            chosen = selected.get(name) == value
            if counts.get(value, 0) or chosen:
                url = _url(selected, **{name: "" if chosen else value})
                facet.options.append(Option(value, label, counts.get(value, 0), chosen, url))
        facets.append(facet)
    if selected:
        documents = documents.filter(pk__in=[page_id for page_id, values in facts if _matches(values, selected)])
    listed = documents.select_related("document_type", "unit").order_by(
        F("issue_date").desc(nulls_last=True), "title", "pk"
    )
    paginator = Paginator(listed, DOCUMENTS_PER_PAGE)
    page_obj = paginator.get_page(_param(request, "page") or 1)
    return {
        "documents": page_obj,
        "paginator": paginator,
        "facets": facets,
        "selected": selected,
        "filter_problems": problems,
        "filters_active": bool(selected),
        "clear_filters_url": "?",
    }


def _url(selected: dict, **changes) -> str:
    params = {name: value for name, value in {**selected, **changes}.items() if value}
    return "?" + urlencode([(name, params[name]) for name in FILTERS if name in params])
