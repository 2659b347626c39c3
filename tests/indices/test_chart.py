"""The chart (SVG from its own URL) and the table beside it hold the same figures; the SVG is
self-contained, described in words, and drawn in colours that contrast with its background."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from indices.charts import CHART_STYLE
from indices.models import IndexResult

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


def svg_of(client, url: str) -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml; charset=utf-8"
    return ET.fromstring(response.content)


def plotted_points(root: ET.Element) -> list[tuple[str, str]]:
    """(x-axis label, value written at the dot), read from the SVG as drawn."""
    x_axis = next(g for g in root.iter(f"{SVG}g") if (g.get("class") or "").split() == ["axis", "x"])
    years = [text.text for text in x_axis.iter(f"{SVG}text")]
    values = [text.text for text in root.iter(f"{SVG}text") if "value" in (text.get("class") or "").split()]
    return list(zip(years, values, strict=True))


def tabled_points(soup: BeautifulSoup, slug: str) -> tuple[str, list[tuple[str, str]]]:
    """The chart's URL and (year, score) from the table next to it."""
    container = soup.find("section", id=f"index-{slug}")
    rows = container.find("table").tbody.find_all("tr")
    return container.find("img")["src"], [(row.th.get_text(strip=True), row.find("data").get_text()) for row in rows]


@pytest.mark.parametrize("slug", ["par-index", "sipas", "papi", "pci", "dti", "chi-so-thu"])
def test_chart_and_table_hold_the_same_figures(client, test_index, slug):
    soup = BeautifulSoup(client.get("/chi-so/").content, "html.parser")
    chart_url, table = tabled_points(soup, slug)
    assert plotted_points(svg_of(client, chart_url)) == table
    results = IndexResult.objects.filter(index__slug=slug).order_by("year")
    expected = [(str(result.year), result.score_text) for result in results]
    assert table == expected


def test_test_index_figures_exactly(client, test_index):
    assert plotted_points(svg_of(client, "/chi-so/chi-so-thu/bieu-do.svg")) == [
        ("2021", "80"),
        ("2022", "82,3"),
        ("2023", "82,3"),
    ]


def test_table_data_values_are_machine_readable(client, test_index):
    soup = BeautifulSoup(client.get("/chi-so/chi-so-thu/").content, "html.parser")
    assert [data["value"] for data in soup.find("table").find_all("data")] == ["80", "82.3", "82.3"]


def test_svg_starts_with_its_title_and_description(client, test_index):
    root = svg_of(client, "/chi-so/chi-so-thu/bieu-do.svg")
    first, second = list(root)[:2]
    assert (first.tag, first.text) == (f"{SVG}title", "Biểu đồ điểm TEST của tỉnh Cao Bằng, 2021–2023")
    assert (second.tag, second.text) == (
        f"{SVG}desc",
        "Biểu đồ đường, thang đo 0–100 điểm. Năm 2021: 80 điểm; năm 2022: 82,3 điểm; năm 2023: 82,3 điểm.",
    )
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == f"{first.get('id')} {second.get('id')}"
    assert [element.text for element in root if element.tag == f"{SVG}title"] == [first.text]  # pygal's is gone


def test_svg_description_says_when_the_figures_are_examples(client):
    desc = svg_of(client, "/chi-so/pci/bieu-do.svg").find(f"{SVG}desc").text
    assert desc.endswith("năm 2024: 63,1 điểm. Số liệu minh họa, không phải số liệu chính thức.")


def test_svg_runs_nothing_and_loads_nothing(client, test_index):
    response = client.get("/chi-so/chi-so-thu/bieu-do.svg")
    root = ET.fromstring(response.content)
    assert list(root.iter(f"{SVG}script")) == []
    references = [value for element in root.iter() for name, value in element.attrib.items() if name.endswith("href")]
    assert references == []
    body = response.content.decode()
    assert "@import" not in body
    assert re.findall(r"url\(", body) == []
    assert "kozea.github.io" not in body  # pygal's default tooltip script host
    assert response["Content-Security-Policy"] == "default-src 'none'; style-src 'unsafe-inline'"


def test_svg_has_no_animation(client, test_index):
    body = client.get("/chi-so/chi-so-thu/bieu-do.svg").content.decode()
    # pygal's hover transitions, set to none (“opacity none” has no duration: no transition either)
    assert [rule for rule in re.findall(r"transition:([^;}]+)", body) if "none" not in rule] == []
    assert "<animate" not in body and "@keyframes" not in body


def relative_luminance(hex_colour: str) -> float:
    channels = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, other: str) -> float:
    lighter, darker = sorted((relative_luminance(one), relative_luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


CHART_COLOURS = [
    *CHART_STYLE.colors,
    CHART_STYLE.foreground,
    CHART_STYLE.foreground_strong,
    CHART_STYLE.guide_stroke_color,
]


@pytest.mark.parametrize("colour", CHART_COLOURS)
def test_chart_colours_contrast_with_the_background(colour):
    for background in (CHART_STYLE.background, CHART_STYLE.plot_background):
        assert contrast(colour, background) >= 3


def test_the_drawn_series_uses_that_colour_fully_opaque(client, test_index):
    body = re.sub(r"#chart-[0-9a-f-]+ ?", "", client.get("/chi-so/chi-so-thu/bieu-do.svg").content.decode())
    assert ".color-0,.color-0 a:visited{stroke:#0b4a85;fill:#0b4a85}" in body
    assert ".reactive{fill-opacity:1;stroke-opacity:1;stroke-width:3}" in body
    assert ".dot{stroke-width:1px;fill-opacity:1;stroke-opacity:1}" in body


def chart_src(client, slug: str) -> str:
    soup = BeautifulSoup(client.get("/chi-so/").content, "html.parser")
    return soup.find("section", id=f"index-{slug}").find("img")["src"]


def test_the_chart_url_changes_with_the_figures_so_a_cached_chart_never_disagrees_with_the_table(client, test_index):
    before = chart_src(client, "chi-so-thu")
    assert client.get(before)["Cache-Control"] == "public, max-age=31536000, immutable"
    result = IndexResult.objects.get(index=test_index, year=2023)
    result.score = Decimal("83.1")
    result.save()  # as the admin's editor does (a queryset update would bypass the page cache's signals)
    after = chart_src(client, "chi-so-thu")
    assert after != before
    assert client.get(before)["Cache-Control"] == "no-cache"  # an old link gets today's chart, not cached
    assert ("2023", "83,1") in plotted_points(svg_of(client, after))
