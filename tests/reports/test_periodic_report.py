"""The unit's periodic report: its figures are the reports' figures; other apps add sections
through the `unit_report_sections` hook; the unit writes its difficulties; DOCX and PDF."""

import io
from collections import Counter

import docx
import pypdf
import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail import hooks

from reports.models import UnitReport
from tests.reports.conftest import csv_rows, run_workflow

pytestmark = pytest.mark.django_db


@pytest.fixture
def without_citizen_sections(monkeypatch):
    """As if no app above (participation) added sections to the report through its hook."""
    monkeypatch.setitem(hooks._hooks, "unit_report_sections", [])


def sections(response) -> dict[str, dict[str, str]]:
    """{section heading: {row label: value}} of the report as shown."""
    soup = BeautifulSoup(response.content, "html.parser")
    result = {}
    for section in soup.select("article.periodic-report section"):
        heading = section.find(["h2", "h3"]).get_text(strip=True)
        rows = {row.th.get_text(strip=True): row.td.get_text(strip=True) for row in section.select("tbody tr")}
        result[heading] = rows or section.find("p").get_text(strip=True)
    return result


def report_csv(client, name, **params):
    return csv_rows(client.get(reverse(name), {**params, "group": "year", "export": "csv"}))


def test_the_periodic_reports_figures_equal_the_reports(admin_client, known):
    run_workflow(known)
    unit = {"unit": known.one.pk}
    shown = sections(admin_client.get(reverse("reports_periodic"), {"unit": known.one.slug, "period": "2012"}))
    content = shown["I. Thông tin đăng tải trên Cổng thông tin CCHC"]
    assert content["Tổng số bài đã đăng"] == report_csv(admin_client, "reports_content", period="2012", **unit)[-1][4]
    for slug, label in [("news", "Tin tức"), ("guide", "Hướng dẫn thủ tục hành chính"), ("faq", "Hỏi đáp")]:
        rows = report_csv(admin_client, "reports_content", period="2012", article_type=slug, **unit)
        assert content[f"– {label}"] == rows[-1][4]
    per_area = Counter()
    for row in report_csv(admin_client, "reports_content", period="2012", **unit)[1:-1]:
        per_area[row[2]] += int(row[4])
    assert content["– Lĩnh vực Cải cách thể chế"] == str(per_area["Cải cách thể chế"]) == "2"
    assert content["– Lĩnh vực Cải cách chế độ công vụ"] == str(per_area["Cải cách chế độ công vụ"]) == "1"

    activities = shown["II. Các kênh và hoạt động tuyên truyền"]
    rows = {row[2]: row for row in report_csv(admin_client, "reports_activities", period="2012", **unit)[1:-1]}
    assert activities["Phát thanh: số lần phát"] == rows["Phát thanh (truyền thanh cơ sở)"][4] == "5"
    assert activities["Phát thanh: số phút"] == rows["Phát thanh (truyền thanh cơ sở)"][5] == "45"
    assert activities["Phát thanh: ngôn ngữ"] == rows["Phát thanh (truyền thanh cơ sở)"][6]
    assert activities["Bản tin, tờ rơi: số bản in"] == rows["Bản tin, tờ rơi in"][7] == "500"
    assert activities["Tin nhắn SMS: số tin nhắn đã gửi"] == "0"  # the SMS campaign is not confirmed
    total = report_csv(admin_client, "reports_activities", period="2012", **unit)[-1]
    assert activities["Tổng số hoạt động tuyên truyền đã xác nhận"] == total[3] == "3"

    reads = shown["III. Lượt đọc trên Cổng"]
    assert (
        reads["Tổng lượt đọc trên Cổng"] == report_csv(admin_client, "reports_unit_reads", period="2012", **unit)[-1][3]
    )
    assert reads["– Lượt đọc Hướng dẫn thủ tục hành chính"] == "7"
    most_read = report_csv(admin_client, "reports_most_read_guides", period="2012", **unit)[1]
    assert reads["Hướng dẫn được đọc nhiều nhất"] == f"{most_read[2]} ({most_read[3]} lượt)"
    unread = report_csv(admin_client, "reports_unread_guides", period="2012", **unit)[1:]
    assert reads["Số hướng dẫn chưa có lượt đọc"] == str(len(unread)) == "1"

    workflow = sections(admin_client.get(reverse("reports_periodic"), {"unit": known.one.slug, "period": "2018"}))[
        "IV. Biên tập, duyệt và rà soát nội dung"
    ]
    total = report_csv(admin_client, "reports_workflow", period="2018", **unit)[-1]
    assert (
        [
            workflow["Bài gửi duyệt"],
            workflow["Bài được duyệt, xuất bản"],
            workflow["Số lần trả lại để sửa"],
            workflow["Trung vị thời gian từ gửi duyệt đến xuất bản (ngày)"],
        ]
        == [total[2], total[3], total[4], total[5].replace(".", ",")]
        == ["3", "2", "1", "3,0"]
    )
    overdue = report_csv(admin_client, "reports_overdue_guides", **unit)[1:]
    assert workflow["Hướng dẫn quá hạn rà soát (tại ngày lập báo cáo)"] == str(len(overdue)) == "2"


def test_without_a_citizen_app_the_participation_section_says_there_is_no_data(
    admin_client, known, without_citizen_sections
):
    shown = sections(admin_client.get(reverse("reports_periodic"), {"unit": known.one.slug, "period": "2012"}))
    assert list(shown) == [
        "I. Thông tin đăng tải trên Cổng thông tin CCHC",
        "II. Các kênh và hoạt động tuyên truyền",
        "III. Lượt đọc trên Cổng",
        "IV. Biên tập, duyệt và rà soát nội dung",
        "V. Sự tham gia của người dân, doanh nghiệp",
        "VI. Khó khăn, vướng mắc",
        "VII. Đề xuất, kiến nghị",
    ]
    assert shown["V. Sự tham gia của người dân, doanh nghiệp"] == "Chưa có số liệu"


def test_sections_from_the_hook_follow_ours_in_order(admin_client, known, without_citizen_sections):
    calls = []

    def citizen_sections(unit, start, end):
        calls.append((unit, start.isoformat(), end.isoformat()))
        return [
            {"key": "feedback", "title": "Ý kiến về hướng dẫn", "rows": [("Số ý kiến", 1200), ("Hữu ích", "80%")]},
            {"key": "questions", "title": "Câu hỏi của người dân", "rows": []},
        ]

    with hooks.register_temporarily("unit_report_sections", citizen_sections):
        response = admin_client.get(reverse("reports_periodic"), {"unit": known.one.slug, "period": "2012-Q2"})
    shown = sections(response)
    assert list(shown)[4:] == [
        "V. Ý kiến về hướng dẫn",
        "VI. Câu hỏi của người dân",
        "VII. Khó khăn, vướng mắc",
        "VIII. Đề xuất, kiến nghị",
    ]
    assert shown["V. Ý kiến về hướng dẫn"] == {"Số ý kiến": "1.200", "Hữu ích": "80%"}
    assert shown["VI. Câu hỏi của người dân"] == "Chưa có số liệu"
    assert calls == [(known.one, "2012-04-01", "2012-06-30")]


def test_the_whole_provinces_report_asks_the_hook_with_no_unit(admin_client, known):
    calls = []
    with hooks.register_temporarily("unit_report_sections", lambda unit, start, end: calls.append(unit) or []):
        response = admin_client.get(reverse("reports_periodic"), {"period": "2012"})
    assert calls == [None]
    assert "UBND TỈNH CAO BẰNG" in response.content.decode()


def test_a_malformed_hook_section_is_left_out(admin_client, known):
    with hooks.register_temporarily("unit_report_sections", lambda unit, start, end: [{"title": "Thiếu khóa"}]):
        response = admin_client.get(reverse("reports_periodic"), {"unit": known.one.slug, "period": "2012"})
    assert response.status_code == 200
    assert "V. Sự tham gia của người dân, doanh nghiệp" in sections(response)


def test_the_unit_writes_and_saves_its_difficulties(client, known):
    client.force_login(known.contributor_one)
    url = reverse("reports_periodic") + f"?unit={known.one.slug}&period=2012"
    response = client.post(url, {"difficulties": "Thiếu kinh phí in tờ rơi.", "proposals": "Hỗ trợ loa truyền thanh."})
    assert response.status_code == 302
    text = UnitReport.objects.get(unit=known.one, start="2012-01-01", end="2012-12-31")
    assert (text.difficulties, text.proposals, text.updated_by) == (
        "Thiếu kinh phí in tờ rơi.",
        "Hỗ trợ loa truyền thanh.",
        known.contributor_one,
    )
    shown = sections(client.get(url))
    assert shown["VI. Khó khăn, vướng mắc"] == "Thiếu kinh phí in tờ rơi."


def test_another_units_editor_cannot_write_in_the_report(client, known):
    client.force_login(known.contributor_two)
    url = reverse("reports_periodic") + f"?unit={known.one.slug}&period=2012"
    response = client.post(url, {"difficulties": "Không phải của tôi."})
    assert response.status_code == 400  # unit one is not a choice for unit two's editor
    assert not UnitReport.objects.exists()


def test_a_provincial_approver_reads_a_units_report_without_writing_in_it(client, known):
    client.force_login(get_user_model().objects.get(username="pheduyet.tinh"))
    url = reverse("reports_periodic") + f"?unit={known.one.slug}&period=2012"
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    assert soup.find(id="periodic-report-text") is None
    response = client.post(url, {"difficulties": "Không được ghi."})
    assert (response.status_code, response["Location"]) == (
        302,
        reverse("wagtailadmin_home"),
    )  # Wagtail's "no permission"
    assert not UnitReport.objects.exists()


def test_a_bad_period_answers_400(admin_client, known):
    response = admin_client.get(reverse("reports_periodic_docx"), {"unit": known.one.slug, "period": "2012-Q5"})
    assert response.status_code == 400
    assert "Kỳ báo cáo không hợp lệ: 2012-Q5." in BeautifulSoup(response.content, "html.parser").get_text()


def test_the_docx_holds_the_report(admin_client, known, without_citizen_sections):
    UnitReport.objects.create(unit=known.one, start="2012-01-01", end="2012-12-31", difficulties="Thiếu loa.")
    response = admin_client.get(reverse("reports_periodic_docx"), {"unit": known.one.slug, "period": "2012"})
    assert response["Content-Disposition"] == 'attachment; filename="bao-cao-tuyen-truyen-cchc-kiem-thu-mot-2012.docx"'
    document = docx.Document(io.BytesIO(response.content))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    assert paragraphs[:4] == [
        "BÁO CÁO",
        "Kết quả công tác thông tin, tuyên truyền cải cách hành chính",
        "Năm 2012",
        "Kính gửi: Sở Nội vụ tỉnh Cao Bằng.",
    ]
    assert "V. Sự tham gia của người dân, doanh nghiệp" in paragraphs
    assert paragraphs[paragraphs.index("V. Sự tham gia của người dân, doanh nghiệp") + 1] == "Chưa có số liệu"
    assert paragraphs[paragraphs.index("VI. Khó khăn, vướng mắc") + 1] == "Thiếu loa."
    content_table = document.tables[1]
    assert [cell.text for cell in content_table.rows[1].cells] == ["Tổng số bài đã đăng", "4"]
    assert document.tables[0].cell(0, 0).text == "UBND HUYỆN KIỂM THỬ MỘT"


def test_the_pdf_holds_the_report(admin_client, known, without_citizen_sections):
    response = admin_client.get(reverse("reports_periodic_pdf"), {"unit": known.one.slug, "period": "2012"})
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    assert "Kết quả công tác thông tin, tuyên truyền cải cách hành chính" in text
    assert "Tổng số bài đã đăng 4" in text
    assert "Chưa có số liệu" in text


def test_the_print_page_is_a_document_of_its_own(admin_client, known):
    response = admin_client.get(reverse("reports_periodic_print"), {"unit": known.one.slug, "period": "2012-11"})
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "vi"
    assert [h1.get_text(" ", strip=True) for h1 in soup.find_all("h1")] == [
        "BÁO CÁO Kết quả công tác thông tin, tuyên truyền cải cách hành chính Tháng 11/2012"
    ]
    assert (
        soup.title.get_text()
        == "Báo cáo kết quả công tác thông tin, tuyên truyền CCHC – UBND Huyện Kiểm Thử Một – Tháng 11/2012"
    )
    assert soup.find("link", rel="stylesheet")["href"] == "/static/css/periodic-report.css"
    assert soup.find("script") is None
