"""Fixtures of the participation tests: demo pages and accounts, clients, a known set of data."""

from __future__ import annotations

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from articles.models import FaqPage, GuidePage
from home.models import ReformArea, Unit
from participation.models import Feedback, Question, QuestionStatus


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def user(username: str):
    return get_user_model().objects.get(username=username)


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    """A local (Asia/Ho_Chi_Minh) time on that day."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@pytest.fixture
def haquang_guide() -> GuidePage:
    return GuidePage.objects.get(slug="dang-ky-khai-sinh", unit__slug="ha-quang")


@pytest.fixture
def baolac_guide() -> GuidePage:
    return GuidePage.objects.get(slug="dang-ky-ket-hon", unit__slug="bao-lac")


@pytest.fixture
def province_faq() -> FaqPage:
    return FaqPage.objects.filter(unit__slug="tinh").order_by("pk").first()


@pytest.fixture
def haquang() -> Unit:
    return Unit.objects.get(slug="ha-quang")


@pytest.fixture
def baolac() -> Unit:
    return Unit.objects.get(slug="bao-lac")


@pytest.fixture
def area() -> ReformArea:
    return ReformArea.objects.get(slug="thu-tuc-hanh-chinh")


@pytest.fixture
def csrf_client() -> Client:
    """A browser that sends what a real one sends: CSRF is enforced."""
    return Client(enforce_csrf_checks=True)


def client_for(username: str) -> Client:
    client = Client()
    client.force_login(user(username))
    return client


@pytest.fixture
def contributor_client() -> Client:
    return client_for("bientap.haquang")


@pytest.fixture
def reviewer_client() -> Client:
    return client_for("duyet.haquang")


@pytest.fixture
def other_contributor_client() -> Client:
    return client_for("bientap.baolac")


@pytest.fixture
def approver_client() -> Client:
    return client_for("pheduyet.tinh")


@pytest.fixture
def admin_client_() -> Client:
    return client_for("quantri")


def make_question(text: str, unit: Unit | None, *, created: datetime.datetime | None = None, **fields) -> Question:
    return Question.objects.create(question=text, unit=unit, created_at=created or timezone.now(), **fields)


def make_feedback(page, helpful: bool, created: datetime.datetime, comment: str = "") -> Feedback:
    return Feedback.objects.create(page=page, helpful=helpful, comment=comment, created_at=created)


# A known set of feedback and questions in March 2025, with neighbours just outside the month,
# whose figures the report and unit-section tests check exactly.

MARCH = (datetime.date(2025, 3, 1), datetime.date(2025, 3, 31))


def march(day: int, hour: int = 10) -> datetime.datetime:
    return at(datetime.date(2025, 3, day), hour)


@pytest.fixture
def known_data(haquang_guide, baolac_guide, province_faq, haquang, baolac):
    # Hà Quảng's guide: 3 yes, 1 no (with a comment) in March; one "no" on each side of the month.
    for day, hour in ((1, 0), (5, 10), (31, 23)):
        make_feedback(haquang_guide, True, march(day, hour))
    make_feedback(haquang_guide, False, march(10), comment="Thiếu mẫu tờ khai.")
    make_feedback(haquang_guide, False, at(datetime.date(2025, 2, 28), 23))
    make_feedback(haquang_guide, False, at(datetime.date(2025, 4, 1), 0))
    # Bảo Lạc's guide: 1 yes, 3 no (two with comments).
    make_feedback(baolac_guide, True, march(2))
    make_feedback(baolac_guide, False, march(3), comment="Không rõ nộp ở đâu.")
    make_feedback(baolac_guide, False, march(4), comment="Phí ghi sai.")
    make_feedback(baolac_guide, False, march(6))
    # A provincial FAQ: 2 yes.
    make_feedback(province_faq, True, march(7))
    make_feedback(province_faq, True, march(8))

    answered = QuestionStatus.ANSWERED
    # Hà Quảng: answered in 2 and 5 days, one new; Bảo Lạc: answered in 1.5 days, one rejected;
    # one not yet given to a unit, being answered; one in April (outside).
    make_question("HQ1 khai sinh", haquang, created=march(2), status=answered, answered_at=march(4))
    make_question("HQ2 khai tử", haquang, created=march(3), status=answered, answered_at=march(8))
    make_question("HQ3 kết hôn", haquang, created=march(20))
    make_question("BL1 hộ kinh doanh", baolac, created=march(12), status=answered, answered_at=march(13, 22))
    make_question("BL2 quảng cáo", baolac, created=march(14), status=QuestionStatus.REJECTED)
    make_question("Chưa phân công", None, created=march(15), status=QuestionStatus.ANSWERING)
    make_question(
        "HQ4 tháng Tư",
        haquang,
        created=at(datetime.date(2025, 4, 2)),
        status=answered,
        answered_at=at(datetime.date(2025, 4, 3)),
    )
