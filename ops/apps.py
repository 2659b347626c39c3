from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Running the site in production: page cache, security glue, health, logs, backups, benchmarks."""

    name = "ops"
    verbose_name = "Vận hành"

    def ready(self) -> None:
        from ops.pagecache import invalidation

        invalidation.connect()
