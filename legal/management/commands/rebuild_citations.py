from django.core.management.base import BaseCommand

from legal.citations import rebuild_all


class Command(BaseCommand):
    help = "Tính lại danh sách bài viết trích dẫn từng văn bản (căn cứ pháp lý, liên kết, số ký hiệu trong bài)."

    def handle(self, *args, **options) -> None:
        count = rebuild_all()
        self.stdout.write(self.style.SUCCESS(f"Đã tính lại: {count} trích dẫn văn bản."))
