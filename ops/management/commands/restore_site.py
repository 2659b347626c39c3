from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ops import backup


class Command(BaseCommand):
    help = "Khôi phục một bản sao lưu của backup_site vào cơ sở dữ liệu trống, rồi kiểm tra lại."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="tệp .tar.gz do backup_site tạo")

    def handle(self, *args, **options):
        try:
            report = backup.restore(Path(options["archive"]))
        except (backup.BackupError, OSError, KeyError) as error:
            raise CommandError(str(error)) from error
        counts = ", ".join(f"{table} {count}" for table, count in sorted(report.counts.items()))
        self.stdout.write(f"Đã khôi phục: {counts}; {report.media_files} tệp media, tổng kiểm khớp.")
