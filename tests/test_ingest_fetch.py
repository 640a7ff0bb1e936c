"""Fetching that cannot be abused: private addresses, size, type, time, redirects."""

import pytest

from articles.ingest import fetch as fetching
from articles.ingest.fetch import FEED_TYPES, FetchError, FetchRefused, fetch

from .newsserver import Answer


@pytest.fixture
def public_only(settings):
    settings.NEWSROOM_INGEST_ALLOW_PRIVATE = False


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost:8000/admin/",
        "http://10.1.2.3/",
        "http://192.168.0.1/",
        "http://172.16.5.4/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://2130706433/",  # 127.0.0.1 as one number
        "http://0.0.0.0/",
        "http://100.64.0.1/",
    ],
)
def test_urls_to_non_public_addresses_are_refused_with_the_address(public_only, url):
    with pytest.raises(FetchRefused) as refused:
        fetch(url)
    assert "refused" in refused.value.reason
    assert "loopback, private or link-local" in refused.value.reason


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/x", "gopher://x/"])
def test_other_schemes_are_refused(url):
    with pytest.raises(FetchRefused, match="only http and https"):
        fetch(url)


def test_a_redirect_to_a_private_address_is_refused(news_server, settings, monkeypatch):
    # 127.0.0.1 stands in for a public site; the redirect goes to another loopback address.
    settings.NEWSROOM_INGEST_ALLOW_PRIVATE = False
    monkeypatch.setattr(fetching, "address_is_public", lambda address: address == "127.0.0.1")
    news_server.routes["/go"] = Answer(
        status=302, headers={"Location": f"http://127.0.0.2:{news_server.port}/secret"}
    )
    with pytest.raises(FetchRefused, match=r"127\.0\.0\.2"):
        fetch(news_server.url("/go"))
    assert "/secret" not in news_server.hits


def test_the_private_address_check_is_lifted_by_the_setting(news_server):
    url = news_server.story("ap-esper-south-china-sea")
    assert b"Esper" in fetch(url).body


def test_redirects_are_followed_to_the_page(news_server):
    url = news_server.story("ap-esper-south-china-sea")
    news_server.routes["/short"] = Answer(status=301, headers={"Location": url})
    fetched = fetch(news_server.url("/short"))
    assert fetched.url == url
    assert fetched.redirects == [news_server.url("/short")]


def test_too_many_redirects_are_refused(news_server, settings):
    settings.NEWSROOM_INGEST_MAX_REDIRECTS = 3
    for n in range(10):
        news_server.routes[f"/r{n}"] = Answer(status=302, headers={"Location": f"/r{n + 1}"})
    with pytest.raises(FetchRefused, match="more than 3 redirects"):
        fetch(news_server.url("/r0"))


def test_an_announced_oversize_body_is_refused_unread(news_server, settings):
    settings.NEWSROOM_INGEST_MAX_BYTES = 1000
    news_server.routes["/big"] = Answer(b"<p>x</p>" * 1000)
    with pytest.raises(FetchRefused, match="too large: 8,000 bytes"):
        fetch(news_server.url("/big"))


def test_an_oversize_body_without_a_length_is_cut_at_the_cap(news_server, settings):
    settings.NEWSROOM_INGEST_MAX_BYTES = 1000
    news_server.routes["/big"] = Answer(
        b"<p>x</p>" * 1000, no_length=True, drip=500
    )
    with pytest.raises(FetchRefused, match="too large"):
        fetch(news_server.url("/big"))


def test_a_server_that_never_answers_times_out(news_server, settings):
    settings.NEWSROOM_INGEST_TIMEOUT = 0.5
    news_server.routes["/hang"] = Answer(b"<p>late</p>", delay=3)
    with pytest.raises(FetchError, match="timed out") as error:
        fetch(news_server.url("/hang"))
    assert error.value.retryable


def test_a_server_dripping_bytes_meets_the_deadline(news_server, settings):
    settings.NEWSROOM_INGEST_TIMEOUT = 1
    news_server.routes["/drip"] = Answer(b"<p>" + b"x" * 200 + b"</p>", drip=5, drip_delay=0.1)
    with pytest.raises(FetchError, match="timed out"):
        fetch(news_server.url("/drip"))


def test_a_page_of_another_content_type_is_refused(news_server):
    news_server.routes["/photo.png"] = Answer(b"\x89PNG....", content_type="image/png")
    with pytest.raises(FetchRefused, match="content type 'image/png'"):
        fetch(news_server.url("/photo.png"))


def test_a_missing_page_is_refused_and_a_server_error_may_be_retried(news_server):
    with pytest.raises(FetchRefused, match="HTTP 404"):
        fetch(news_server.url("/nowhere"))
    news_server.routes["/down"] = Answer(b"oops", "text/plain", status=503)
    with pytest.raises(FetchError, match="HTTP 503") as error:
        fetch(news_server.url("/down"))
    assert error.value.retryable


def test_a_conditional_get_answered_not_modified_has_no_body(news_server):
    news_server.routes["/feed.xml"] = Answer(b"<rss/>", "application/rss+xml", etag='"v1"')
    first = fetch(news_server.url("/feed.xml"), accept=FEED_TYPES)
    again = fetch(news_server.url("/feed.xml"), accept=FEED_TYPES, etag=first.etag)
    assert (first.status, again.not_modified, again.body) == (200, True, b"")


def test_an_unresolvable_host_is_named(settings):
    with pytest.raises(FetchError, match="could not be resolved"):
        fetch("http://no-such-host.invalid/")
