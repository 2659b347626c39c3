"""The channels in a real browser: an approver uploads a recording (checked by content), the article
offers it in an audio player with its transcript, and the print view shows the QR code and gives a PDF.

Chromium from Debian driven by Playwright, as in test_editorial_flow. In production nginx serves
/media/; here the browser's requests for /media/ are answered from MEDIA_ROOT.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections
from wagtailmedia.models import Media

from articles.models import NewsPage
from channels.demo import DEMO_ARTICLE_SLUG
from channels.models import LanguageVersion
from tests.e2e.test_editorial_flow import CHROMIUM, CHROMIUM_ARGS, browser_or_skip, demo_site, log_in, shot

__all__ = ["demo_site"]  # the fixture, imported for this module's tests

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def silent_mp3(frames: int = 40) -> bytes:
    """MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz) with zero side information: about one second of silence."""
    return (bytes([0xFF, 0xFB, 0x90, 0x64]) + bytes(417 - 4)) * frames


def serve_media_like_nginx(context) -> None:
    root = Path(settings.MEDIA_ROOT)

    def handle(route):
        path = route.request.url.split("/media/", 1)[1].split("?", 1)[0]
        found = (root / path).resolve()
        if root.resolve() in found.parents and found.is_file():
            route.fulfill(status=200, body=found.read_bytes(), content_type="audio/mpeg")
        else:
            route.fulfill(status=404, body="")

    context.route("**/media/**", handle)


def test_recording_player_with_transcript_and_print_view(live_server, demo_site, tmp_path):
    browser_or_skip()
    from playwright.sync_api import expect, sync_playwright

    base = live_server.url
    good, bad = tmp_path / "ban-tin-tieng-mong.mp3", tmp_path / "khong-phai-am-thanh.mp3"
    good.write_bytes(silent_mp3())
    bad.write_bytes(b"<html>day khong phai tep am thanh</html>")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            # 1. An approver uploads a recording; a renamed non-audio file is refused with a message.
            context, page = log_in(browser, base, "pheduyet.tinh")
            page.goto(f"{base}/admin/media/audio/add/")
            page.fill("#id_title", "Bản ghi thử (im lặng)")
            page.set_input_files("#id_file", str(bad))
            page.locator("form button[type=submit], form input[type=submit]").last.click()
            expect(page.get_by_text("Tệp không phải bản ghi âm MP3, OGG hoặc M4A")).to_be_visible()
            shot(page, "channels-1-bad-recording-refused")
            assert not Media.objects.filter(title="Bản ghi thử (im lặng)").exists()
            page.fill("#id_title", "Bản ghi thử (im lặng)")
            page.set_input_files("#id_file", str(good))
            page.locator("form button[type=submit], form input[type=submit]").last.click()
            page.wait_for_url(f"{base}/admin/media/**")
            media = Media.objects.get(title="Bản ghi thử (im lặng)")

            # 1b. The editor tab: the generated script copied into the override, live reading time and SMS length.
            article = NewsPage.objects.get(slug=DEMO_ARTICLE_SLUG)
            page.goto(f"{base}/admin/pages/{article.pk}/edit/")
            page.get_by_role("tab", name="Kênh tuyên truyền").click()
            page.locator("[data-channels-copy=radio_script]").click()
            radio_field = page.locator("textarea[name='channel_options-0-radio_script']")
            expect(radio_field).to_have_value(page.locator("[data-channels-generated=radio_script]").input_value())
            expect(page.locator("[data-channels-live=radio_script]")).to_contain_text("Kịch bản đang sửa:")
            page.fill("input[name='channel_options-0-sms_text']", "Từ 1/8 nộp hồ sơ trực tuyến")
            live_sms = page.locator("[data-channels-live=sms_text]")
            expect(live_sms).to_contain_text("không dấu (GSM-7) 27/")
            expect(live_sms).to_contain_text("có dấu (UCS-2) 27/")
            shot(page, "channels-1b-editor-tab")
            context.close()

            # 2. The demo article's Mông version gets the recording (a new revision, published).
            draft = article.get_latest_revision_as_object()
            versions = list(draft.language_versions.all())
            versions[0].recording = media
            draft.language_versions = versions
            draft.save_revision().publish()
            assert LanguageVersion.objects.get(page=article).recording_id == media.pk

            # 3. A visitor hears it: the player loads the audio, the transcript is beside it.
            context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
            serve_media_like_nginx(context)
            page = context.new_page()
            page.goto(f"{base}{article.url}")
            player = page.locator(".channel-version audio[controls]")
            expect(player).to_be_visible()
            duration = player.evaluate(
                """audio => new Promise((resolve, reject) => {
                    audio.addEventListener('loadedmetadata', () => resolve(audio.duration), {once: true});
                    audio.addEventListener('error', () => reject(new Error('audio error')), {once: true});
                    audio.preload = 'metadata'; audio.load();
                })"""
            )
            assert 0.9 < duration < 1.2
            transcript = page.locator("#" + player.get_attribute("aria-describedby"))
            expect(transcript).to_contain_text("BẢN MẪU – DỮ LIỆU THỬ NGHIỆM")
            player.scroll_into_view_if_needed()
            shot(page, "channels-2-article-with-recording")

            # 4. The print view for the notice board: QR code, and the PDF made on the server.
            page.goto(f"{base}{article.url}ban-in/")
            expect(page.locator("#qr svg")).to_be_visible()
            expect(page.locator("h1")).to_have_text(article.title)
            shot(page, "channels-3-print-view")
            pdf = page.request.get(f"{base}{article.url}ban-in/?pdf=1")
            assert pdf.headers["content-type"] == "application/pdf"
            assert pdf.body().startswith(b"%PDF")
            context.close()
        finally:
            browser.close()
            connections.close_all()
