"""Every public page leads to the citizen's ways in: asking a question and subscribing."""

from __future__ import annotations

import pytest

from tests.participation.conftest import soup

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "/huong-dan/", "/tim-kiem/?q=khai+sinh"])
def test_the_footer_links_to_the_question_form_and_the_subscription(client, path):
    footer = soup(client.get(path)).find("footer", role="contentinfo")
    links = {link.get_text(strip=True): link["href"] for link in footer.find_all("a")}
    assert links["Gửi câu hỏi về thủ tục hành chính"] == "/gui-cau-hoi/"
    assert links["Đăng ký nhận tin qua thư điện tử"] == "/dang-ky-nhan-tin/"
    assert links["Nhận tin mới qua RSS"] == "/rss/"
    for href in ("/gui-cau-hoi/", "/dang-ky-nhan-tin/", "/rss/"):
        assert client.get(href).status_code == 200
