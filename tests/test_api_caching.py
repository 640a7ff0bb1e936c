"""Paging, conditional GET (ETag, Last-Modified, 304) and anonymous throttling."""

import pytest
from django.core.cache import cache
from django.utils import timezone
from django.utils.http import http_date
from rest_framework.test import APIClient

from articles.models import Actor, Claim

from .factories import (
    ActorFactory,
    ActorMentionFactory,
    ApprovedClaimFactory,
    ClaimFactory,
    PublishedArticleFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return APIClient()


@pytest.fixture
def claim():
    article = PublishedArticleFactory(slug="nato-summit")
    actor = ActorFactory(slug="john-smith")
    ActorMentionFactory(article=article, actor=actor)
    return ApprovedClaimFactory(article=article, speaker=actor)


READS = [
    "/api/v1/articles/",
    "/api/v1/articles/nato-summit/",
    "/api/v1/claims/",
    "/api/v1/actors/",
    "/api/v1/actors/john-smith/",
]


# ---------------------------------------------------------------- paging


def test_list_is_paged_with_count_next_and_previous(client):
    for _ in range(5):
        PublishedArticleFactory()
    first = client.get("/api/v1/articles/", {"page_size": 2}).json()
    assert first["count"] == 5
    assert len(first["results"]) == 2
    assert first["previous"] is None
    assert "page=2" in first["next"]
    last = client.get("/api/v1/articles/", {"page_size": 2, "page": 3}).json()
    assert len(last["results"]) == 1
    assert last["next"] is None


def test_page_size_is_bounded(client):
    for _ in range(101):
        PublishedArticleFactory(body="Short. Body.")
    assert len(client.get("/api/v1/articles/", {"page_size": 100}).json()["results"]) == 100
    assert client.get("/api/v1/articles/", {"page_size": 1000}).status_code == 400


def test_page_past_the_end_is_404(client, claim):
    response = client.get("/api/v1/claims/", {"page": 9})
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


# ---------------------------------------------------------------- conditional GET


@pytest.mark.parametrize("url", [*READS, "claim"])
def test_reads_carry_etag_and_last_modified(client, claim, url):
    if url == "claim":
        url = f"/api/v1/claims/{claim.pk}/claimreview/"
    response = client.get(url)
    assert response.status_code == 200
    assert response["ETag"]
    assert response["Last-Modified"]
    assert "Authorization" in response["Vary"]


@pytest.mark.parametrize("url", READS)
def test_matching_etag_answers_304(client, claim, url):
    etag = client.get(url)["ETag"]
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response["ETag"] == etag
    assert not response.content


def test_if_modified_since_answers_304(client, claim):
    last_modified = client.get("/api/v1/claims/")["Last-Modified"]
    response = client.get("/api/v1/claims/", HTTP_IF_MODIFIED_SINCE=last_modified)
    assert response.status_code == 304


def test_an_old_date_gets_the_full_answer(client, claim):
    response = client.get("/api/v1/claims/", HTTP_IF_MODIFIED_SINCE=http_date(0))
    assert response.status_code == 200


def test_not_modified_list_costs_no_more_than_the_page(client, claim, django_assert_num_queries):
    etag = client.get("/api/v1/articles/")["ETag"]
    # The count, the page, the actors: the same few queries however long the table.
    with django_assert_num_queries(3):
        assert client.get("/api/v1/articles/", HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_approving_a_claim_changes_the_article_list_etag(client, claim):
    pending = ClaimFactory(article=claim.article, start=1)
    etag = client.get("/api/v1/articles/")["ETag"]
    Claim.objects.filter(pk=pending.pk).update(
        status=Claim.Status.APPROVED, rating=Claim.Rating.TRUE
    )
    pending.refresh_from_db()
    pending.save()  # the services save, which stamps updated_at
    response = client.get("/api/v1/articles/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response.json()["results"][0]["claims_count"] == 2


def test_renaming_an_actor_changes_the_article_list_etag(client, claim):
    etag = client.get("/api/v1/articles/")["ETag"]
    actor = Actor.objects.get(slug="john-smith")
    actor.name = "John Q. Smith"
    actor.save()
    assert client.get("/api/v1/articles/", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_a_new_public_alias_changes_the_actor_list_etag(client, claim):
    etag = client.get("/api/v1/actors/")["ETag"]
    Actor.objects.get(slug="john-smith").aliases.create(name="Smithy", public=True)
    assert client.get("/api/v1/actors/", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_an_alias_only_a_draft_used_leaves_the_public_etag_alone(client, claim):
    etag = client.get("/api/v1/actors/")["ETag"]
    Actor.objects.get(slug="john-smith").aliases.create(name="Smithy")  # not public
    assert client.get("/api/v1/actors/", HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_staff_and_anonymous_etags_differ(client, claim, editor):
    ClaimFactory(article=claim.article, start=1)
    anonymous = client.get("/api/v1/articles/nato-summit/")["ETag"]
    client.force_authenticate(editor)
    response = client.get("/api/v1/articles/nato-summit/", HTTP_IF_NONE_MATCH=anonymous)
    assert response.status_code == 200
    assert len(response.json()["claims"]) == 2


# ---------------------------------------------------------------- throttling


@pytest.fixture
def tight_throttle(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "2/minute"},
    }
    cache.clear()
    yield
    cache.clear()


def test_anonymous_use_is_throttled(client, tight_throttle):
    assert client.get("/api/v1/articles/").status_code == 200
    assert client.get("/api/v1/articles/").status_code == 200
    response = client.get("/api/v1/articles/")
    assert response.status_code == 429
    assert response.json()["code"] == "throttled"
    assert int(response["Retry-After"]) > 0


def test_signed_in_use_is_not_throttled(client, tight_throttle, editor):
    client.force_authenticate(editor)
    assert all(client.get("/api/v1/articles/").status_code == 200 for _ in range(4))


def test_a_list_page_counts_its_rows_once(client, claim, django_assert_num_queries):
    # The count, the page, the actors.
    with django_assert_num_queries(3):
        assert client.get("/api/v1/articles/").json()["count"] == 1


def test_a_verdict_brings_its_article_and_speaker_into_updated_since(client, claim, editor):
    from articles.services import workflow as wf

    from .factories import UserFactory

    since = client.get("/api/v1/articles/").json()["results"][0]["updated_at"]
    checker = UserFactory(username="checker", groups=["Fact-checker"])
    pending = ClaimFactory(article=claim.article, start=1, speaker=claim.speaker)
    wf.claim_assign(claim=pending, by=checker)
    wf.claim_propose_verdict(
        claim=pending, by=checker, rating="true", summary="Right.",
        sources=[{"url": "https://example.org/a", "title": "A source"}],
    )
    wf.claim_approve(claim=pending, by=editor)
    changed = client.get("/api/v1/articles/", {"updated_since": since}).json()
    assert [a["slug"] for a in changed["results"]] == ["nato-summit"]
    assert changed["results"][0]["updated_at"] > since
    record = client.get("/api/v1/actors/john-smith/").json()["verdict_record"]
    assert (record["true"], record["false"]) == (1, 1)


def test_a_published_fuller_name_brings_the_actors_articles_into_updated_since(
    client, claim
):
    from articles.extraction import ExtractedActor, Mention
    from articles.models import ActorMention
    from articles.services.actors import ActorRegistry, actors_make_public

    actor = Actor.objects.get(slug="john-smith")
    actor.name = "John Smith"
    actor.save()
    actor.aliases.create(name="John Smith")  # as the importer records a name
    since = timezone.now().isoformat()
    for url in ("/api/v1/articles/", "/api/v1/claims/"):
        assert client.get(url, {"updated_since": since}).json()["results"] == []
    # A later article calls him by a fuller form, with the known one as an alias.
    fuller = ExtractedActor(
        name="Sir John Smith", kind="person", aliases=["John Smith"], mentions=[Mention(0, 4, "x")]
    )
    registry = ActorRegistry([[fuller]])
    registry.link([fuller])
    registry.save()
    later = PublishedArticleFactory(slug="later-story")
    ActorMention.objects.create(
        article=later, actor=actor, count=1, offsets=[[0, 4]], forms=[fuller.name, "John Smith"]
    )
    actors_make_public(articles=[later.pk])  # as publishing the later article does

    changed = client.get("/api/v1/articles/", {"updated_since": since}).json()["results"]
    assert {a["slug"] for a in changed} == {"nato-summit", "later-story"}
    assert {a["actors"][0]["name"] for a in changed} == {"Sir John Smith"}
    claims = client.get("/api/v1/claims/", {"updated_since": since}).json()["results"]
    assert [c["speaker"]["name"] for c in claims] == ["Sir John Smith"]
