"""A burst of posts from one address gets 429 with a Vietnamese message; other addresses are served."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from participation.models import Feedback, Question
from tests.participation.conftest import soup

pytestmark = pytest.mark.django_db

MESSAGE = "Bạn đã gửi quá nhiều lần trong thời gian ngắn. Vui lòng đợi một phút rồi thử lại."


@pytest.fixture(autouse=True)
def small_limits(settings):
    # A day-long window: a test never straddles two windows of the counter.
    settings.PARTICIPATION_RATE_LIMITS = {"feedback": "3/d", "ask": "2/d", "subscribe": "2/d"}


def test_the_fourth_feedback_in_a_burst_gets_429_and_is_not_stored(client, haquang_guide):
    url = reverse("participation_feedback", args=[haquang_guide.pk])
    statuses = [client.post(url, {"helpful": "yes"}).status_code for _attempt in range(4)]
    assert statuses == [302, 302, 302, 429]
    assert Feedback.objects.filter(page=haquang_guide).count() == 3


def test_the_429_page_says_why_in_vietnamese_and_when_to_retry(client, haquang_guide):
    url = reverse("participation_feedback", args=[haquang_guide.pk])
    for _attempt in range(3):
        client.post(url, {"helpful": "yes"})
    response = client.post(url, {"helpful": "yes"})
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert "no-store" in response["Cache-Control"]
    assert soup(response).find(role="alert").get_text(strip=True) == MESSAGE


def test_the_enhanced_form_gets_the_message_as_json(client, haquang_guide):
    url = reverse("participation_feedback", args=[haquang_guide.pk])
    for _attempt in range(3):
        client.post(url, {"helpful": "no"})
    response = client.post(url, {"helpful": "no"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 429
    assert response.json() == {"ok": False, "message": MESSAGE}


def test_invalid_posts_count_too(client):
    statuses = [client.post("/gui-cau-hoi/", {"question": ""}).status_code for _attempt in range(3)]
    assert statuses == [400, 400, 429]


def test_a_burst_of_questions_is_stopped(client):
    statuses = [
        client.post("/gui-cau-hoi/", {"question": f"Câu hỏi số {number} về thủ tục"}).status_code for number in range(3)
    ]
    assert statuses == [302, 302, 429]
    assert Question.objects.filter(question__startswith="Câu hỏi số").count() == 2


def test_a_burst_of_sign_ups_is_stopped(client):
    statuses = [
        client.post("/dang-ky-nhan-tin/", {"email": f"a{number}@example.com", "frequency": "weekly"}).status_code
        for number in range(3)
    ]
    assert statuses == [302, 302, 429]
    assert len(mail.outbox) == 2


def test_the_limit_is_per_address(client):
    for number in range(2):
        client.post("/gui-cau-hoi/", {"question": f"Câu hỏi số {number} về thủ tục"})
    other = client.post("/gui-cau-hoi/", {"question": "Câu hỏi từ một địa chỉ khác"}, REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 302


def test_reading_the_pages_is_not_limited(client):
    assert [client.get("/gui-cau-hoi/").status_code for _attempt in range(4)] == [200, 200, 200, 200]
