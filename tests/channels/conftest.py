"""Fixtures of the channel tests: articles published with a known body, and the demo accounts."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model
from wagtail.rich_text import RichText

from articles.models import FaqIndexPage, FaqPage, GuideIndexPage, GuidePage, NewsIndexPage, NewsPage
from articles.tree import section_for
from home.models import ReformArea, Unit

BODY_HTML = (
    "<h2>Căn cứ pháp lý</h2>"
    "<p>Thực hiện Nghị định số 61/2018/NĐ-CP và Quyết định 327/QĐ-UBND, UBND huyện đẩy mạnh CCHC.</p>"
    "<p>Từ ngày 15/7/2021, người dân làm TTHC trên DVC trực tuyến tại https://dichvucong.gov.vn/p/home.html.</p>"
    "<ul><li>Giai đoạn 2021 - 2025 đạt 90% hồ sơ số hóa</li><li>Mang theo CCCD khi đến HĐND xã</li></ul>"
)


def user(username: str):
    return get_user_model().objects.get(username=username)


def publish(page):
    revision = page.save_revision(user=user("quantri"))
    revision.publish()
    page.refresh_from_db()
    return page.specific


def add_page(index_model, model, unit_slug: str, title: str, *, live: bool = True, **fields):
    section = section_for(index_model, Unit.objects.get(slug=unit_slug))
    page = model(
        title=title,
        summary=fields.pop("summary", f"Tóm tắt: {title}"),
        live=False,
        date=fields.pop("date", datetime.date(2025, 7, 1)),
        **fields,
    )
    section.add_child(instance=page)
    page.reform_areas.set([ReformArea.objects.get(slug="thu-tuc-hanh-chinh")])
    if live:
        return publish(page)
    page.save_revision(user=user("quantri"))
    page.refresh_from_db()
    return page


def news(unit_slug: str = "ha-quang", title: str = "Hà Quảng số hóa hồ sơ một cửa", *, live: bool = True, **fields):
    fields.setdefault("body", [("paragraph", RichText(BODY_HTML))])
    return add_page(NewsIndexPage, NewsPage, unit_slug, title, live=live, **fields)


def guide(unit_slug: str = "ha-quang", title: str = "Đăng ký khai sinh cho trẻ em", **fields):
    fields.setdefault("agency", "UBND xã")
    return add_page(GuideIndexPage, GuidePage, unit_slug, title, **fields)


def faq(unit_slug: str = "tinh", title: str = "Khai sinh có mất lệ phí không?", **fields):
    return add_page(FaqIndexPage, FaqPage, unit_slug, title, **fields)


@pytest.fixture
def article(db):
    return news()


def body_lines(response) -> list[str]:
    """The script's paragraphs after the reading-time note."""
    text = response.content.decode()
    return [line for line in text.split("\n\n")[1:] if line.strip()]
