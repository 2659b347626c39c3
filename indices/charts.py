"""The chart of an index's years: an SVG drawn on the server with pygal, served from its own URL.

What is changed from pygal's defaults, and why (docs/indices.md):
- no JavaScript: `js=[]` drops the tooltip script pygal loads from a CDN, and the inline config
  `<script>` it still writes is removed, so the file loads nothing and runs nothing;
- no animation: pygal's hover transitions are set to none;
- colours: the line and dots are the site's link blue (#0b4a85, 8.6:1 on white), text is ink
  (#1b1b1b); every point also carries its value as text, so colour carries no meaning alone;
- `<title>` and `<desc>` first in the SVG (its accessible name and description), replacing
  pygal's "Pygal" title; the page shows the same figures in an HTML table beside the chart.
The SVG keeps pygal's own `<style>` element: it is a separate document shown through `<img>`,
never inlined in a page, and is served with a Content-Security-Policy of its own (indices.views).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from decimal import Decimal

import pygal
from django.utils.translation import gettext as _
from pygal.style import Style

from indices.figures import format_number
from indices.series import IndexSeries

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)

INK = "#1b1b1b"  # 16.9:1 on white
LINE_BLUE = "#0b4a85"  # 8.6:1 on white
GUIDE_GREY = "#767676"  # 4.5:1 on white
WIDTH, HEIGHT = 720, 340

CHART_STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground=INK,
    foreground_strong=INK,
    foreground_subtle=GUIDE_GREY,
    guide_stroke_color=GUIDE_GREY,
    major_guide_stroke_color=GUIDE_GREY,
    colors=(LINE_BLUE,),
    opacity="1",
    opacity_hover="1",
    stroke_opacity="1",
    stroke_opacity_hover="1",
    stroke_width="3",
    stroke_width_hover="3",
    transition="none",
    font_family='"Noto Sans", "Segoe UI", Roboto, Arial, sans-serif',
    label_font_size=14,
    major_label_font_size=14,
    value_font_size=15,
    no_data_font_size=20,
)


def _value_text(value: float | None) -> str:
    # pygal hands the formatter floats; the shortest repr of a 4-decimal score is the score itself.
    return "" if value is None else format_number(Decimal(repr(value)).quantize(Decimal("0.0001")))


def chart_title(series: IndexSeries) -> str:
    return _("Biểu đồ điểm %(index)s của tỉnh Cao Bằng, %(years)s") % {
        "index": series.index.abbreviation,
        "years": series.years_text,
    }


def chart_description(series: IndexSeries) -> str:
    """The chart in words: every year and its score, and whether the figures are examples."""
    points = "; ".join(
        _("năm %(year)s: %(score)s %(unit)s") % {"year": year, "score": score, "unit": series.index.unit}
        for year, score in series.points()
    )
    points = points[:1].upper() + points[1:]
    text = _("Biểu đồ đường, thang đo %(scale)s. %(points)s.") % {"scale": series.index.scale_text, "points": points}
    if series.has_examples:
        text += " " + _("Số liệu minh họa, không phải số liệu chính thức.")
    return text


def render_svg(series: IndexSeries) -> str:
    """The whole SVG document (text), for an index with at least one result."""
    chart = pygal.Line(
        style=CHART_STYLE,
        js=[],
        width=WIDTH,
        height=HEIGHT,
        explicit_size=True,
        show_legend=False,
        print_values=True,
        print_values_position="top",
        dots_size=5,
        value_formatter=_value_text,
        truncate_label=-1,
        show_x_guides=False,
        margin_top=30,
        margin_right=45,
        range=_y_range(series),
        min_scale=4,
        max_scale=8,
        no_data_text=_("Chưa có số liệu"),
    )
    values = [float(row.result.score) for row in series.rows]
    chart.x_labels = [str(row.year) for row in series.rows]
    chart.add(series.index.abbreviation, values)
    return _finish(chart.render(is_unicode=True), chart_title(series), chart_description(series), values)


def _label_places(values: list[float]) -> list[tuple[str, str]]:
    """Where each value's label goes, (side, anchor): on the side of its dot the line does not take.

    pygal's line chart writes each value below and right of its dot, where it runs into the next
    segment or the axis. A peak is labelled above, a trough below; on a slope the label sits on the
    free side, and the first and last labels lean inwards so nothing crosses the axis or the edge.
    """
    places = []
    for position, value in enumerate(values):
        before = values[position - 1] if position > 0 else None
        after = values[position + 1] if position + 1 < len(values) else None
        if before is None and after is None:
            places.append(("above", "middle"))
        elif before is None:
            places.append(("below" if after > value else "above", "start"))
        elif after is None:
            places.append(("below" if before > value else "above", "end"))
        elif before <= value >= after:
            places.append(("above", "middle"))
        elif before >= value <= after:
            places.append(("below", "middle"))
        else:  # rising: free above-left; falling: free below-left
            places.append(("above" if after > value else "below", "end"))
    return places


def _place_value_labels(root: ET.Element, values: list[float]) -> None:
    offset = CHART_STYLE.value_font_size
    labels = [
        text
        for text in root.iter(f"{{{SVG_NS}}}text")
        if "value" in (text.get("class") or "").split() and text.get("x") and text.get("y")
    ]
    for text, (side, anchor) in zip(labels, _label_places(values), strict=False):
        # pygal put the text at (dot x + size, dot y + size + size/3)
        dot_x = float(text.get("x")) - offset
        dot_y = float(text.get("y")) - offset - offset / 3
        shift = {"start": -4, "middle": 0, "end": 4}[anchor]
        text.set("x", f"{dot_x + shift:.1f}")
        text.set("y", f"{dot_y - 11:.1f}" if side == "above" else f"{dot_y + offset + 8:.1f}")
        text.set("text-anchor", anchor)


def _y_range(series: IndexSeries) -> tuple[float, float]:
    """The years' scores with room above and below for the labels, within the index's scale."""
    scores = [float(row.result.score) for row in series.rows]
    low, high = min(scores), max(scores)
    scale_low, scale_high = float(series.index.minimum), float(series.index.maximum)
    pad = (high - low) * 0.25 if high > low else (scale_high - scale_low) * 0.05
    return max(scale_low, low - pad), min(scale_high, high + pad)


def _finish(svg_text: str, title: str, description: str, values: list[float]) -> str:
    root = ET.fromstring(svg_text.split("?>", 1)[-1] if svg_text.startswith("<?xml") else svg_text)
    # pygal's config <script> (inert without its JS, but a script all the same) and its "Pygal" title.
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag == f"{{{SVG_NS}}}script" or (parent is root and child.tag == f"{{{SVG_NS}}}title"):
                parent.remove(child)
    _place_value_labels(root, values)
    chart_id = root.get("id", "chart")
    title_element = ET.Element(f"{{{SVG_NS}}}title", {"id": f"{chart_id}-title"})
    title_element.text = title
    desc_element = ET.Element(f"{{{SVG_NS}}}desc", {"id": f"{chart_id}-desc"})
    desc_element.text = description
    root.insert(0, desc_element)
    root.insert(0, title_element)
    root.set("role", "img")
    root.set("aria-labelledby", f"{chart_id}-title {chart_id}-desc")
    root.set("lang", "vi")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode")
