"""From a number as a guide's legal basis writes it to the document page that holds it."""

from __future__ import annotations

import datetime

from legal.models import DocumentPage
from legal.numbers import keys_in


def document_for(number: str, date: datetime.date | None = None) -> DocumentPage | None:
    """The live, public document with this number (compared by key); when the number repeats
    from year to year, the one issued on `date`, else in its year, else none."""
    keys = keys_in(number or "", whole=True)
    if not keys:
        return None
    documents = list(DocumentPage.objects.live().public().filter(number_key__in=keys).order_by("-issue_date"))
    if len(documents) <= 1 or date is None:
        return documents[0] if len(documents) == 1 else None
    for match in (
        [document for document in documents if document.issue_date == date],
        [document for document in documents if document.issue_date and document.issue_date.year == date.year],
    ):
        if len(match) == 1:
            return match[0]
    return None


def legal_basis_url(number: str, date, request) -> str:
    """The `resolve_legal_basis` hook: the URL of the document page, or "" when there is none."""
    if isinstance(date, str):
        try:
            date = datetime.date.fromisoformat(date)
        except ValueError:
            date = None
    document = document_for(number, date)
    return document.get_url(request) if document is not None else ""
