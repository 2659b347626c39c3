"""Keep each article's SearchDocument in step with the page, in the same transaction as the save,
drop the cached synonyms and promotions when editors change them, and write the buffered query
log after responses. Connected by search.apps."""

import atexit

from django.core.signals import request_finished
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from articles.models import ArticlePage
from search.asked import forget_citizen_questions
from search.documents import documents_changed, forget_document_terms, update_page
from search.models import SearchDocument, Shorthand, Synonym
from search.query import forget_shorthand, forget_synonyms, forget_title_words
from search.querylog import buffer, flush_if_due, forget_promotions


def page_saved(sender, instance, raw: bool = False, **kwargs) -> None:
    if raw or not isinstance(instance, ArticlePage):
        return
    # Re-read the row: a draft revision saves the page object with unpublished content in memory,
    # while the database row (and so the search) holds the live content.
    page = ArticlePage.objects.filter(pk=instance.pk).first()
    if page is not None:
        update_page(page)
    forget_title_words()
    forget_citizen_questions()


def restrictions_changed(**kwargs) -> None:
    documents_changed()


def connect() -> None:
    post_save.connect(page_saved, dispatch_uid="search.page_saved")
    post_delete.connect(forget_document_terms, sender=SearchDocument, dispatch_uid="search.document_deleted")
    # A view restriction hides or shows pages: the cached match counts must follow.
    post_save.connect(restrictions_changed, sender=PageViewRestriction, dispatch_uid="search.restriction_saved")
    post_delete.connect(restrictions_changed, sender=PageViewRestriction, dispatch_uid="search.restriction_deleted")
    post_save.connect(forget_synonyms, sender=Synonym, dispatch_uid="search.synonym_saved")
    post_delete.connect(forget_synonyms, sender=Synonym, dispatch_uid="search.synonym_deleted")
    post_save.connect(forget_shorthand, sender=Shorthand, dispatch_uid="search.shorthand_saved")
    post_delete.connect(forget_shorthand, sender=Shorthand, dispatch_uid="search.shorthand_deleted")
    request_finished.connect(flush_if_due, dispatch_uid="search.query_log_flush")
    atexit.register(buffer.flush)
    for model in (SearchPromotion, Query):
        post_save.connect(forget_promotions, sender=model, dispatch_uid=f"search.promotions_saved.{model.__name__}")
        post_delete.connect(forget_promotions, sender=model, dispatch_uid=f"search.promotions_deleted.{model.__name__}")
