from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import FaqPage
from home.models import ReformArea, Unit

QUESTION_MIN_LENGTH = 10
QUESTION_MAX_LENGTH = 2000
NAME_MAX_LENGTH = 100
CONTACT_MAX_LENGTH = 254


class QuestionStatus(models.TextChoices):
    NEW = "new", _("Mới")
    ANSWERING = "answering", _("Đang trả lời")
    ANSWERED = "answered", _("Đã trả lời")
    REJECTED = "rejected", _("Từ chối (spam, không thuộc phạm vi)")


class Question(models.Model):
    """A question a citizen sent through /gui-cau-hoi/, in the inbox of the unit concerned.

    `name` and `contact` are the only personal data; they are shown only to that unit and to the
    province, and erased PARTICIPATION_RETENTION_DAYS after receipt (purge_personal_data).
    """

    question = models.TextField(_("câu hỏi"), max_length=QUESTION_MAX_LENGTH)
    name = models.CharField(_("họ tên"), max_length=NAME_MAX_LENGTH, blank=True)
    contact = models.CharField(
        _("liên hệ"), max_length=CONTACT_MAX_LENGTH, blank=True, help_text=_("Thư điện tử hoặc số điện thoại.")
    )
    area = models.ForeignKey(
        ReformArea, verbose_name=_("lĩnh vực"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("đơn vị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="citizen_questions",
        help_text=_("Để trống: cấp tỉnh tiếp nhận và phân công."),
    )
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=QuestionStatus.choices, default=QuestionStatus.NEW, db_index=True
    )
    note = models.TextField(_("ghi chú nội bộ"), blank=True)
    created_at = models.DateTimeField(_("nhận lúc"), default=timezone.now, db_index=True)
    answered_at = models.DateTimeField(_("trả lời lúc"), null=True, blank=True)
    faq_page = models.ForeignKey(
        FaqPage,
        verbose_name=_("trang hỏi đáp"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="citizen_questions",
    )
    asker_notified_at = models.DateTimeField(_("đã báo người hỏi lúc"), null=True, blank=True)
    personal_data_erased_at = models.DateTimeField(_("đã xóa dữ liệu cá nhân lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("câu hỏi của người dân")
        verbose_name_plural = _("câu hỏi của người dân")

    def __str__(self) -> str:
        return self.question[:80]

    @property
    def unit_display(self) -> str:
        return self.unit.name if self.unit_id else str(_("Chưa phân công đơn vị"))

    @property
    def contact_email(self) -> str:
        """The contact if it is an e-mail address (the form only accepts an address or a phone number)."""
        return self.contact if "@" in self.contact else ""

    def set_status(self, status: str) -> None:
        """Change the status; "đã trả lời" records when (the median answer time counts from receipt to it)."""
        if status == QuestionStatus.ANSWERED and self.answered_at is None:
            self.answered_at = timezone.now()
        elif status != QuestionStatus.ANSWERED:
            self.answered_at = None
        self.status = status
