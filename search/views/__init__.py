"""The citizen search page and its autocomplete endpoint."""

from search.views.autocomplete import autocomplete
from search.views.click import open_result
from search.views.page import search

__all__ = ["autocomplete", "open_result", "search"]
