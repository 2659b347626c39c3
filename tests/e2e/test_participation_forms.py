"""The citizen forms in a real browser: with JavaScript the feedback is sent in place with a token
fetched from /csrf-token/; without it, one click on the confirmation page sends it; a question
goes through /gui-cau-hoi/."""

from __future__ import annotations

import pytest
from django.db import connections

from articles.models import GuidePage
from participation.models import Feedback, Question
from tests.e2e.test_editorial_flow import (
    CHROMIUM,
    CHROMIUM_ARGS,
    browser_or_skip,
    demo_site,  # noqa: F401  (the fixture)
    shot,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

QUESTION = "Đăng ký khai sinh cho con ở Hà Quảng cần mang theo giấy tờ gì?"


@pytest.mark.usefixtures("demo_site")
def test_feedback_with_and_without_javascript_and_a_question(live_server):
    browser_or_skip()
    from playwright.sync_api import expect, sync_playwright

    guide = GuidePage.objects.get(slug="dang-ky-khai-sinh", unit__slug="ha-quang")
    url = f"{live_server.url}{guide.url}"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            # With JavaScript: the answer is sent in the background and thanked in place.
            context = browser.new_context(locale="vi-VN", viewport={"width": 420, "height": 900})
            page = context.new_page()
            page.goto(url)
            page.get_by_label("Không", exact=True).check()
            page.fill("#feedback-comment", "Thiếu mẫu tờ khai.")
            page.get_by_role("button", name="Gửi ý kiến").click()
            expect(page.locator("#feedback .feedback__status")).to_have_text(
                "Cảm ơn bạn đã cho biết ý kiến. Ý kiến giúp chúng tôi viết hướng dẫn tốt hơn."
            )
            assert page.url == url
            shot(page, "participation-1-feedback-in-place")

            # A question, with the token the page itself holds.
            page.goto(f"{live_server.url}/gui-cau-hoi/")
            page.fill("#id_question", QUESTION)
            page.fill("#id_contact", "0912 345 678")
            page.select_option("#id_unit", "ha-quang")
            page.get_by_role("button", name="Gửi câu hỏi").click()
            page.wait_for_url(f"{live_server.url}/gui-cau-hoi/da-gui/")
            context.close()

            # Without JavaScript: the confirmation page, then one click.
            context = browser.new_context(locale="vi-VN", java_script_enabled=False)
            page = context.new_page()
            page.goto(url)
            page.get_by_label("Có", exact=True).check()
            page.get_by_role("button", name="Gửi ý kiến").click()
            expect(page.locator("h1")).to_have_text("Xác nhận gửi")
            shot(page, "participation-2-confirmation-without-javascript")
            assert Feedback.objects.filter(page=guide).count() == 1
            page.get_by_role("button", name="Xác nhận gửi").click()
            expect(page.locator("h1")).to_have_text("Cảm ơn bạn đã cho biết ý kiến")
            context.close()
        finally:
            browser.close()
            connections.close_all()
    assert list(Feedback.objects.filter(page=guide).order_by("pk").values_list("helpful", "comment")) == [
        (False, "Thiếu mẫu tờ khai."),
        (True, ""),
    ]
    question = Question.objects.get(question=QUESTION)
    assert (question.unit.slug, question.contact) == ("ha-quang", "0912345678")
