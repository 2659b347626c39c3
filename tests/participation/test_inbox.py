"""The question inbox is scoped to the unit concerned: by menu, by listing and by URL."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client

from participation.models import Question, QuestionStatus
from tests.participation.conftest import client_for, make_question, soup

pytestmark = pytest.mark.django_db

INBOX = "/admin/cau-hoi/"


@pytest.fixture
def questions(haquang, baolac):
    return {
        "ha-quang": make_question("Hà Quảng: hỏi về khai sinh", haquang, name="Nông Văn D", contact="0912345678"),
        "bao-lac": make_question("Bảo Lạc: hỏi về kết hôn", baolac, name="Hoàng Thị E", contact="e@example.com"),
        "none": make_question("Không rõ đơn vị: hỏi về phí", None),
    }


def menu_urls(client: Client) -> list[str]:
    props = json.loads(soup(client.get("/admin/")).find(id="wagtail-sidebar-props").string)
    urls = []

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("url"), str):
                urls.append(node["url"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(props)
    return urls


def listed(client: Client, query: str = "") -> list[str]:
    page = soup(client.get(INBOX + query))
    return [cell.get_text(strip=True) for cell in page.select("table tbody td.title a")]


@pytest.fixture
def outsider_client() -> Client:
    """Someone with admin access and no editorial role at all."""
    outsider = get_user_model().objects.create_user("ngoai.cuoc", password="x")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = Client()
    client.force_login(outsider)
    return client


def test_contributors_reviewers_and_the_province_have_the_menu_item(
    contributor_client, reviewer_client, approver_client, admin_client_
):
    for client in (contributor_client, reviewer_client, approver_client, admin_client_):
        assert INBOX in menu_urls(client)


def test_someone_without_a_unit_has_neither_the_menu_item_nor_the_inbox(outsider_client, questions):
    assert INBOX not in menu_urls(outsider_client)
    for url in (INBOX, f"/admin/cau-hoi/{questions['ha-quang'].pk}/"):
        response = outsider_client.get(url)
        # Wagtail answers a PermissionDenied in the admin with a redirect to the dashboard.
        assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_a_unit_sees_only_its_own_questions(contributor_client, reviewer_client, other_contributor_client, questions):
    for client in (contributor_client, reviewer_client):
        assert [title for title in listed(client) if not title.startswith("[Ví dụ]")] == ["Hà Quảng: hỏi về khai sinh"]
    assert [title for title in listed(other_contributor_client) if not title.startswith("[Ví dụ]")] == [
        "Bảo Lạc: hỏi về kết hôn"
    ]


def test_the_province_sees_every_question(approver_client, admin_client_, questions):
    for client in (approver_client, admin_client_):
        titles = listed(client)
        assert {"Hà Quảng: hỏi về khai sinh", "Bảo Lạc: hỏi về kết hôn", "Không rõ đơn vị: hỏi về phí"} <= set(titles)


def test_another_units_question_is_a_404_by_url(other_contributor_client, questions):
    question = questions["ha-quang"]
    response = other_contributor_client.get(f"/admin/cau-hoi/{question.pk}/")
    assert response.status_code == 404
    assert "Nông Văn D".encode() not in response.content


def test_another_units_question_cannot_be_changed_by_posting(other_contributor_client, questions):
    question = questions["ha-quang"]
    response = other_contributor_client.post(f"/admin/cau-hoi/{question.pk}/", {"status": "rejected", "note": "x"})
    assert response.status_code == 404
    question.refresh_from_db()
    assert (question.status, question.note) == (QuestionStatus.NEW, "")


def test_another_units_question_cannot_be_turned_into_a_faq(other_contributor_client, questions):
    question = questions["ha-quang"]
    assert other_contributor_client.post(f"/admin/cau-hoi/{question.pk}/tao-hoi-dap/").status_code == 404
    question.refresh_from_db()
    assert question.faq_page is None


def test_the_unit_filter_offers_only_the_users_units(contributor_client):
    page = soup(contributor_client.get(INBOX))
    options = [option.get_text(strip=True) for option in page.select("select[name=unit] option") if option["value"]]
    assert options == ["Huyện Hà Quảng"]


def test_the_unit_sees_the_askers_details(contributor_client, questions):
    page = soup(contributor_client.get(f"/admin/cau-hoi/{questions['ha-quang'].pk}/"))
    facts = dict(
        zip(
            [term.get_text(strip=True) for term in page.select("dl.participation-facts dt")],
            [value.get_text(strip=True) for value in page.select("dl.participation-facts dd")],
            strict=True,
        )
    )
    assert facts["Họ tên"] == "Nông Văn D"
    assert facts["Liên hệ"] == "0912345678"
    assert facts["Đơn vị"] == "Huyện Hà Quảng"


def test_filtering_by_status(approver_client, questions):
    questions["bao-lac"].set_status(QuestionStatus.REJECTED)
    questions["bao-lac"].save()
    assert listed(approver_client, "?status=rejected") == ["Bảo Lạc: hỏi về kết hôn"]


@pytest.mark.parametrize(
    ("status", "label"),
    [
        ("new", "Mới"),
        ("answering", "Đang trả lời"),
        ("answered", "Đã trả lời"),
        ("rejected", "Từ chối (spam, không thuộc phạm vi)"),
    ],
)
def test_each_status_can_be_set_and_is_shown(contributor_client, questions, status, label):
    question = questions["ha-quang"]
    response = contributor_client.post(f"/admin/cau-hoi/{question.pk}/", {"status": status, "note": "Đã gọi lại"})
    assert response.status_code == 302
    question.refresh_from_db()
    assert (question.status, question.note) == (status, "Đã gọi lại")
    assert (question.answered_at is not None) == (status == "answered")
    page = soup(contributor_client.get(INBOX))
    row = next(row for row in page.select("table tbody tr") if "Hà Quảng: hỏi về khai sinh" in row.get_text())
    assert label in row.get_text()


def test_an_unknown_status_is_refused_with_400(contributor_client, questions):
    question = questions["ha-quang"]
    response = contributor_client.post(f"/admin/cau-hoi/{question.pk}/", {"status": "deleted"})
    assert response.status_code == 400
    assert "Trạng thái không hợp lệ." in soup(response).get_text()
    question.refresh_from_db()
    assert question.status == QuestionStatus.NEW


def test_a_unit_cannot_hand_its_question_to_another_unit(contributor_client, questions, baolac):
    question = questions["ha-quang"]
    contributor_client.post(f"/admin/cau-hoi/{question.pk}/", {"status": "answering", "unit": baolac.pk})
    question.refresh_from_db()
    assert question.unit.slug == "ha-quang"


def test_the_province_assigns_an_unassigned_question_to_a_unit(approver_client, client, questions, baolac):
    question = questions["none"]
    response = approver_client.post(f"/admin/cau-hoi/{question.pk}/", {"status": "new", "unit": baolac.pk})
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.unit == baolac
    assert "Không rõ đơn vị: hỏi về phí" in listed(client_for("bientap.baolac"))


def test_the_question_count_is_exact_for_the_unit(contributor_client, questions):
    titles = listed(contributor_client)
    assert len(titles) == Question.objects.filter(unit__slug="ha-quang").count()
