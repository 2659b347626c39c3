"""Read-only public API (Wagtail API v2) for apps and the province's data portal."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from channels.api import PagesWithChannelsAPIViewSet
from indices.api import IndicesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
# Wagtail's pages endpoint, with the channel fields of each article (channels.api, docs/api.md).
api_router.register_endpoint("pages", PagesWithChannelsAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
api_router.register_endpoint("indices", IndicesAPIViewSet)
