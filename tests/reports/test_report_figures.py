"""Every report's rows against the known fixture (tests/reports/conftest.py), through its CSV export."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.reports.conftest import csv_rows, run_workflow

pytestmark = pytest.mark.django_db

ONE, TWO = "Huyện Kiểm Thử Một", "Huyện Kiểm Thử Hai"
NEWS, GUIDE, FAQ = "Tin tức", "Hướng dẫn thủ tục hành chính", "Hỏi đáp"
LAWS, PROCEDURES, CIVIL_SERVICE = "Cải cách thể chế", "Cải cách thủ tục hành chính", "Cải cách chế độ công vụ"
DIGITAL = "Xây dựng và phát triển chính quyền điện tử, chính quyền số"


def export(client, name, **params):
    response = client.get(reverse(name), {**params, "export": "csv"})
    assert response.status_code == 200
    return csv_rows(response)


def test_content_published_by_month(admin_client, known):
    assert export(admin_client, "reports_content", period="2012", group="month") == [
        ["Kỳ", "Đơn vị", "Lĩnh vực CCHC", "Loại bài", "Số bài"],
        ["Tháng 1/2012", ONE, LAWS, NEWS, "1"],
        ["Tháng 1/2012", ONE, PROCEDURES, GUIDE, "1"],
        ["Tháng 2/2012", ONE, LAWS, NEWS, "1"],
        ["Tháng 2/2012", ONE, PROCEDURES, GUIDE, "1"],
        ["Tháng 2/2012", ONE, CIVIL_SERVICE, NEWS, "1"],
        ["Tháng 4/2012", TWO, DIGITAL, FAQ, "1"],
        ["Tổng cộng", "", "", "", "5"],
    ]


def test_content_published_by_quarter_counts_an_article_in_each_of_its_areas_and_once_in_the_total(admin_client, known):
    assert export(admin_client, "reports_content", period="2012", group="quarter")[1:] == [
        ["Quý I/2012", ONE, LAWS, NEWS, "2"],
        ["Quý I/2012", ONE, PROCEDURES, GUIDE, "2"],
        ["Quý I/2012", ONE, CIVIL_SERVICE, NEWS, "1"],
        ["Quý II/2012", TWO, DIGITAL, FAQ, "1"],
        ["Tổng cộng", "", "", "", "5"],
    ]


def test_content_published_for_one_unit_and_a_custom_range(admin_client, known):
    rows = export(
        admin_client, "reports_content", start="2012-02-01", end="2012-12-31", unit=known.one.pk, group="year"
    )
    assert rows[1:] == [
        ["Năm 2012", ONE, LAWS, NEWS, "1"],
        ["Năm 2012", ONE, PROCEDURES, GUIDE, "1"],
        ["Năm 2012", ONE, CIVIL_SERVICE, NEWS, "1"],
        ["Tổng cộng", "", "", "", "2"],
    ]


def test_workflow_per_unit_and_month(admin_client, known):
    run_workflow(known)
    assert export(admin_client, "reports_workflow", period="2018", group="month") == [
        ["Kỳ", "Đơn vị", "Gửi duyệt", "Đã duyệt, xuất bản", "Trả lại", "Trung vị thời gian đến khi xuất bản (ngày)"],
        ["Tháng 3/2018", ONE, "2", "2", "1", "3.0"],
        ["Tháng 4/2018", ONE, "1", "0", "0", ""],
        ["Tổng cộng", "", "3", "2", "1", "3.0"],
    ]


def test_workflow_of_a_quarter_without_the_pending_submission(admin_client, known):
    run_workflow(known)
    assert export(admin_client, "reports_workflow", period="2018-Q1", group="quarter")[1:] == [
        ["Quý I/2018", ONE, "2", "2", "1", "3.0"],
        ["Tổng cộng", "", "2", "2", "1", "3.0"],
    ]


def test_activities_count_confirmed_ones_by_unit_and_kind(admin_client, known):
    languages = "Tiếng Việt, Tiếng Tày, Tiếng Mông"
    assert export(admin_client, "reports_activities", period="2012", group="month") == [
        [
            "Kỳ", "Đơn vị", "Hình thức", "Số hoạt động", "Số lượng (lần, tin, buổi, bài)", "Số phút phát thanh",
            "Ngôn ngữ", "Số bản in", "Số người tham dự", "Số tin nhắn",
        ],
        ["Tháng 5/2012", TWO, "Hội nghị", "1", "1", "0", "", "0", "80", "0"],
        ["Tháng 5/2012", ONE, "Phát thanh (truyền thanh cơ sở)", "2", "5", "45", languages, "0", "0", "0"],
        ["Tháng 6/2012", ONE, "Bản tin, tờ rơi in", "1", "1", "0", "", "500", "0", "0"],
        ["Tổng cộng", "", "", "4", "7", "45", languages, "500", "80", "0"],
    ]  # fmt: skip


def test_reads_per_page_most_read_first_in_each_month(admin_client, known):
    assert export(admin_client, "reports_page_reads", period="2012", group="month") == [
        ["Kỳ", "Bài", "Đơn vị", "Loại bài", "Lượt đọc"],
        ["Tháng 1/2012", "Tin tháng một", ONE, NEWS, "5"],
        ["Tháng 2/2012", "Hướng dẫn được đọc", ONE, GUIDE, "7"],
        ["Tháng 2/2012", "Tin tháng một", ONE, NEWS, "3"],
        ["Tháng 4/2012", "Hỏi đáp tháng tư", TWO, FAQ, "2"],
        ["Tổng cộng", "", "", "", "17"],
    ]


def test_reads_per_page_of_one_type(admin_client, known):
    assert export(admin_client, "reports_page_reads", period="2012", group="year", article_type="guide")[1:] == [
        ["Năm 2012", "Hướng dẫn được đọc", ONE, GUIDE, "7"],
        ["Tổng cộng", "", "", "", "7"],
    ]


def test_reads_per_unit_and_type(admin_client, known):
    assert export(admin_client, "reports_unit_reads", period="2012", group="month") == [
        ["Kỳ", "Đơn vị", "Loại bài", "Lượt đọc"],
        ["Tháng 1/2012", ONE, NEWS, "5"],
        ["Tháng 2/2012", ONE, NEWS, "3"],
        ["Tháng 2/2012", ONE, GUIDE, "7"],
        ["Tháng 4/2012", TWO, FAQ, "2"],
        ["Tổng cộng", "", "", "17"],
    ]


def test_most_read_guides_per_unit(admin_client, known):
    assert export(admin_client, "reports_most_read_guides", period="2012") == [
        ["Đơn vị", "Hạng", "Hướng dẫn", "Lượt đọc"],
        [ONE, "1", "Hướng dẫn được đọc", "7"],
    ]


def test_guides_nobody_read_per_unit(admin_client, known):
    assert export(admin_client, "reports_unread_guides", period="2012") == [
        ["Đơn vị", "Hướng dẫn"],
        [ONE, "Hướng dẫn chưa ai đọc"],
    ]


def test_a_guide_published_after_the_period_is_not_unread_in_it(admin_client, known):
    assert export(admin_client, "reports_unread_guides", period="2011")[1:] == []


def test_overdue_guides_of_a_unit(admin_client, known):
    today = timezone.localdate()
    days = [(today - datetime.date(2012, 6, 30)).days, (today - datetime.date(2012, 9, 1)).days]
    assert export(admin_client, "reports_overdue_guides", unit=known.one.pk) == [
        ["Đơn vị", "Hướng dẫn", "Hạn rà soát", "Số ngày quá hạn", "Rà soát gần nhất", "Nhắc gần nhất"],
        [ONE, "Hướng dẫn được đọc", "2012-06-30", str(days[0]), "2011-06-30", ""],
        [ONE, "Hướng dẫn chưa ai đọc", "2012-09-01", str(days[1]), "2011-06-30", ""],
    ]


def test_overdue_guides_due_in_a_chosen_period(admin_client, known):
    rows = export(admin_client, "reports_overdue_guides", unit=known.one.pk, period="2012-Q3")
    assert [row[1] for row in rows[1:]] == ["Hướng dẫn chưa ai đọc"]
