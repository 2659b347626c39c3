"""Site-wide choices of the channels, edited in the admin's settings."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

DEFAULT_WORDS_PER_MINUTE = 130
DEFAULT_RADIO_VALIDITY_DAYS = 30


@register_setting(icon="cogs")
class ChannelSettings(BaseSiteSetting):
    words_per_minute = models.PositiveSmallIntegerField(
        _("tốc độ đọc (từ/phút)"),
        default=DEFAULT_WORDS_PER_MINUTE,
        validators=[MinValueValidator(60), MaxValueValidator(250)],
        help_text=_("Dùng để ước tính thời lượng đọc kịch bản phát thanh; mặc định 130 từ/phút."),
    )
    radio_validity_days = models.PositiveSmallIntegerField(
        _("số ngày phát mặc định"),
        default=DEFAULT_RADIO_VALIDITY_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(366)],
        help_text=_("Bản tin phát thanh không ghi thời gian kết thúc được phát trong số ngày này kể từ ngày đăng."),
    )

    panels = [FieldPanel("words_per_minute"), FieldPanel("radio_validity_days")]

    class Meta:
        verbose_name = _("Cài đặt kênh tuyên truyền")
