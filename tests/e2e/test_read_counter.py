"""The read counter in a real browser: opening a guide sends one beacon from the static script,
and the read is counted (the page's HTML could have come from any cache)."""

from __future__ import annotations

import pytest
from django.utils import timezone

from articles.models import GuidePage
from reports.models import PageReadDay
from tests.e2e.test_editorial_flow import CHROMIUM, CHROMIUM_ARGS, browser_or_skip, demo_site  # noqa: F401 — demo_site is a fixture

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DESKTOP_CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"


@pytest.mark.usefixtures("demo_site")
def test_opening_a_guide_counts_one_read(live_server, settings):
    browser_or_skip()
    from playwright.sync_api import sync_playwright

    settings.READS_FLUSH_SECONDS = 0
    guide = GuidePage.objects.live().order_by("path").first()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            # Headless Chromium names itself HeadlessChrome, which the counter rightly takes for a robot.
            context = browser.new_context(user_agent=DESKTOP_CHROME)
            page = context.new_page()
            with page.expect_response(lambda response: response.url.endswith("/luot-doc/")) as beacon:
                page.goto(live_server.url + guide.url)
            assert beacon.value.status == 204
            assert context.cookies() == []
        finally:
            browser.close()
    assert PageReadDay.objects.get(page=guide, day=timezone.localdate()).views == 1
