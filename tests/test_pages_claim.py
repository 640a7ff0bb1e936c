"""The claim page, the canonical URL of a fact-check, and its ClaimReview JSON-LD."""

import datetime as dt
import json
import re

import pytest
from django.utils import timezone

from articles.claimreview import claim_review
from articles.models import Article, Claim

from .factories import (
    ActorFactory,
    ApprovedClaimFactory,
    ArticleFactory,
    ClaimFactory,
    PublishedArticleFactory,
)

pytestmark = pytest.mark.django_db


def json_ld(response):
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    assert len(blocks) == 1
    return json.loads(blocks[0])


def keys(data, prefix=""):
    """Every property path in a JSON-LD tree ("itemReviewed.author.name")."""
    found = set()
    for key, value in data.items():
        path = f"{prefix}{key}"
        found.add(path)
        if isinstance(value, dict):
            found |= keys(value, path + ".")
    return found


@pytest.fixture
def claim():
    speaker = ActorFactory(name="Donald Trump", role="President")
    article = PublishedArticleFactory(title="Allies meet online", dateline=dt.date(2025, 8, 17))
    return ApprovedClaimFactory(
        article=article, speaker=speaker, quote="31 member nations", rating=Claim.Rating.FALSE
    )


def test_the_claim_page_shows_claim_speaker_article_rating_summary_sources_and_dates(client, claim):
    response = client.get(claim.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "31 member nations" in html
    assert f'href="{claim.speaker.get_absolute_url()}">Donald Trump</a>' in html
    assert f'{claim.article.get_absolute_url()}#verdict-{claim.pk}">Allies meet online</a>' in html
    assert 'class="rating rating--false rating--large"' in html and ">False</span>" in html
    assert claim.verdict_summary in html
    assert 'href="https://www.nato.int/cps/en/natohq/topics_52044.htm"' in html
    assert "Verdict published" in html and "17 August 2025" in html
    # The full sentence is shown when the claim is a quote inside it.
    assert "In context" in html


def test_the_json_ld_is_the_claimreview_the_api_publishes(client, claim):
    data = json_ld(client.get(claim.get_absolute_url()))
    assert data == json.loads(json.dumps(claim_review(claim)))
    assert keys(data) == keys(claim_review(claim))
    assert data["@type"] == "ClaimReview"
    assert data["reviewRating"]["alternateName"] == "False"
    assert data["itemReviewed"]["author"]["name"] == "Donald Trump"


def test_the_json_ld_cannot_close_its_script_block(client):
    article = PublishedArticleFactory(
        body="He said </script><script>alert(1)</script> loudly. " + "x" * 10
    )
    claim = ApprovedClaimFactory(article=article, end=article.body.index("loudly.") + 7)
    response = client.get(claim.get_absolute_url())
    html = response.content.decode()
    assert "</script><script>alert(1)" not in html
    assert json_ld(response)["claimReviewed"] == claim.text


def test_the_canonical_link_is_the_claimreview_url(client, claim):
    html = client.get(claim.get_absolute_url()).content.decode()
    assert f'<link rel="canonical" href="{claim_review(claim)["url"]}">' in html


@pytest.mark.parametrize(
    "status",
    [Claim.Status.NEW, Claim.Status.IN_REVIEW, Claim.Status.PROPOSED, Claim.Status.DISMISSED],
)
def test_a_claim_without_an_approved_verdict_is_not_found(client, status):
    claim = ClaimFactory(
        article=PublishedArticleFactory(),
        status=status,
        rating=Claim.Rating.TRUE if status == Claim.Status.PROPOSED else "",
    )
    assert client.get(claim.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("status", [Article.Status.DRAFT, Article.Status.IN_REVIEW])
def test_an_approved_claim_on_an_unpublished_article_is_not_found(client, status):
    claim = ApprovedClaimFactory(article=ArticleFactory(status=status))
    assert client.get(claim.get_absolute_url()).status_code == 404


def test_a_verdict_on_a_retracted_article_says_so_without_claimreview(client):
    article = ArticleFactory(
        status=Article.Status.RETRACTED,
        published_at=timezone.now(),
        retracted_at=timezone.now(),
        retraction_reason="Sourcing failed.",
    )
    claim = ApprovedClaimFactory(article=article)
    response = client.get(claim.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 410
    assert "The article was retracted" in html and "Sourcing failed." in html
    assert "ClaimReview" not in html  # no rich result for a withdrawn story


def test_the_claim_page_needs_a_bounded_number_of_queries(
    client, claim, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        assert client.get(claim.get_absolute_url()).status_code == 200


def test_the_json_ld_carries_every_property_of_the_api_claimreview(client, claim):
    api = client.get(f"/api/v1/claims/{claim.pk}/claimreview/", HTTP_ACCEPT="application/json")
    assert api.status_code == 200
    page = json_ld(client.get(claim.get_absolute_url()))
    assert keys(page) == keys(api.json())
    assert page == api.json()
