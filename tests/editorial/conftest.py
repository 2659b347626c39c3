"""Fixtures of the editorial workflow tests: the demo accounts and fresh pages of two districts."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from articles.models import NewsIndexPage, NewsPage
from articles.tree import section_for
from home.models import ReformArea, Unit

ROLE_USERS = {
    "contributor": "bientap.haquang",
    "reviewer": "duyet.haquang",
    "approver": "pheduyet.tinh",
    "administrator": "quantri",
    "other_contributor": "bientap.baolac",
    "other_reviewer": "duyet.baolac",
}


def user(username: str):
    return get_user_model().objects.get(username=username)


def make_news(unit_slug: str, title: str, *, owner, live: bool = False) -> NewsPage:
    """A news article in the unit's section: a draft with one revision, or published."""
    section = section_for(NewsIndexPage, Unit.objects.get(slug=unit_slug))
    page = NewsPage(
        title=title,
        unit=section.unit,
        summary=f"Tóm tắt: {title}",
        owner=owner,
        live=False,
        date=datetime.date(2025, 5, 1),
    )
    section.add_child(instance=page)
    page.reform_areas.set([ReformArea.objects.get(slug="thu-tuc-hanh-chinh")])
    revision = page.save_revision(user=owner)
    if live:
        revision.publish()
    page.refresh_from_db()
    return page


def edit_form_data(page: NewsPage, **overrides) -> dict:
    """What the page editor posts for a news article (the editor's JS builds the same fields)."""
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "body": streamfield([]),
            "source": page.source,
            "date": page.date.isoformat(),
            "tags": "",
            "related_pages": streamfield([]),
            "comments": inline_formset([]),
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
        }
    )
    data["reform_areas"] = [str(area.pk) for area in page.reform_areas.all()] or [
        str(ReformArea.objects.get(slug="thu-tuc-hanh-chinh").pk)
    ]
    data.update(overrides)
    return data


def submit(page: Page, by) -> None:
    page.get_workflow().start(page, by)
    page.refresh_from_db()


def current_task_state(page: Page):
    page = Page.objects.get(pk=page.pk)
    return page.current_workflow_task_state


def is_denied(response) -> bool:
    """403, or Wagtail's "no permission" redirect to the dashboard, or a redirect to the login page."""
    if response.status_code == 403:
        return True
    if response.status_code == 302:
        location = response["Location"]
        if location == reverse("wagtailadmin_home"):
            return True
        return location.startswith(reverse("wagtailadmin_login"))
    return False


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogue():
    """The admin is tested with the catalogue as it is in locale/, compiled if the .mo is missing or old."""
    mo_files = list(Path(settings.LOCALE_PATHS[0]).rglob("*.mo"))
    before = {path: path.stat().st_mtime for path in mo_files}
    with open(os.devnull, "w") as devnull:
        call_command("compile_catalogues", stdout=devnull)
    after = {path: path.stat().st_mtime for path in Path(settings.LOCALE_PATHS[0]).rglob("*.mo")}
    if after != before:
        from django.utils.translation import trans_real

        trans_real._translations = {}
        trans_real._default = None


@pytest.fixture
def contributor():
    return user("bientap.haquang")


@pytest.fixture
def reviewer():
    return user("duyet.haquang")


@pytest.fixture
def approver():
    return user("pheduyet.tinh")


@pytest.fixture
def other_contributor():
    return user("bientap.baolac")


@pytest.fixture
def other_reviewer():
    return user("duyet.baolac")


@pytest.fixture
def haquang_draft(contributor):
    return make_news("ha-quang", "Hà Quảng rút ngắn thời gian cấp giấy phép xây dựng", owner=contributor)


@pytest.fixture
def baolac_draft(other_contributor):
    return make_news("bao-lac", "Bảo Lạc số hóa hồ sơ một cửa", owner=other_contributor)
