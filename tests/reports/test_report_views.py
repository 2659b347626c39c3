"""The reports as a user meets them: who may open them, what each sees, exports, filters, charts."""

import datetime
import io

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse

from reports.views.reports import REPORTS
from tests.reports.conftest import csv_rows, make_user, run_workflow

pytestmark = pytest.mark.django_db

REPORT_NAMES = [view.index_url_name for _slug, view in REPORTS]


def xlsx_rows(response) -> list[list[str]]:
    workbook = openpyxl.load_workbook(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    )
    rows = []
    for row in workbook.active.iter_rows(values_only=True):
        cells = []
        for value in row:
            if value is None:
                cells.append("")
            elif isinstance(value, datetime.datetime):
                cells.append(value.date().isoformat())
            else:
                cells.append(str(value))
        rows.append(cells)
    return rows


def normalised(rows):
    """Numbers compared as numbers: XLSX keeps 3.0 as the number 3, CSV writes "3.0"."""

    def cell(value):
        try:
            return float(value)
        except ValueError:
            return value

    return [[cell(value) for value in row] for row in rows]


@pytest.mark.parametrize("name", REPORT_NAMES)
def test_csv_and_xlsx_hold_the_same_rows(admin_client, known, name):
    run_workflow(known)
    params = {"period": "2012" if name != "reports_workflow" else "2018", "group": "month"}
    csv_response = admin_client.get(reverse(name), {**params, "export": "csv"})
    xlsx_response = admin_client.get(reverse(name), {**params, "export": "xlsx"})
    rows = csv_rows(csv_response)
    assert len(rows) > 1
    assert normalised(xlsx_rows(xlsx_response)) == normalised(rows)


@pytest.mark.parametrize("name", REPORT_NAMES)
def test_a_user_without_a_unit_or_provincial_role_is_refused(client, name):
    user = make_user("khach.kiemthu")  # can open the admin, but works for no unit
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def test_a_units_contributor_sees_only_their_units_rows(client, known):
    client.force_login(known.contributor_one)
    rows = csv_rows(client.get(reverse("reports_content"), {"period": "2012", "group": "year", "export": "csv"}))
    assert {row[1] for row in rows[1:-1]} == {"Huyện Kiểm Thử Một"}
    assert rows[-1] == ["Tổng cộng", "", "", "", "4"]


def test_a_units_contributor_cannot_ask_for_another_units_rows(client, known):
    client.force_login(known.contributor_one)
    response = client.get(reverse("reports_activities"), {"unit": known.two.pk, "export": "csv"})
    assert response.status_code == 400
    assert "Bộ lọc không hợp lệ" in response.content.decode()


def test_the_unit_filter_offers_only_the_users_units(client, known):
    client.force_login(known.contributor_one)
    soup = BeautifulSoup(client.get(reverse("reports_content")).content, "html.parser")
    options = [option.get_text(strip=True) for option in soup.select("select[name=unit] option")]
    assert options == ["Tất cả đơn vị được xem", "Huyện Kiểm Thử Một"]


def test_a_provincial_approver_sees_every_unit(client, known):
    client.force_login(get_user_model().objects.get(username="pheduyet.tinh"))
    rows = csv_rows(client.get(reverse("reports_content"), {"period": "2012", "group": "year", "export": "csv"}))
    assert {row[1] for row in rows[1:-1]} == {"Huyện Kiểm Thử Một", "Huyện Kiểm Thử Hai"}


@pytest.mark.parametrize(
    "params, message",
    [
        ({"period": "2012-13"}, "Kỳ báo cáo không hợp lệ: 2012-13."),
        ({"start": "2012-01-01"}, "Khoảng thời gian tùy chọn cần cả “từ ngày” và “đến ngày”."),
        ({"start": "2012-03-01", "end": "2012-02-01"}, "Ngày kết thúc phải sau hoặc trùng ngày bắt đầu."),
        ({"start": "2000-01-01", "end": "2012-02-01"}, "Khoảng thời gian dài quá 5 năm."),
        ({"group": "week"}, "Hãy chọn một lựa chọn hợp lệ. week không phải là một trong các lựa chọn khả thi."),
    ],
)
def test_a_bad_filter_answers_400_with_a_vietnamese_message(admin_client, params, message):
    response = admin_client.get(reverse("reports_content"), params)
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert message in soup.get_text()


def test_the_chart_has_a_title_a_description_no_script_and_its_table_beside_it(admin_client, known):
    response = admin_client.get(reverse("reports_content"), {"period": "2012-Q1", "group": "month"})
    soup = BeautifulSoup(response.content, "html.parser")
    figure = soup.select_one("figure.report-chart")
    svg = figure.find("svg")
    assert svg["role"] == "img"
    assert svg["aria-labelledby"] == "chart-content-title chart-content-desc"
    assert svg.find("title", id="chart-content-title").get_text() == "Số bài đã đăng theo kỳ và loại bài"
    assert "mỗi cột là một kỳ (Quý I/2012)" in svg.find("desc", id="chart-content-desc").get_text()
    assert svg.find("script") is None
    table = figure.find("table")
    assert [th.get_text() for th in table.select("thead th")] == [
        "Nhãn",
        "Tin tức",
        "Hướng dẫn thủ tục hành chính",
        "Hỏi đáp",
        "Mô hình hay",
        "Văn bản",  # the legal bookcase's documents are an article type too
    ]
    assert [[cell.get_text() for cell in row.find_all(["th", "td"])] for row in table.select("tbody tr")] == [
        ["Tháng 1/2012", "1", "1", "0", "0", "0"],
        ["Tháng 2/2012", "1", "1", "0", "0", "0"],
        ["Tháng 3/2012", "0", "0", "0", "0", "0"],
    ]


def test_no_chart_when_there_is_nothing_to_draw(admin_client, known):
    response = admin_client.get(reverse("reports_content"), {"period": "2011"})
    assert BeautifulSoup(response.content, "html.parser").select_one("figure.report-chart") is None


def test_the_reports_menu_lists_the_reports_for_a_unit_editor(client, known):
    client.force_login(known.contributor_one)
    response = client.get(reverse("wagtailadmin_home"))
    html = response.content.decode()
    for name in REPORT_NAMES + ["reports_periodic"]:
        assert reverse(name) in html
