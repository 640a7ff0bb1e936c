"""The home page: the latest published articles, paged."""

import datetime as dt

import pytest
from django.utils import timezone

from articles.models import Article
from articles.views import ARTICLES_PER_PAGE

from .factories import ApprovedClaimFactory, ArticleFactory, ClaimFactory, PublishedArticleFactory

pytestmark = pytest.mark.django_db


def test_the_latest_published_articles_come_first(client):
    now = timezone.now()
    PublishedArticleFactory(title="Older story", published_at=now - dt.timedelta(days=2))
    PublishedArticleFactory(title="Newer story", published_at=now)
    html = client.get("/").content.decode()
    assert html.index("Newer story") < html.index("Older story")


def test_drafts_articles_in_review_and_retracted_articles_are_not_listed(client):
    PublishedArticleFactory(title="Published story")
    ArticleFactory(title="Draft story")
    ArticleFactory(title="Story in review", status=Article.Status.IN_REVIEW)
    ArticleFactory(
        title="Retracted story",
        status=Article.Status.RETRACTED,
        published_at=timezone.now(),
        retraction_reason="Wrong.",
    )
    html = client.get("/").content.decode()
    assert "Published story" in html
    assert "Draft story" not in html
    assert "Story in review" not in html
    assert "Retracted story" not in html


def test_articles_are_paged(client):
    now = timezone.now()
    for n in range(ARTICLES_PER_PAGE + 2):
        PublishedArticleFactory(title=f"Story {n:02d}", published_at=now - dt.timedelta(hours=n))
    first = client.get("/").content.decode()
    second = client.get("/?page=2").content.decode()
    assert "Story 00" in first and f"Story {ARTICLES_PER_PAGE:02d}" not in first
    assert f"Story {ARTICLES_PER_PAGE:02d}" in second and "Story 00" not in second
    assert 'rel="next"' in first and 'rel="prev"' in second
    # A page number out of range is the last page, not an error.
    assert client.get("/?page=99").status_code == 200


def test_each_article_shows_its_number_of_fact_checks_and_recent_verdicts_are_listed(client):
    claim = ApprovedClaimFactory(article=PublishedArticleFactory(), quote="31 member nations")
    ClaimFactory(article=claim.article, fingerprint="p" * 64)  # pending: not counted
    html = client.get("/").content.decode()
    assert "1 fact-check<" in html
    assert "Recent fact-checks" in html and "31 member nations" in html


def test_recent_fact_checks_are_the_five_latest_verdicts_newest_first(client):
    now = timezone.now()
    for hours in range(7):
        ApprovedClaimFactory(
            article=PublishedArticleFactory(),
            quote=f"verdict given {hours} hours ago",
            reviewed_at=now - dt.timedelta(hours=hours),
        )
    # Claims awaiting review have no verdict time; they must not crowd out verdicts.
    for _ in range(3):
        ClaimFactory(article=PublishedArticleFactory())
    html = client.get("/").content.decode()
    shown = [f"verdict given {hours} hours ago" for hours in range(5)]
    assert [html.index(quote) for quote in shown] == sorted(html.index(q) for q in shown)
    assert "verdict given 5 hours ago" not in html


def test_the_home_page_needs_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    for _ in range(ARTICLES_PER_PAGE + 3):
        ApprovedClaimFactory(article=PublishedArticleFactory())
    with django_assert_max_num_queries(8):
        assert client.get("/").status_code == 200
