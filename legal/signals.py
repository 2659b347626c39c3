"""Citations follow publishing: an article's when it is published or unpublished, a document's
when it is published (legal.citations). Connected in legal.apps."""

from wagtail.signals import page_published, page_unpublished

from articles.models import ArticlePage
from legal.citations import refresh_article, refresh_document
from legal.models import DocumentPage


def published(sender, instance, **kwargs) -> None:
    if isinstance(instance, DocumentPage):
        refresh_document(instance)
    elif isinstance(instance, ArticlePage):
        refresh_article(instance)


def unpublished(sender, instance, **kwargs) -> None:
    if isinstance(instance, ArticlePage) and not isinstance(instance, DocumentPage):
        refresh_article(instance)


def connect() -> None:
    page_published.connect(published, dispatch_uid="legal.citations_published")
    page_unpublished.connect(unpublished, dispatch_uid="legal.citations_unpublished")
