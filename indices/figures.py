"""Figures as a Vietnamese reader reads them: comma decimals, and a change said in words and symbols.

The symbol (▲ ▼ =) carries the direction without colour; the words carry it for screen readers,
which are given the words only (the symbol is marked aria-hidden in the templates).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

UP, DOWN, SAME = "up", "down", "same"
SYMBOLS = {UP: "▲", DOWN: "▼", SAME: "="}


def format_number(value: Decimal | float | int | None) -> str:
    """84.5200 → “84,52”; 100 → “100”; None → “” (Vietnamese: comma decimals, dot thousands)."""
    if value is None:
        return ""
    number = Decimal(str(value)) if not isinstance(value, Decimal) else value
    text = format(number.normalize(), "f")
    whole, _dot, fraction = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + ".".join(groups) + ("," + fraction if fraction else "")


@dataclass(frozen=True)
class Change:
    """One change from one year to the next: its direction, a symbol and the words."""

    direction: str
    words: str

    @property
    def symbol(self) -> str:
        return SYMBOLS[self.direction]

    def __str__(self) -> str:
        return f"{self.symbol} {self.words}"


def score_change(previous: Decimal, latest: Decimal, unit: str) -> Change:
    """“▲ tăng 2,3 điểm”, “▼ giảm 0,05 điểm”, “= không đổi”."""
    delta = latest - previous
    if delta > 0:
        return Change(UP, _("tăng %(amount)s %(unit)s") % {"amount": format_number(delta), "unit": unit})
    if delta < 0:
        return Change(DOWN, _("giảm %(amount)s %(unit)s") % {"amount": format_number(-delta), "unit": unit})
    return Change(SAME, _("không đổi"))


def rank_change(previous: int, latest: int) -> Change:
    """A smaller rank number is a better place: 14 → 12 is “▲ tăng 2 bậc”."""
    places = previous - latest
    if places > 0:
        return Change(UP, _("tăng %(places)s bậc") % {"places": places})
    if places < 0:
        return Change(DOWN, _("giảm %(places)s bậc") % {"places": -places})
    return Change(SAME, _("giữ nguyên thứ hạng"))
