"""One action turns a question into a FAQ draft in its unit's section; the normal workflow publishes
it; the asker then gets the link by e-mail, once."""

from __future__ import annotations

import pytest
from django.core import mail
from wagtail.models import Page

from articles.models import FaqIndexPage, FaqPage
from articles.tree import section_for
from editorial.models import ProvincialApprovalTask, UnitReviewTask
from home.models import Unit
from participation.models import QuestionStatus
from tests.participation.conftest import make_question, soup, user

pytestmark = pytest.mark.django_db

QUESTION = "Xin hỏi đăng ký khai sinh quá hạn có bị phạt không?"


@pytest.fixture
def question(haquang, area):
    return make_question(QUESTION, haquang, area=area, name="Đàm Thị G", contact="dam.g@example.com")


def to_faq(client, question):
    return client.post(f"/admin/cau-hoi/{question.pk}/tao-hoi-dap/")


def current_task_state(page: Page):
    return Page.objects.get(pk=page.pk).current_workflow_task_state


def through_the_workflow(page: FaqPage) -> None:
    """Submitted by the unit's contributor, approved by its reviewer, then by the province (publishes)."""
    page.get_workflow().start(page, user("bientap.haquang"))
    state = current_task_state(page)
    assert isinstance(state.task.specific, UnitReviewTask)
    state.task.specific.on_action(state.specific, user("duyet.haquang"), "approve")
    state = current_task_state(page)
    assert isinstance(state.task.specific, ProvincialApprovalTask)
    state.task.specific.on_action(state.specific, user("pheduyet.tinh"), "approve")


def test_the_action_creates_a_draft_in_the_units_faq_section(contributor_client, question, haquang, area):
    response = to_faq(contributor_client, question)
    question.refresh_from_db()
    page = question.faq_page
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{page.pk}/edit/"
    assert page.get_parent().specific == section_for(FaqIndexPage, haquang)
    assert (page.title, page.unit, page.live) == (QUESTION, haquang, False)
    assert list(page.reform_areas.all()) == [area]
    assert page.get_latest_revision().user == user("bientap.haquang")
    assert question.status == QuestionStatus.ANSWERING
    assert contributor_client.get(response["Location"]).status_code == 200


def test_doing_it_twice_makes_one_draft(contributor_client, question):
    to_faq(contributor_client, question)
    to_faq(contributor_client, question)
    assert FaqPage.objects.filter(title=QUESTION).count() == 1


def test_a_long_question_is_shortened_for_the_title_and_kept_whole_in_the_body(contributor_client, haquang):
    text = ("Tôi muốn hỏi " + "về thủ tục đăng ký hộ tịch " * 20).strip()
    long_question = make_question(text, haquang)
    to_faq(contributor_client, long_question)
    long_question.refresh_from_db()
    page = long_question.faq_page
    assert len(page.title) == 255
    assert page.title.endswith("…")
    assert len(page.summary) <= 300
    assert page.body[0].block_type == "quote"
    assert page.body[0].value["text"] == text


def test_a_reviewer_may_not_create_pages_and_is_told_so(reviewer_client, question):
    response = to_faq(reviewer_client, question)
    assert response.status_code == 403
    assert "Chỉ biên tập viên của đơn vị (hoặc cấp tỉnh) tạo được bản nháp hỏi đáp." in soup(response).get_text()
    question.refresh_from_db()
    assert question.faq_page is None
    assert not FaqPage.objects.filter(title=QUESTION).exists()


def test_an_unassigned_question_goes_to_the_provinces_faq_section(approver_client):
    unassigned = make_question("Câu hỏi chưa rõ đơn vị phụ trách là gì?", None)
    to_faq(approver_client, unassigned)
    unassigned.refresh_from_db()
    assert unassigned.faq_page.get_parent().specific == section_for(FaqIndexPage, Unit.objects.get(slug="tinh"))


def test_publishing_through_the_workflow_answers_and_emails_the_asker_once(
    contributor_client, question, django_capture_on_commit_callbacks
):
    to_faq(contributor_client, question)
    question.refresh_from_db()
    page = question.faq_page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        through_the_workflow(page)
    page.refresh_from_db()
    assert page.live
    question.refresh_from_db()
    assert question.status == QuestionStatus.ANSWERED
    assert question.answered_at is not None
    assert question.asker_notified_at is not None
    asker_mail = [message for message in mail.outbox if message.to == ["dam.g@example.com"]]
    assert len(asker_mail) == 1
    assert asker_mail[0].subject == "Câu hỏi của bạn đã được trả lời – Cải cách hành chính tỉnh Cao Bằng"
    assert f"http://127.0.0.1:8000{page.url}" in asker_mail[0].body
    assert "Kính gửi Đàm Thị G," in asker_mail[0].body
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision(user=user("pheduyet.tinh")).publish()
    assert len([message for message in mail.outbox if message.to == ["dam.g@example.com"]]) == 1


def test_no_email_is_sent_before_publication(contributor_client, question, django_capture_on_commit_callbacks):
    to_faq(contributor_client, question)
    question.refresh_from_db()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        question.faq_page.get_workflow().start(question.faq_page, user("bientap.haquang"))
    assert [message for message in mail.outbox if message.to == ["dam.g@example.com"]] == []


def test_an_asker_who_left_a_phone_number_gets_no_email(
    contributor_client, haquang, django_capture_on_commit_callbacks
):
    by_phone = make_question("Cho tôi hỏi lệ phí chứng thực bản sao?", haquang, contact="0912345678")
    to_faq(contributor_client, by_phone)
    by_phone.refresh_from_db()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        through_the_workflow(by_phone.faq_page)
    by_phone.refresh_from_db()
    assert by_phone.status == QuestionStatus.ANSWERED
    assert by_phone.asker_notified_at is None
    assert [message for message in mail.outbox if "0912345678" in message.to] == []
