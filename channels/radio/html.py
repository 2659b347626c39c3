"""Rich text (HTML) as a list of spoken parts: paragraphs, headings, list items, table rows."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
BLOCKS = HEADINGS | {"p", "li", "blockquote", "tr", "div", "br", "dt", "dd", "caption"}
CELLS = {"td", "th"}
SILENT = {"script", "style", "figure", "img", "iframe", "embed", "object"}


@dataclass
class Part:
    kind: str  # "heading" or "text"
    text: str


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[Part] = []
        self.buffer: list[str] = []
        self.kind = "text"
        self.silent = 0

    def flush(self) -> None:
        text = " ".join("".join(self.buffer).split())
        if text:
            self.parts.append(Part(self.kind, text))
        self.buffer = []
        self.kind = "text"

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in SILENT:
            self.silent += tag not in {"img", "embed"}
            return
        if tag in BLOCKS:
            self.flush()
            if tag in HEADINGS:
                self.kind = "heading"
        elif tag in CELLS and self.buffer and "".join(self.buffer).strip():
            self.buffer.append("; ")

    def handle_endtag(self, tag: str) -> None:
        if tag in SILENT:
            self.silent = max(0, self.silent - 1)
        elif tag in BLOCKS:
            self.flush()

    def handle_data(self, data: str) -> None:
        if not self.silent:
            self.buffer.append(data)


def parts_of(html: str) -> list[Part]:
    collector = _Collector()
    collector.feed(html or "")
    collector.close()
    collector.flush()
    return collector.parts
