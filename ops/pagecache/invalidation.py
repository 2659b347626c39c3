"""Forget every cached page when something a public page shows changes.

Watched: every page type (publish, unpublish, move, delete and any save that touches the live
fields), sites, view restrictions, redirects, images, documents, tags, the taxonomies and site
contact of `home`, every registered snippet and site setting (a menu or any other snippet an app
adds), and whatever PAGE_CACHE_INVALIDATING_MODELS lists. Saving a draft does not count: the live
page is unchanged until it is published.

The generation is bumped twice: at once, and again when the transaction commits. A request that
read the generation in between may have rendered the old rows, but it stored them under a
generation that the second bump retires, so nobody is served them. (Inside a transaction that
never commits, such as a test's, the first bump alone keeps the cache in step with what the
transaction reads.)
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.models import COMMENTS_RELATION_NAME, Page
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from ops.pagecache import generation

# Fields that Page.save_revision, locking and workflow steps write without changing the live page.
DRAFT_ONLY_FIELDS = frozenset(
    {
        COMMENTS_RELATION_NAME,
        "latest_revision_created_at",
        "draft_title",
        "latest_revision",
        "has_unpublished_changes",
        "locked",
        "locked_by",
        "locked_at",
    }
)


def invalidate() -> None:
    """Forget every cached page now and once more when the current transaction (if any) commits."""
    generation.bump()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(generation.bump)


def _watched(sender) -> bool:
    if sender is None:
        return False
    if issubclass(sender, Page):
        return True
    return sender._meta.label in _watched_labels() or sender in _registered_models()


def _watched_labels() -> frozenset[str]:
    return frozenset(settings.PAGE_CACHE_INVALIDATING_MODELS)


def _registered_models() -> set:
    """Snippets and site settings of every app: what they hold is shown on public pages."""
    return set(get_snippet_models()) | set(settings_registry)


def on_save(sender, instance, created=False, update_fields=None, raw=False, **kwargs) -> None:
    if raw or not _watched(sender):
        return
    if isinstance(instance, Page) and update_fields and set(update_fields) <= DRAFT_ONLY_FIELDS:
        return
    # A settings row created here is an editor's first save: home.SiteContact.for_site shows the
    # defaults without writing, and a row other settings create on first read costs one
    # invalidation, once.
    invalidate()


def on_delete(sender, instance, **kwargs) -> None:
    if _watched(sender):
        invalidate()


def on_m2m(sender, instance, action, **kwargs) -> None:
    if action.startswith("post_") and _watched(type(instance)):
        invalidate()


def on_page_event(sender, **kwargs) -> None:
    invalidate()


def connect() -> None:
    # No sender=: every page type is its own sender, and apps added later are covered too.
    post_save.connect(on_save, dispatch_uid="ops.pagecache.saved")
    post_delete.connect(on_delete, dispatch_uid="ops.pagecache.deleted")
    m2m_changed.connect(on_m2m, dispatch_uid="ops.pagecache.m2m")
    page_published.connect(on_page_event, dispatch_uid="ops.pagecache.published")
    page_unpublished.connect(on_page_event, dispatch_uid="ops.pagecache.unpublished")
    post_page_move.connect(on_page_event, dispatch_uid="ops.pagecache.moved")
