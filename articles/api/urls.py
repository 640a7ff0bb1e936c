"""API routes under /api/v1/: the resources, the token exchange, the schema
and its docs (served from our own static files, no CDN)."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from . import desk, ingest, root, views

app_name = "api"

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("articles", views.ArticleViewSet, basename="article")
router.register("claims", views.ClaimViewSet, basename="claim")
router.register("actors", views.ActorViewSet, basename="actor")
router.register("notes", views.NoteViewSet, basename="note")

urlpatterns = [
    path("", root.RootView.as_view(), name="root"),
    path("auth/token/", views.TokenView.as_view(), name="token"),
    *ingest.urlpatterns,
    path("desk/", desk.DeskView.as_view(), name="desk"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # Split: the start-up script is a file of its own, so the docs' CSP allows no inline script.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    *router.urls,
]
