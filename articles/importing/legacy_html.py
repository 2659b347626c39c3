"""Old-portal HTML → the blocks of an article body, whatever shape the HTML is in.

Legacy article HTML is rarely well formed: images inside paragraphs, tables, runs of <br>,
<font> and <span style>, Word's own markup, nested lists, tags never closed. Wagtail's editor
converter expects clean input (an image inside a paragraph stops it with an assertion), so the
HTML is first rebuilt here, tolerantly, into what the editor allows: paragraphs, two heading
levels, lists (nested), bold, italic, links and rules — and each table becomes a table block.
Images cannot be brought in from another site's paths: each is dropped, its alt text kept in the
text as "[Ảnh: …]", and counted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

from django.utils.translation import gettext as _

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
DROPPED = {"script", "style", "head", "title", "noscript", "template", "iframe", "object", "svg", "math", "select"}
BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "address", "dd", "dt", "figcaption", "caption"}
HEADINGS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h3", "h5": "h3", "h6": "h3"}
BOLD = {"b", "strong"}
ITALIC = {"i", "em", "cite", "dfn"}
SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:", "/")
MAX_DEPTH = 200
SCOPE = {"table", "td", "th", "li", "ul", "ol", "blockquote", "div"}
# tag → (open elements it ends, elements that stop the search)
IMPLIED_END = {
    "li": ({"li"}, {"ul", "ol", "table"}),
    "dt": ({"dt", "dd"}, {"dl", "table"}),
    "dd": ({"dt", "dd"}, {"dl", "table"}),
    "td": ({"td", "th"}, {"tr", "table"}),
    "th": ({"td", "th"}, {"tr", "table"}),
    "tr": ({"tr"}, {"table"}),
    "thead": ({"thead", "tbody", "tfoot"}, {"table"}),
    "tbody": ({"thead", "tbody", "tfoot"}, {"table"}),
    "tfoot": ({"thead", "tbody", "tfoot"}, {"table"}),
}
CONTAINERS = {"div", "section", "article", "center", "main", "header", "footer", "aside", "nav", "figure", "form"}
P_CLOSERS = {"p", "div", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "dl"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list = field(default_factory=list)  # Node or str


class _TreeBuilder(HTMLParser):
    """A forgiving DOM: an end tag closes the nearest open element of its name, stray ends are
    ignored, void elements never open, and whatever is left open is closed at the end."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root")
        self.stack = [self.root]

    def _close_implied(self, tag: str) -> None:
        """HTML's optional end tags: a new <li> ends the open one, a new cell the open cell, a
        block the open paragraph (as browsers read old pages)."""
        closes = IMPLIED_END.get(tag)
        if tag in P_CLOSERS:
            closes = ({"p"}, SCOPE)
        if not closes:
            return
        targets, barriers = closes
        for position in range(len(self.stack) - 1, 0, -1):
            current = self.stack[position].tag
            if current in targets:
                del self.stack[position:]
                return
            if current in barriers:
                return

    def handle_starttag(self, tag: str, attrs) -> None:
        tag = tag.lower().split(":")[-1] if ":" in tag else tag.lower()  # Word's <o:p>, <w:...>
        self._close_implied(tag)
        node = Node(tag, {name.lower(): value or "" for name, value in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID and len(self.stack) < MAX_DEPTH:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs) -> None:
        tag = tag.lower()
        self.stack[-1].children.append(Node(tag, {name.lower(): value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        tag = tag.lower().split(":")[-1] if ":" in tag else tag.lower()
        for position in range(len(self.stack) - 1, 0, -1):
            if self.stack[position].tag == tag:
                del self.stack[position:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


@dataclass
class Converted:
    """The body as StreamField blocks before the editor's own cleaning, and what could not come in."""

    blocks: list[tuple[str, object]] = field(default_factory=list)  # ("rich_text", html) or ("table", value)
    dropped_images: int = 0


class _Emitter:
    def __init__(self) -> None:
        self.result = Converted()
        self.html: list[str] = []  # rich text waiting to become a paragraph block
        self.inline: list[str] = []  # the text block being filled
        self.block_tag = "p"
        self.breaks = 0

    # Inline content ---------------------------------------------------------------------------

    def text(self, value: str) -> None:
        collapsed = " ".join(value.split())
        if not collapsed:
            if value and self.inline and not self.inline[-1].endswith(" "):
                self.inline.append(" ")
            return
        if value[:1].isspace() and self.inline and not self.inline[-1].endswith((" ", "<br/>")):
            self.inline.append(" ")
        self.inline.append(escape(collapsed, quote=False))
        if value[-1:].isspace():
            self.inline.append(" ")
        self.breaks = 0

    def line_break(self) -> None:
        self.breaks += 1
        if self.breaks == 2:  # a blank line between two runs of text: a new paragraph
            if self.inline and self.inline[-1] == "<br/>":
                self.inline.pop()
            self.flush_text()
        elif self.breaks == 1 and self.inline:
            self.inline.append("<br/>")

    def image(self, node: Node) -> None:
        self.result.dropped_images += 1
        alt = " ".join(node.attrs.get("alt", "").split())
        if alt:
            self.text(" " + _("[Ảnh: %(alt)s]") % {"alt": alt} + " ")

    def inline_children(self, node: Node, depth: int) -> None:
        for child in node.children:
            if isinstance(child, str):
                self.text(child)
            else:
                self.inline_node(child, depth + 1)

    def inline_node(self, node: Node, depth: int) -> None:
        tag = node.tag
        if depth > MAX_DEPTH or tag in DROPPED:
            return
        if tag == "br":
            self.line_break()
        elif tag == "img":
            self.image(node)
        elif tag in BLOCKS or tag in {"ul", "ol", "table", "hr", "div", "li", "tr", "section", "article"}:
            self.node(node, depth)  # a block inside a paragraph ends the paragraph
        elif tag in BOLD or tag in ITALIC:
            wrapper = "b" if tag in BOLD else "i"
            self.inline.append(f"<{wrapper}>")
            self.inline_children(node, depth)
            self.close_inline(wrapper)
        elif tag == "a" and node.attrs.get("href", "").strip().lower().startswith(SAFE_SCHEMES):
            self.inline.append(f'<a href="{escape(node.attrs["href"].strip())}">')
            self.inline_children(node, depth)
            self.close_inline("a")
        else:  # font, span, u, sub, sup, small, Word's o:p, unknown tags: their text only
            self.inline_children(node, depth)

    def close_inline(self, tag: str) -> None:
        opened = self.inline[-1] if self.inline else ""
        if opened == f"<{tag}>" or (tag == "a" and opened.startswith("<a ")):
            self.inline.pop()  # nothing inside: no empty element
        else:
            self.inline.append(f"</{tag}>")

    def flush_text(self) -> None:
        content = "".join(self.inline).strip()
        while content.endswith("<br/>"):
            content = content[: -len("<br/>")].rstrip()
        while content.startswith("<br/>"):
            content = content[len("<br/>") :].lstrip()
        if content:
            self.html.append(f"<{self.block_tag}>{content}</{self.block_tag}>")
        self.inline = []
        self.block_tag = "p"
        self.breaks = 0

    def flush_html(self) -> None:
        self.flush_text()
        if self.html:
            self.result.blocks.append(("rich_text", "".join(self.html)))
            self.html = []

    # Blocks -----------------------------------------------------------------------------------

    def node(self, node: Node, depth: int = 0) -> None:
        tag = node.tag
        if depth > MAX_DEPTH or tag in DROPPED:
            return
        if tag in BLOCKS:
            self.flush_text()
            self.block_tag = HEADINGS.get(tag, "p")
            self.inline_children(node, depth)
            self.flush_text()
        elif tag in {"ul", "ol"}:
            self.flush_text()
            listing = self.list_html(node, depth)
            if listing:
                self.html.append(listing)
        elif tag == "li":  # a list item outside any list
            self.flush_text()
            self.inline_children(node, depth)
            self.flush_text()
        elif tag == "table":
            self.flush_html()
            table = self.table(node)
            if table is not None:
                self.result.blocks.append(("table", table))
        elif tag == "hr":
            self.flush_text()
            self.html.append("<hr/>")
        elif tag in {"br", "img", "a"} or tag in BOLD | ITALIC:
            self.inline_node(node, depth)
        else:  # html, body, div, section, center, font, span …: containers
            block = tag in CONTAINERS
            if block:
                self.flush_text()
            for child in node.children:
                if isinstance(child, str):
                    self.text(child)
                else:
                    self.node(child, depth + 1)
            if block:
                self.flush_text()

    def list_html(self, node: Node, depth: int) -> str:
        items = []
        for child in node.children:
            if isinstance(child, str):
                if child.strip():
                    items.append(f"<li>{escape(' '.join(child.split()), quote=False)}</li>")
                continue
            if child.tag != "li":
                if child.tag in {"ul", "ol"} and items:  # a list directly in a list: nest it in the last item
                    nested = self.list_html(child, depth + 1)
                    if nested:
                        items[-1] = items[-1][: -len("</li>")] + nested + "</li>"
                continue
            nested_lists = []
            saved_inline, saved_breaks = self.inline, self.breaks
            self.inline, self.breaks = [], 0
            for grandchild in child.children:
                if isinstance(grandchild, str):
                    self.text(grandchild)
                elif grandchild.tag in {"ul", "ol"}:
                    nested_lists.append(self.list_html(grandchild, depth + 1))
                elif grandchild.tag == "img":
                    self.image(grandchild)
                elif grandchild.tag in BLOCKS or grandchild.tag == "div":
                    self.inline_children(grandchild, depth + 1)  # <li><p>…</p></li>: the item's text
                else:
                    self.inline_node(grandchild, depth + 1)
            text_parts = "".join(self.inline).replace("<br/>", " ").strip()
            self.inline, self.breaks = saved_inline, saved_breaks
            nested = "".join(nested_lists)
            if text_parts or nested:
                items.append(f"<li>{text_parts}{nested}</li>")
        if not items:
            return ""
        tag = "ol" if node.tag == "ol" else "ul"
        return f"<{tag}>{''.join(items)}</{tag}>"

    def table(self, node: Node) -> dict | None:
        rows: list[list[str]] = []
        header_first = False
        caption = ""
        for row in _rows(node):
            cells = [cell for cell in row.children if isinstance(cell, Node) and cell.tag in {"td", "th"}]
            if not cells:
                continue
            if not rows:
                header_first = all(cell.tag == "th" for cell in cells)
            rows.append([_plain_text(cell, self) for cell in cells])
        for child in node.children:
            if isinstance(child, Node) and child.tag == "caption":
                caption = _plain_text(child, self)
        if not rows:
            return None
        width = max(len(row) for row in rows)
        data = [row + [""] * (width - len(row)) for row in rows]
        return {
            "data": data,
            "first_row_is_table_header": header_first,
            "first_col_is_header": False,
            "table_caption": caption[:255],
            "cell": [],
            "mergedCells": [],
        }


def _rows(table: Node, depth: int = 0) -> list[Node]:
    """The table's own rows, through thead/tbody/tfoot, not those of tables nested in cells."""
    rows = []
    for child in table.children:
        if not isinstance(child, Node) or depth > 3:
            continue
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in {"thead", "tbody", "tfoot"}:
            rows += _rows(child, depth + 1)
    return rows


def _plain_text(node: Node, emitter: _Emitter) -> str:
    """A table cell's text (tables hold text only); its images are dropped and counted."""
    parts: list[str] = []

    def walk(current: Node, level: int) -> None:
        if level > MAX_DEPTH:
            return
        for child in current.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag == "img":
                emitter.result.dropped_images += 1
                alt = " ".join(child.attrs.get("alt", "").split())
                if alt:
                    parts.append(" " + _("[Ảnh: %(alt)s]") % {"alt": alt} + " ")
            elif child.tag in {"br", "p", "div", "li", "tr"}:
                parts.append(" ")
                walk(child, level + 1)
                parts.append(" ")
            elif child.tag not in DROPPED:
                walk(child, level + 1)

    walk(node, 0)
    return " ".join("".join(parts).split())


def convert(html: str) -> Converted:
    """Rebuild legacy HTML as blocks: ("rich_text", editor-ready HTML) and ("table", TableBlock value)."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    emitter = _Emitter()
    emitter.node(builder.root)
    emitter.flush_html()
    return emitter.result
