"""Reading the search page's GET parameters without ever trusting them."""

from __future__ import annotations

import datetime
import re

from django.http import QueryDict
from django.utils.translation import gettext as _

from search.filters import Filters

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_PARAM_LENGTH = 100


def first(params: QueryDict, name: str) -> str:
    """The first value of a parameter (repeated parameters: the first wins), NUL bytes removed."""
    values = params.getlist(name)
    return values[0].replace("\x00", "").strip() if values else ""


def parse_date(value: str) -> datetime.date | None:
    if not ISO_DATE.match(value):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def read_filters(params: QueryDict, types: set[str], areas: set[str], units: set[str]) -> tuple[Filters, list[str]]:
    """Filters from the request and the Vietnamese messages for values that were ignored."""
    filters = Filters()
    problems = []
    checks = (("type", types, _("loại bài")), ("area", areas, _("lĩnh vực")), ("unit", units, _("đơn vị")))
    for name, allowed, label in checks:
        value = first(params, name)[:MAX_PARAM_LENGTH]
        if not value:
            continue
        if value in allowed:
            setattr(filters, name, value)
        else:
            problems.append(_("Không có %(label)s này; bộ lọc đã được bỏ qua.") % {"label": label})
    for name, attribute in (("from", "date_from"), ("to", "date_to")):
        value = first(params, name)[:MAX_PARAM_LENGTH]
        if not value:
            continue
        parsed = parse_date(value)
        if parsed is None:
            problems.append(_("Ngày phải có dạng NNNN-TT-NN (ví dụ 2024-05-31); bộ lọc ngày đã được bỏ qua."))
        else:
            setattr(filters, attribute, parsed)
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        filters.date_from, filters.date_to = filters.date_to, filters.date_from
    return filters, problems


def page_number(params: QueryDict) -> int:
    value = first(params, "page")
    return int(value) if value.isdigit() and 0 < len(value) < 7 else 1
