"""The editorial chain in a real browser: a district contributor writes and submits, the district's
reviewer approves, the province publishes, and a visitor reads it and finds it without diacritics.

Chromium comes from Debian (/usr/bin/chromium), driven by Playwright. Without Chromium the test is
skipped, unless E2E_REQUIRED=1 (CI), where a missing browser is a failure.
"""

from __future__ import annotations

import os
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connections

from articles.models import NewsIndexPage, NewsPage
from articles.tree import section_for
from editorial.demo import demo_password
from editorial.models import ProvincialApprovalTask
from home.models import Unit

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(os.environ.get("E2E_SCREENSHOTS", "test-results/e2e"))

TITLE = "Hà Quảng đưa dịch vụ công trực tuyến toàn trình đến từng xã"
SUMMARY = "Người dân Hà Quảng nộp hồ sơ cấp đổi giấy phép lái xe, đăng ký khai sinh ngay tại nhà."
QUERY_WITHOUT_DIACRITICS = "dich vu cong truc tuyen toan trinh ha quang"

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def browser_or_skip():
    missing = None
    if not CHROMIUM.exists():
        missing = f"Không có Chromium tại {CHROMIUM} (apt-get install chromium)."
    else:
        try:
            from playwright.sync_api import sync_playwright  # noqa: F401
        except ImportError:
            missing = "Chưa cài Playwright (pip install -r requirements.txt)."
    if missing:
        if os.environ.get("E2E_REQUIRED") == "1":
            pytest.fail(missing + " E2E_REQUIRED=1: kiểm thử trình duyệt là bắt buộc.")
        pytest.skip(missing)


def restore_seed_data() -> None:
    """A flush by an earlier transactional test removes what the apps' data migrations seeded
    (units and areas, document types, indices, channel vocabulary, synonyms …): run those again."""
    from django.apps import apps
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.operations import RunPython

    if Unit.objects.exists():
        return
    loader = MigrationLoader(None, ignore_no_migrations=True)
    project_apps = [config.label for config in apps.get_app_configs() if Path(config.path).parent == ROOT]
    for app_label in project_apps:
        names = sorted(name for label, name in loader.disk_migrations if label == app_label)
        for name in names:
            if "seed" not in name and "default" not in name:
                continue
            for operation in loader.disk_migrations[(app_label, name)].operations:
                if isinstance(operation, RunPython):
                    operation.code(apps, None)
    from articles.tree import ensure_site_tree
    from editorial.workflow import ensure_editorial_setup

    ensure_site_tree()
    ensure_editorial_setup()


@pytest.fixture
def demo_site(monkeypatch):
    # live_server's database is transactional and flushed between such tests: make sure the demo site
    # (seeded units, content and accounts) is there.
    restore_seed_data()
    call_command("load_demo", stdout=StringIO())
    # Playwright's sync API runs an event loop in this thread; the ORM calls below are still synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    return section_for(NewsIndexPage, Unit.objects.get(slug="ha-quang"))


def log_in(browser, base_url: str, username: str):
    context = browser.new_context(locale="vi-VN", viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", demo_password())
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{base_url}/admin/")
    return context, page


def open_action_menu(page) -> None:
    """The footer's secondary actions sit in a dropdown next to the primary button."""
    toggle = page.locator("footer .w-dropdown__toggle, footer [data-w-dropdown-target='toggle']").first
    toggle.click()


def approve_from_the_dashboard(browser, base_url: str, username: str, title: str, edit_url: str, section_url: str):
    """Log in, see the article waiting on the dashboard, approve the current step in the editor."""
    from playwright.sync_api import expect

    context, page = log_in(browser, base_url, username)
    expect(page.locator("#awaiting-review-section")).to_contain_text(title)
    page.goto(edit_url)
    open_action_menu(page)
    page.locator("button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])").first.click()
    page.wait_for_url(section_url)
    return context, page


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_contributor_reviewer_approver_and_visitor(live_server, demo_site):
    browser_or_skip()
    from playwright.sync_api import expect, sync_playwright

    section = demo_site
    base = live_server.url
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            # 1. The Hà Quảng contributor writes a news article with a reform area and submits it.
            context, page = log_in(browser, base, "bientap.haquang")
            page.goto(f"{base}/admin/pages/add/articles/newspage/{section.pk}/")
            expect(page.locator("link[href*='wagtailadmin/css']").first).to_be_attached()
            page.fill("#id_title", TITLE)
            page.fill("#id_summary", SUMMARY)
            page.get_by_label("Cải cách thủ tục hành chính", exact=True).check()
            shot(page, "1-contributor-editor")
            open_action_menu(page)
            page.locator("button[name='action-submit']").click()
            page.wait_for_load_state()
            shot(page, "2a-after-submit")
            page.wait_for_url(f"{base}/admin/pages/{section.pk}/")
            expect(page.locator(".messages")).to_contain_text("gửi duyệt")
            shot(page, "2-contributor-submitted")
            context.close()

            article = NewsPage.objects.get(title=TITLE)
            assert not article.live and article.unit.slug == "ha-quang"
            edit_url = f"{base}/admin/pages/{article.pk}/edit/"

            # 2. The Bảo Lạc reviewer has nothing to do with it; the Hà Quảng reviewer approves step 1.
            context, page = log_in(browser, base, "duyet.baolac")
            expect(page.locator("#awaiting-review-section")).to_have_count(0)
            context.close()

            section_url = f"{base}/admin/pages/{section.pk}/"
            context, page = approve_from_the_dashboard(browser, base, "duyet.haquang", TITLE, edit_url, section_url)
            shot(page, "3-reviewer-approved")
            context.close()
            article.refresh_from_db()
            assert not article.live
            assert isinstance(article.current_workflow_task.specific, ProvincialApprovalTask)

            # 3. The provincial approver approves step 2, which publishes.
            context, page = approve_from_the_dashboard(browser, base, "pheduyet.tinh", TITLE, edit_url, section_url)
            shot(page, "4-approver-published")
            context.close()
            article.refresh_from_db()
            assert article.live

            # 4. An anonymous visitor reads it on /tin-tuc/ and finds it by typing without diacritics.
            context = browser.new_context(locale="vi-VN")
            page = context.new_page()
            page.goto(f"{base}/tin-tuc/")
            expect(page.get_by_role("link", name=TITLE)).to_be_visible()
            page.goto(f"{base}/")
            search_box = page.locator("input[name='q']").first
            search_box.fill(QUERY_WITHOUT_DIACRITICS)
            search_box.press("Enter")
            page.wait_for_url("**/tim-kiem/**")
            shot(page, "5-visitor-search")
            expect(page.get_by_role("link", name=TITLE).first).to_be_visible()
            context.close()
        finally:
            browser.close()
            # ORM calls made while Playwright's loop runs get their own connection (Django keeps
            # connections per context); close it, or PostgreSQL cannot drop the test database.
            connections.close_all()
