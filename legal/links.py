"""From a number as a guide's legal basis writes it to the document page that holds it."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from articles.visibility import public_q
from legal.models import DocumentPage
from legal.numbers import keys_in


def _as_date(value) -> datetime.date | None:
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return None
    return value


def _pick(documents: list[DocumentPage], date: datetime.date | None) -> DocumentPage | None:
    """One of the documents sharing a number: the only one, else the one issued on `date`, else
    the only one of that year, else none (a number repeated every year says too little)."""
    if len(documents) <= 1 or date is None:
        return documents[0] if len(documents) == 1 else None
    for match in (
        [document for document in documents if document.issue_date == date],
        [document for document in documents if document.issue_date and document.issue_date.year == date.year],
    ):
        if len(match) == 1:
            return match[0]
    return None


def documents_for(entries: Sequence[tuple[str, object]]) -> list[DocumentPage | None]:
    """For each (number, date) pair, the live, public document with that number (compared by
    key), chosen by `_pick`; all of them read in one query whatever the number of entries."""
    wanted = [set(keys_in(number or "", whole=True)) for number, _date in entries]
    every_key = set().union(*wanted) if wanted else set()
    if not every_key:
        return [None] * len(entries)
    found = list(DocumentPage.objects.live().filter(public_q(), number_key__in=every_key).order_by("-issue_date"))
    return [
        _pick([document for document in found if document.number_key in keys], _as_date(date)) if keys else None
        for keys, (_number, date) in zip(wanted, entries, strict=True)
    ]


def legal_basis_urls(entries: Sequence[tuple[str, object]], request) -> list[str]:
    """The `resolve_legal_basis` hook: for each (number, date), the document page's URL or ""."""
    return [document.get_url(request) if document else "" for document in documents_for(entries)]
