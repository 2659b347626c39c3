import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import ArticlePage
from home.models import ReformArea, Unit


def new_token() -> str:
    return secrets.token_urlsafe(32)


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("Ngay khi có bài mới")
    WEEKLY = "weekly", _("Tổng hợp hằng tuần")


class Subscription(models.Model):
    """A confirmed e-mail alert subscription: the address and what it wants, nothing else.

    Created only when the confirmation link is opened (double opt-in): before that nothing is
    stored. Empty choices mean "all" (every area, unit or content type). Deleted on unsubscribe.
    """

    email = models.EmailField(_("thư điện tử"), unique=True)
    reform_areas = models.ManyToManyField(ReformArea, verbose_name=_("lĩnh vực"), blank=True, related_name="+")
    units = models.ManyToManyField(Unit, verbose_name=_("đơn vị"), blank=True, related_name="+")
    content_types = models.JSONField(_("loại bài"), default=list, blank=True)
    frequency = models.CharField(_("tần suất"), max_length=20, choices=Frequency.choices)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    confirmed_at = models.DateTimeField(_("xác nhận lúc"), default=timezone.now)
    since = models.DateTimeField(
        _("nhận bài đăng từ"), default=timezone.now, help_text=_("Bài đăng lần đầu trước thời điểm này không gửi.")
    )
    last_digest_at = models.DateTimeField(_("gửi bản tổng hợp gần nhất"), null=True, blank=True)

    class Meta:
        verbose_name = _("đăng ký nhận tin")
        verbose_name_plural = _("đăng ký nhận tin")

    def __str__(self) -> str:
        return self.email


class Delivery(models.Model):
    """An article sent to a subscription: the unique pair is what makes sending idempotent."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="deliveries")
    page = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["subscription", "page"], name="participation_delivery_once")]
        verbose_name = _("bài đã gửi")
        verbose_name_plural = _("bài đã gửi")

    def __str__(self) -> str:
        return f"{self.subscription_id} → {self.page_id}"
