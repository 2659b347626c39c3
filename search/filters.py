"""What a citizen narrowed the search to: type, reform area, unit and a date range.

Applied inside the retrieval queries (search.retrieval) and, for the facet counts, to the
groups those queries count; `accepts` is the one definition both use.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

FACET_NAMES = ("type", "area", "unit")


@dataclass
class Filters:
    type: str = ""
    area: str = ""
    unit: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None

    @property
    def active(self) -> bool:
        return bool(self.type or self.area or self.unit or self.date_from or self.date_to)

    @property
    def dated(self) -> bool:
        return bool(self.date_from or self.date_to)

    def accepts_date(self, date: datetime.date | None) -> bool:
        if self.date_from and (date is None or date < self.date_from):
            return False
        if self.date_to and (date is None or date > self.date_to):
            return False
        return True

    def accepts_values(self, type_slug: str, unit_slug: str, area_slugs: str, in_dates: bool, ignore: str = "") -> bool:
        """Whether a page with these values passes every filter but `ignore` (a facet's own)."""
        if self.type and ignore != "type" and type_slug != self.type:
            return False
        if self.area and ignore != "area" and f" {self.area} " not in area_slugs:
            return False
        if self.unit and ignore != "unit" and unit_slug != self.unit:
            return False
        return in_dates

    def accepts(self, document, ignore: str = "") -> bool:
        """`accepts_values` for a search.engine.RankedDocument."""
        return self.accepts_values(
            document.type_slug, document.unit_slug, document.area_slugs, self.accepts_date(document.date), ignore
        )
