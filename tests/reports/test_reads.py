"""Reads are counted on the server, without cookies or personal data, robots left out, and never
written to the database on the reader's request."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import GuidePage
from reports import reads
from reports.models import PageReadDay
from tests.reports.conftest import csv_rows

pytestmark = pytest.mark.django_db

BROWSER = (
    "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36"
)


def beacon(client, page_id, agent=BROWSER, **headers):
    return client.post(reverse("reports_read"), {"p": str(page_id)}, headers={"user-agent": agent, **headers})


def views_today(page) -> int:
    row = PageReadDay.objects.filter(page=page, day=timezone.localdate()).first()
    return row.views if row else 0


@pytest.fixture
def guide():
    return GuidePage.objects.live().first()


def test_every_article_page_loads_the_counter_from_a_static_file(client, guide):
    soup = BeautifulSoup(client.get(guide.url).content, "html.parser")
    script = soup.find("script", attrs={"data-read-page": str(guide.pk)})
    assert script["src"] == "/static/js/reads.js"
    assert script["data-read-url"] == "/luot-doc/"
    assert script.string is None  # no inline code
    pixel = BeautifulSoup(soup.find("noscript").decode_contents(), "html.parser").img
    assert pixel["src"] == f"/luot-doc/?p={guide.pk}"
    assert pixel["alt"] == ""


def test_a_read_answers_204_and_sets_no_cookie(client, guide):
    response = beacon(client, guide.pk)
    assert response.status_code == 204
    assert response.cookies == {}
    assert "no-cache" in response["Cache-Control"]


def test_a_read_writes_nothing_to_the_database_on_its_request(client, guide):
    before = views_today(guide)
    with CaptureQueriesContext(connection) as queries:
        beacon(client, guide.pk)
    assert [
        query["sql"] for query in queries.captured_queries if not query["sql"].lstrip().upper().startswith("SELECT")
    ] == []
    assert views_today(guide) == before
    assert reads.buffer.counts == {(guide.pk, timezone.localdate()): 1}


def test_buffered_reads_are_written_per_page_and_day_in_one_flush(client, guide):
    for _ in range(3):
        beacon(client, guide.pk)
    assert reads.buffer.flush() == 1
    assert views_today(guide) == 3
    beacon(client, guide.pk)
    reads.buffer.flush()
    assert views_today(guide) == 4
    assert PageReadDay.objects.filter(page=guide).count() == 1


def test_reads_are_flushed_after_a_response_once_the_interval_has_passed(client, guide, settings):
    settings.READS_FLUSH_SECONDS = 0
    beacon(client, guide.pk)
    assert views_today(guide) == 1
    assert reads.buffer.counts == {}


@pytest.mark.parametrize(
    "agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0 Safari/537.36",
        "python-requests/2.32.3",
        "curl/8.5.0",
        "",
    ],
)
def test_robots_are_not_counted(client, guide, agent):
    assert beacon(client, guide.pk, agent=agent).status_code == 204
    assert reads.buffer.counts == {}


def test_a_read_sent_from_another_site_is_not_counted(client, guide):
    beacon(client, guide.pk, **{"sec-fetch-site": "cross-site"})
    assert reads.buffer.counts == {}


def test_the_noscript_image_counts_a_read(client, guide):
    response = client.get(reverse("reports_read"), {"p": guide.pk}, headers={"user-agent": BROWSER})
    assert response.status_code == 200
    assert response["Content-Type"] == "image/gif"
    assert reads.buffer.counts == {(guide.pk, timezone.localdate()): 1}


@pytest.mark.parametrize("value", ["", "abc", "-1", "0", "99999999999"])
def test_a_bad_page_id_is_refused_with_400(client, value):
    response = client.post(reverse("reports_read"), {"p": value}, headers={"user-agent": BROWSER})
    assert response.status_code == 400
    assert response.content.decode() == "Mã trang không hợp lệ."
    assert reads.buffer.counts == {}


def test_an_id_that_is_not_an_article_is_dropped_when_written(client, guide):
    beacon(client, 987654)
    beacon(client, guide.pk)
    assert reads.buffer.flush() == 1
    assert list(PageReadDay.objects.filter(page_id=987654)) == []


def test_reads_are_counted_when_the_page_itself_comes_from_a_cache(client, guide):
    """The counter is its own request: a cached copy of the page (no render) still sends it."""
    cached_html = client.get(guide.url).content
    assert f'data-read-page="{guide.pk}"'.encode() in cached_html
    for _ in range(2):  # two readers served that copy; only their beacons reach Django
        beacon(client, guide.pk)
    reads.buffer.flush()
    assert views_today(guide) == 2


def test_a_preview_carries_no_counter(admin_client, guide):
    response = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[guide.pk]))
    assert b"data-read-page" not in response.content


def test_the_reads_report_shows_what_was_counted(admin_client, client, guide):
    beacon(client, guide.pk)
    beacon(client, guide.pk)
    reads.buffer.flush()
    today = timezone.localdate()
    response = admin_client.get(
        reverse("reports_page_reads"),
        {"start": today.isoformat(), "end": today.isoformat(), "export": "csv"},
    )
    period = f"Tháng {today.month}/{today.year}"
    assert [period, guide.title, guide.unit.name, "Hướng dẫn thủ tục hành chính", "2"] in csv_rows(response)
