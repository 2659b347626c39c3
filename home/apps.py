from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = _("Trang chủ và danh mục")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Site

        from home import caching
        from home.models import ReformArea, SiteContact, Unit

        receivers = [
            (ReformArea, caching.forget_table),
            (Unit, caching.forget_table),
            (Site, caching.forget_sites),
            (SiteContact, caching.forget_site_contact),
        ]
        for model, receiver in receivers:
            name = model.__name__
            post_save.connect(receiver, sender=model, dispatch_uid=f"home.cache.saved.{name}")
            post_delete.connect(receiver, sender=model, dispatch_uid=f"home.cache.deleted.{name}")
        # A site's cached root page goes stale when that page is renamed or moved. Page saves are
        # rare next to page views, so every one of them starts a new generation. (Each page type
        # is its own sender, hence no `sender=` here.)
        post_save.connect(caching.forget_sites_for_page, dispatch_uid="home.cache.page_saved")
        post_delete.connect(caching.forget_sites_for_page, dispatch_uid="home.cache.page_deleted")
