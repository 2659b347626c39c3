"""The pieces both index pages share: a year's change, and the chart with its table of figures."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from indices.charts import HEIGHT, WIDTH, chart_title
from indices.series import IndexSeries

register = template.Library()


@register.inclusion_tag("indices/includes/change.html")
def change(value) -> dict:
    """“▲ tăng 2,3 điểm”: the symbol hidden from screen readers, which read the words."""
    return {"change": value}


@register.inclusion_tag("indices/includes/chart_and_table.html")
def chart_and_table(series: IndexSeries, heading_id: str) -> dict:
    """The SVG chart (an <img> of its own URL) and beside it an HTML table of the same figures."""
    return {
        "series": series,
        "index": series.index,
        "heading_id": heading_id,
        "chart_url": f"{reverse('indices:chart', args=[series.index.slug])}?v={series.version}",
        "chart_alt": _("%(title)s. Số liệu từng năm ở bảng bên cạnh.") % {"title": chart_title(series)},
        "width": WIDTH,
        "height": HEIGHT,
    }
