"""A known set of feedback and questions in March 2025, with neighbours just outside the month,
whose figures the report and unit-section tests check exactly."""

from __future__ import annotations

import datetime

import pytest

from participation.models import QuestionStatus
from tests.participation.conftest import at, make_feedback, make_question

MARCH = (datetime.date(2025, 3, 1), datetime.date(2025, 3, 31))


def march(day: int, hour: int = 10) -> datetime.datetime:
    return at(datetime.date(2025, 3, day), hour)


@pytest.fixture
def known_data(haquang_guide, baolac_guide, province_faq, haquang, baolac):
    # Hà Quảng's guide: 3 yes, 1 no (with a comment) in March; one "no" on each side of the month.
    for day, hour in ((1, 0), (5, 10), (31, 23)):
        make_feedback(haquang_guide, True, march(day, hour))
    make_feedback(haquang_guide, False, march(10), comment="Thiếu mẫu tờ khai.")
    make_feedback(haquang_guide, False, at(datetime.date(2025, 2, 28), 23))
    make_feedback(haquang_guide, False, at(datetime.date(2025, 4, 1), 0))
    # Bảo Lạc's guide: 1 yes, 3 no (two with comments).
    make_feedback(baolac_guide, True, march(2))
    make_feedback(baolac_guide, False, march(3), comment="Không rõ nộp ở đâu.")
    make_feedback(baolac_guide, False, march(4), comment="Phí ghi sai.")
    make_feedback(baolac_guide, False, march(6))
    # A provincial FAQ: 2 yes.
    make_feedback(province_faq, True, march(7))
    make_feedback(province_faq, True, march(8))

    answered = QuestionStatus.ANSWERED
    # Hà Quảng: answered in 2 and 5 days, one new; Bảo Lạc: answered in 1.5 days, one rejected;
    # one not yet given to a unit, being answered; one in April (outside).
    make_question("HQ1 khai sinh", haquang, created=march(2), status=answered, answered_at=march(4))
    make_question("HQ2 khai tử", haquang, created=march(3), status=answered, answered_at=march(8))
    make_question("HQ3 kết hôn", haquang, created=march(20))
    make_question("BL1 hộ kinh doanh", baolac, created=march(12), status=answered, answered_at=march(13, 22))
    make_question("BL2 quảng cáo", baolac, created=march(14), status=QuestionStatus.REJECTED)
    make_question("Chưa phân công", None, created=march(15), status=QuestionStatus.ANSWERING)
    make_question(
        "HQ4 tháng Tư",
        haquang,
        created=at(datetime.date(2025, 4, 2)),
        status=answered,
        answered_at=at(datetime.date(2025, 4, 3)),
    )
