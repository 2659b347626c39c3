"""Public URLs of the channels; cms/urls.py includes them before Wagtail's catch-all."""

from django.urls import path, re_path

from channels.feeds import ArticleFeed, AtomArticleFeed
from channels.views import articles, public

urlpatterns = [
    re_path(
        r"^(?P<path>(?:[-\w]+/)+)(?P<channel>phat-thanh|tin-nhan|ban-in|de-cuong)/$",
        articles.article_channel,
        name="channels_article",
    ),
    path("s/<str:code>/", articles.short_link, name="channels_short_link"),
    path("rss/", ArticleFeed(), name="channels_rss"),
    path("atom/", AtomArticleFeed(), name="channels_atom"),
    path("nguon-tin/", public.feed_list, name="channels_feed_list"),
    path("robots.txt", public.robots_txt, name="robots_txt"),
    path("api/phat-thanh/", public.radio_feed_index, name="channels_radio_feed_index"),
    path("api/phat-thanh/<slug:unit_slug>/", public.radio_feed, name="channels_radio_feed"),
    path("anh-chia-se/<int:page_id>-<str:digest>.png", public.share_image, name="channels_share_image"),
    path("ban-tin/<slug:slug>/", public.bulletin, name="channels_bulletin"),
]
