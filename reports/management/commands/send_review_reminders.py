"""Cron / systemd timer: e-mail each unit's contributors its guides past their review date (docs/reports.md)."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from reports.reminders import send_review_reminders

STATUS_TEXT = {
    "sent": "đã gửi",
    "already_sent": "đã gửi hôm nay, bỏ qua",
    "no_recipients": "không có biên tập viên có địa chỉ thư, bỏ qua",
    "dry_run": "sẽ gửi (chạy thử)",
}


class Command(BaseCommand):
    help = (
        "Gửi thư nhắc biên tập viên các đơn vị về hướng dẫn quá hạn rà soát (mỗi đơn vị nhiều nhất một thư mỗi ngày)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Ngày tính quá hạn, dạng YYYY-MM-DD (mặc định: hôm nay).")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ liệt kê, không gửi thư.")

    def handle(self, *args, **options):
        today = timezone.localdate()
        if options["date"]:
            try:
                today = datetime.date.fromisoformat(options["date"])
            except ValueError as error:
                raise CommandError(f"Ngày không hợp lệ: {options['date']} (cần dạng YYYY-MM-DD).") from error
        outcomes = send_review_reminders(today, dry_run=options["dry_run"])
        for outcome in outcomes:
            self.stdout.write(
                f"{outcome.unit.name}: {outcome.guides} hướng dẫn quá hạn, {outcome.recipients} người nhận — "
                f"{STATUS_TEXT[outcome.status]}"
            )
        sent = sum(1 for outcome in outcomes if outcome.status == "sent")
        self.stdout.write(f"Ngày {today:%d/%m/%Y}: đã gửi thư nhắc cho {sent} đơn vị.")
