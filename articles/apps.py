from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = _("Bài viết")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate, post_save
        from wagtail.signals import post_page_move, pre_page_move

        from articles import signals
        from home.models import Unit

        # After migrate (and after a test database flush) the site tree exists and is complete.
        post_migrate.connect(signals.build_site_tree_after_migrate, sender=self)
        post_save.connect(signals.give_unit_its_sections, sender=Unit, dispatch_uid="articles.unit_sections")
        pre_page_move.connect(signals.refuse_moves_out_of_sections, dispatch_uid="articles.refuse_moves")
        post_page_move.connect(signals.unit_follows_the_move, dispatch_uid="articles.unit_follows_move")
