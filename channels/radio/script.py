"""The radio script of an article: generated from its fields, or the editor's own text.

An opening line naming the unit, the title, summary and body (headings become spoken transitions,
lists and tables become sentences), for guides the steps, documents, time and fee, then a closing
line naming the unit again. Every written form goes through `normalise.spoken`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from articles.models import ArticlePage, FaqPage, GuidePage
from channels.models import Abbreviation, ChannelOptions, ChannelSettings, LanguageVersion
from channels.radio.html import parts_of
from channels.radio.normalise import Vocabulary, spoken

_COUNTED = re.compile(r"[^\W_]")
_END = re.compile(r"[.!?:…]$")


def vocabulary() -> Vocabulary:
    abbreviations: dict[str, str] = {}
    issuers: dict[str, str] = {}
    for kind, short_form, spoken_form in Abbreviation.objects.values_list("kind", "short_form", "spoken_form"):
        (issuers if kind == Abbreviation.Kind.ISSUER else abbreviations)[short_form] = spoken_form
    return Vocabulary(abbreviations, issuers)


def word_count(text: str) -> int:
    """Spoken words: Vietnamese is counted in syllables, each written apart (and each number)."""
    return sum(1 for token in text.split() if _COUNTED.search(token))


def reading_seconds(words: int, words_per_minute: int) -> int:
    return math.ceil(words * 60 / words_per_minute) if words else 0


def duration_label(seconds: int) -> str:
    minutes, rest = divmod(seconds, 60)
    if minutes and rest:
        return _("%(minutes)d phút %(seconds)d giây") % {"minutes": minutes, "seconds": rest}
    if minutes:
        return _("%(minutes)d phút") % {"minutes": minutes}
    return _("%(seconds)d giây") % {"seconds": rest}


@dataclass
class Script:
    text: str
    words_per_minute: int
    overridden: bool = False
    language: str = ""

    @property
    def words(self) -> int:
        return word_count(self.text)

    @property
    def seconds(self) -> int:
        return reading_seconds(self.words, self.words_per_minute)

    @property
    def note(self) -> str:
        return _(
            "[Ghi chú cho phát thanh viên: thời lượng đọc ước tính %(duration)s, %(words)d từ, "
            "tốc độ %(pace)d từ/phút.]"
        ) % {"duration": duration_label(self.seconds), "words": self.words, "pace": self.words_per_minute}

    def as_plain_text(self) -> str:
        return f"{self.note}\n\n{self.text.strip()}\n"


def sentence(text: str) -> str:
    text = text.strip()
    return text if not text or _END.search(text) else text + "."


class ScriptWriter:
    """Builds the generated script of one article with one vocabulary."""

    def __init__(self, words: Vocabulary) -> None:
        self.words = words

    def say(self, text: str) -> str:
        return sentence(spoken(text, self.words))

    def rich_text(self, html: str) -> list[str]:
        lines = []
        for part in parts_of(html):
            if part.kind == "heading":
                lines.append(_("Tiếp theo là phần: %(heading)s") % {"heading": self.say(part.text)})
            else:
                lines.append(self.say(part.text))
        return lines

    def body(self, stream) -> list[str]:
        lines: list[str] = []
        for block in stream:
            if block.block_type == "paragraph":
                lines += self.rich_text(block.value.source)
            elif block.block_type == "quote":
                attribution = block.value.get("attribution")
                quoted = self.say(block.value["text"])
                lines.append(
                    _("Trích dẫn ý kiến của %(who)s: %(text)s") % {"who": attribution, "text": quoted}
                    if attribution
                    else _("Trích dẫn: %(text)s") % {"text": quoted}
                )
            elif block.block_type == "table":
                for row in (block.value or {}).get("data") or []:
                    cells = [str(cell).strip() for cell in row if cell and str(cell).strip()]
                    if cells:
                        lines.append(self.say("; ".join(cells)))
            # images, attachments and embeds are seen, not heard
        return lines

    def guide(self, page: GuidePage) -> list[str]:
        lines = []
        if page.agency:
            lines.append(self.say(_("Cơ quan thực hiện: %(agency)s") % {"agency": page.agency}))
        steps = list(page.steps)
        if steps:
            lines.append(_("Trình tự thực hiện gồm %(count)d bước.") % {"count": len(steps)})
            for number, block in enumerate(steps, start=1):
                lines.append(
                    _("Bước %(number)d: %(title)s") % {"number": number, "title": self.say(block.value["title"])}
                )
                if block.value.get("description"):
                    lines += self.rich_text(block.value["description"].source)
        for group in page.document_groups:
            names = [document["name"] for document in group.value["documents"]]
            if names:
                case = group.value.get("case")
                lead = _("Hồ sơ trong trường hợp %(case)s gồm") % {"case": case} if case else _("Hồ sơ gồm")
                lines.append(self.say(f"{lead}: {'; '.join(names)}"))
        for block in page.submission_methods:
            method = block.value
            label = dict(block.block.child_blocks["method"].field.choices).get(method["method"], "")
            lines.append(
                self.say(
                    _("%(method)s: thời hạn giải quyết %(time)s; phí, lệ phí: %(fee)s")
                    % {"method": label, "time": method["processing_time"], "fee": method["fee"]}
                )
            )
        return lines

    def script(self, page: ArticlePage) -> str:
        unit = spoken(page.unit.name, self.words)
        lines = [
            _("Kính thưa bà con! %(unit)s xin gửi tới bà con bản tin cải cách hành chính.") % {"unit": unit},
        ]
        if isinstance(page, FaqPage):
            lines.append(_("Câu hỏi: %(question)s") % {"question": self.say(page.title)})
            lines.append(_("Trả lời như sau."))
        else:
            lines.append(self.say(page.title))
        lines.append(self.say(page.summary))
        if isinstance(page, GuidePage):
            lines += self.guide(page)
        lines += self.body(page.body)
        lines.append(
            _(
                "Bà con cần tìm hiểu thêm, xin mời xem trên Trang thông tin cải cách hành chính tỉnh Cao Bằng "
                "hoặc hỏi trực tiếp %(unit)s. Bản tin do %(unit)s cung cấp. Xin cảm ơn bà con đã lắng nghe!"
            )
            % {"unit": unit}
        )
        return "\n\n".join(line for line in lines if line.strip())


def options_of(page: ArticlePage) -> ChannelOptions | None:
    return next(iter(page.channel_options.all()), None)


def generated_script(page: ArticlePage) -> str:
    return ScriptWriter(vocabulary()).script(page)


def words_per_minute(site) -> int:
    return (
        ChannelSettings.for_site(site).words_per_minute
        if site
        else ChannelSettings._meta.get_field("words_per_minute").default
    )


def radio_script(page: ArticlePage, site) -> Script:
    """The script to broadcast: the editor's text when there is one, else the generated one."""
    pace = words_per_minute(site)
    options = options_of(page)
    if options and options.radio_script.strip():
        return Script(options.radio_script.strip(), pace, overridden=True)
    return Script(generated_script(page), pace)


def language_script(version: LanguageVersion, site) -> Script:
    return Script(version.text.strip(), words_per_minute(site), overridden=True, language=version.language.code)
