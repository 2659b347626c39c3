"""Talking points at <article-url>de-cuong/: key messages, related FAQ answers, guides mentioned."""

import pytest
from bs4 import BeautifulSoup
from wagtail.rich_text import RichText

from channels.models import TalkingPoint
from tests.channels.conftest import faq, guide, news, publish

pytestmark = pytest.mark.django_db


def test_key_messages_related_faq_and_guides(client):
    birth = guide(title="Đăng ký khai sinh")
    question = faq(
        title="Khai sinh có mất lệ phí không?",
        body=[("paragraph", RichText("<p>Đăng ký khai sinh đúng hạn được miễn lệ phí.</p>"))],
        related_guides=[("guide", birth)],
    )
    article = news(
        title="Hà Quảng hướng dẫn khai sinh trực tuyến",
        body=[("paragraph", RichText(f'<p>Xem <a linktype="page" id="{birth.pk}">hướng dẫn</a>.</p>'))],
        related_pages=[("page", question)],
    )
    draft = article.get_latest_revision_as_object()
    for i, text in enumerate(["Khai sinh trong 60 ngày.", "Nộp trực tuyến được.", "Không mất lệ phí."]):
        draft.talking_points.add(TalkingPoint(text=text, sort_order=i))
    publish(draft)

    soup = BeautifulSoup(client.get(article.url + "de-cuong/").content, "html.parser")
    assert soup.h1.get_text() == "Đề cương tuyên truyền: Hà Quảng hướng dẫn khai sinh trực tuyến"
    assert [li.get_text() for li in soup.select("ol.key-messages li")] == [
        "Khai sinh trong 60 ngày.",
        "Nộp trực tuyến được.",
        "Không mất lệ phí.",
    ]
    faq_section = soup.find("section", attrs={"aria-labelledby": "related-faq"})
    assert [h3.get_text() for h3 in faq_section.find_all("h3")] == ["Khai sinh có mất lệ phí không?"]
    assert faq_section.select_one(".faq-answer").get_text(strip=True) == "Đăng ký khai sinh đúng hạn được miễn lệ phí."
    assert [a["href"] for a in soup.select(".guide-links a")] == [birth.url]
    assert soup.find(id="qr") is not None


def test_without_key_messages_the_page_says_so(client, article):
    soup = BeautifulSoup(client.get(article.url + "de-cuong/").content, "html.parser")
    section = soup.find("section", attrs={"aria-labelledby": "key-messages"})
    assert section.p.get_text() == "Biên tập viên chưa soạn thông điệp chính cho bài này; hãy dựa vào tóm tắt ở trên."


def test_a_faq_linking_to_a_guide_appears_on_the_guides_talking_points(client):
    birth = guide(title="Đăng ký khai sinh")
    faq(title="Khai sinh ở đâu?", related_guides=[("guide", birth)])
    soup = BeautifulSoup(client.get(birth.url + "de-cuong/").content, "html.parser")
    faq_section = soup.find("section", attrs={"aria-labelledby": "related-faq"})
    assert [h3.get_text() for h3 in faq_section.find_all("h3")] == ["Khai sinh ở đâu?"]
