"""Citations follow publishing: an article's when it is published or unpublished, a document's
when it is published (legal.citations). Connected in legal.apps."""

from wagtail.signals import page_published, page_unpublished

from articles.models import ArticlePage
from legal.citations import refresh_article, refresh_document
from legal.models import Citation, DocumentPage


def published(sender, instance, **kwargs) -> None:
    if isinstance(instance, DocumentPage):
        refresh_document(instance)
    elif isinstance(instance, ArticlePage):
        refresh_article(instance)


def unpublished(sender, instance, **kwargs) -> None:
    # An article that is not live cites nothing. (Only delete: Wagtail also unpublishes a page
    # it is about to delete, in the middle of deleting a whole subtree, documents included.)
    Citation.objects.filter(page_id=instance.pk).delete()


def connect() -> None:
    page_published.connect(published, dispatch_uid="legal.citations_published")
    page_unpublished.connect(unpublished, dispatch_uid="legal.citations_unpublished")
