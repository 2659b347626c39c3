"""The editorial chain's building blocks: each unit's groups and collection, the two workflow steps,
and the expiring preview links a reviewer without an account can be sent.

Step 1 (UnitReviewTask) is decided by the page's own unit, never by membership of "some reviewer
group": a reviewer of Hà Quảng has no action on a Bảo Lạc page, whatever URL they post to.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, Collection, Page, Task, TaskState

from articles.models import ArticlePage, UnitSection
from home.models import Unit


class UnitRoles(models.Model):
    """A unit's two editor groups and its media collection (kept in sync by editorial.roles)."""

    unit = models.OneToOneField(Unit, verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="roles")
    contributors = models.OneToOneField(
        Group, verbose_name=_("nhóm biên tập viên"), on_delete=models.PROTECT, related_name="contributor_of"
    )
    reviewers = models.OneToOneField(
        Group, verbose_name=_("nhóm lãnh đạo duyệt"), on_delete=models.PROTECT, related_name="reviewer_of"
    )
    collection = models.OneToOneField(
        Collection, verbose_name=_("thư mục ảnh, tài liệu"), on_delete=models.PROTECT, related_name="unit_roles"
    )

    class Meta:
        verbose_name = _("nhóm biên tập của đơn vị")
        verbose_name_plural = _("nhóm biên tập của đơn vị")

    def __str__(self) -> str:
        return str(self.unit)


def reviewer_unit_ids(user) -> set[int]:
    """Ids of the units whose reviewer group the user belongs to (cached on the user object)."""
    if not user.is_authenticated or not user.is_active:
        return set()
    cached = getattr(user, "_reviewer_unit_ids", None)
    if cached is None:
        cached = set(UnitRoles.objects.filter(reviewers__user=user).values_list("unit_id", flat=True))
        user._reviewer_unit_ids = cached
    return cached


def page_unit(obj) -> Unit | None:
    """The unit a page belongs to: an article's or a unit section's unit; None for site-wide pages."""
    if not isinstance(obj, Page):
        return None
    unit_id = getattr(obj, "unit_id", None)
    if unit_id is None and type(obj) is Page:
        unit_id = getattr(obj.specific_deferred, "unit_id", None)
    if unit_id is None:
        return None
    return Unit.objects.filter(pk=unit_id).first()


def skips_unit_review(obj) -> bool:
    """The province's own office (and site-wide pages, which have no unit) go straight to step 2."""
    unit = page_unit(obj)
    return unit is None or unit.is_provincial_office


class ReasonRequiredForm(forms.Form):
    """The comment form for sending back: the reason is what the author needs to fix the draft."""

    comment = forms.CharField(
        label=_("Lý do trả lại"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=True,
        error_messages={"required": _("Hãy ghi lý do trả lại để tác giả biết cần sửa gì.")},
    )


class OptionalCommentForm(forms.Form):
    comment = forms.CharField(label=_("Ý kiến"), widget=forms.Textarea(attrs={"rows": 4}), required=False)


class InOrderTaskMixin:
    """Every step approves the current revision, in order.

    When a sent-back draft is resubmitted, Wagtail resumes at the step that sent it back. With
    WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT the earlier approvals belonged to an older
    revision, so this step hands over to the first earlier step that has not approved the current
    revision: a resubmission starts the workflow again from the unit's review.
    """

    def start(self, workflow_state, user=None):
        earlier = self._earlier_unapproved_task(workflow_state)
        if earlier is not None:
            return earlier.specific.start(workflow_state, user=user)
        return super().start(workflow_state, user=user)

    def _earlier_unapproved_task(self, workflow_state) -> Task | None:
        tasks = list(workflow_state.workflow.tasks.filter(active=True))
        try:
            position = [task.pk for task in tasks].index(self.pk)
        except ValueError:
            return None
        done = set(workflow_state.successful_task_states.values_list("task_id", flat=True))
        for task in tasks[:position]:
            if task.pk not in done:
                return task
        return None

    def check_action_allowed(self, task_state, user, action_name: str, comment: str) -> None:
        """Re-check on the task state's own page: Wagtail's URL names a page and a task state separately."""
        if task_state.status != TaskState.STATUS_IN_PROGRESS or task_state.task_id != self.pk:
            raise PermissionDenied
        page = task_state.workflow_state.content_object
        if action_name not in {name for name, _label, _modal in self.get_actions(page, user)}:
            raise PermissionDenied
        if action_name == "reject" and not (comment or "").strip():
            raise PermissionDenied(_("Hãy ghi lý do trả lại để tác giả biết cần sửa gì."))

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        comment = kwargs.get("comment", "") or ""
        self.check_action_allowed(task_state, user, action_name, comment)
        if action_name == "approve":
            # The approver approves what they see: the latest revision, including the edits they made
            # while approving (the editor saves them first). Earlier steps' approvals carry over to it,
            # so a moderator's own edit does not send the page back to step 1; an author's resubmission
            # after a send-back still does (InOrderTaskMixin.start).
            workflow_state = task_state.workflow_state
            latest = workflow_state.content_object.get_latest_revision()
            if latest is not None and latest.pk != task_state.revision_id:
                earlier = workflow_state.task_states.filter(
                    status=TaskState.STATUS_APPROVED, revision_id=task_state.revision_id
                ).exclude(pk=task_state.pk)
                for approved in earlier:
                    approved.copy(update_attrs={"revision": latest})
                task_state.revision = latest
                task_state.save(update_fields=["revision"])
            task_state.approve(user=user, comment=comment)
        elif action_name == "reject":
            task_state.reject(user=user, comment=comment.strip())

    def get_form_for_action(self, action):
        return ReasonRequiredForm if action == "reject" else OptionalCommentForm


def review_actions() -> list[tuple[str, str, bool]]:
    return [
        ("reject", _("Trả lại để sửa"), True),
        ("approve", _("Phê duyệt"), False),
        ("approve", _("Phê duyệt kèm ý kiến"), True),
    ]


class UnitReviewTask(InOrderTaskMixin, Task):
    """Step 1: the leaders of the page's own unit approve or send back; the province's office skips it."""

    admin_form_fields = Task.admin_form_fields

    class Meta:
        verbose_name = _("Duyệt cấp đơn vị")
        verbose_name_plural = _("Duyệt cấp đơn vị")

    @classmethod
    def get_description(cls):
        return _("Lãnh đạo của chính đơn vị sở hữu bài duyệt hoặc trả lại bài.")

    def is_unit_reviewer(self, obj, user) -> bool:
        unit = page_unit(obj)
        return unit is not None and unit.pk in reviewer_unit_ids(user)

    def _can_moderate(self, obj, user) -> bool:
        return bool(user.is_active and (user.is_superuser or self.is_unit_reviewer(obj, user)))

    @transaction.atomic
    def start(self, workflow_state, user=None):
        if skips_unit_review(workflow_state.content_object):
            # Recorded as skipped (the revision history shows it), no notification, workflow moves on.
            return TaskState.objects.create(
                workflow_state=workflow_state,
                revision=workflow_state.content_object.get_latest_revision(),
                task=self,
                status=TaskState.STATUS_SKIPPED,
                finished_at=timezone.now(),
            )
        return super().start(workflow_state, user=user)

    def user_can_access_editor(self, obj, user):
        return self._can_moderate(obj, user)

    def locked_for_user(self, obj, user):
        return not self._can_moderate(obj, user)

    def user_can_lock(self, obj, user):
        return self.is_unit_reviewer(obj, user)

    def user_can_unlock(self, obj, user):
        return False

    def get_actions(self, obj, user):
        return review_actions() if self._can_moderate(obj, user) else []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return states
        unit_ids = reviewer_unit_ids(user)
        if not unit_ids:
            return TaskState.objects.none()

        def ids_of(model):
            return model.objects.filter(unit_id__in=unit_ids).annotate(pk_text=Cast("pk", models.CharField()))

        return states.filter(
            models.Q(workflow_state__object_id__in=ids_of(ArticlePage).values("pk_text"))
            | models.Q(workflow_state__object_id__in=ids_of(UnitSection).values("pk_text"))
        )

    def reviewers_for(self, obj):
        """The users notified when a page reaches this step."""
        unit = page_unit(obj)
        if unit is None:
            return get_user_model().objects.none()
        return get_user_model().objects.filter(is_active=True, groups__reviewer_of__unit=unit).distinct()


class ProvincialApprovalTask(InOrderTaskMixin, AbstractGroupApprovalTask):
    """Step 2: the provincial approvers (Sở TT&TT, Sở Nội vụ) approve, which publishes, or send back."""

    class Meta:
        verbose_name = _("Phê duyệt cấp tỉnh")
        verbose_name_plural = _("Phê duyệt cấp tỉnh")

    @classmethod
    def get_description(cls):
        return _("Thành viên các nhóm được chọn phê duyệt (xuất bản) hoặc trả lại bài.")

    def get_actions(self, obj, user):
        if user.is_active and (user.is_superuser or self._user_in_groups(user)):
            return [
                ("reject", _("Trả lại để sửa"), True),
                ("approve", _("Phê duyệt và xuất bản"), False),
                ("approve", _("Phê duyệt kèm ý kiến"), True),
            ]
        return []


def default_link_expiry():
    return timezone.now() + timedelta(days=PreviewLink.DEFAULT_DAYS)


def new_token() -> str:
    return secrets.token_urlsafe(32)


class PreviewLinkQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class PreviewLink(models.Model):
    """A secret, expiring, revocable link that shows one page's latest draft read-only."""

    DEFAULT_DAYS = 7
    MAX_DAYS = 30

    page = models.ForeignKey(Page, verbose_name=_("trang"), on_delete=models.CASCADE, related_name="preview_links")
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    recipient = models.CharField(
        _("người nhận"), max_length=255, help_text=_("Ví dụ: chuyên viên phụ trách thủ tục, Sở Tư pháp.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tạo"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    expires_at = models.DateTimeField(_("hết hạn lúc"), default=default_link_expiry)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("đường dẫn xem trước")
        verbose_name_plural = _("đường dẫn xem trước")

    def __str__(self) -> str:
        return f"{self.page} → {self.recipient}"

    @property
    def is_usable(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()

    def revoke(self) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])
