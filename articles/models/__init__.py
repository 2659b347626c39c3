from articles.models.base import ArticleIndexPage, ArticlePage, ArticlePageTag, UnitSection
from articles.models.faq import FaqIndexPage, FaqPage
from articles.models.guide import GuideIndexPage, GuidePage
from articles.models.news import NewsIndexPage, NewsPage
from articles.models.story import StoryIndexPage, SuccessStoryPage
from articles.models.workflow import PreviewLink, ProvincialApprovalTask, UnitReviewTask, UnitRoles

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
    "PreviewLink",
    "ProvincialApprovalTask",
    "StoryIndexPage",
    "SuccessStoryPage",
    "UnitReviewTask",
    "UnitRoles",
    "UnitSection",
]

# Index page → article type, by the type slug used in URLs, imports and the search filters.
ARTICLE_TYPES = {model.type_slug: model for model in (NewsPage, GuidePage, FaqPage, SuccessStoryPage)}
