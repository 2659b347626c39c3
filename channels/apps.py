from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChannelsConfig(AppConfig):
    """Write once, reach every channel: radio scripts, SMS, print bulletins, talking points, feeds."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "channels"
    verbose_name = _("Kênh tuyên truyền")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_migrate, post_save

        from channels import signals, versions
        from channels.models import LanguageVersion
        from home.models import Unit

        # The vocabularies (abbreviations, broadcast languages) and the approvers' right to set a
        # radio priority exist after every migrate, and again after a test database flush.
        post_migrate.connect(signals.set_up_after_migrate, sender=self)
        # After editorial's receiver (connected earlier): the unit's sections and collection exist.
        # Which pages have ethnic-language versions is cached (channels.versions): forget it on change.
        post_save.connect(versions.forget, sender=LanguageVersion, dispatch_uid="channels.versions.saved")
        post_delete.connect(versions.forget, sender=LanguageVersion, dispatch_uid="channels.versions.deleted")
        post_save.connect(signals.give_unit_its_translators, sender=Unit, dispatch_uid="channels.unit_translators")
