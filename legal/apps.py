from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalConfig(AppConfig):
    """The electronic legal bookcase (tủ sách pháp luật điện tử): documents under /van-ban/."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "legal"
    verbose_name = _("Tủ sách pháp luật")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from legal import roles, signals

        signals.connect()
        post_migrate.connect(roles.grant_after_migrate, sender=self)
