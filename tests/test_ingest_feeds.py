"""Following feeds in process: new entries once, conditional GET, dead feeds."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.ingest.feeds import feed_poll, feeds_claim_due
from articles.ingest.tasks import feeds_poll_due
from articles.models import Article, Feed, ImportRun

from .newsserver import Answer, atom, rss

pytestmark = pytest.mark.django_db

STORIES = ["ap-esper-south-china-sea", "ap-pge-power-shutoff", "ap-indiana-teachers-rally"]


def serve_feed(server, names, *, path="/rss.xml", etag="", maker=rss, guid=lambda n: f"urn:{n}"):
    items = [(guid(n), server.story(n), n) for n in names]
    server.routes[path] = Answer(maker(items), "application/rss+xml", etag=etag)
    return server.url(path)


def test_a_poll_imports_each_new_entry(news_server):
    feed = Feed.objects.create(url=serve_feed(news_server, STORIES[:2]))
    run = feed_poll(feed=feed)
    assert (run.kind, run.files, run.created) == ("feed", 2, 2)
    feed.refresh_from_db()
    assert (feed.title, feed.polls, feed.entries_seen) == ("Test Gazette", 1, 2)


def test_a_second_poll_imports_only_what_is_new(news_server):
    feed = Feed.objects.create(url=serve_feed(news_server, STORIES[:2]))
    feed_poll(feed=feed)
    serve_feed(news_server, STORIES)
    run = feed_poll(feed=Feed.objects.get())
    assert (run.files, run.created) == (1, 1)
    assert Article.objects.count() == 3
    assert news_server.hits[f"/news/{STORIES[0]}.html"] == 1  # not fetched again


def test_an_entry_seen_before_under_a_new_guid_is_known_by_its_link(news_server):
    feed = Feed.objects.create(url=serve_feed(news_server, STORIES[:1]))
    feed_poll(feed=feed)
    serve_feed(news_server, STORIES[:1], guid=lambda n: f"urn:v2:{n}")
    assert feed_poll(feed=Feed.objects.get()).files == 0


def test_an_unchanged_feed_is_answered_not_modified(news_server):
    feed = Feed.objects.create(url=serve_feed(news_server, STORIES[:1], etag='"v1"'))
    feed_poll(feed=feed)
    feed.refresh_from_db()
    assert feed.etag == '"v1"'
    run = feed_poll(feed=feed)
    assert (run.files, run.failed) == (0, 0)
    assert Feed.objects.get().polls == 2


def test_an_atom_feed_is_followed(news_server):
    url = serve_feed(news_server, STORIES[:2], path="/atom.xml", maker=atom)
    run = feed_poll(feed=Feed.objects.create(url=url))
    assert run.created == 2


def test_a_malformed_feed_is_flagged_and_backs_off(news_server):
    news_server.routes["/bad.xml"] = Answer(b"<html><p>Moved", "text/xml")
    feed = Feed.objects.create(url=news_server.url("/bad.xml"), poll_interval=timedelta(minutes=10))
    run = feed_poll(feed=feed)
    feed.refresh_from_db()
    assert run.failed == 1 and "not an RSS or Atom feed" in run.errors[0]["reason"]
    assert feed.is_failing and "not an RSS or Atom feed" in feed.last_error
    first_wait = feed.next_poll_at - timezone.now()
    feed_poll(feed=feed)
    feed.refresh_from_db()
    assert feed.failures == 2
    assert feed.next_poll_at - timezone.now() > first_wait + timedelta(minutes=10)


def test_a_dead_feed_does_not_stop_the_others(news_server):
    Feed.objects.create(url=news_server.url("/gone.xml"))
    Feed.objects.create(url=serve_feed(news_server, STORIES[:1]))
    assert feeds_poll_due() == 2
    dead, live = Feed.objects.order_by("url")
    assert "HTTP 404" in dead.last_error and not live.is_failing
    assert Article.objects.count() == 1


def test_a_feed_recovers_after_a_good_poll(news_server):
    feed = Feed.objects.create(url=serve_feed(news_server, STORIES[:1]), failures=4, last_error="x")
    feed_poll(feed=feed)
    feed.refresh_from_db()
    assert (feed.failures, feed.last_error, feed.is_failing) == (0, "", False)


def test_a_feed_is_claimed_once_per_interval(news_server):
    Feed.objects.create(url=news_server.url("/rss.xml"))
    assert len(feeds_claim_due()) == 1
    assert feeds_claim_due() == []


def test_inactive_feeds_are_not_polled(news_server):
    Feed.objects.create(url=serve_feed(news_server, STORIES[:1]), active=False)
    assert feeds_poll_due() == 0
    assert not ImportRun.objects.exists()
