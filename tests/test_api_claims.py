"""GET /api/v1/claims/, /api/v1/claims/{id}/ and /api/v1/claims/{id}/claimreview/."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from articles.models import Claim

from .factories import (
    ActorFactory,
    ApprovedClaimFactory,
    ArticleFactory,
    ClaimFactory,
    PublishedArticleFactory,
)

pytestmark = pytest.mark.django_db

URL = "/api/v1/claims/"


@pytest.fixture
def client():
    return APIClient()


@pytest.fixture
def staff_client(factchecker):
    client = APIClient()
    client.force_authenticate(factchecker)
    return client


@pytest.fixture
def article():
    return PublishedArticleFactory(slug="nato-summit", title="NATO summit")


@pytest.fixture
def smith():
    return ActorFactory(name="John Smith", slug="john-smith")


@pytest.fixture
def approved(article, smith):
    return ApprovedClaimFactory(article=article, speaker=smith, quote="31 member nations")


def ids(response):
    return [item["id"] for item in response.json()["results"]]


def test_claim_has_every_field_a_consumer_reads(client, approved, settings):
    data = client.get(f"{URL}{approved.pk}/").json()
    assert data == {
        "id": approved.pk,
        "article": "nato-summit",
        "kind": "factual",
        "text": approved.text,
        "quote": "31 member nations",
        "speaker": {"slug": "john-smith", "name": "John Smith"},
        "start": approved.start,
        "end": approved.end,
        "checkworthiness": 0.8,
        "status": "approved",
        "rating": "false",
        "verdict_summary": approved.verdict_summary,
        "sources": approved.sources,
        "reviewed_at": data["reviewed_at"],
        "verdict_updated_at": None,
        "verdict_update_note": "",
        "reopened": False,
        "superseded": False,
        "superseded_by": None,
        "version": approved.version,
        "url": f"{settings.NEWSROOM_SITE_URL}/fact-checks/{approved.pk}/",
    }
    assert data["reviewed_at"]


def test_claim_without_speaker_has_null_speaker(client, article):
    claim = ApprovedClaimFactory(article=article)
    assert client.get(f"{URL}{claim.pk}/").json()["speaker"] is None


def test_anonymous_list_shows_public_claims_only(client, approved, article):
    ClaimFactory(article=article, start=1)  # not reviewed
    ApprovedClaimFactory(article=ArticleFactory())  # approved, on a draft
    assert ids(client.get(URL)) == [approved.pk]


@pytest.mark.parametrize(
    "status", [Claim.Status.NEW, Claim.Status.IN_REVIEW, Claim.Status.PROPOSED]
)
def test_claim_without_approved_verdict_is_404_for_anonymous(client, article, status):
    claim = ClaimFactory(article=article, status=status, rating="false")
    response = client.get(f"{URL}{claim.pk}/")
    assert response.status_code == 404
    assert client.get(f"{URL}{claim.pk}/claimreview/").status_code == 404


def test_approved_claim_on_a_draft_is_404_for_anonymous(client):
    claim = ApprovedClaimFactory(article=ArticleFactory())
    assert client.get(f"{URL}{claim.pk}/").status_code == 404


def test_staff_see_every_claim_and_filter_by_status(staff_client, approved, article):
    pending = ClaimFactory(article=article, start=1, status=Claim.Status.IN_REVIEW)
    assert set(ids(staff_client.get(URL))) == {approved.pk, pending.pk}
    assert ids(staff_client.get(URL, {"status": "in_review"})) == [pending.pk]


def test_filters(client, approved, article, smith):
    other = ApprovedClaimFactory(
        article=PublishedArticleFactory(slug="other"),
        rating=Claim.Rating.TRUE,
        kind=Claim.Kind.QUOTE,
        checkworthiness=0.3,
    )
    assert ids(client.get(URL, {"rating": "true"})) == [other.pk]
    assert ids(client.get(URL, {"speaker": "john-smith"})) == [approved.pk]
    assert ids(client.get(URL, {"article": "other"})) == [other.pk]
    assert ids(client.get(URL, {"kind": "quote"})) == [other.pk]
    assert ids(client.get(URL, {"min_checkworthiness": 0.5})) == [approved.pk]


def test_filter_updated_since(client, approved):
    earlier = (timezone.now() - timedelta(hours=1)).isoformat()
    later = (timezone.now() + timedelta(hours=1)).isoformat()
    assert ids(client.get(URL, {"updated_since": earlier})) == [approved.pk]
    assert ids(client.get(URL, {"updated_since": later})) == []


def test_unknown_rating_is_400(client, approved):
    response = client.get(URL, {"rating": "pants-on-fire"})
    assert response.status_code == 400
    assert "rating" in response.json()["errors"]


def test_checkworthiness_out_of_range_is_400(client, approved):
    assert client.get(URL, {"min_checkworthiness": 2}).status_code == 400


def test_latest_verdict_first(client, article):
    old = ApprovedClaimFactory(article=article, reviewed_at=timezone.now() - timedelta(days=2))
    new = ApprovedClaimFactory(article=article, start=1)
    assert ids(client.get(URL)) == [new.pk, old.pk]


def test_list_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for _ in range(30):
        ApprovedClaimFactory(article=PublishedArticleFactory(), speaker=ActorFactory())
    for page_size in (1, 30, 100):
        with django_assert_max_num_queries(6):
            response = client.get(URL, {"page_size": page_size})
        assert len(response.json()["results"]) == min(page_size, 30)


# ---------------------------------------------------------------- ClaimReview


def test_claimreview_is_json_ld(client, approved, settings):
    response = client.get(f"{URL}{approved.pk}/claimreview/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    review = response.json()
    assert review["@type"] == "ClaimReview"
    assert review["url"] == f"{settings.NEWSROOM_SITE_URL}/fact-checks/{approved.pk}/"
    assert review["claimReviewed"] == "31 member nations"
    assert review["reviewRating"]["ratingValue"] == 1
    assert review["reviewRating"]["bestRating"] == 5
    assert review["itemReviewed"]["author"]["name"] == "John Smith"
    appearance = review["itemReviewed"]["appearance"]
    assert appearance["url"] == f"{settings.NEWSROOM_SITE_URL}/articles/nato-summit/"


def test_claimreview_is_the_shared_builders(client, approved):
    from articles.claimreview import claim_review

    response = client.get(f"{URL}{approved.pk}/claimreview/")
    assert response.json() == claim_review(approved)


def test_claimreview_of_unverifiable_carries_its_name_only(client, article):
    claim = ApprovedClaimFactory(article=article, rating=Claim.Rating.UNVERIFIABLE)
    rating = client.get(f"{URL}{claim.pk}/claimreview/").json()["reviewRating"]
    assert rating == {"@type": "Rating", "alternateName": "Unverifiable"}


def test_claimreview_also_answers_plain_json(client, approved):
    response = client.get(f"{URL}{approved.pk}/claimreview/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
