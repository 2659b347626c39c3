"""The page tree heals itself: after every migrate (and test database flush), and for every new unit."""

from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

from articles.tree import ensure_site_tree, ensure_unit_sections, index_pages
from home.models import Unit


def give_unit_its_sections(sender, instance: Unit, raw: bool = False, **kwargs) -> None:
    if not raw and index_pages():
        ensure_unit_sections(instance)


def build_site_tree_after_migrate(sender, **kwargs) -> None:
    ensure_default_locale()
    ensure_site_tree()


def ensure_default_locale() -> None:
    """A flush (transactional tests) removes the Locale that Wagtail's migration created; pages need it."""
    if not Locale.objects.exists():
        Locale.objects.create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
