"""Reader pages (public)."""

from django.urls import path

from . import views

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/<slug:slug>/", views.article_detail, name="article_detail"),
    path("fact-checks/<int:pk>/", views.claim_detail, name="claim_detail"),
    path("actors/<slug:slug>/", views.actor_detail, name="actor_detail"),
]
