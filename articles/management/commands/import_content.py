from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import OperationalError

from articles.importing import ContentImporter, ImportFileError, load_records
from articles.importing.importer import ImportConflict

NOTHING = "Không có bài nào được nhập."


class Command(BaseCommand):
    help = "Nhập bài viết (tin tức, hướng dẫn, hỏi đáp, mô hình hay …) từ tệp JSON; tất cả hoặc không gì cả."

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
            raise CommandError(f"{error} {NOTHING}") from None

        importer = ContentImporter(records)
        clean, errors = importer.validate()
        if errors:
            for error in errors:
                self.stderr.write(str(error))
            bad_records = len({error.index for error in errors})
            raise CommandError(f"Tệp có {len(errors)} lỗi ở {bad_records} bản ghi. {NOTHING}")
        try:
            result = importer.run(clean)
        except ImportConflict as conflict:
            self.stderr.write(str(conflict.error))
            raise CommandError(f"Tệp có 1 lỗi ở 1 bản ghi. {NOTHING}") from None
        except ValidationError as error:
            raise CommandError(f"Không lưu được bài viết: {'; '.join(error.messages)}. {NOTHING}") from None
        except OperationalError as error:
            # The database stayed locked by other writers past the busy timeout (SQLite), or the
            # connection failed: the transaction was rolled back whole.
            raise CommandError(
                f"Cơ sở dữ liệu đang bận hoặc không kết nối được ({error}); hãy chạy lại sau ít phút. {NOTHING}"
            ) from None

        for page in result.created:
            self.stdout.write(f"Đã tạo: {page.url} — {page.title}")
        moved = {page.pk for page in result.moved}
        for page in result.updated:
            label = "Đã chuyển đơn vị và cập nhật" if page.pk in moved else "Đã cập nhật (phiên bản mới)"
            self.stdout.write(f"{label}: {page.url} — {page.title}")
        summary = (
            f"Hoàn tất: {len(result.created)} bài mới, {len(result.updated)} bài cập nhật "
            f"(trong đó {len(result.moved)} bài chuyển đơn vị), tất cả đã xuất bản."
        )
        if result.dropped_images:
            summary += (
                f" {result.dropped_images} ảnh trong nội dung không nhập được nên đã bỏ (giữ lại mô tả ảnh trong bài)."
            )
        self.stdout.write(self.style.SUCCESS(summary))
