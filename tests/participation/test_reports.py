"""The citizen-side reports: exact rows for a known fixture, filters, unit scoping, CSV = XLSX = table."""

from __future__ import annotations

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from openpyxl import load_workbook
from wagtail import hooks

from tests.participation.conftest import MARCH as MARCH_DATES
from tests.participation.conftest import soup

pytestmark = pytest.mark.django_db

HELPFULNESS = "/admin/reports/muc-do-huu-ich/"
QUESTIONS = "/admin/reports/cau-hoi-nguoi-dan/"
MARCH = "date_from=2025-03-01&date_to=2025-03-31"


def table_rows(response) -> list[list[str]]:
    table = soup(response).find("table", class_="listing")
    if table is None:
        return []
    return [
        [cell.get_text(" ", strip=True) for cell in row.find_all("td")] for row in table.find("tbody").find_all("tr")
    ]


def csv_rows(client, url: str) -> list[list[str]]:
    response = client.get(url + "&export=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8"))))


def xlsx_rows(client, url: str) -> list[list]:
    response = client.get(url + "&export=xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    return [["" if value is None else value for value in row] for row in sheet.iter_rows(values_only=True)]


HELPFULNESS_HEADINGS = [
    "Trang",
    "Đơn vị",
    "Loại",
    "Hữu ích",
    "Chưa hữu ích",
    "Tổng số ý kiến",
    "Tỷ lệ hữu ích (%)",
    "Số góp ý",
]


def test_least_helpful_guides_come_first(approver_client, known_data, haquang_guide, baolac_guide, province_faq):
    rows = table_rows(approver_client.get(f"{HELPFULNESS}?{MARCH}"))
    assert rows == [
        [baolac_guide.title, "Huyện Bảo Lạc", "Hướng dẫn thủ tục hành chính", "1", "3", "4", "25", "2"],
        [haquang_guide.title, "Huyện Hà Quảng", "Hướng dẫn thủ tục hành chính", "3", "1", "4", "75", "1"],
        [province_faq.title, province_faq.unit.name, "Hỏi đáp", "2", "0", "2", "100", "0"],
    ]


def test_each_row_links_to_the_pages_feedback(approver_client, known_data, baolac_guide):
    link = soup(approver_client.get(f"{HELPFULNESS}?{MARCH}")).select_one("table.listing tbody tr a")
    assert link["href"] == f"/admin/y-kien-ban-doc/{baolac_guide.pk}/"


def test_the_unit_filter(approver_client, known_data, haquang, haquang_guide):
    rows = table_rows(approver_client.get(f"{HELPFULNESS}?{MARCH}&unit={haquang.pk}"))
    assert [row[0] for row in rows] == [haquang_guide.title]


def test_a_unit_sees_only_its_own_rows(contributor_client, known_data, haquang_guide):
    rows = table_rows(contributor_client.get(f"{HELPFULNESS}?{MARCH}"))
    assert [row[0] for row in rows] == [haquang_guide.title]


def test_a_unit_cannot_ask_for_another_units_rows(contributor_client, known_data, baolac):
    response = contributor_client.get(f"{HELPFULNESS}?{MARCH}&unit={baolac.pk}")
    assert response.status_code == 400
    assert table_rows(response) == []


def test_a_period_ending_before_it_starts_is_refused(approver_client, known_data):
    response = approver_client.get(f"{HELPFULNESS}?date_from=2025-03-31&date_to=2025-03-01")
    assert response.status_code == 400
    assert "“Từ ngày” phải trước hoặc bằng “Đến ngày”." in soup(response).get_text()


def test_helpfulness_csv_and_xlsx_hold_the_rows_of_the_table(approver_client, known_data):
    url = f"{HELPFULNESS}?{MARCH}"
    table = table_rows(approver_client.get(url))
    in_csv = csv_rows(approver_client, url)
    in_xlsx = xlsx_rows(approver_client, url)
    assert in_csv[0] == HELPFULNESS_HEADINGS
    assert in_csv[1:] == table
    assert [[str(value) for value in row] for row in in_xlsx] == in_csv
    assert in_xlsx[1][3:] == [1, 3, 4, 25, 2]


QUESTION_HEADINGS = [
    "Đơn vị",
    "Nhận được",
    "Đã trả lời",
    "Đang trả lời",
    "Mới",
    "Từ chối",
    "Thời gian trả lời (trung vị, ngày)",
]


def test_questions_received_answered_and_median_answer_time(approver_client, known_data):
    rows = table_rows(approver_client.get(f"{QUESTIONS}?{MARCH}"))
    assert rows == [  # units in their own order (sort order, then name)
        ["Huyện Bảo Lạc", "2", "1", "0", "0", "1", "1,5"],
        ["Huyện Hà Quảng", "3", "2", "0", "1", "0", "3,5"],
        ["Chưa phân công đơn vị", "1", "0", "1", "0", "0", ""],  # nothing answered: no median
        ["Tổng cộng", "6", "3", "1", "1", "1", "2,0"],
    ]


def test_a_unit_sees_its_own_question_figures(contributor_client, known_data):
    rows = table_rows(contributor_client.get(f"{QUESTIONS}?{MARCH}"))
    assert rows == [["Huyện Hà Quảng", "3", "2", "0", "1", "0", "3,5"], ["Tổng cộng", "3", "2", "0", "1", "0", "3,5"]]


def test_questions_csv_and_xlsx_hold_the_rows_of_the_table(approver_client, known_data):
    url = f"{QUESTIONS}?{MARCH}"
    table = table_rows(approver_client.get(url))
    in_csv = csv_rows(approver_client, url)
    assert in_csv[0] == QUESTION_HEADINGS
    # The page writes decimals the Vietnamese way (3,5); the files hold the number itself (3.5).
    assert in_csv[1:] == [[*row[:-1], row[-1].replace(",", ".")] for row in table]
    in_xlsx = xlsx_rows(approver_client, url)
    assert [[number_or_text(value) for value in row] for row in in_xlsx] == [
        [number_or_text(value) for value in row] for row in in_csv
    ]
    assert in_xlsx[1][6] == 1.5


def number_or_text(value):
    """2.0 in a CSV and 2 in a spreadsheet are the same figure."""
    try:
        return float(value)
    except (TypeError, ValueError):
        return value


def test_the_reports_agree_with_the_unit_report_section(approver_client, known_data, haquang):
    [section] = [s for fn in hooks.get_hooks("unit_report_sections") for s in fn(haquang, *MARCH_DATES)]
    figures = dict(section["rows"])
    questions = table_rows(approver_client.get(f"{QUESTIONS}?{MARCH}&unit={haquang.pk}"))[0]
    helpfulness = table_rows(approver_client.get(f"{HELPFULNESS}?{MARCH}&unit={haquang.pk}"))
    assert figures["Câu hỏi nhận được"] == int(questions[1])
    assert figures["Câu hỏi đã trả lời"] == int(questions[2])
    assert figures["Thời gian trả lời (trung vị, ngày)"] == questions[6]
    assert figures["Ý kiến đánh giá hướng dẫn, hỏi đáp là hữu ích"] == sum(int(row[3]) for row in helpfulness)
    assert figures["Ý kiến đánh giá hướng dẫn, hỏi đáp chưa hữu ích"] == sum(int(row[4]) for row in helpfulness)


def test_someone_without_a_unit_is_refused(client, known_data):
    outsider = get_user_model().objects.create_user("khach", password="x")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    for url in (HELPFULNESS, QUESTIONS):
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_the_report_menu_items(contributor_client):
    page = contributor_client.get("/admin/").content.decode()
    assert HELPFULNESS in page
    assert QUESTIONS in page
