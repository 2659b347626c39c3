"""The whole path through Wagtail's workflow API: draft → unit review → provincial approval → live."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, TaskState, WorkflowState

from editorial.models import ProvincialApprovalTask, UnitReviewTask
from editorial.workflow import editorial_workflow
from home.models import Unit
from tests.editorial.conftest import current_task_state, edit_form_data, make_news, submit, user

pytestmark = pytest.mark.django_db


def actions(page: Page, who) -> set[str]:
    task = Page.objects.get(pk=page.pk).current_workflow_task
    return {name for name, _label, _modal in task.get_actions(page, who)}


def test_every_article_is_under_the_editorial_workflow(haquang_draft):
    workflow = haquang_draft.get_workflow()
    assert workflow == editorial_workflow()
    assert [type(task.specific) for task in workflow.tasks] == [UnitReviewTask, ProvincialApprovalTask]


def test_full_path_from_draft_to_live(haquang_draft, contributor, reviewer, other_reviewer, approver):
    page = haquang_draft
    submit(page, contributor)

    task_state = current_task_state(page)
    assert isinstance(task_state.task.specific, UnitReviewTask)
    assert actions(page, other_reviewer) == set()
    assert actions(page, contributor) == set()
    assert actions(page, approver) == set()
    assert actions(page, reviewer) == {"approve", "reject"}

    task_state.task.specific.on_action(task_state.specific, reviewer, "approve")
    task_state = current_task_state(page)
    assert isinstance(task_state.task.specific, ProvincialApprovalTask)
    for nobody in (contributor, reviewer, other_reviewer):
        assert actions(page, nobody) == set()
    assert actions(page, approver) == {"approve", "reject"}
    assert not Page.objects.get(pk=page.pk).live

    task_state.task.specific.on_action(task_state.specific, approver, "approve")
    page.refresh_from_db()
    assert page.live
    assert page.live_revision == page.get_latest_revision()
    assert page.current_workflow_state is None
    assert WorkflowState.objects.for_instance(page).get().status == WorkflowState.STATUS_APPROVED


def test_other_units_reviewer_cannot_approve_even_by_calling_the_task(haquang_draft, contributor, other_reviewer):
    submit(haquang_draft, contributor)
    task_state = current_task_state(haquang_draft)
    with pytest.raises(PermissionDenied):
        task_state.task.specific.on_action(task_state.specific, other_reviewer, "approve")
    assert current_task_state(haquang_draft).status == TaskState.STATUS_IN_PROGRESS


def test_reviewer_cannot_approve_another_units_task_state_through_their_own_page(
    haquang_draft, baolac_draft, contributor, other_contributor, reviewer
):
    # Wagtail's workflow_action URL names a page and a task state separately: check both match.
    submit(haquang_draft, contributor)
    submit(baolac_draft, other_contributor)
    baolac_state = current_task_state(baolac_draft)
    with pytest.raises(PermissionDenied):
        UnitReviewTask.objects.get().on_action(baolac_state.specific, reviewer, "approve")
    assert current_task_state(baolac_draft).status == TaskState.STATUS_IN_PROGRESS


def test_reviewer_sees_only_own_units_submissions_to_moderate(
    haquang_draft, baolac_draft, contributor, other_contributor, reviewer, other_reviewer
):
    submit(haquang_draft, contributor)
    submit(baolac_draft, other_contributor)
    task = UnitReviewTask.objects.get()
    haquang_ids = {state.workflow_state.object_id for state in task.get_task_states_user_can_moderate(reviewer)}
    baolac_ids = {state.workflow_state.object_id for state in task.get_task_states_user_can_moderate(other_reviewer)}
    assert haquang_ids == {str(haquang_draft.pk)}
    assert baolac_ids == {str(baolac_draft.pk)}
    assert task.get_task_states_user_can_moderate(contributor).count() == 0


def test_provincial_office_content_goes_straight_to_provincial_approval(approver):
    author = user("quantri")
    page = make_news("tinh", "Tỉnh ban hành kế hoạch cải cách hành chính năm 2025", owner=author)
    submit(page, author)
    task_state = current_task_state(page)
    assert isinstance(task_state.task.specific, ProvincialApprovalTask)
    skipped = TaskState.objects.for_instance(page).get(task__in=UnitReviewTask.objects.all())
    assert skipped.status == TaskState.STATUS_SKIPPED
    assert actions(page, approver) == {"approve", "reject"}


def test_send_back_requires_a_reason(haquang_draft, contributor, reviewer):
    submit(haquang_draft, contributor)
    task_state = current_task_state(haquang_draft)
    with pytest.raises(PermissionDenied):
        task_state.task.specific.on_action(task_state.specific, reviewer, "reject", comment="   ")
    form = task_state.task.specific.get_form_for_action("reject")({"comment": ""})
    assert not form.is_valid()
    assert "lý do" in form.errors["comment"][0]


def test_send_back_reaches_the_author_and_resubmission_restarts_at_unit_review(
    haquang_draft, contributor, reviewer, approver
):
    page = haquang_draft
    submit(page, contributor)
    state = current_task_state(page)
    state.task.specific.on_action(state.specific, reviewer, "approve")
    mail.outbox.clear()

    state = current_task_state(page)
    state.task.specific.on_action(state.specific, approver, "reject", comment="Thiếu số liệu hồ sơ tháng 4.")
    workflow_state = WorkflowState.objects.for_instance(page).get()
    assert workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert workflow_state.current_task_state.comment == "Thiếu số liệu hồ sơ tháng 4."
    to_author = [message for message in mail.outbox if message.to == [contributor.email]]
    assert len(to_author) == 1
    assert "Thiếu số liệu hồ sơ tháng 4." in to_author[0].body
    assert "bị trả lại" in to_author[0].subject or "từ chối" in to_author[0].subject

    # The author edits and resubmits (as the editor's "submit" does): unit review comes first again.
    page = Page.objects.get(pk=page.pk).specific
    page.summary = "Đã bổ sung số liệu hồ sơ tháng 4."
    page.save_revision(user=contributor)
    workflow_state.resume(user=contributor)
    state = current_task_state(page)
    assert isinstance(state.task.specific, UnitReviewTask)
    assert actions(page, reviewer) == {"approve", "reject"}
    state.task.specific.on_action(state.specific, reviewer, "approve")
    state = current_task_state(page)
    assert isinstance(state.task.specific, ProvincialApprovalTask)
    state.task.specific.on_action(state.specific, approver, "approve")
    page.refresh_from_db()
    assert page.live and page.summary == "Đã bổ sung số liệu hồ sơ tháng 4."


def test_every_step_is_in_the_audit_log(haquang_draft, contributor, reviewer, approver):
    submit(haquang_draft, contributor)
    state = current_task_state(haquang_draft)
    state.task.specific.on_action(state.specific, reviewer, "approve", comment="Đồng ý.")
    state = current_task_state(haquang_draft)
    state.task.specific.on_action(state.specific, approver, "approve")
    entries = PageLogEntry.objects.filter(page=haquang_draft).order_by("timestamp", "pk")
    logged = list(entries.values_list("action", "user__username"))
    assert ("wagtail.workflow.start", "bientap.haquang") in logged
    assert ("wagtail.workflow.approve", "duyet.haquang") in logged
    assert ("wagtail.workflow.approve", "pheduyet.tinh") in logged
    assert ("wagtail.publish", "pheduyet.tinh") in logged


def test_next_approvers_are_emailed_in_vietnamese(haquang_draft, contributor, reviewer, other_reviewer, approver):
    mail.outbox.clear()
    submit(haquang_draft, contributor)
    recipients = {address for message in mail.outbox for address in message.to}
    assert reviewer.email in recipients
    assert other_reviewer.email not in recipients
    assert approver.email not in recipients
    message = next(message for message in mail.outbox if message.to == [reviewer.email])
    assert haquang_draft.title in message.subject
    assert "submitted" not in message.subject.lower() and "duyệt" in message.subject.lower()

    mail.outbox.clear()
    state = current_task_state(haquang_draft)
    state.task.specific.on_action(state.specific, reviewer, "approve")
    assert [message.to for message in mail.outbox if message.to == [approver.email]]
    assert not [message for message in mail.outbox if other_reviewer.email in message.to]


def test_approved_revision_with_go_live_date_is_published_by_publish_scheduled(
    haquang_draft, contributor, reviewer, approver, monkeypatch
):
    page = Page.objects.get(pk=haquang_draft.pk).specific
    go_live = timezone.now() + datetime.timedelta(hours=2)
    page.go_live_at = go_live
    page.save_revision(user=contributor)
    submit(page, contributor)
    state = current_task_state(page)
    state.task.specific.on_action(state.specific, reviewer, "approve")
    state = current_task_state(page)
    state.task.specific.on_action(state.specific, approver, "approve")
    page.refresh_from_db()
    assert not page.live
    assert page.scheduled_revision is not None

    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live

    later = go_live + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live


def test_new_unit_gets_sections_collection_groups_without_code(approver):
    unit = Unit.objects.create(slug="xa-thu-nghiem", name="Xã Thử Nghiệm", kind=Unit.Kind.COMMUNE)
    roles = unit.roles
    assert roles.contributors.name == "Biên tập viên – Xã Thử Nghiệm"
    assert roles.reviewers.name == "Lãnh đạo duyệt – Xã Thử Nghiệm"
    assert roles.collection.name == "Xã Thử Nghiệm"
    page = make_news("xa-thu-nghiem", "Xã Thử Nghiệm niêm yết thủ tục", owner=approver)
    assert page.permissions_for_user(user("bientap.haquang")).can_edit() is False


def approve_in_editor(client, page, who, **changes) -> None:
    client.force_login(who)
    data = edit_form_data(
        Page.objects.get(pk=page.pk).get_latest_revision_as_object(),
        **{"action-workflow-action": "1", "workflow-action-name": "approve", "workflow-action-extra-data": "{}"},
        **changes,
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302


def test_moderators_edits_while_approving_do_not_send_the_page_back_to_step_1(
    client, haquang_draft, contributor, reviewer, approver
):
    submit(haquang_draft, contributor)
    approve_in_editor(client, haquang_draft, reviewer, summary="Lãnh đạo huyện sửa tóm tắt.")
    assert isinstance(current_task_state(haquang_draft).task.specific, ProvincialApprovalTask)
    approve_in_editor(client, haquang_draft, approver, title="Cấp tỉnh sửa tiêu đề")
    page = Page.objects.get(pk=haquang_draft.pk).specific
    assert page.live
    assert (page.title, page.summary) == ("Cấp tỉnh sửa tiêu đề", "Lãnh đạo huyện sửa tóm tắt.")


def test_resubmit_button_says_it_starts_again(client, haquang_draft, contributor, reviewer):
    submit(haquang_draft, contributor)
    state = current_task_state(haquang_draft)
    state.task.specific.on_action(state.specific, reviewer, "reject", comment="Sửa tiêu đề.")
    client.force_login(contributor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[haquang_draft.pk])).content.decode()
    assert "Gửi duyệt lại" in html
    assert "Sửa tiêu đề." in html
