"""The ClaimReview builder shared by the API and the reader's claim page."""

import json

import pytest

from articles.claimreview import claim_review
from articles.models import Actor, Claim

from .factories import ActorFactory, ApprovedClaimFactory, PublishedArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim():
    article = PublishedArticleFactory(slug="nato-story", title="NATO story")
    speaker = ActorFactory(name="John Smith", slug="john-smith")
    return ApprovedClaimFactory(article=article, speaker=speaker)


def test_urls_are_absolute_on_the_site_url(claim, settings):
    settings.NEWSROOM_SITE_URL = "https://desk.example.org"
    review = claim_review(claim)
    assert review["url"] == f"https://desk.example.org/fact-checks/{claim.pk}/"
    appearance = review["itemReviewed"]["appearance"]
    assert appearance["url"] == "https://desk.example.org/articles/nato-story/"


def test_base_url_overrides_the_site_url(claim):
    review = claim_review(claim, base_url="http://testserver/")
    assert review["url"] == f"http://testserver/fact-checks/{claim.pk}/"


def test_false_rates_one_of_five(claim):
    rating = claim_review(claim)["reviewRating"]
    assert rating == {
        "@type": "Rating",
        "ratingValue": 1,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "False",
    }


@pytest.mark.parametrize(
    ("rating", "value"),
    [
        (Claim.Rating.FALSE, 1),
        (Claim.Rating.MOSTLY_FALSE, 2),
        (Claim.Rating.MIXED, 3),
        (Claim.Rating.MOSTLY_TRUE, 4),
        (Claim.Rating.TRUE, 5),
    ],
)
def test_ratings_run_from_false_to_true(claim, rating, value):
    claim.rating = rating
    assert claim_review(claim)["reviewRating"]["ratingValue"] == value


def test_unverifiable_carries_its_name_only(claim):
    claim.rating = Claim.Rating.UNVERIFIABLE
    assert claim_review(claim)["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "Unverifiable",
    }


def test_the_newsroom_is_the_author(claim, settings):
    settings.NEWSROOM_NAME = "Desk Weekly"
    author = claim_review(claim)["author"]
    assert author["@type"] == "Organization"
    assert author["name"] == "Desk Weekly"


def test_the_speaker_is_the_claims_author(claim):
    item = claim_review(claim)["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {"@type": "Person", "name": "John Smith"}


def test_an_organisation_speaker_is_an_organization(claim):
    claim.speaker.kind = Actor.Kind.ORGANIZATION
    assert claim_review(claim)["itemReviewed"]["author"]["@type"] == "Organization"


def test_a_claim_without_speaker_has_no_author(claim):
    claim.speaker = None
    assert "author" not in claim_review(claim)["itemReviewed"]


def test_claim_reviewed_is_the_quote_when_there_is_one(claim):
    assert claim_review(claim)["claimReviewed"] == claim.text
    claim.quote = "the figure was right"
    assert claim_review(claim)["claimReviewed"] == "the figure was right"


def test_date_published_is_the_review_date(claim):
    assert claim_review(claim)["datePublished"] == claim.reviewed_at.date().isoformat()


def test_it_serialises_to_json(claim):
    data = json.loads(json.dumps(claim_review(claim)))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "ClaimReview"
    assert data["reviewBody"] == claim.verdict_summary
