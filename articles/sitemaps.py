"""sitemap.xml: the reader's pages, published and public ones only."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from . import selectors


class IndexSitemap(Sitemap):
    changefreq = "hourly"
    priority = 0.6

    def items(self):
        return ["articles:home", "articles:fact_check_index"]

    def location(self, item):
        return reverse(item)


class ArticleSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return selectors.article_list().only("id", "slug", "updated_at", "published_at")

    def lastmod(self, item):
        return item.updated_at


class FactCheckSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.9

    def items(self):
        return selectors.fact_check_list().select_related(None).only("id", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class ActorSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.4

    def items(self):
        return selectors.public_actors().only("id", "slug", "updated_at").order_by("name", "id")

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {
    "pages": IndexSitemap,
    "articles": ArticleSitemap,
    "fact-checks": FactCheckSitemap,
    "actors": ActorSitemap,
}
