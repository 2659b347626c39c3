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
from participation.models import Feedback, Question


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
