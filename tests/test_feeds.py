"""RSS and Atom feeds and the sitemap, read with real parsers."""

import datetime as dt
import re
import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.utils import timezone

from articles.models import Article, Claim

from .factories import (
    ActorFactory,
    ApprovedClaimFactory,
    ArticleFactory,
    ClaimFactory,
    PublishedArticleFactory,
)

pytestmark = pytest.mark.django_db

FEEDS = [
    "/feeds/articles/rss/",
    "/feeds/articles/atom/",
    "/feeds/fact-checks/rss/",
    "/feeds/fact-checks/atom/",
]
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def content():
    published = PublishedArticleFactory(title="Allies meet online")
    claim = ApprovedClaimFactory(
        article=published,
        speaker=ActorFactory(name="Mark Rutte"),
        quote="31 member nations",
        rating=Claim.Rating.FALSE,
    )
    draft = ArticleFactory(title="Draft story")
    ApprovedClaimFactory(article=draft, quote="Approved on a draft")
    ClaimFactory(article=published, quote="Pending quote", fingerprint="p" * 64)
    retracted = ArticleFactory(
        title="Retracted story",
        status=Article.Status.RETRACTED,
        published_at=timezone.now() - dt.timedelta(days=1),
        retracted_at=timezone.now() - dt.timedelta(hours=1),
        retraction_reason="Wrong.",
    )
    return {"article": published, "claim": claim, "draft": draft, "retracted": retracted}


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.mark.parametrize("url", FEEDS)
def test_every_feed_parses_cleanly(client, content, url):
    feed = parse(client, url)
    assert feed.version in {"rss20", "atom10"}
    assert feed.feed.title.startswith("The Verification Desk")
    assert feed.entries


@pytest.mark.parametrize("url", FEEDS[:2])
def test_article_feeds_carry_published_articles_and_retractions(client, content, url):
    feed = parse(client, url)
    assert [e.title for e in feed.entries] == ["Allies meet online", "Retracted: Retracted story"]
    entry = feed.entries[0]
    assert entry.link == "http://testserver" + content["article"].get_absolute_url()
    assert entry.published_parsed
    retraction = feed.entries[1]
    assert retraction.link == "http://testserver" + content["retracted"].get_absolute_url()
    assert "retracted on" in retraction.summary and "Wrong." in retraction.summary
    assert [t.term for t in retraction.tags] == ["Retraction"]


@pytest.mark.parametrize("url", FEEDS[2:])
def test_fact_check_feeds_carry_only_approved_verdicts_on_published_articles(client, content, url):
    feed = parse(client, url)
    assert [e.title for e in feed.entries] == ["False: 31 member nations"]
    entry = feed.entries[0]
    assert entry.link == "http://testserver" + content["claim"].get_absolute_url()
    assert "Rating: False" in entry.summary and "Mark Rutte" in entry.summary
    assert content["claim"].verdict_summary in entry.summary
    assert [t.term for t in entry.tags] == ["False"]


def test_markup_in_an_article_is_text_in_the_feed(client):
    PublishedArticleFactory(body="He typed <script>alert(1)</script> into the page.")
    entry = parse(client, "/feeds/articles/rss/").entries[0]
    # Shown as text by a feed reader: escaped once more inside the HTML description.
    assert "&lt;script&gt;" in entry.summary


def test_the_pages_advertise_their_feeds(client, content):
    html = client.get("/").content.decode()
    for url in FEEDS:
        assert f'href="{url}"' in html


@pytest.mark.parametrize("url", FEEDS)
def test_feeds_need_a_bounded_number_of_queries(client, url, django_assert_max_num_queries):
    for _ in range(12):
        ApprovedClaimFactory(article=PublishedArticleFactory(), speaker=ActorFactory())
    with django_assert_max_num_queries(8):
        assert client.get(url).status_code == 200


# ---------------------------------------------------------------- sitemap


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {loc.text for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)}


def test_the_sitemap_lists_published_articles_fact_checks_and_speakers(client, content):
    locations = sitemap_locations(client)
    base = "http://testserver"
    assert base + content["article"].get_absolute_url() in locations
    assert base + content["claim"].get_absolute_url() in locations
    assert base + content["claim"].speaker.get_absolute_url() in locations
    assert base + "/" in locations and base + "/fact-checks/" in locations


def test_the_sitemap_leaves_out_everything_unpublished(client, content):
    locations = sitemap_locations(client)
    listed = "\n".join(locations)
    assert content["draft"].slug not in listed
    assert content["retracted"].slug not in listed
    fact_checks = {loc for loc in locations if re.search(r"/fact-checks/\d+/$", loc)}
    assert fact_checks == {"http://testserver" + content["claim"].get_absolute_url()}


def test_the_sitemap_needs_a_bounded_number_of_queries(
    client, content, django_assert_max_num_queries
):
    for _ in range(10):
        ApprovedClaimFactory(article=PublishedArticleFactory(), speaker=ActorFactory())
    with django_assert_max_num_queries(8):
        sitemap_locations(client)
