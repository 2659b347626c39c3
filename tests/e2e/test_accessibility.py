"""axe-core 4 (vendored from npm, served to the browser by this test) on every public page type, at
phone and desktop width: no WCAG 2.1 A/AA or best-practice violation, and no Content-Security-Policy
violation (public pages run with the strict policy, without 'unsafe-inline')."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connections

from tests.e2e.public_pages import PUBLIC_PAGES
from tests.e2e.test_editorial_flow import CHROMIUM, CHROMIUM_ARGS, browser_or_skip, restore_seed_data

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).with_name("vendor") / "axe.min.js"
AXE_PATH = "/__axe-core__.js"  # answered by the test's route, same origin as the page
RULE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
WIDTHS = {"phone": {"width": 375, "height": 740}, "desktop": {"width": 1366, "height": 900}}


@pytest.fixture
def demo_urls(monkeypatch):
    import io

    restore_seed_data()
    call_command("load_demo", stdout=io.StringIO())
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    return {name: url() for name, url in PUBLIC_PAGES.items()}


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = [" ".join(node["target"]) for node in violation["nodes"][:3]]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} → {targets}")
    return "\n".join(lines)


def test_public_pages_pass_axe_at_phone_and_desktop_width(live_server, demo_urls):
    browser_or_skip()
    from playwright.sync_api import sync_playwright

    failures: dict[str, str] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for width_name, viewport in WIDTHS.items():
                context = browser.new_context(locale="vi-VN", viewport=viewport)
                context.route(
                    f"**{AXE_PATH}", lambda route: route.fulfill(path=str(AXE), content_type="text/javascript")
                )
                page = context.new_page()
                page.set_default_timeout(30_000)
                csp_errors: list[str] = []
                page.on(
                    "console",
                    lambda message, errors=csp_errors: (
                        errors.append(message.text) if "Content Security Policy" in message.text else None
                    ),
                )
                for name, url in demo_urls.items():
                    csp_errors.clear()
                    page.goto(live_server.url + url)
                    page.add_script_tag(url=live_server.url + AXE_PATH)
                    result = page.evaluate(
                        "tags => axe.run(document, "
                        "{runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
                        RULE_TAGS,
                    )
                    problems = describe(result["violations"])
                    if csp_errors:
                        problems += "\nCSP: " + json.dumps(csp_errors, ensure_ascii=False)
                    if problems:
                        failures[f"{name} ({width_name}) {url}"] = problems
                context.close()
        finally:
            browser.close()
            connections.close_all()
    assert not failures, "\n\n".join(f"{where}\n{problems}" for where, problems in failures.items())
