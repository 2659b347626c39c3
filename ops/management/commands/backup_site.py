from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ops import backup


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu và toàn bộ media vào một tệp lưu trữ; dòng cuối là đường dẫn tệp."

    def add_arguments(self, parser):
        parser.add_argument("--dir", default=None, help="thư mục đích (mặc định BACKUP_DIR hoặc backups/)")

    def handle(self, *args, **options):
        directory = Path(options["dir"]) if options["dir"] else backup.default_directory()
        try:
            path = backup.backup(directory)
        except (backup.BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        except Exception as error:  # pg_dump failures arrive as CalledProcessError
            raise CommandError(f"Sao lưu thất bại: {error}") from error
        self.stdout.write(str(path.resolve()))
