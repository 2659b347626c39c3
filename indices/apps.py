from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicesConfig(AppConfig):
    """The reform indices (PAR INDEX, SIPAS, PAPI, PCI, ICT Index, DTI): the province's results by year."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "indices"
    verbose_name = _("Chỉ số cải cách hành chính")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from indices import signals

        # After editorial has built the groups, give the provincial ones the right to keep the figures.
        post_migrate.connect(signals.grant_permissions_after_migrate, sender=self)
