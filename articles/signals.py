"""The page tree heals itself (after every migrate, for every new unit), and an article's unit
always follows the section it sits in, whatever moves it."""

from django.conf import settings
from django.utils.translation import gettext as _
from wagtail.actions.move_page import MovePagePermissionError
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

from articles.models import ArticlePage, UnitSection
from articles.tree import ensure_site_tree, ensure_unit_sections, index_pages
from home.models import Unit


class MoveRefused(MovePagePermissionError):
    """A move that would put an article outside the sections of its type (or a unit's section
    under another index). Raised before anything moves; the message is for the editor."""


def refuse_moves_out_of_sections(sender, instance, parent_page_before, parent_page_after, **kwargs) -> None:
    """pre_page_move: every path that moves a page (the admin, bulk actions, code) goes through it."""
    if parent_page_after.pk == parent_page_before.pk:
        return  # reordering within the same parent
    page_class = instance.specific_class
    if page_class is not None and issubclass(page_class, ArticlePage):
        refusal = page_class.refusal_under(parent_page_after)
        if refusal:
            raise MoveRefused(refusal)
    elif page_class is not None and issubclass(page_class, UnitSection):
        raise MoveRefused(_("Chuyên mục của đơn vị chỉ được đổi thứ tự, không chuyển sang trang khác."))


def unit_follows_the_move(sender, instance, parent_page_before, parent_page_after, **kwargs) -> None:
    """post_page_move: Wagtail saves the moved row as a plain Page; the article's unit is set here,
    with a save of the article itself so everything that follows article saves (search) sees it."""
    if parent_page_after.pk == parent_page_before.pk:
        return
    page = instance.specific
    if isinstance(page, ArticlePage):
        previous = page.unit_id
        page.set_unit_from_section()
        if page.unit_id != previous:
            page.save(update_fields=["unit"], clean=False)


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
