from functools import cache

from django.apps import apps

from articles.models.base import NEWEST_FIRST, ArticleIndexPage, ArticlePage, ArticlePageTag, UnitSection
from articles.models.faq import FaqIndexPage, FaqPage
from articles.models.guide import GuideIndexPage, GuidePage
from articles.models.news import NewsIndexPage, NewsPage
from articles.models.story import StoryIndexPage, SuccessStoryPage

__all__ = [
    "NEWEST_FIRST",
    "ArticleIndexPage",
    "ArticlePage",
    "ArticlePageTag",
    "FaqIndexPage",
    "FaqPage",
    "GuideIndexPage",
    "GuidePage",
    "NewsIndexPage",
    "NewsPage",
    "StoryIndexPage",
    "SuccessStoryPage",
    "UnitSection",
    "article_types",
]


@cache
def article_types() -> dict[str, type[ArticlePage]]:
    """Every article type by its type slug (the URL, import and search-filter vocabulary).

    Each concrete ArticlePage subclass with a `type_slug` is one, whichever app defines it, in the
    order of their `type_order`: apps above `articles` add types without changing it or `search`.
    """
    models = [model for model in apps.get_models() if issubclass(model, ArticlePage) and model.type_slug]
    return {model.type_slug: model for model in sorted(models, key=lambda model: model.type_order)}
