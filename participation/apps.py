from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    """Citizens talk back: page feedback, questions that become FAQ, e-mail alerts (docs/participation.md)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "participation"
    verbose_name = _("Sự tham gia của người dân")

    def ready(self) -> None:
        from wagtail.signals import page_published

        from participation import signals

        page_published.connect(signals.answer_questions_of_published_faq, dispatch_uid="participation.faq_published")
