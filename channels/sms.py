"""The SMS form of an article: one GSM-7 message of 160 characters, or 70 UCS-2 with diacritics.

A message is the text (the editor's, else the title) and, always last, the short absolute link to
the article (/s/<code>/). The text is cut at a word boundary, with "...", to leave room for it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

GSM7_LIMIT = 160
UCS2_LIMIT = 70

# The GSM 03.38 default alphabet and its extension table (an extension character costs two).
GSM7_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = set("^{}\\[~]|€")
# Typography that has a plain GSM-7 equivalent.
_PLAIN = str.maketrans(
    {
        "đ": "d",
        "Đ": "D",
        "“": '"',
        "”": '"',
        "‘": "'",
        "’": "'",
        "–": "-",
        "—": "-",
        "…": "...",
        "\u00a0": " ",
    }
)


def to_gsm7(text: str) -> str:
    """Vietnamese folded to the GSM-7 alphabet: diacritics removed (keeping case), đ → d."""
    decomposed = unicodedata.normalize("NFD", text.translate(_PLAIN))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = unicodedata.normalize("NFC", plain)
    return "".join(ch if ch in GSM7_BASIC or ch in GSM7_EXTENSION else "?" for ch in plain)


def gsm7_length(text: str) -> int:
    """Septets the text takes (extension characters take two); None-safe for any GSM-7 text."""
    return sum(2 if ch in GSM7_EXTENSION else 1 for ch in text)


def is_gsm7(text: str) -> bool:
    return all(ch in GSM7_BASIC or ch in GSM7_EXTENSION for ch in text)


def ucs2_length(text: str) -> int:
    """UTF-16 code units (Vietnamese precomposed letters are one each)."""
    return len(unicodedata.normalize("NFC", text).encode("utf-16-le")) // 2


@dataclass
class Sms:
    text: str
    encoding: str  # "GSM-7" or "UCS-2"
    limit: int

    @property
    def length(self) -> int:
        return gsm7_length(self.text) if self.encoding == "GSM-7" else ucs2_length(self.text)


def _fit(text: str, room: int, measure) -> str:
    text = " ".join(text.split())
    if measure(text) <= room:
        return text
    ellipsis = "..."
    words = text.split(" ")
    while words and measure(" ".join(words) + ellipsis) > room:
        words.pop()
    if words:
        return " ".join(words) + ellipsis
    # One word longer than the room: cut it.
    cut = text
    while cut and measure(cut + ellipsis) > room:
        cut = cut[:-1]
    return cut + ellipsis if cut else ""


def compose(text: str, link: str, keep_diacritics: bool = False) -> Sms:
    """One message: the text, fitted, then a space and the link."""
    if keep_diacritics:
        limit, measure, body = UCS2_LIMIT, ucs2_length, unicodedata.normalize("NFC", text)
        encoding = "UCS-2"
    else:
        limit, measure, body = GSM7_LIMIT, gsm7_length, to_gsm7(text)
        encoding = "GSM-7"
    room = limit - measure(link) - 1
    fitted = _fit(body, room, measure)
    message = f"{fitted} {link}" if fitted else link
    return Sms(message, encoding, limit)


def override_room(link: str) -> int:
    """How long the editor's GSM-7 text may be so that one SMS still carries the link."""
    return GSM7_LIMIT - gsm7_length(link) - 1
