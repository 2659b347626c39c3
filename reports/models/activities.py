"""What a unit did to spread the word beyond the website (hoạt động tuyên truyền)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import ArticlePage
from home.models import ReformArea, Unit


class OutreachActivity(models.Model):
    """One broadcast series, posting, print run, meeting, SMS campaign or social-media post of a unit.

    Each kind has its own measure (broadcasts and minutes, copies, participants, messages); the
    other measures stay empty. A unit's contributors record their own unit's activities; its
    reviewers confirm them; reports count confirmed activities only (docs/reports.md).
    """

    class Kind(models.TextChoices):
        RADIO = "radio", _("Phát thanh (truyền thanh cơ sở)")
        NOTICE_BOARD = "notice_board", _("Niêm yết trên bảng tin")
        PRINT = "print", _("Bản tin, tờ rơi in")
        CONFERENCE = "conference", _("Hội nghị")
        TRAINING = "training", _("Tập huấn, bồi dưỡng")
        CONTEST = "contest", _("Cuộc thi")
        SMS = "sms", _("Tin nhắn SMS")
        SOCIAL = "social", _("Bài đăng mạng xã hội")

    class Language(models.TextChoices):
        VIETNAMESE = "vi", _("Tiếng Việt")
        TAY = "tay", _("Tiếng Tày")
        NUNG = "nung", _("Tiếng Nùng")
        MONG = "mong", _("Tiếng Mông")
        DAO = "dao", _("Tiếng Dao")
        SAN_CHAY = "san-chay", _("Tiếng Sán Chay")
        LO_LO = "lo-lo", _("Tiếng Lô Lô")

    # Which measure each kind must give (besides the count), and what the count counts.
    MEASURES = {
        Kind.RADIO: ("minutes", "languages"),
        Kind.PRINT: ("copies",),
        Kind.CONFERENCE: ("participants",),
        Kind.TRAINING: ("participants",),
        Kind.CONTEST: ("participants",),
        Kind.SMS: ("messages_sent",),
    }
    MEASURE_FIELDS = ("minutes", "languages", "copies", "participants", "messages_sent")

    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="outreach_activities"
    )
    kind = models.CharField(_("hình thức"), max_length=20, choices=Kind.choices)
    date = models.DateField(_("ngày thực hiện"), default=timezone.localdate)
    title = models.CharField(
        _("nội dung"), max_length=255, help_text=_("Ví dụ: Tuyên truyền thủ tục đăng ký khai sinh trực tuyến.")
    )
    reform_areas = models.ManyToManyField(
        ReformArea, verbose_name=_("lĩnh vực CCHC"), related_name="outreach_activities"
    )
    articles = models.ManyToManyField(
        ArticlePage,
        verbose_name=_("bài viết đã sử dụng"),
        related_name="outreach_activities",
        blank=True,
        help_text=_("Các bài trên Cổng được dùng làm nội dung tuyên truyền (không bắt buộc)."),
    )
    count = models.PositiveIntegerField(
        _("số lượng"),
        default=1,
        help_text=_("Số lần phát, số tin niêm yết, số đầu ấn phẩm, số buổi, số đợt nhắn tin hoặc số bài đăng."),
    )
    minutes = models.PositiveIntegerField(_("thời lượng (phút)"), null=True, blank=True)
    languages = models.JSONField(_("ngôn ngữ phát"), default=list, blank=True)
    copies = models.PositiveIntegerField(_("số bản in"), null=True, blank=True)
    participants = models.PositiveIntegerField(_("số người tham dự"), null=True, blank=True)
    messages_sent = models.PositiveIntegerField(_("số tin nhắn đã gửi"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhập"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("nhập lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("sửa lúc"), auto_now=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xác nhận"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("xác nhận lúc"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("hoạt động tuyên truyền")
        verbose_name_plural = _("hoạt động tuyên truyền")
        indexes = [models.Index(fields=["unit", "date"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"

    def save(self, *args, **kwargs):
        # A measure that does not belong to the kind is dropped, so the reports never add it up.
        required = self.MEASURES.get(self.kind, ())
        for field in self.MEASURE_FIELDS:
            if field not in required:
                setattr(self, field, [] if field == "languages" else None)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        required = self.MEASURES.get(self.kind, ())
        errors = {}
        for field in required:
            if not getattr(self, field):
                errors[field] = _("Hình thức này cần ghi %(field)s.") % {
                    "field": self._meta.get_field(field).verbose_name
                }
        unknown = set(self.languages or []) - set(self.Language.values)
        if unknown:
            errors["languages"] = _("Ngôn ngữ không hợp lệ.")
        if self.count is not None and self.count < 1:
            errors["count"] = _("Số lượng phải từ 1 trở lên.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    @property
    def status_label(self) -> str:
        return str(_("Đã xác nhận") if self.is_confirmed else _("Chờ xác nhận"))

    @property
    def language_labels(self) -> str:
        labels = dict(self.Language.choices)
        return ", ".join(str(labels.get(code, code)) for code in self.languages or [])

    def confirm(self, user) -> None:
        self.confirmed_by, self.confirmed_at = user, timezone.now()
        self.save(update_fields=["confirmed_by", "confirmed_at", "updated_at"])

    def unconfirm(self) -> None:
        self.confirmed_by, self.confirmed_at = None, None
        self.save(update_fields=["confirmed_by", "confirmed_at", "updated_at"])
