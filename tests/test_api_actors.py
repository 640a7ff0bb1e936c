"""GET /api/v1/actors/ and /api/v1/actors/{slug}/."""

import pytest
from rest_framework.test import APIClient

from articles.models import Claim

from .factories import (
    ActorAliasFactory,
    ActorFactory,
    ActorMentionFactory,
    ApprovedClaimFactory,
    ArticleFactory,
    ClaimFactory,
    PublishedArticleFactory,
)

pytestmark = pytest.mark.django_db

URL = "/api/v1/actors/"
NO_VERDICTS = {rating: 0 for rating in Claim.Rating.values}


@pytest.fixture
def client():
    return APIClient()


@pytest.fixture
def staff_client(reporter):
    client = APIClient()
    client.force_authenticate(reporter)
    return client


@pytest.fixture
def smith():
    """Named in a published article, with public, pending and unpublished verdicts."""
    actor = ActorFactory(name="John Smith", slug="john-smith", role="Minister")
    ActorAliasFactory(actor=actor, name="Mr Smith")
    ActorAliasFactory(actor=actor, name="John Smith")  # the name itself is no alias
    article = PublishedArticleFactory()
    ActorMentionFactory(article=article, actor=actor)
    ApprovedClaimFactory(article=article, speaker=actor, rating=Claim.Rating.FALSE)
    ApprovedClaimFactory(article=article, speaker=actor, rating=Claim.Rating.FALSE, start=1)
    ApprovedClaimFactory(article=article, speaker=actor, rating=Claim.Rating.TRUE, start=2)
    ClaimFactory(article=article, speaker=actor, start=3)
    ApprovedClaimFactory(article=ArticleFactory(), speaker=actor, rating=Claim.Rating.MIXED)
    return actor


@pytest.fixture
def unseen():
    """Named only in a draft."""
    actor = ActorFactory(name="Jane Draft", slug="jane-draft")
    ActorMentionFactory(article=ArticleFactory(), actor=actor)
    return actor


def slugs(response):
    return [item["slug"] for item in response.json()["results"]]


def test_actor_has_name_kind_role_aliases_and_record(client, smith, settings):
    data = client.get(f"{URL}john-smith/").json()
    assert data == {
        "slug": "john-smith",
        "name": "John Smith",
        "kind": "person",
        "role": "Minister",
        "aliases": ["Mr Smith"],
        "verdict_record": {**NO_VERDICTS, "false": 2, "true": 1},
        "url": f"{settings.NEWSROOM_SITE_URL}/actors/john-smith/",
    }


def test_staff_record_counts_approved_claims_on_unpublished_articles(staff_client, smith):
    record = staff_client.get(f"{URL}john-smith/").json()["verdict_record"]
    assert record == {**NO_VERDICTS, "false": 2, "true": 1, "mixed": 1}


def test_anonymous_see_actors_of_published_articles_only(client, smith, unseen):
    assert slugs(client.get(URL)) == ["john-smith"]
    assert client.get(f"{URL}jane-draft/").status_code == 404


def test_staff_see_every_actor(staff_client, smith, unseen):
    assert slugs(staff_client.get(URL)) == ["jane-draft", "john-smith"]


def test_filter_by_kind(client, smith):
    nato = ActorFactory(name="NATO", slug="nato", kind="organization")
    ActorMentionFactory(actor=nato)
    assert slugs(client.get(URL, {"kind": "organization"})) == ["nato"]


def test_search_finds_names_and_aliases(client, smith):
    assert slugs(client.get(URL, {"search": "mr smi"})) == ["john-smith"]
    assert slugs(client.get(URL, {"search": "john"})) == ["john-smith"]
    assert slugs(client.get(URL, {"search": "nobody"})) == []


def test_list_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for _ in range(30):
        actor = ActorFactory()
        ActorAliasFactory(actor=actor)
        mention = ActorMentionFactory(actor=actor)
        ApprovedClaimFactory(article=mention.article, speaker=actor)
    for page_size in (1, 30, 100):
        with django_assert_max_num_queries(6):
            response = client.get(URL, {"page_size": page_size})
        results = response.json()["results"]
        assert len(results) == min(page_size, 30)
        assert all(item["verdict_record"]["false"] == 1 for item in results)
