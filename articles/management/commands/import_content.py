from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.importing import ContentImporter, ImportFileError, load_records


class Command(BaseCommand):
    help = "Nhập bài viết (tin tức, hướng dẫn, hỏi đáp, mô hình hay) từ tệp JSON; tất cả hoặc không gì cả."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="Đường dẫn tệp JSON (một mảng các bản ghi).")

    def handle(self, *args, **options) -> None:
        path = Path(options["file"])
        try:
            raw = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Không đọc được tệp {path}: {error.strerror or error}") from None
        try:
            records = load_records(raw)
        except ImportFileError as error:
            raise CommandError(f"{error} Không có bài nào được nhập.") from None

        importer = ContentImporter(records)
        clean, errors = importer.validate()
        if errors:
            for error in errors:
                self.stderr.write(str(error))
            bad_records = len({error.index for error in errors})
            raise CommandError(f"Tệp có {len(errors)} lỗi ở {bad_records} bản ghi. Không có bài nào được nhập.")
        try:
            result = importer.run(clean)
        except ValidationError as error:
            raise CommandError(
                f"Không lưu được bài viết: {'; '.join(error.messages)}. Không có bài nào được nhập."
            ) from None

        for page in result.created:
            self.stdout.write(f"Đã tạo: {page.url} — {page.title}")
        for page in result.updated:
            self.stdout.write(f"Đã cập nhật (phiên bản mới): {page.url} — {page.title}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Hoàn tất: {len(result.created)} bài mới, {len(result.updated)} bài cập nhật, tất cả đã xuất bản."
            )
        )
