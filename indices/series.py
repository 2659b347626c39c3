"""One index's results as a series of years, each compared with the year before it.

The pages, the chart and its table all read the same `IndexSeries`, so they show the same figures.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from indices.figures import Change, format_number, rank_change, score_change
from indices.models import IndexResult, ReformIndex


@dataclass
class YearRow:
    """One year's result and how it moved since the previous published year."""

    result: IndexResult
    previous: IndexResult | None = None
    score_change: Change | None = None
    rank_change: Change | None = None
    rank_note: str = ""

    @property
    def year(self) -> int:
        return self.result.year


def _compare(index: ReformIndex, result: IndexResult, previous: IndexResult | None) -> YearRow:
    row = YearRow(result=result, previous=previous)
    if previous is None:
        return row
    row.score_change = score_change(previous.score, result.score, index.change_unit)
    if result.rank and previous.rank:
        if result.out_of == previous.out_of:
            row.rank_change = rank_change(previous.rank, result.rank)
        else:
            # 63 provinces until 2025, 34 after the merger: a place among 63 is not a place among 34.
            row.rank_note = _(
                "Không so sánh thứ hạng: năm %(previous_year)s xếp trên %(previous_count)s tỉnh, thành phố, "
                "năm %(year)s trên %(count)s."
            ) % {
                "previous_year": previous.year,
                "previous_count": previous.out_of,
                "year": result.year,
                "count": result.out_of,
            }
    return row


@dataclass
class IndexSeries:
    index: ReformIndex
    rows: list[YearRow] = field(default_factory=list)  # oldest first

    @classmethod
    def of(cls, index: ReformIndex, results: Iterable[IndexResult]) -> IndexSeries:
        series = cls(index=index)
        previous = None
        for result in sorted(results, key=lambda result: result.year):
            series.rows.append(_compare(index, result, previous))
            previous = result
        return series

    @property
    def latest(self) -> YearRow | None:
        return self.rows[-1] if self.rows else None

    @property
    def rows_newest_first(self) -> list[YearRow]:
        return list(reversed(self.rows))

    @property
    def has_examples(self) -> bool:
        return any(row.result.is_example for row in self.rows)

    @property
    def years_text(self) -> str:
        if not self.rows:
            return ""
        first, last = self.rows[0].year, self.rows[-1].year
        return str(first) if first == last else f"{first}–{last}"

    @property
    def version(self) -> str:
        """Changes whenever anything the chart draws changes: the chart's URL carries it, so a
        cached chart never disagrees with the table printed beside it."""
        drawn = [self.index.abbreviation, str(self.index.minimum), str(self.index.maximum), self.index.unit]
        drawn += [f"{row.year}:{row.result.score}:{row.result.is_example}" for row in self.rows]
        return hashlib.sha256("|".join(drawn).encode()).hexdigest()[:12]

    def points(self) -> list[tuple[int, str]]:
        """(year, score as written) in year order: what the chart plots and the table lists."""
        return [(row.year, format_number(row.result.score)) for row in self.rows]

    @cached_property
    def sub_index_table(self) -> tuple[list[int], list[tuple[str, list[str]]]]:
        """Years that have sub-indices, and one row per sub-index name with its score in each year."""
        years = [row.year for row in self.rows if row.result.sub_indices.all()]
        names: list[str] = []
        scores: dict[tuple[str, int], str] = {}
        for row in reversed(self.rows):  # the latest year's names and order first
            for sub_index in row.result.sub_indices.all():
                if sub_index.name not in names:
                    names.append(sub_index.name)
                scores[(sub_index.name, row.year)] = sub_index.score_text
        return years, [(name, [scores.get((name, year), "") for year in years]) for name in names]


def results_queryset():
    return IndexResult.objects.prefetch_related("sub_indices")


def all_series() -> list[IndexSeries]:
    """Every index, in its order, with its results (two queries in all, plus one for sub-indices)."""
    indexes = ReformIndex.objects.prefetch_related(Prefetch("results", queryset=results_queryset()))
    return [IndexSeries.of(index, index.results.all()) for index in indexes]


def series_of(index: ReformIndex) -> IndexSeries:
    return IndexSeries.of(index, results_queryset().filter(index=index))
