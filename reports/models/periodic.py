"""What a unit writes in its periodic report, and which review reminders went out."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from home.models import Unit


class UnitReport(models.Model):
    """The free-text parts of a unit's periodic report for one period (the figures are computed).

    `unit` is empty for the whole province's report.
    """

    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    start = models.DateField(_("từ ngày"))
    end = models.DateField(_("đến ngày"))
    difficulties = models.TextField(_("khó khăn, vướng mắc"), blank=True, max_length=10_000)
    proposals = models.TextField(_("đề xuất, kiến nghị"), blank=True, max_length=10_000)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người cập nhật"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("báo cáo định kỳ của đơn vị")
        verbose_name_plural = _("báo cáo định kỳ của đơn vị")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "start", "end"],
                condition=models.Q(unit__isnull=False),
                name="reports_unit_report_period",
            ),
            models.UniqueConstraint(
                fields=["start", "end"], condition=models.Q(unit__isnull=True), name="reports_province_report_period"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit or _('Toàn tỉnh')} {self.start}–{self.end}"


class ReviewReminder(models.Model):
    """One reminder e-mail about overdue guides sent to one unit's contributors on one day."""

    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="+")
    day = models.DateField(_("ngày gửi"))
    guides = models.PositiveIntegerField(_("số hướng dẫn quá hạn"))
    recipients = models.PositiveIntegerField(_("số người nhận"))
    sent_at = models.DateTimeField(_("gửi lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("thư nhắc rà soát hướng dẫn")
        verbose_name_plural = _("thư nhắc rà soát hướng dẫn")
        constraints = [models.UniqueConstraint(fields=["unit", "day"], name="reports_review_reminder_unit_day")]

    def __str__(self) -> str:
        return f"{self.unit} {self.day}"
