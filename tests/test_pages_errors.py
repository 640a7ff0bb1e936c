"""Friendly error pages and robots.txt."""

import pytest
from django.test import Client
from django.urls import path

from newsroom import urls as site_urls

pytestmark = pytest.mark.django_db


def _broken(request):
    raise RuntimeError("a bug")


# This module doubles as a URLconf: the site's routes plus one that fails.
urlpatterns = [path("broken/", _broken), *site_urls.urlpatterns]
handler404 = site_urls.handler404
handler500 = site_urls.handler500


def test_a_missing_page_is_a_friendly_404(client):
    response = client.get("/articles/no-such-story/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "We can’t find that page" in html
    assert 'href="/fact-checks/"' in html and 'role="search"' in html


def test_a_server_error_shows_the_friendly_500_page(settings):
    settings.ROOT_URLCONF = __name__
    response = Client(raise_request_exception=False).get("/broken/")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_the_desk(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text
