"""Demo outreach activities (`load_demo`): clearly marked, created once, never duplicated."""

from __future__ import annotations

import datetime

from django.utils import timezone

from home.models import ReformArea, Unit
from reports.models import OutreachActivity

DEMO_PREFIX = "[Dữ liệu mẫu] "
Kind = OutreachActivity.Kind

# unit slug, kind, days before today, title, areas, measures, confirmed
DEMO_ACTIVITIES = [
    ("ha-quang", Kind.RADIO, 12, "Phát thanh hướng dẫn đăng ký khai sinh trực tuyến", ["thu-tuc-hanh-chinh"],
     {"count": 6, "minutes": 45, "languages": ["vi", "tay", "nung"]}, True),
    ("ha-quang", Kind.NOTICE_BOARD, 20, "Niêm yết quy trình một cửa tại nhà văn hóa các xóm", ["thu-tuc-hanh-chinh"],
     {"count": 14}, True),
    ("ha-quang", Kind.CONFERENCE, 35, "Hội nghị tuyên truyền cải cách hành chính", ["the-che", "to-chuc-bo-may"],
     {"count": 1, "participants": 120}, True),
    ("ha-quang", Kind.SMS, 5, "Nhắn tin nhắc người dân dùng dịch vụ công trực tuyến", ["chinh-quyen-so"],
     {"messages_sent": 2400}, False),
    ("bao-lac", Kind.PRINT, 18, "Tờ rơi song ngữ Việt – Mông về thủ tục đất đai", ["thu-tuc-hanh-chinh"],
     {"count": 2, "copies": 1500}, True),
    ("bao-lac", Kind.RADIO, 9, "Phát thanh tiếng Mông về chứng thực bản sao điện tử", ["chinh-quyen-so"],
     {"count": 8, "minutes": 60, "languages": ["mong", "vi"]}, True),
    ("bao-lac", Kind.CONTEST, 60, "Cuộc thi tìm hiểu cải cách hành chính trong đoàn viên thanh niên", ["cong-vu"],
     {"count": 1, "participants": 340}, True),
    ("bao-lac", Kind.SOCIAL, 3, "Bài đăng Zalo OA về nộp hồ sơ qua dịch vụ bưu chính công ích", ["thu-tuc-hanh-chinh"],
     {"count": 4}, False),
    ("tinh", Kind.TRAINING, 40, "Tập huấn biên tập viên Cổng thông tin CCHC các đơn vị", ["chinh-quyen-so"],
     {"count": 2, "participants": 65}, True),
]  # fmt: skip


def load_demo_activities() -> list[str]:
    """Create the demo activities that are missing (matched by unit and title); existing ones stay as they are."""
    today = timezone.localdate()
    areas = {area.slug: area for area in ReformArea.objects.all()}
    created = 0
    for unit_slug, kind, days_ago, title, area_slugs, measures, confirmed in DEMO_ACTIVITIES:
        unit = Unit.objects.filter(slug=unit_slug).first()
        if unit is None or OutreachActivity.objects.filter(unit=unit, title=DEMO_PREFIX + title).exists():
            continue
        activity = OutreachActivity(
            unit=unit,
            kind=kind,
            date=today - datetime.timedelta(days=days_ago),
            title=DEMO_PREFIX + title,
            note="Dữ liệu mẫu để xem thử báo cáo; có thể xóa.",
            **measures,
        )
        if confirmed:
            activity.confirmed_at = timezone.now()
        activity.save()
        activity.reform_areas.set([areas[slug] for slug in area_slugs if slug in areas])
        created += 1
    return [f"Hoạt động tuyên truyền mẫu: {created} hoạt động mới."] if created else []
