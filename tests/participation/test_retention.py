"""purge_personal_data: a question's name and contact go after the retention period; the rest stays."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from participation.models import Question
from tests.participation.conftest import make_question

pytestmark = pytest.mark.django_db


def run() -> str:
    out = io.StringIO()
    call_command("purge_personal_data", stdout=out)
    return out.getvalue()


def test_personal_data_older_than_the_period_is_erased(settings, haquang):
    settings.PARTICIPATION_RETENTION_DAYS = 30
    now = timezone.now()
    old = make_question(
        "Câu hỏi cũ về thủ tục", haquang, created=now - datetime.timedelta(days=31), name="A", contact="a@example.com"
    )
    recent = make_question(
        "Câu hỏi mới về thủ tục", haquang, created=now - datetime.timedelta(days=29), name="B", contact="0912345678"
    )
    assert run() == "Đã xóa dữ liệu cá nhân của 1 câu hỏi nhận quá 30 ngày.\n"
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.name, old.contact, old.question, old.unit) == ("", "", "Câu hỏi cũ về thủ tục", haquang)
    assert old.personal_data_erased_at is not None
    assert (recent.name, recent.contact) == ("B", "0912345678")


def test_running_it_again_changes_nothing(settings, haquang):
    settings.PARTICIPATION_RETENTION_DAYS = 30
    make_question("Câu hỏi cũ về thủ tục", haquang, created=timezone.now() - datetime.timedelta(days=40), name="A")
    run()
    assert run() == "Đã xóa dữ liệu cá nhân của 0 câu hỏi nhận quá 30 ngày.\n"


def test_the_inbox_says_the_contact_was_erased(settings, contributor_client, haquang):
    settings.PARTICIPATION_RETENTION_DAYS = 30
    old = make_question(
        "Câu hỏi cũ về thủ tục", haquang, created=timezone.now() - datetime.timedelta(days=31), contact="a@example.com"
    )
    run()
    assert "Đã xóa theo thời hạn lưu giữ" in contributor_client.get(f"/admin/cau-hoi/{old.pk}/").content.decode()
    assert Question.objects.get(pk=old.pk).contact_email == ""
