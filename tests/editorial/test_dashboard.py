"""Editor dashboard: waiting for my review, sent back to me, per-unit counts by status."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from editorial.dashboard import unit_status_rows
from home.models import Unit
from tests.editorial.conftest import current_task_state, make_news, submit

pytestmark = pytest.mark.django_db


def dashboard(client, who) -> BeautifulSoup:
    client.force_login(who)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_reviewer_sees_own_units_submission_waiting_and_not_other_units(
    client, contributor, other_contributor, reviewer, haquang_draft, baolac_draft
):
    submit(haquang_draft, contributor)
    submit(baolac_draft, other_contributor)
    soup = dashboard(client, reviewer)
    panel = soup.find(id="awaiting-review-section")
    assert panel is not None
    text = panel.get_text(" ")
    assert haquang_draft.title in text
    assert baolac_draft.title not in text


def test_author_sees_what_was_sent_back_with_the_reason(client, contributor, reviewer, haquang_draft):
    submit(haquang_draft, contributor)
    state = current_task_state(haquang_draft)
    state.task.specific.on_action(state.specific, reviewer, "reject", comment="Bổ sung nguồn tin.")
    panel = dashboard(client, contributor).find(id="articles-sent-back-section")
    assert panel is not None
    assert haquang_draft.title in panel.get_text(" ")
    assert "Bổ sung nguồn tin." in panel.get_text(" ")


def test_unit_counts_by_status(contributor, reviewer):
    unit = Unit.objects.get(slug="ha-quang")
    before = {row.unit.slug: row.counts for row in unit_status_rows({unit.pk})}["ha-quang"]
    make_news("ha-quang", "Bản nháp đếm", owner=contributor)
    waiting = make_news("ha-quang", "Chờ duyệt đếm", owner=contributor)
    submit(waiting, contributor)
    sent_back = make_news("ha-quang", "Bị trả lại đếm", owner=contributor)
    submit(sent_back, contributor)
    state = current_task_state(sent_back)
    state.task.specific.on_action(state.specific, reviewer, "reject", comment="Sửa lại.")
    make_news("ha-quang", "Đã xuất bản đếm", owner=contributor, live=True)
    after = {row.unit.slug: row.counts for row in unit_status_rows({unit.pk})}["ha-quang"]
    assert [a - b for a, b in zip(after, before, strict=True)] == [1, 1, 0, 1, 1]


def test_unit_panel_shows_own_units_to_a_contributor_and_all_to_the_approver(client, contributor, approver):
    own = dashboard(client, contributor).find(id="articles-unit-status-section")
    names = {cell.get_text(strip=True) for cell in own.select("td.title")}
    assert names == {"Huyện Hà Quảng"}
    everything = dashboard(client, approver).find(id="articles-unit-status-section")
    names = {cell.get_text(strip=True) for cell in everything.select("td.title")}
    assert {"Huyện Hà Quảng", "Huyện Bảo Lạc"} <= names
