"""Rebuild every SearchDocument and the spelling vocabulary from the live article pages."""

from django.core.management.base import BaseCommand

from search.documents import rebuild_all


class Command(BaseCommand):
    help = "Dựng lại dữ liệu xếp hạng tìm kiếm (SearchDocument) và từ vựng sửa lỗi chính tả từ các bài đã xuất bản."

    def handle(self, *args, **options) -> None:
        count = rebuild_all()
        self.stdout.write(self.style.SUCCESS(f"Đã dựng lại dữ liệu tìm kiếm cho {count} bài."))
