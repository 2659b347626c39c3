from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import ArticlePage

COMMENT_MAX_LENGTH = 1000


class Feedback(models.Model):
    """One answer to "Trang này có hữu ích không?" on a guide or FAQ page.

    Anonymous by design: no account, no address, no IP (the rate limit's counters live in the
    cache under django-ratelimit's hashed keys). The page's unit is the unit it is counted for.
    """

    page = models.ForeignKey(ArticlePage, verbose_name=_("trang"), on_delete=models.CASCADE, related_name="feedback")
    helpful = models.BooleanField(_("hữu ích"))
    comment = models.TextField(_("góp ý"), max_length=COMMENT_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(_("gửi lúc"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("ý kiến về trang")
        verbose_name_plural = _("ý kiến về trang")

    def __str__(self) -> str:
        answer = _("Hữu ích") if self.helpful else _("Chưa hữu ích")
        return f"{answer}: {self.page_id}"
