"""Printable bulletin at <article-url>ban-in/ (QR id="qr", ?pdf=1) and the monthly bulletin."""

import datetime

import pytest
from bs4 import BeautifulSoup

from channels.models import BulletinItem, MonthlyBulletin
from home.models import Unit
from tests.channels.conftest import guide, news
from tests.channels.test_sms import base36

pytestmark = pytest.mark.django_db


def test_print_view_has_unit_date_summary_body_and_a_qr_code(client, article):
    response = client.get(article.url + "ban-in/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text() == article.title
    assert soup.select_one(".sheet-header__meta").get_text(" ", strip=True) == "Huyện Hà Quảng · Ngày 01/07/2025"
    assert soup.select_one(".sheet-article__lead").get_text() == article.summary
    assert soup.select_one(".sheet-article__body h2").get_text() == "Căn cứ pháp lý"
    qr = soup.find(id="qr")
    assert qr.name == "figure"
    assert qr.svg.title.get_text() == f"Mã QR dẫn tới http://localhost/s/{base36(article.pk)}/"
    assert qr.select_one(".qr__url").get_text() == f"http://localhost/s/{base36(article.pk)}/"
    assert len(soup.find_all("h1")) == 1


def test_print_view_has_no_inline_script_or_style(client, article):
    soup = BeautifulSoup(client.get(article.url + "ban-in/").content, "html.parser")
    assert soup.find_all("script") == []
    assert soup.find_all("style") == []
    assert soup.find_all(style=True) == []
    assert [link["href"] for link in soup.find_all("link", rel="stylesheet")] == [
        "/static/channels/css/print-sheet.css"
    ]


def test_pdf_is_generated_on_the_server(client, article):
    response = client.get(article.url + "ban-in/", {"pdf": "1"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response.content.rstrip().endswith(b"%%EOF")


def test_monthly_bulletin_prints_each_live_article_with_its_qr(client):
    first, second = news(title="Tin thứ nhất"), news(title="Tin thứ hai")
    draft = news(title="Tin chưa xuất bản", live=False)
    bulletin = MonthlyBulletin(
        title="Bản tin CCHC tháng 7/2025",
        slug="thang-7-2025",
        month=datetime.date(2025, 7, 1),
        unit=Unit.objects.get(slug="ha-quang"),
    )
    bulletin.items = [BulletinItem(page=page, sort_order=i) for i, page in enumerate([second, first, draft])]
    bulletin.save()
    response = client.get("/ban-tin/thang-7-2025/")
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text() == "Bản tin CCHC tháng 7/2025"
    assert [h2.get_text() for h2 in soup.select(".bulletin-item h2")] == ["Tin thứ hai", "Tin thứ nhất"]
    assert [figure["id"] for figure in soup.select("figure.qr")] == [f"qr-{second.pk}", f"qr-{first.pk}"]
    pdf = client.get("/ban-tin/thang-7-2025/", {"pdf": "1"})
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_unknown_bulletin_is_not_found(client):
    assert client.get("/ban-tin/khong-co/").status_code == 404


def test_a_guides_print_view_has_its_steps_and_documents(client):
    page = guide(
        steps=[("step", {"title": "Nộp tờ khai tại Bộ phận Một cửa", "description": ""})],
        document_groups=[("case", {"case": "", "documents": [{"name": "Tờ khai đăng ký khai sinh", "copies": "1"}]})],
    )
    soup = BeautifulSoup(client.get(page.url + "ban-in/").content, "html.parser")
    assert [h2.get_text() for h2 in soup.select(".sheet-article h2")][:2] == ["Trình tự thực hiện", "Thành phần hồ sơ"]
    assert "Nộp tờ khai tại Bộ phận Một cửa" in soup.select_one("ol.steps").get_text()
    assert "Tờ khai đăng ký khai sinh" in soup.get_text()
