from django.conf import settings
from django.core.management.base import BaseCommand

from participation.retention import erase_expired_personal_data


class Command(BaseCommand):
    help = (
        "Xóa họ tên và thông tin liên hệ của người hỏi sau PARTICIPATION_RETENTION_DAYS ngày kể từ khi nhận "
        "câu hỏi. Chạy hằng ngày bằng cron hoặc systemd timer (docs/participation.md)."
    )

    def handle(self, *args, **options) -> None:
        erased = erase_expired_personal_data()
        days = settings.PARTICIPATION_RETENTION_DAYS
        self.stdout.write(f"Đã xóa dữ liệu cá nhân của {erased} câu hỏi nhận quá {days} ngày.")
