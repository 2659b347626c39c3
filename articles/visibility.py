"""Public pages in the same query as the rest of a listing.

Wagtail's `PageQuerySet.public()` first reads every view restriction (one query), then filters by
their paths. A listing that asks it several times pays that query each time; this condition does
the same test inside the listing's own query: a page is private when it or an ancestor has a view
restriction, i.e. when a restricted page's path is a prefix of its own.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


def public_q() -> Q:
    restricted = PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path")))
    return ~Q(Exists(restricted))
