"""Old-portal HTML never stops an import with a traceback: it imports, or it is a bad record."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.importing import ContentImporter
from articles.models import NewsPage

pytestmark = pytest.mark.django_db

IMAGE_IN_PARAGRAPH = '<p>Ảnh minh họa: <img src="/static/x.png" alt="ảnh"> ở giữa đoạn.</p>'

MESSY = {
    "image inside a paragraph": IMAGE_IN_PARAGRAPH,
    "table": "<table><caption>Lệ phí</caption><tr><th>Việc<th>Phí<tr><td>Khai sinh<td>Miễn</table>",
    "runs of br": "Dòng một<br><br><br><br>Dòng hai<br>tiếp<br/>",
    "font and span style": '<font face="Arial" color="red"><span style="font-size:14pt">Chữ <b>đậm</b></span></font>',
    "Word markup": (
        "<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->"
        '<p class="MsoNormal" style="mso-line-height:150%">Nội dung Word<o:p></o:p></p>'
        "<style>p.MsoNormal {margin:0}</style>"
    ),
    "nested lists": "<ul><li>Một<ul><li>Một a<ol><li>sâu</li></ol></li></ul></li><li>Hai</li></ul>",
    "unclosed tags": "<div><p>Mở <b>đậm <i>nghiêng<p>đoạn mới<ul><li>mục<li>mục hai",
    "block inside paragraph": "<p>Trước<div>giữa</div>sau</p><p><table><tr><td>ô</td></tr></table></p>",
    "stray end tags": "</p></div>Chữ</span></font></td></tr></table>",
    "entities and brackets": "a < b &amp; c > d &nbsp; &#8220;trích&#8221; &bogus; &#xD800;",
    "script and iframe": "<p>Tin</p><script>alert(1)</script><iframe src='http://x'></iframe>",
    "javascript link": '<a href="javascript:alert(1)">bấm</a> <a href="https://dichvucong.gov.vn">DVC</a>',
    "deep nesting": "<div>" * 500 + "sâu" + "</div>" * 500,
    "empty": "   ",
    "table in list": "<ul><li><table><tr><td>x</td></tr></table></li></ul>",
    "headings of every level": "<h1>Một</h1><h4>Bốn</h4><h6>Sáu</h6>",
}


def record(body: str, slug: str = "tin-cu") -> dict:
    return {"type": "news", "title": "Tin từ cổng cũ", "slug": slug, "reform_areas": ["the-che"], "body": body}


def run(tmp_path, records) -> tuple[str, str, bool]:
    path = tmp_path / "old-portal.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    out, err = StringIO(), StringIO()
    try:
        call_command("import_content", str(path), stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue() + str(error), False
    return out.getvalue(), err.getvalue(), True


@pytest.mark.parametrize("name", list(MESSY))
def test_messy_html_imports_without_a_traceback(tmp_path, name, client):
    _out, err, ok = run(tmp_path, [record(MESSY[name], slug=f"tin-cu-{list(MESSY).index(name)}")])
    assert ok, err
    page = NewsPage.objects.get(slug=f"tin-cu-{list(MESSY).index(name)}")
    response = client.get(page.url)
    assert response.status_code == 200
    body = BeautifulSoup(response.content, "html.parser").select_one(".article__body")
    assert not body.find_all(["script", "style", "iframe", "font", "span", "img"])
    assert "javascript:" not in str(body)


def test_an_image_inside_a_paragraph_is_dropped_counted_and_its_alt_kept(tmp_path, client):
    out, _err, ok = run(tmp_path, [record(IMAGE_IN_PARAGRAPH)])
    assert ok
    assert "1 ảnh trong nội dung không nhập được nên đã bỏ" in out
    page = NewsPage.objects.get(slug="tin-cu")
    text = BeautifulSoup(client.get(page.url).content, "html.parser").select_one(".article__body").get_text(" ")
    assert " ".join(text.split()) == "Ảnh minh họa: [Ảnh: ảnh] ở giữa đoạn."


def test_a_table_becomes_a_table_block(tmp_path):
    run(tmp_path, [record(MESSY["table"])])
    page = NewsPage.objects.get(slug="tin-cu")
    table = next(block for block in page.body if block.block_type == "table")
    assert table.value["data"] == [["Việc", "Phí"], ["Khai sinh", "Miễn"]]
    assert table.value["first_row_is_table_header"] is True
    assert table.value["table_caption"] == "Lệ phí"


def test_nested_lists_keep_their_nesting(tmp_path):
    run(tmp_path, [record(MESSY["nested lists"])])
    html = str(NewsPage.objects.get(slug="tin-cu").body[0].value.source)
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("ul > li > ul > li > ol > li").get_text() == "sâu"


def test_runs_of_line_breaks_become_paragraphs(tmp_path):
    run(tmp_path, [record(MESSY["runs of br"])])
    soup = BeautifulSoup(str(NewsPage.objects.get(slug="tin-cu").body[0].value.source), "html.parser")
    assert [p.get_text("|") for p in soup.find_all("p")] == ["Dòng một", "Dòng hai|tiếp"]


def test_a_body_too_large_to_read_is_a_bad_record_with_a_reason(tmp_path):
    _out, err, ok = run(tmp_path, [record("<p>" + "x" * 1_000_001 + "</p>")])
    assert not ok
    assert "Bản ghi [0]" in err and "nội dung HTML dài quá" in err
    assert not NewsPage.objects.filter(slug="tin-cu").exists()


TOKENS = [
    "<p>",
    "</p>",
    "<br>",
    "<br/>",
    '<img src="/x.png" alt="ảnh">',
    "<img>",
    "<table>",
    "</table>",
    "<tr>",
    "<td>",
    "</td>",
    "<th>",
    "<tbody>",
    "<caption>",
    "<ul>",
    "</ul>",
    "<ol>",
    "<li>",
    "</li>",
    '<font color="red">',
    "</font>",
    '<span style="x">',
    "</span>",
    "<o:p>",
    "</o:p>",
    "<!--[if mso]>",
    "<![endif]-->",
    "<b>",
    "</b>",
    "<i>",
    "</i>",
    '<a href="https://a.vn">',
    '<a href="javascript:x">',
    "</a>",
    "<h1>",
    "</h1>",
    "<h5>",
    "<div>",
    "</div>",
    "<blockquote>",
    "<pre>",
    "<hr>",
    "<script>",
    "</script>",
    "<style>",
    "&nbsp;",
    "&amp;",
    "&#xD800;",
    "<",
    ">",
    "&",
    '"',
    "<!--",
    "-->",
    "<![CDATA[",
    "<?xml?>",
    "<!DOCTYPE html>",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.one_of(st.sampled_from(TOKENS), st.text(min_size=0, max_size=12)),
        min_size=0,
        max_size=60,
    )
)
def test_generated_html_never_raises(parts):
    """Any mix of legacy tags and text is either a clean record or a bad record with a reason."""
    importer = ContentImporter([record("".join(parts))])
    clean, errors = importer.validate()
    assert len(clean) + len({error.index for error in errors}) == 1
    for error in errors:
        assert "Bản ghi [0]" in str(error)
