"""The issue's acceptance, end to end: the seed imported through the importer,
one verdict (on "31 member nations") proposed and approved through the
workflow, the article published; a reader then finds it everywhere."""

import json
import re

import feedparser
import pytest

from articles.claimreview import claim_review
from articles.models import Claim
from articles.services import workflow

pytestmark = pytest.mark.django_db

NEEDLE = "31 member nations"


@pytest.fixture
def published_seed(seed_article, factchecker, editor):
    claim = seed_article.claims.get(text__contains=NEEDLE)
    workflow.claim_assign(claim=claim, by=factchecker)
    workflow.claim_propose_verdict(
        claim=claim,
        by=factchecker,
        rating=Claim.Rating.FALSE,
        summary="NATO has had 32 members since Sweden joined on 7 March 2024.",
        sources=[{"url": "https://www.nato.int/cps/en/natohq/topics_52044.htm", "title": "NATO"}],
    )
    workflow.claim_approve(claim=claim, by=editor)
    for other in workflow.article_blocking_claims(seed_article):
        workflow.claim_dismiss(claim=other, by=editor, reason="Not checked for this story.")
    workflow.article_publish(article=seed_article, by=editor)
    claim.refresh_from_db()
    return claim


def test_the_reader_sees_the_verdict_marked_in_the_text(client, published_seed):
    html = client.get(published_seed.article.get_absolute_url()).content.decode()
    mark = re.search(rf'<mark [^>]*data-claims="{published_seed.pk}">(.*?)</mark>', html).group(1)
    assert NEEDLE in mark
    flag = re.search(rf'<a [^>]*id="flag-{published_seed.pk}"[^>]*>.*?</a>', html).group()
    assert f'href="#verdict-{published_seed.pk}"' in flag and "False" in flag
    # Only the approved verdict is marked; dismissed claims are not.
    assert html.count("<mark") == 1


def test_its_claim_page_carries_the_claimreview(client, published_seed):
    response = client.get(published_seed.get_absolute_url())
    assert response.status_code == 200
    block = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    assert json.loads(block.group(1)) == json.loads(json.dumps(claim_review(published_seed)))


def test_it_is_in_the_feeds_and_the_sitemap(client, published_seed):
    articles = feedparser.parse(client.get("/feeds/articles/atom/").content)
    checks = feedparser.parse(client.get("/feeds/fact-checks/rss/").content)
    assert [e.link for e in articles.entries] == [
        "http://testserver" + published_seed.article.get_absolute_url()
    ]
    assert [e.link for e in checks.entries] == [
        "http://testserver" + published_seed.get_absolute_url()
    ]
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"<loc>http://testserver{published_seed.article.get_absolute_url()}</loc>" in sitemap
    assert f"<loc>http://testserver{published_seed.get_absolute_url()}</loc>" in sitemap
