"""How often each article was read, per day: no cookie, no address, no person, only a count."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


class PageReadDay(models.Model):
    """Reads of one page on one day (written in batches by reports.reads, never one row per read)."""

    page = models.ForeignKey(Page, verbose_name=_("trang"), on_delete=models.CASCADE, related_name="+")
    day = models.DateField(_("ngày"))
    views = models.PositiveIntegerField(_("lượt đọc"), default=0)

    class Meta:
        verbose_name = _("lượt đọc trong ngày")
        verbose_name_plural = _("lượt đọc trong ngày")
        constraints = [models.UniqueConstraint(fields=["page", "day"], name="reports_read_page_day")]
        indexes = [models.Index(fields=["day"])]

    def __str__(self) -> str:
        return f"{self.page_id} {self.day}: {self.views}"
