"""Document numbers (số, ký hiệu) as people write them, and one key to compare them by.

A number is kept exactly as written on the document (`61/2018/NĐ-CP`, `76/NQ-CP`, `10-CT/TU`,
`2439/KH-UBND`); citizens and editors type it in many ways (`61/2018/ND-CP`, `Số 61/2018/NĐ-CP`,
`61 / 2018 / nđ-cp`). `number_key` maps all of them to one key: folded to lower-case ASCII
(đ → d), without spaces and without a leading "số", every kind of dash read as "-".
"""

from __future__ import annotations

import re

from home.text import fold

_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_LEADING_WORD = re.compile(r"^(?:so|number|no)\b[\s.:]*")
_SPACES = re.compile(r"\s+")
# A number inside running text: its sequence number, the year for legal normative documents, then
# the type and issuer codes (letters, digits for the legislature's term, "&" in "TT&TT").
_IN_TEXT = re.compile(
    r"(?<![\w/-])(\d{1,6}(?:/\d{4})?[/-][^\W\d_]{1,12}\d{0,3}(?:[-/][^\W_]{1,20}(?:&[^\W_]{1,10})?)*)(?![\w&])",
)
# The part of a number before its type code: "61/2018" of 61/2018/NĐ-CP, "76" of 76/NQ-CP.
_HEAD = re.compile(r"^\d{1,6}(?:/\d{4})?")


def number_key(number: str) -> str:
    """The comparison key of a number: `Số 61/2018/NĐ-CP` and `61/2018/nd-cp` → `61/2018/nd-cp`."""
    text = _DASHES.sub("-", fold(number or "")).strip()
    text = _LEADING_WORD.sub("", text)
    return _SPACES.sub("", text)


def numbers_in(text: str) -> list[str]:
    """Every document number written in a text, as written (`theo Nghị định 61/2018/NĐ-CP …`)."""
    return [match.group(1) for match in _IN_TEXT.finditer(_DASHES.sub("-", text or ""))]


def keys_in(text: str, *, whole: bool = False) -> set[str]:
    """The keys of the numbers a text cites; with `whole`, also the key of the whole text (a
    field that holds only a number, however spaced: `61 / 2018 / NĐ-CP`)."""
    keys = {number_key(number) for number in numbers_in(text)}
    if whole and number_key(text):
        keys.add(number_key(text))
    return keys


def number_head(number: str) -> str:
    """The sequence number and year alone, as citizens often type them: `61/2018`, `76`."""
    match = _HEAD.match((number or "").strip())
    return match.group(0) if match else ""


def prefilter_token(number: str) -> str:
    """A short ASCII piece that the usual written forms of the number contain, whatever their
    letters and marks (for a database LIKE before the exact check): `61/2018/`, `76/`, `10-`."""
    key = number_key(number)
    match = re.match(r"^\d+(?:/\d{4})?[/-]?", key)
    return match.group(0) if match else key
