"""`load_demo`: two example questions, marked as examples, so the inbox has something to show."""

from __future__ import annotations

from home.models import ReformArea, Unit
from participation.models import Question

EXAMPLE_MARK = "[Ví dụ]"

# (question, name, contact, area slug, unit slug)
DEMO_QUESTIONS = [
    (
        f"{EXAMPLE_MARK} Tôi muốn đăng ký khai sinh cho con qua mạng thì cần chuẩn bị giấy tờ gì và nộp ở đâu?",
        "Người hỏi mẫu",
        "nguoi-hoi-mau@example.com",
        "thu-tuc-hanh-chinh",
        "ha-quang",
    ),
    (
        f"{EXAMPLE_MARK} Thời gian giải quyết hồ sơ cấp lại giấy chứng nhận quyền sử dụng đất là bao lâu?",
        "",
        "",
        "thu-tuc-hanh-chinh",
        None,
    ),
]


def create_demo_questions() -> list[str]:
    created = 0
    for text, name, contact, area_slug, unit_slug in DEMO_QUESTIONS:
        _question, was_created = Question.objects.get_or_create(
            question=text,
            defaults={
                "name": name,
                "contact": contact,
                "area": ReformArea.objects.filter(slug=area_slug).first(),
                "unit": Unit.objects.filter(slug=unit_slug).first() if unit_slug else None,
            },
        )
        created += was_created
    return [f"Câu hỏi mẫu của người dân: {created} câu mới."] if created else []
