"""The `unit_report_sections` hook: the participation figures of a unit's periodic report."""

from __future__ import annotations

import datetime

import pytest
from wagtail import hooks

from tests.participation.conftest import MARCH

pytestmark = pytest.mark.django_db


def sections(unit, start, end) -> list[dict]:
    found = []
    for section_fn in hooks.get_hooks("unit_report_sections"):
        found.extend(section_fn(unit, start, end))
    return [section for section in found if section["key"] == "participation"]


def test_the_section_of_a_unit(known_data, haquang):
    [section] = sections(haquang, *MARCH)
    assert section == {
        "key": "participation",
        "title": "Sự tham gia của người dân, doanh nghiệp",
        "rows": [
            ("Ý kiến đánh giá hướng dẫn, hỏi đáp là hữu ích", 3),
            ("Ý kiến đánh giá hướng dẫn, hỏi đáp chưa hữu ích", 1),
            ("Câu hỏi nhận được", 3),
            ("Câu hỏi đã trả lời", 2),
            ("Thời gian trả lời (trung vị, ngày)", "3,5"),
        ],
    }


def test_the_section_of_another_unit(known_data, baolac):
    [section] = sections(baolac, *MARCH)
    assert [value for _label, value in section["rows"]] == [1, 3, 2, 1, "1,5"]


def test_the_whole_province(known_data):
    [section] = sections(None, *MARCH)
    assert [value for _label, value in section["rows"]] == [6, 4, 6, 3, "2,0"]


def test_the_period_bounds_are_inclusive_local_days(known_data, haquang):
    [section] = sections(haquang, datetime.date(2025, 3, 31), datetime.date(2025, 4, 1))
    assert [value for _label, value in section["rows"]] == [1, 1, 0, 0, "—"]
    [april] = sections(haquang, datetime.date(2025, 4, 1), datetime.date(2025, 4, 30))
    assert [value for _label, value in april["rows"]] == [0, 1, 1, 1, "1,0"]


def test_a_period_without_data(haquang):
    [section] = sections(haquang, datetime.date(2020, 1, 1), datetime.date(2020, 12, 31))
    assert [value for _label, value in section["rows"]] == [0, 0, 0, 0, "—"]
