"""Search field declarations shared by the article models."""

from __future__ import annotations

from typing import Any

from wagtail.search import index


class MemoisedSearchField(index.SearchField):
    """A SearchField whose value is extracted once per page instance and field value.

    Wagtail's database indexer asks every search field for its value five times per page (title,
    body and autocomplete vectors, and their plain texts); for a StreamField each ask walks every
    block. The memo is dropped as soon as the field is given a new value.
    """

    def get_value(self, obj: Any) -> Any:
        memo = obj.__dict__.setdefault("_search_field_values", {})
        remembered = memo.get(self.field_name)
        if remembered is not None and remembered[0] is obj.__dict__.get(self.field_name):
            return remembered[1]
        value = super().get_value(obj)
        # Read after extracting: a StreamField swaps its raw data for a StreamValue on first access.
        memo[self.field_name] = (obj.__dict__.get(self.field_name), value)
        return value
