"""The issue's acceptance story, end to end over HTTP: a consumer with a token
and the schema lists an actor's published articles since a date, fetches one
with its claims and reads a claim's ClaimReview; a fact-checker's token takes
and proposes, an editor's approves and publishes."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from .conftest import PASSWORD
from .factories import (
    ActorFactory,
    ActorMentionFactory,
    ApprovedClaimFactory,
    ArticleFactory,
    ClaimFactory,
    PublishedArticleFactory,
)

pytestmark = pytest.mark.django_db


def signed_in(username: str) -> APIClient:
    response = APIClient().post(
        "/api/v1/auth/token/", {"username": username, "password": PASSWORD}, format="json"
    )
    assert response.status_code == 200
    return APIClient(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")


def test_a_consumer_reads_an_actors_fact_checks(editor):
    smith = ActorFactory(name="John Smith", slug="john-smith")
    recent = PublishedArticleFactory(slug="recent")
    old = PublishedArticleFactory(slug="old", published_at=timezone.now() - timedelta(days=30))
    for article in (recent, old):
        ActorMentionFactory(article=article, actor=smith)
    claim = ApprovedClaimFactory(article=recent, speaker=smith)
    client = signed_in("editor")

    operations = client.get("/api/v1/schema/?format=json").json()["paths"]
    listing = {p["name"] for p in operations["/api/v1/articles/"]["get"]["parameters"]}
    assert {"actor", "published_after"} <= listing

    since = (timezone.now() - timedelta(days=7)).date().isoformat()
    page = client.get("/api/v1/articles/", {"actor": "john-smith", "published_after": since})
    assert [a["slug"] for a in page.json()["results"]] == ["recent"]

    article = client.get("/api/v1/articles/recent/").json()
    assert [c["id"] for c in article["claims"]] == [claim.pk]

    review = client.get(f"/api/v1/claims/{claim.pk}/claimreview/").json()
    assert review["@type"] == "ClaimReview"
    assert review["itemReviewed"]["author"]["name"] == "John Smith"


def test_the_desk_checks_and_publishes_over_the_api(factchecker, editor):
    claim = ClaimFactory(article=ArticleFactory(slug="story"))
    checker, desk = signed_in("factchecker"), signed_in("editor")

    blocked = desk.post("/api/v1/articles/story/publish/")
    assert (blocked.status_code, blocked.json()["blocking_claims"]) == (400, [claim.pk])

    assert checker.post(f"/api/v1/claims/{claim.pk}/assign/").status_code == 200
    proposed = checker.post(
        f"/api/v1/claims/{claim.pk}/verdict/",
        {
            "rating": "mostly-true",
            "summary": "Close: NATO had 31 members until March 2024.",
            "sources": [{"url": "https://www.nato.int/", "title": "NATO"}],
        },
        format="json",
    )
    assert proposed.json()["status"] == "proposed"
    assert checker.post(f"/api/v1/claims/{claim.pk}/approve/").status_code == 403

    version = proposed.json()["version"]
    approved = desk.post(f"/api/v1/claims/{claim.pk}/approve/", {"version": version})
    assert approved.json()["status"] == "approved"
    assert desk.post("/api/v1/articles/story/publish/").json()["status"] == "published"

    review = APIClient().get(f"/api/v1/claims/{claim.pk}/claimreview/").json()
    assert review["reviewRating"]["ratingValue"] == 4


def test_a_consumer_starting_at_the_root_finds_every_resource_and_the_schema():
    client = APIClient()
    root = client.get("/api/v1/")
    assert root.status_code == 200 and root["Content-Type"].startswith("application/json")
    links = root.json()
    assert set(links) == {"articles", "claims", "actors", "token", "schema", "docs"}
    for name in ("articles", "claims", "actors", "schema"):
        assert client.get(links[name]).status_code == 200, name
    assert links["articles"] == "http://testserver/api/v1/articles/"
