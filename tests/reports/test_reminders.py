"""send_review_reminders: each unit's contributors get its overdue guides once a day at most."""

import io

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import CommandError, call_command
from django.urls import reverse

from reports.models import ReviewReminder
from tests.reports.conftest import csv_rows, make_user

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = io.StringIO()
    call_command("send_review_reminders", *args, stdout=out)
    return out.getvalue()


def to(address):
    return [message for message in mail.outbox if message.to == [address]]


def test_the_units_contributors_get_its_overdue_guides(known):
    output = run("--date", "2012-07-01")
    messages = to("bientap.kiemthu1@kiemthu.example")
    assert len(messages) == 1
    assert messages[0].subject == "[CCHC Cao Bằng] 1 hướng dẫn của Huyện Kiểm Thử Một đã quá hạn rà soát"
    assert "Hướng dẫn được đọc" in messages[0].body
    assert "Hạn rà soát: 30/06/2012 (quá 1 ngày)" in messages[0].body
    assert "Hướng dẫn chưa ai đọc" not in messages[0].body  # due in September
    assert to("duyet.kiemthu1@kiemthu.example") == []  # reviewers are not asked to edit
    assert "Huyện Kiểm Thử Một: 1 hướng dẫn quá hạn, 1 người nhận — đã gửi" in output


def test_a_second_run_the_same_day_sends_nothing(known):
    run("--date", "2012-07-01")
    output = run("--date", "2012-07-01")
    assert len(to("bientap.kiemthu1@kiemthu.example")) == 1
    assert "Huyện Kiểm Thử Một: 1 hướng dẫn quá hạn, 1 người nhận — đã gửi hôm nay, bỏ qua" in output
    assert ReviewReminder.objects.filter(unit=known.one).count() == 1


def test_the_next_day_brings_the_next_reminder(known):
    run("--date", "2012-07-01")
    run("--date", "2012-09-02")
    messages = to("bientap.kiemthu1@kiemthu.example")
    assert [message.subject for message in messages] == [
        "[CCHC Cao Bằng] 1 hướng dẫn của Huyện Kiểm Thử Một đã quá hạn rà soát",
        "[CCHC Cao Bằng] 2 hướng dẫn của Huyện Kiểm Thử Một đã quá hạn rà soát",
    ]


def test_every_contributor_with_an_address_gets_their_own_message(known):
    second = make_user("bientap2.kiemthu1", known.one.roles.contributors)
    make_user("bientap3.kiemthu1", known.one.roles.contributors, email="")
    run("--date", "2012-07-01")
    assert len(to("bientap.kiemthu1@kiemthu.example")) == 1
    assert len(to(second.email)) == 1
    assert ReviewReminder.objects.get(unit=known.one).recipients == 2


def test_a_failed_send_leaves_no_record_so_the_next_run_retries(known, monkeypatch):
    def refuse(self, messages):
        raise OSError("máy chủ thư không trả lời")

    monkeypatch.setattr(EmailBackend, "send_messages", refuse)
    with pytest.raises(OSError):
        run("--date", "2012-07-01")
    assert not ReviewReminder.objects.filter(unit=known.one).exists()


def test_a_dry_run_sends_nothing(known):
    output = run("--date", "2012-07-01", "--dry-run")
    assert to("bientap.kiemthu1@kiemthu.example") == []
    assert "Huyện Kiểm Thử Một: 1 hướng dẫn quá hạn, 1 người nhận — sẽ gửi (chạy thử)" in output


def test_a_bad_date_is_refused():
    with pytest.raises(CommandError, match="Ngày không hợp lệ: 2012-13-01"):
        run("--date", "2012-13-01")


def test_the_overdue_report_shows_the_last_reminder(admin_client, known):
    run("--date", "2012-07-01")
    rows = csv_rows(admin_client.get(reverse("reports_overdue_guides"), {"unit": known.one.pk, "export": "csv"}))
    assert {row[5] for row in rows[1:]} == {"2012-07-01"}
