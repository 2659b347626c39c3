"""What editors add to an article for the other channels, kept beside it as ParentalKey children.

Being children of the article's cluster, they are saved in each revision and follow drafts,
the review workflow and publishing exactly like the article's own fields: what the radio, SMS and
print channels serve is always the *live* revision's.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable
from wagtailmedia.edit_handlers import MediaChooserPanel

from channels.models.vocabulary import BroadcastLanguage
from home.models import Unit

SMS_OVERRIDE_MAX = 160
TALKING_POINTS_MIN = 3
TALKING_POINTS_MAX = 7


class Priority(models.TextChoices):
    """Priority of a radio item for the grassroots information source system (Thông tư 39/2020/TT-BTTTT)."""

    NORMAL = "normal", _("Thông thường")
    PRIORITY = "priority", _("Ưu tiên")
    URGENT = "urgent", _("Khẩn cấp")


PRIORITY_RANK = {Priority.URGENT: 0, Priority.PRIORITY: 1, Priority.NORMAL: 2}


class ChannelOptions(models.Model):
    """The editor's corrections of the generated radio script and SMS, and the radio item's terms."""

    page = ParentalKey("articles.ArticlePage", on_delete=models.CASCADE, related_name="channel_options")
    radio_script = models.TextField(
        _("kịch bản phát thanh (sửa)"),
        blank=True,
        help_text=_("Để trống thì dùng kịch bản tạo tự động. Văn bản ở đây được đọc nguyên văn."),
    )
    sms_text = models.CharField(
        _("tin nhắn SMS (sửa)"),
        max_length=SMS_OVERRIDE_MAX,
        blank=True,
        help_text=_("Để trống thì dùng tin nhắn tạo tự động. Đường dẫn ngắn đến bài luôn được thêm vào cuối."),
    )
    priority = models.CharField(
        _("mức ưu tiên phát thanh"),
        max_length=10,
        choices=Priority.choices,
        default=Priority.NORMAL,
        help_text=_("Chỉ cấp phê duyệt được đặt mức ưu tiên."),
    )
    valid_from = models.DateTimeField(
        _("phát từ"), null=True, blank=True, help_text=_("Để trống: từ khi bài được xuất bản.")
    )
    valid_until = models.DateTimeField(
        _("phát đến"),
        null=True,
        blank=True,
        help_text=_("Để trống: theo số ngày mặc định trong Cài đặt kênh tuyên truyền."),
    )

    panels = [
        FieldPanel("radio_script", classname="channels-radio-override"),
        FieldPanel("sms_text", classname="channels-sms-override"),
        FieldPanel("priority", permission="channels.set_radio_priority"),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")], heading=_("Thời gian phát")),
    ]

    class Meta:
        verbose_name = _("kịch bản, tin nhắn và lịch phát")
        verbose_name_plural = _("kịch bản, tin nhắn và lịch phát")
        permissions = [("set_radio_priority", _("Đặt mức ưu tiên phát thanh"))]

    def __str__(self) -> str:
        return str(self._meta.verbose_name)

    def clean(self) -> None:
        super().clean()
        if self.valid_from and self.valid_until and self.valid_until <= self.valid_from:
            raise ValidationError({"valid_until": _("Thời điểm kết thúc phải sau thời điểm bắt đầu phát.")})


class TalkingPoint(Orderable):
    """One key message for grassroots speakers (báo cáo viên, tuyên truyền viên cơ sở)."""

    page = ParentalKey("articles.ArticlePage", on_delete=models.CASCADE, related_name="talking_points")
    text = models.CharField(_("thông điệp chính"), max_length=300)

    panels = [FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("thông điệp chính")
        verbose_name_plural = _("thông điệp chính")

    def __str__(self) -> str:
        return self.text


class RadioTarget(models.Model):
    """A unit whose radio should broadcast the article (none: the article's own unit, or all for the province)."""

    page = ParentalKey("articles.ArticlePage", on_delete=models.CASCADE, related_name="radio_targets")
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị nhận"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("unit")]

    class Meta:
        verbose_name = _("đơn vị nhận bản tin phát thanh")
        verbose_name_plural = _("đơn vị nhận bản tin phát thanh")

    def __str__(self) -> str:
        return str(self.unit)


class LanguageVersion(Orderable):
    """The radio script in an ethnic language, optionally with its recording."""

    page = ParentalKey("articles.ArticlePage", on_delete=models.CASCADE, related_name="language_versions")
    language = models.ForeignKey(
        BroadcastLanguage, verbose_name=_("ngôn ngữ"), on_delete=models.PROTECT, related_name="versions"
    )
    text = models.TextField(_("kịch bản bằng tiếng dân tộc"))
    recording = models.ForeignKey(
        "wagtailmedia.Media",
        verbose_name=_("bản ghi âm"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Tệp MP3, OGG hoặc M4A; kịch bản ở trên là lời của bản ghi cho người không nghe được."),
    )

    panels = [FieldPanel("language"), FieldPanel("text"), MediaChooserPanel("recording", media_type="audio")]

    class Meta(Orderable.Meta):
        verbose_name = _("bản tiếng dân tộc")
        verbose_name_plural = _("bản tiếng dân tộc")

    def __str__(self) -> str:
        return str(self.language)
