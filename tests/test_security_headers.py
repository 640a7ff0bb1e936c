"""Security headers on the reader's pages, and a policy that leaves the admin working."""

import pytest

from articles.middleware import READER_POLICY

from .factories import ApprovedClaimFactory, PublishedArticleFactory

pytestmark = pytest.mark.django_db


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split("; ")}


@pytest.fixture
def reader_urls():
    claim = ApprovedClaimFactory(article=PublishedArticleFactory())
    return [
        "/",
        claim.article.get_absolute_url(),
        claim.get_absolute_url(),
        "/fact-checks/",
        "/search/?q=nato",
        "/feeds/articles/rss/",
        "/sitemap.xml",
        "/robots.txt",
        "/no-such-page/",
    ]


def test_reader_pages_send_the_security_headers(client, reader_urls):
    for url in reader_urls:
        response = client.get(url)
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert response["Referrer-Policy"] == "same-origin", url
        assert response["X-Frame-Options"] == "DENY", url
        assert response["Content-Security-Policy"] == READER_POLICY, url


def test_the_policy_allows_only_our_own_assets():
    policy = directives(READER_POLICY)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert "unsafe-inline" not in READER_POLICY and "http" not in READER_POLICY


def test_reader_pages_have_no_inline_styles_or_scripts(client, reader_urls):
    for url in reader_urls[:5]:
        html = client.get(url).content.decode()
        assert " style=" not in html and "<style" not in html, url
        scripts = html.count("<script")
        assert scripts == html.count('<script type="application/ld+json">'), url


def test_the_admin_has_a_policy_that_allows_no_inline_script(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "script-src 'self';" in policy and "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"


def test_the_api_docs_have_a_policy_and_no_inline_script(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    assert "script-src 'self';" in response["Content-Security-Policy"]
    html = response.content.decode()
    assert html.count("<script") == html.count("<script src=")
