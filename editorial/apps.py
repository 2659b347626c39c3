from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class EditorialConfig(AppConfig):
    """Roles, the two-step workflow, preview links, the editors' dashboard and unit changes."""

    default = True  # this module also holds CustomUsersAppConfig
    default_auto_field = "django.db.models.BigAutoField"
    name = "editorial"
    verbose_name = _("Biên tập và phê duyệt")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate, post_save
        from wagtail.models import TaskState
        from wagtail.signals import post_page_move, task_submitted

        from editorial import signals
        from home.models import Unit

        post_migrate.connect(signals.set_up_after_migrate, sender=self)
        post_save.connect(signals.give_unit_its_roles, sender=Unit, dispatch_uid="editorial.unit_roles")
        post_page_move.connect(signals.hand_over_review_after_move, dispatch_uid="editorial.review_after_move")
        task_submitted.connect(
            signals.notify_unit_reviewers, sender=TaskState, dispatch_uid="articles_unit_review_submitted_email"
        )


class CustomUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's users app with our user viewset (editorial.users): in INSTALLED_APPS in place of
    "wagtail.users"."""

    user_viewset = "editorial.users.UserViewSet"
