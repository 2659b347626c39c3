"""Role × action × own unit / other unit, checked through Wagtail's permission API and by direct
POSTs to the admin URLs (a hidden button is not a permission check).

Own unit is Hà Quảng for the Hà Quảng contributor and reviewer; other unit is Bảo Lạc. The provincial
approver works for the whole province, so both columns are theirs. A page moved between units (with
Wagtail's move action, after it was written and submitted) belongs to the unit it was moved to:
"moved_in" (from Bảo Lạc into Hà Quảng) is own, "moved_out" (from Hà Quảng to Bảo Lạc) is other.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.actions.move_page import MovePageAction
from wagtail.models import Page, TaskState

from articles.models import NewsIndexPage
from articles.tree import section_for
from home.models import Unit
from tests.editorial.conftest import (
    current_task_state,
    edit_form_data,
    is_denied,
    make_news,
    submit,
    user,
)

pytestmark = pytest.mark.django_db

ROLES = {"contributor": "bientap.haquang", "reviewer": "duyet.haquang", "approver": "pheduyet.tinh"}
# scope → (unit the page is written in, its author, that unit's reviewer, unit it is moved to)
UNITS = {
    "own": ("ha-quang", "bientap.haquang", "duyet.haquang", None),
    "other": ("bao-lac", "bientap.baolac", "duyet.baolac", None),
    "moved_in": ("bao-lac", "bientap.baolac", "duyet.baolac", "ha-quang"),
    "moved_out": ("ha-quang", "bientap.haquang", "duyet.haquang", "bao-lac"),
}
SCOPES = list(UNITS)

ACTIONS = ["view_draft", "edit", "submit", "approve_step_1", "approve_step_2", "publish", "unpublish", "delete"]

# (role, scope) → the actions allowed; everything else is denied.
ALLOWED = {
    ("contributor", "own"): {"view_draft", "edit", "submit"},
    ("contributor", "other"): set(),
    ("reviewer", "own"): {"view_draft", "edit", "submit", "approve_step_1"},
    ("reviewer", "other"): set(),
    ("approver", "own"): {"view_draft", "edit", "submit", "approve_step_2", "publish", "unpublish", "delete"},
    ("approver", "other"): {"view_draft", "edit", "submit", "approve_step_2", "publish", "unpublish", "delete"},
}
for (role, scope), allowed in list(ALLOWED.items()):
    ALLOWED[(role, {"own": "moved_in", "other": "moved_out"}[scope])] = allowed

MATRIX = [
    pytest.param(role, action, scope, action in ALLOWED[(role, scope)], id=f"{role}-{action}-{scope}")
    for role in ROLES
    for action in ACTIONS
    for scope in SCOPES
]


def page_for(action: str, scope: str) -> Page:
    """The page each action is tried on, in the state where the action makes sense."""
    unit_slug, author_name, reviewer_name, moved_to = UNITS[scope]
    author = user(author_name)
    live = action in {"unpublish", "delete"}
    page = make_news(unit_slug, f"Bài thử {action} {scope}", owner=author, live=live)
    if action.startswith("approve"):
        submit(page, author)
        if action == "approve_step_2":
            state = current_task_state(page)
            state.task.specific.on_action(state.specific, user(reviewer_name), "approve")
    if moved_to:
        destination = section_for(NewsIndexPage, Unit.objects.get(slug=moved_to))
        MovePageAction(
            Page.objects.get(pk=page.pk), destination, pos="last-child", user=user("pheduyet.tinh")
        ).execute()
    return page


def allowed_by_api(page: Page, who, action: str) -> bool:
    page = Page.objects.get(pk=page.pk).specific
    perms = page.permissions_for_user(who)
    if action == "view_draft":
        return perms.can_edit() or perms.can_publish()
    if action == "edit":
        return perms.can_edit()
    if action == "submit":
        return perms.can_edit() and perms.can_submit_for_moderation()
    if action.startswith("approve"):
        task = page.current_workflow_task
        return "approve" in {name for name, _label, _modal in task.get_actions(page, who)}
    if action == "publish":
        return perms.can_publish()
    if action == "unpublish":
        return perms.can_unpublish()
    if action == "delete":
        return perms.can_delete()
    raise AssertionError(action)


def allowed_by_url(client, page: Page, action: str) -> bool:
    """Post (or get) the admin URL, then read the page's state: did the action happen?"""
    page = Page.objects.get(pk=page.pk).specific
    if action == "view_draft":
        response = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
        happened = response.status_code == 200
    elif action == "edit":
        data = edit_form_data(page, title="Tiêu đề đã sửa")
        response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
        happened = Page.objects.get(pk=page.pk).get_latest_revision_as_object().title == "Tiêu đề đã sửa"
    elif action == "submit":
        data = edit_form_data(page, **{"action-submit": "1"})
        response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
        happened = Page.objects.get(pk=page.pk).workflow_in_progress
    elif action.startswith("approve"):
        state = current_task_state(page)
        url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.pk])
        response = client.post(url, {"comment": ""})
        happened = TaskState.objects.get(pk=state.pk).status == TaskState.STATUS_APPROVED
    elif action == "publish":
        data = edit_form_data(page, **{"action-publish": "1"})
        response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
        happened = Page.objects.get(pk=page.pk).live
    elif action == "unpublish":
        response = client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
        happened = not Page.objects.get(pk=page.pk).live
    elif action == "delete":
        response = client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
        happened = not Page.objects.filter(pk=page.pk).exists()
    else:
        raise AssertionError(action)
    if not happened:
        assert is_denied(response) or response.status_code == 400, (response.status_code, response.get("Location"))
    return happened


@pytest.mark.parametrize(("role", "action", "scope", "expected"), MATRIX)
def test_permission_api(role, action, scope, expected):
    page = page_for(action, scope)
    assert allowed_by_api(page, user(ROLES[role]), action) is expected


@pytest.mark.parametrize(("role", "action", "scope", "expected"), MATRIX)
def test_admin_url(client, role, action, scope, expected):
    page = page_for(action, scope)
    before_live = Page.objects.get(pk=page.pk).live
    client.force_login(user(ROLES[role]))
    assert allowed_by_url(client, page, action) is expected
    if not expected and Page.objects.filter(pk=page.pk).exists():
        assert Page.objects.get(pk=page.pk).live == before_live
