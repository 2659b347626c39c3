"""Vietnamese text folding shared by slugs, the search index and the query parser.

Citizens type without diacritics, Word pastes decomposed (NFD) text, and keyboards disagree on
where the tone mark goes (hòa / hoà). Everything that compares Vietnamese words goes through here.
"""

import re
import unicodedata

_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})
_NON_SLUG = re.compile(r"[^a-z0-9]+")


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
