"""Top-level routes: the admin, the API and the reader pages."""

from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from articles.sitemaps import SITEMAPS

admin.site.site_header = f"{settings.NEWSROOM_NAME}: the desk"
admin.site.site_title = "Verification desk"
admin.site.index_title = "Claims, articles and actors"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("articles.api.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("", include("articles.urls")),
]

handler404 = "articles.views.page_not_found"
handler500 = "articles.views.server_error"
