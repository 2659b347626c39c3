from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Outreach activities of the units, read counts, the province's reports and the unit's periodic report."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "reports"
    verbose_name = _("Báo cáo, thống kê")

    def ready(self) -> None:
        import atexit

        from django.core.signals import request_finished

        from reports import reads

        # Reads are counted in each process and written after a response has gone out (reports.reads).
        request_finished.connect(reads.flush_if_due, dispatch_uid="reports.reads_flush")
        atexit.register(reads.buffer.flush)
