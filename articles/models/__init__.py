from articles.models.base import ArticleIndexPage, ArticlePage, ArticlePageTag, UnitSection
from articles.models.faq import FaqIndexPage, FaqPage
from articles.models.guide import GuideIndexPage, GuidePage
from articles.models.news import NewsIndexPage, NewsPage
from articles.models.story import StoryIndexPage, SuccessStoryPage

__all__ = [
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
]

# Index page → article type, by the type slug used in URLs, imports and the search filters.
ARTICLE_TYPES = {model.type_slug: model for model in (NewsPage, GuidePage, FaqPage, SuccessStoryPage)}
