"""Charts for the reports: SVG drawn on the server with pygal, with a <title> and a <desc>, and no script.

A chart is shown only where it reads faster than a table, and always beside the table of the
same numbers (its text equivalent, Thông tư 32/2017 Art. 18).
"""

from __future__ import annotations

from dataclasses import dataclass

import pygal
from django.utils.safestring import SafeString, mark_safe
from lxml import etree
from pygal.style import Style

SVG_NS = "http://www.w3.org/2000/svg"
# Dark colours on white: every series is ≥ 4.5:1 against the background, text ≥ 7:1.
STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#222222",
    foreground_strong="#000000",
    foreground_subtle="#595959",
    font_family="'DejaVu Sans', Arial, sans-serif",
    colors=("#1f4e79", "#a93226", "#1e6b43", "#6c3483", "#7e5109", "#2e4053", "#0e6655", "#873600"),
    title_font_size=16,
    label_font_size=12,
    major_label_font_size=12,
    legend_font_size=13,
    value_font_size=12,
    tooltip_font_size=12,
    opacity="1",
    opacity_hover=".85",
)


@dataclass
class Chart:
    """A chart and the table of its numbers (labels down the side, one column per series)."""

    title: str
    description: str
    labels: list[str]
    series: list[tuple[str, list[int | float]]]
    svg: SafeString

    @property
    def table_rows(self) -> list[tuple[str, list]]:
        return [(label, [values[index] for _name, values in self.series]) for index, label in enumerate(self.labels)]


def bar_chart(
    chart_id: str,
    title: str,
    description: str,
    labels: list[str],
    series: list[tuple[str, list[int | float]]],
    *,
    stacked: bool = False,
) -> Chart | None:
    """A (stacked) bar chart, or None when there is nothing to draw."""
    if not labels or not series or not any(any(values) for _name, values in series):
        return None
    chart_class = pygal.StackedBar if stacked else pygal.Bar
    chart = chart_class(
        style=STYLE,
        width=760,
        height=380,
        js=[],
        disable_xml_declaration=True,
        legend_at_bottom=True,
        legend_at_bottom_columns=3,
        x_label_rotation=20 if len(labels) > 4 else 0,
        truncate_legend=-1,
        truncate_label=-1,
        print_values=False,
        show_minor_y_labels=False,
        min_scale=1,
        value_formatter=lambda value: f"{value:,.0f}".replace(",", "."),
    )
    chart.x_labels = labels
    for name, values in series:
        chart.add(name, values)
    svg = accessible_svg(chart.render(is_unicode=True), chart_id, title, description)
    return Chart(title=title, description=description, labels=labels, series=series, svg=svg)


def accessible_svg(svg: str, chart_id: str, title: str, description: str) -> SafeString:
    """pygal's SVG with its scripts removed and a <title>/<desc> the SVG is labelled by."""
    root = etree.fromstring(svg.encode("utf-8"))
    for script in root.iter(f"{{{SVG_NS}}}script"):
        script.getparent().remove(script)
    for existing in root.findall(f"{{{SVG_NS}}}title"):
        root.remove(existing)
    title_element = etree.Element(f"{{{SVG_NS}}}title", id=f"{chart_id}-title")
    title_element.text = title
    desc_element = etree.Element(f"{{{SVG_NS}}}desc", id=f"{chart_id}-desc")
    desc_element.text = description
    root.insert(0, desc_element)
    root.insert(0, title_element)
    root.set("role", "img")
    root.set("aria-labelledby", f"{chart_id}-title {chart_id}-desc")
    root.set("focusable", "false")
    # The root keeps the id pygal generated: its CSS is scoped by it.
    return mark_safe(etree.tostring(root, encoding="unicode"))  # pygal escaped every label and value
