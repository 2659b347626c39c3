from django.core.management.base import BaseCommand, CommandError

from participation.sending import send_due_alerts


class Command(BaseCommand):
    help = (
        "Gửi thư báo bài mới cho người đăng ký nhận tin (ngay hoặc hằng tuần). Chạy định kỳ bằng cron "
        "hoặc systemd timer; chạy lại không gửi trùng (docs/participation.md)."
    )

    def handle(self, *args, **options) -> None:
        result = send_due_alerts()
        self.stdout.write(f"Đã gửi {result.messages} thư ({result.articles} bài).")
        if result.failures:
            raise CommandError(f"{result.failures} thư chưa gửi được; sẽ gửi lại ở lần chạy sau.")
