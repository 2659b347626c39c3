"""Vietnamese text folding shared by slugs, the search index and the query parser.

Citizens type without diacritics, Word pastes decomposed (NFD) text, and keyboards disagree on
where the tone mark goes (hòa / hoà). Everything that compares Vietnamese words goes through here.

Two keys per word:

* the *exact key* keeps the letters with their vowel marks (â ă ê ô ơ ư đ) and moves the tone mark
  to a suffix, so "hòa" and "hoà", NFC and NFD, "kí" and "ký" all give ``hoa_f`` / ``ki_s``;
* the *fold key* drops every mark (đ → d) as well: ``hoa``, ``ki``.
"""

import re
import unicodedata
from functools import lru_cache

_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})
_NON_SLUG = re.compile(r"[^a-z0-9]+")
_WORD = re.compile(r"[^\W_]+")

# The five tone marks, named after their Telex keys; the vowel marks (â ă ê ô ơ ư) are not tones.
TONE_MARKS = {"\u0300": "f", "\u0301": "s", "\u0303": "x", "\u0309": "r", "\u0323": "j"}

# kí/ký, lí/lý, mĩ/mỹ, qui/quy: after a consonant, a final i and y are the same sound and both are
# accepted spellings. Both map to i.
_I_Y_VARIANT = re.compile(r"^(b|c|ch|d|đ|g|gh|h|k|kh|l|m|n|ng|nh|p|ph|qu|r|s|t|th|tr|v|x)y$")


def fold(text: str) -> str:
    """Lower-case ASCII form of Vietnamese text: diacritics removed, đ → d."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_MAP))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).lower()


def slugify_vi(text: str, max_length: int = 80) -> str:
    """URL slug of a Vietnamese title: "Đăng ký khai sinh" → "dang-ky-khai-sinh"."""
    slug = _NON_SLUG.sub("-", fold(text)).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug


def words(text: str) -> list[str]:
    """The words of a text, in NFC and lower case, split on anything that is not a letter or digit."""
    return _WORD.findall(unicodedata.normalize("NFC", text).lower())


@lru_cache(maxsize=100_000)
def exact_key(word: str) -> str:
    """A word with its vowel marks, tone moved to a suffix, i/y unified: "Thuỷ" → "thuy_r"."""
    tone = ""
    base = []
    for ch in unicodedata.normalize("NFD", word.lower()):
        mark = TONE_MARKS.get(ch)
        if mark:
            tone = mark
        elif unicodedata.combining(ch) and ch not in "\u0302\u0306\u031b":
            continue  # a stray mark from another alphabet: ignore it
        else:
            base.append(ch)
    letters = unicodedata.normalize("NFC", "".join(base))
    letters = _I_Y_VARIANT.sub(lambda match: match.group(1) + "i", letters)
    return f"{letters}_{tone}" if tone else letters


@lru_cache(maxsize=100_000)
def fold_key(word: str) -> str:
    """A word with every mark removed and i/y unified: "Ký" → "ki", "Đăng" → "dang"."""
    return fold(exact_key(word).split("_", 1)[0])


def has_marks(word: str) -> bool:
    """True when the word carries any Vietnamese mark (tone, vowel mark or đ)."""
    return fold(word) != word.lower()


def exact_keys(text: str) -> list[str]:
    return [exact_key(word) for word in words(text)]


def fold_keys(text: str) -> list[str]:
    return [fold_key(word) for word in words(text)]
