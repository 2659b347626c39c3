from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import TaskState
from wagtail.signals import task_submitted

from home.models import Unit


@receiver(post_save, sender=Unit)
def give_new_unit_its_sections(sender, instance: Unit, created: bool, raw: bool = False, **kwargs) -> None:
    if raw:
        return
    from articles.roles import ensure_unit_roles
    from articles.tree import index_pages

    if index_pages():
        # Its sections, collection and two editor groups, with their permissions.
        ensure_unit_roles(instance)


def build_site_tree_after_migrate(sender, **kwargs) -> None:
    from articles.tree import ensure_site_tree

    ensure_default_locale()
    ensure_site_tree()
    from articles.roles import ensure_roles

    ensure_roles()


def ensure_default_locale() -> None:
    """A flush (transactional tests) removes the Locale that Wagtail's migration created; pages need it."""
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale

    if not Locale.objects.exists():
        Locale.objects.create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))


@receiver(task_submitted, sender=TaskState, dispatch_uid="articles_unit_review_submitted_email")
def notify_unit_reviewers(sender, instance: TaskState, user=None, **kwargs) -> None:
    """Step 1 reached: email the reviewers of the page's own unit (articles.notifications)."""
    from articles.notifications import unit_review_submission_notifier

    unit_review_submission_notifier(instance, user=user)
