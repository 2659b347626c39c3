"""Written Vietnamese to what an announcer says: abbreviations, document numbers, dates, ranges, links.

Numbers stay as digits: every announcer reads "61" or "2.100" correctly, and a number reader
would only add mistakes (docs/channels.md says why we did not take vinorm). What a listener cannot
hear is the *written convention*: "61/2018/NĐ-CP", "15/7/2021", "2021 - 2025", "UBND", a URL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# A letter of any alphabet (Vietnamese included) or a digit: what may not touch an abbreviation.
_WORD_CHAR = r"[^\W_]"

URL = re.compile(r"(?:https?://|www\.)[^\s<>()\"']+[^\s<>()\"'.,;:!?]", re.IGNORECASE)
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")

# 61/2018/NĐ-CP · 107/2021/NĐ-CP · 39/2020/TT-BTTTT · 59/2020/QH14 · 327/QĐ-UBND · 18-NQ/TW
_DOC_TYPE = r"[A-ZĐ]{1,4}"
_ISSUER = r"(?P<issuer>[A-ZĐa-zđ&]{1,10}?)(?P<issuer_term>\d{1,2})?"
DOC_WITH_YEAR = re.compile(
    rf"(?<!{_WORD_CHAR})(?P<number>\d{{1,5}})/(?P<year>(?:19|20)\d{{2}})/(?:(?:{_DOC_TYPE})-)?{_ISSUER}(?!{_WORD_CHAR})"
)
DOC_WITHOUT_YEAR = re.compile(
    rf"(?<!{_WORD_CHAR})(?P<number>\d{{1,5}})(?:/|-)(?:{_DOC_TYPE})[-/]{_ISSUER}(?!{_WORD_CHAR})"
)

DAY_MONTH_YEAR = re.compile(
    rf"(?<!{_WORD_CHAR}|/)(?P<prefix>ngày\s+)?(?P<day>\d{{1,2}})([/.-])(?P<month>\d{{1,2}})\3(?P<year>\d{{4}})(?!{_WORD_CHAR}|/)",
    re.IGNORECASE,
)
MONTH_YEAR = re.compile(
    rf"(?<!{_WORD_CHAR}|/)(?P<prefix>tháng\s+)?(?P<month>\d{{1,2}})/(?P<year>(?:19|20)\d{{2}})(?!{_WORD_CHAR}|/)",
    re.IGNORECASE,
)
YEAR_RANGE = re.compile(rf"(?<!{_WORD_CHAR})((?:19|20)\d{{2}})\s*[-–—]\s*((?:19|20)\d{{2}})(?!{_WORD_CHAR})")
NUMBER_RANGE = re.compile(rf"(?<!{_WORD_CHAR})(\d+)\s*[–—]\s*(\d+)(?!{_WORD_CHAR})")
PERCENT = re.compile(r"(\d)\s*%")
CLOCK = re.compile(rf"(?<!{_WORD_CHAR})(\d{{1,2}})\s*(?:h|giờ)\s*(\d{{2}})(?!{_WORD_CHAR})")
SPACES = re.compile(r"[ \t\u00a0]+")

SPOKEN_LINK = "(địa chỉ trang web đăng trên Trang thông tin cải cách hành chính tỉnh Cao Bằng)"
SPOKEN_EMAIL = "(địa chỉ thư điện tử đăng trên Trang thông tin cải cách hành chính tỉnh Cao Bằng)"


@dataclass
class Vocabulary:
    """Short forms in sentences, and issuers in document symbols, each with how it is read."""

    abbreviations: dict[str, str] = field(default_factory=dict)
    issuers: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Longest first, so "DVCTT" wins over "DVC" and "PAR INDEX" over any shorter form.
        forms = sorted(self.abbreviations, key=len, reverse=True)
        self._abbreviation = (
            re.compile(rf"(?<!{_WORD_CHAR})(?:{'|'.join(re.escape(form) for form in forms)})(?!{_WORD_CHAR})")
            if forms
            else None
        )

    def issuer(self, short_form: str, term: str | None) -> str | None:
        spoken = self.issuers.get(short_form)
        if spoken is None:
            return None
        return f"{spoken} khóa {term}" if term else spoken

    def expand(self, text: str) -> str:
        if self._abbreviation is None:
            return text
        # "thủ tục hành chính (TTHC)": the short form that only introduces itself is not read twice.
        for short_form, spoken in self.abbreviations.items():
            text = re.sub(rf"({re.escape(spoken)})\s*\({re.escape(short_form)}\)", r"\1", text, flags=re.IGNORECASE)
        return self._abbreviation.sub(self._spoken_in_place, text)

    def _spoken_in_place(self, match: re.Match) -> str:
        """The spoken form, less what the sentence already said just before the short form.

        "Chỉ số cải cách hành chính PAR INDEX" → the short form adds nothing; "Chỉ số PAR INDEX" →
        "Chỉ số cải cách hành chính", not "Chỉ số Chỉ số cải cách hành chính".
        """
        spoken = self.abbreviations[match.group(0)]
        before = " ".join(match.string[: match.start()].split()).casefold()
        words = spoken.split()
        for size in range(len(words), 0, -1):
            said = " ".join(words[:size]).casefold()
            if before.endswith(said) and (len(before) == len(said) or not before[-len(said) - 1].isalnum()):
                return " ".join(words[size:])
        return spoken


def _document(vocabulary: Vocabulary, with_year: bool):
    def replace(match: re.Match) -> str:
        issuer = vocabulary.issuer(match.group("issuer"), match.group("issuer_term"))
        if issuer is None:
            return match.group(0)  # an unknown symbol is left as written, not misread
        year = f" năm {match.group('year')}" if with_year else ""
        return f"{match.group('number')}{year} của {issuer}"

    return replace


def _date(match: re.Match) -> str:
    day, month = int(match.group("day")), int(match.group("month"))
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return match.group(0)
    prefix = match.group("prefix") or ""
    word = prefix.strip() or "ngày"
    return f"{word} {day} tháng {month} năm {match.group('year')}"


def _month(match: re.Match) -> str:
    month = int(match.group("month"))
    if not 1 <= month <= 12:
        return match.group(0)
    word = (match.group("prefix") or "").strip() or "tháng"
    return f"{word} {month} năm {match.group('year')}"


def spoken(text: str, vocabulary: Vocabulary) -> str:
    """The text as it is read aloud (one paragraph in, one paragraph out)."""
    text = URL.sub(SPOKEN_LINK, text)
    text = EMAIL.sub(SPOKEN_EMAIL, text)
    text = DOC_WITH_YEAR.sub(_document(vocabulary, with_year=True), text)
    text = DOC_WITHOUT_YEAR.sub(_document(vocabulary, with_year=False), text)
    text = DAY_MONTH_YEAR.sub(_date, text)
    text = MONTH_YEAR.sub(_month, text)
    text = YEAR_RANGE.sub(r"\1 đến \2", text)
    text = NUMBER_RANGE.sub(r"\1 đến \2", text)
    text = CLOCK.sub(r"\1 giờ \2", text)
    text = PERCENT.sub(r"\1 phần trăm", text)
    text = vocabulary.expand(text)
    return SPACES.sub(" ", text).strip()
