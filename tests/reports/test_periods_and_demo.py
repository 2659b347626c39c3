"""Reporting periods (Vietnamese labels, tokens, buckets) and the demo activities."""

import datetime
import io

import pytest
from django.core.management import call_command

from reports import periods
from reports.demo import DEMO_ACTIVITIES, DEMO_PREFIX
from reports.models import OutreachActivity


@pytest.mark.parametrize(
    "token, label, start, end",
    [
        ("2026-11", "Tháng 11/2026", datetime.date(2026, 11, 1), datetime.date(2026, 11, 30)),
        ("2024-02", "Tháng 2/2024", datetime.date(2024, 2, 1), datetime.date(2024, 2, 29)),
        ("2026-Q4", "Quý IV/2026", datetime.date(2026, 10, 1), datetime.date(2026, 12, 31)),
        ("2026-Q1", "Quý I/2026", datetime.date(2026, 1, 1), datetime.date(2026, 3, 31)),
        ("2026", "Năm 2026", datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)),
    ],
)
def test_a_period_token_names_its_dates_and_label(token, label, start, end):
    period = periods.parse(token)
    assert (period.label, period.start, period.end, period.token) == (label, start, end, token)


def test_a_custom_range_has_its_own_label():
    period = periods.custom(datetime.date(2026, 1, 15), datetime.date(2026, 3, 10))
    assert period.label == "Từ 15/01/2026 đến 10/03/2026"
    assert [bucket.label for bucket in period.buckets(periods.MONTH)] == [
        "Tháng 1/2026",
        "Tháng 2/2026",
        "Tháng 3/2026",
    ]


@pytest.mark.parametrize("token", ["", "26", "2026-13", "2026-Q0", "2026-Q5", "năm 2026", "0999"])
def test_a_bad_token_is_refused_in_vietnamese(token):
    with pytest.raises(ValueError, match="Kỳ báo cáo không hợp lệ"):
        periods.parse(token)


def test_the_period_choices_start_with_this_year_and_stop_at_today():
    choices = periods.choices(datetime.date(2026, 5, 20), years=1)
    assert choices[:4] == [
        ("2026", "Năm 2026"),
        ("2026-Q2", "Quý II/2026"),
        ("2026-Q1", "Quý I/2026"),
        ("2026-05", "Tháng 5/2026"),
    ]
    assert choices[-1] == ("2026-01", "Tháng 1/2026")


@pytest.mark.django_db
def test_the_demo_activities_are_marked_and_loaded_once():
    demo = OutreachActivity.objects.filter(title__startswith=DEMO_PREFIX)
    assert demo.count() == len(DEMO_ACTIVITIES)
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    assert demo.count() == len(DEMO_ACTIVITIES)
    assert "Hoạt động tuyên truyền mẫu" not in output.getvalue()
