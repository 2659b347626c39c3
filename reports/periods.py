"""Reporting periods: a month, a quarter, a year or a custom range, with their Vietnamese labels.

A period is written in URLs and forms as a token: "2026-11" (Tháng 11/2026), "2026-Q4"
(Quý IV/2026), "2026" (Năm 2026); a custom range is given as two dates instead. Rows of a
report are grouped into buckets of one granularity (month, quarter or year) inside the period.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MONTH, QUARTER, YEAR, RANGE = "month", "quarter", "year", "range"
GROUP_CHOICES = [
    (MONTH, gettext_lazy("Theo tháng")),
    (QUARTER, gettext_lazy("Theo quý")),
    (YEAR, gettext_lazy("Theo năm")),
]
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
TOKEN = re.compile(r"^(?P<year>\d{4})(?:-(?:(?P<month>\d{1,2})|Q(?P<quarter>[1-4])))?$")
# A custom range may not be longer than this (a report over decades is a typing mistake).
MAX_RANGE_DAYS = 366 * 5


@dataclass(frozen=True)
class Period:
    kind: str
    start: datetime.date
    end: datetime.date  # inclusive

    @property
    def token(self) -> str:
        if self.kind == MONTH:
            return f"{self.start.year}-{self.start.month:02d}"
        if self.kind == QUARTER:
            return f"{self.start.year}-Q{quarter_of(self.start)}"
        if self.kind == YEAR:
            return str(self.start.year)
        return ""

    @property
    def label(self) -> str:
        if self.kind == MONTH:
            return _("Tháng %(month)s/%(year)s") % {"month": self.start.month, "year": self.start.year}
        if self.kind == QUARTER:
            return _("Quý %(quarter)s/%(year)s") % {"quarter": ROMAN[quarter_of(self.start)], "year": self.start.year}
        if self.kind == YEAR:
            return _("Năm %(year)s") % {"year": self.start.year}
        return _("Từ %(start)s đến %(end)s") % {
            "start": self.start.strftime("%d/%m/%Y"),
            "end": self.end.strftime("%d/%m/%Y"),
        }

    def __str__(self) -> str:
        return self.label

    def contains(self, day: datetime.date) -> bool:
        return self.start <= day <= self.end

    def buckets(self, group: str) -> list[Period]:
        """The months, quarters or years (clipped to this period) that its rows are grouped in."""
        result = []
        current = bucket_of(self.start, group)
        while current.start <= self.end:
            result.append(current)
            current = bucket_of(current.end + datetime.timedelta(days=1), group)
        return result


def quarter_of(day: datetime.date) -> int:
    return (day.month - 1) // 3 + 1


def month(year: int, number: int) -> Period:
    return Period(
        MONTH, datetime.date(year, number, 1), datetime.date(year, number, calendar.monthrange(year, number)[1])
    )


def quarter(year: int, number: int) -> Period:
    first = 3 * (number - 1) + 1
    return Period(QUARTER, datetime.date(year, first, 1), month(year, first + 2).end)


def year(number: int) -> Period:
    return Period(YEAR, datetime.date(number, 1, 1), datetime.date(number, 12, 31))


def custom(start: datetime.date, end: datetime.date) -> Period:
    """A custom range; raises ValueError (with a Vietnamese message) if it runs backwards or too long."""
    if end < start:
        raise ValueError(_("Ngày kết thúc phải sau hoặc trùng ngày bắt đầu."))
    if (end - start).days > MAX_RANGE_DAYS:
        raise ValueError(_("Khoảng thời gian dài quá 5 năm."))
    return Period(RANGE, start, end)


def bucket_of(day: datetime.date, group: str) -> Period:
    """The month, quarter or year that contains `day`."""
    if group == MONTH:
        return month(day.year, day.month)
    if group == QUARTER:
        return quarter(day.year, quarter_of(day))
    if group == YEAR:
        return year(day.year)
    raise ValueError(group)


def parse(token: str) -> Period:
    """ "2026-11", "2026-Q4" or "2026" → the period; ValueError with a Vietnamese message otherwise."""
    match = TOKEN.match((token or "").strip())
    if not match or not 1900 <= int(match["year"]) <= 2999:
        raise ValueError(_("Kỳ báo cáo không hợp lệ: %(token)s.") % {"token": token})
    number = int(match["year"])
    if match["month"]:
        if not 1 <= int(match["month"]) <= 12:
            raise ValueError(_("Kỳ báo cáo không hợp lệ: %(token)s.") % {"token": token})
        return month(number, int(match["month"]))
    if match["quarter"]:
        return quarter(number, int(match["quarter"]))
    return year(number)


def choices(today: datetime.date, years: int = 3) -> list[tuple[str, str]]:
    """Named periods to pick from: the last `years` years, their quarters and months, newest first."""
    options = []
    for number in range(today.year, today.year - years, -1):
        options.append(year(number))
        for quarter_number in range(4, 0, -1):
            if quarter(number, quarter_number).start <= today:
                options.append(quarter(number, quarter_number))
        for month_number in range(12, 0, -1):
            if datetime.date(number, month_number, 1) <= today:
                options.append(month(number, month_number))
    return [(period.token, period.label) for period in options]


class PeriodTokenMixin:
    """For a select of the recent periods that also takes any other period token ("2012-Q3" in a link)."""

    default_error_messages = {"invalid_choice": gettext_lazy("Kỳ báo cáo không hợp lệ: %(value)s.")}

    def valid_value(self, value) -> bool:
        try:
            parse(value)
        except ValueError:
            return False
        return True


class PeriodChoiceField(PeriodTokenMixin, forms.ChoiceField):
    pass
