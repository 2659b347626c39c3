from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from articles import views as article_views
from cms.api import api_router
from editorial import preview as editorial_preview
from participation import urls as participation_urls
from reports import reads as report_reads
from search import views as search_views

urlpatterns = [
    path("", include("ops.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("tim-kiem/", search_views.search, name="search"),
    path("tim-kiem/goi-y/", search_views.autocomplete, name="search_autocomplete"),
    path("tim-kiem/mo/", search_views.open_result, name="search_open"),
    path("linh-vuc/<slug:slug>/", article_views.reform_area, name="reform_area"),
    path("the/<str:slug>/", article_views.tag, name="tag"),
    path("chi-so/", include("indices.urls")),
    path("xem-truoc/<str:token>/", editorial_preview.shared_preview, name="shared_preview"),
    path("luot-doc/", report_reads.read_beacon, name="reports_read"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("", include(participation_urls)),
    # Radio, SMS, print, talking points, feeds, robots.txt (docs/channels.md): before Wagtail's catch-all.
    path("", include("channels.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
