"""Reader pages (public), their feeds and robots.txt."""

from django.urls import path

from . import feeds, views

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/<slug:slug>/", views.article_detail, name="article_detail"),
    path("fact-checks/", views.fact_check_index, name="fact_check_index"),
    path("fact-checks/<int:pk>/", views.claim_detail, name="claim_detail"),
    path("actors/<slug:slug>/", views.actor_detail, name="actor_detail"),
    path("search/", views.search, name="search"),
    path("feeds/articles/rss/", feeds.ArticlesFeed(), name="articles_rss"),
    path("feeds/articles/atom/", feeds.ArticlesAtomFeed(), name="articles_atom"),
    path("feeds/fact-checks/rss/", feeds.FactChecksFeed(), name="fact_checks_rss"),
    path("feeds/fact-checks/atom/", feeds.FactChecksAtomFeed(), name="fact_checks_atom"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
]
