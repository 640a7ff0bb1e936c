"""GET /api/v1/articles/ and /api/v1/articles/{slug}/."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from articles.models import Article, Claim

from .factories import (
    ActorFactory,
    ActorMentionFactory,
    ApprovedClaimFactory,
    ArticleFactory,
    ClaimFactory,
    CorrectionFactory,
    PublishedArticleFactory,
)

pytestmark = pytest.mark.django_db

URL = "/api/v1/articles/"


@pytest.fixture
def client():
    return APIClient()


@pytest.fixture
def staff_client(editor):
    client = APIClient()
    client.force_authenticate(editor)
    return client


@pytest.fixture
def published():
    article = PublishedArticleFactory(slug="nato-summit", title="NATO summit")
    smith = ActorFactory(name="John Smith", slug="john-smith")
    nato = ActorFactory(name="NATO", slug="nato", kind="organization")
    ActorMentionFactory(article=article, actor=smith, count=1)
    ActorMentionFactory(article=article, actor=nato, count=3)
    ApprovedClaimFactory(article=article, speaker=smith)
    ClaimFactory(article=article, status=Claim.Status.IN_REVIEW, start=1)
    return article


@pytest.fixture
def draft():
    return ArticleFactory(slug="draft-story")


def slugs(response):
    return [item["slug"] for item in response.json()["results"]]


def test_anonymous_list_shows_published_articles_only(client, published, draft):
    response = client.get(URL)
    assert response.status_code == 200
    assert slugs(response) == ["nato-summit"]


def test_list_item_has_what_a_consumer_needs(client, published, settings):
    item = client.get(URL).json()["results"][0]
    assert item["title"] == "NATO summit"
    assert item["url"] == f"{settings.NEWSROOM_SITE_URL}/articles/nato-summit/"
    assert item["published_at"] and item["updated_at"]
    assert "body" not in item


def test_actors_are_listed_most_named_first(client, published):
    item = client.get(URL).json()["results"][0]
    assert item["actors"] == [
        {"slug": "nato", "name": "NATO", "kind": "organization"},
        {"slug": "john-smith", "name": "John Smith", "kind": "person"},
    ]


def test_anonymous_claims_count_counts_approved_claims_only(client, published):
    assert client.get(URL).json()["results"][0]["claims_count"] == 1


def test_staff_claims_count_counts_every_claim(staff_client, published):
    assert staff_client.get(URL).json()["results"][0]["claims_count"] == 2


def test_staff_see_drafts(staff_client, published, draft):
    assert set(slugs(staff_client.get(URL))) == {"nato-summit", "draft-story"}


def test_staff_filter_by_status(staff_client, published, draft):
    assert slugs(staff_client.get(URL, {"status": "draft"})) == ["draft-story"]


def test_anonymous_status_filter_reveals_nothing(client, published, draft):
    assert slugs(client.get(URL, {"status": "draft"})) == []


def test_filter_by_actor(client, published):
    PublishedArticleFactory(slug="other")
    assert slugs(client.get(URL, {"actor": "john-smith"})) == ["nato-summit"]


def test_filter_by_an_actor_no_article_names_or_no_one_is_called_finds_nothing(client, published):
    ActorFactory(name="Jane Doe", slug="jane-doe")
    for slug in ("jane-doe", "nobody-by-that-name"):
        response = client.get(URL, {"actor": slug})
        assert response.status_code == 200
        assert response.json()["count"] == 0 and slugs(response) == []


def test_filter_by_actor_shows_published_articles_only(client, published):
    draft = ArticleFactory(slug="draft-naming-nato")
    ActorMentionFactory(article=draft, actor=published.mentions.get(actor__slug="nato").actor)
    assert slugs(client.get(URL, {"actor": "nato"})) == ["nato-summit"]


def test_filter_by_publication_window(client):
    now = timezone.now()
    PublishedArticleFactory(slug="old", published_at=now - timedelta(days=10))
    PublishedArticleFactory(slug="new", published_at=now - timedelta(days=1))
    since = (now - timedelta(days=5)).isoformat()
    assert slugs(client.get(URL, {"published_after": since})) == ["new"]
    assert slugs(client.get(URL, {"published_before": since})) == ["old"]


def test_published_after_accepts_a_date(client):
    PublishedArticleFactory(slug="recent")
    day = (timezone.now() - timedelta(days=1)).date().isoformat()
    assert slugs(client.get(URL, {"published_after": day})) == ["recent"]


def test_actor_since_a_date(client, published):
    """The consumer's story: an actor's published articles since a date."""
    yesterday = (timezone.now() - timedelta(days=1)).isoformat()
    response = client.get(URL, {"actor": "nato", "published_after": yesterday})
    assert slugs(response) == ["nato-summit"]


def test_filter_updated_since(client, published):
    later = (timezone.now() + timedelta(minutes=1)).isoformat()
    assert slugs(client.get(URL, {"updated_since": later})) == []


def test_search_title_and_body(client, published):
    PublishedArticleFactory(slug="weather", title="Rain", body="Rain all week. It was wet.")
    assert slugs(client.get(URL, {"search": "summit"})) == ["nato-summit"]
    assert slugs(client.get(URL, {"search": "wet"})) == ["weather"]


def test_invalid_filter_answers_400_with_reason(client, published):
    response = client.get(URL, {"published_after": "not a date"})
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert "published_after" in body["errors"]


def test_detail_adds_body_and_public_claims(client, published):
    response = client.get(f"{URL}nato-summit/")
    assert response.status_code == 200
    data = response.json()
    assert data["body"] == published.body
    assert [c["status"] for c in data["claims"]] == ["approved"]
    assert data["claims"][0]["speaker"] == {"slug": "john-smith", "name": "John Smith"}


def test_staff_detail_shows_every_claim(staff_client, published):
    data = staff_client.get(f"{URL}nato-summit/").json()
    assert len(data["claims"]) == 2


@pytest.mark.parametrize("status", [Article.Status.DRAFT, Article.Status.IN_REVIEW])
def test_unpublished_article_is_404_for_anonymous(client, status):
    ArticleFactory(slug="hidden", status=status)
    response = client.get(f"{URL}hidden/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_a_retracted_article_is_a_tombstone_for_anonymous(client):
    article = PublishedArticleFactory(
        slug="gone",
        title="The story that went",
        body="Withdrawn words.",
        status=Article.Status.RETRACTED,
        retracted_at=timezone.now(),
        retraction_reason="Wrong",
    )
    CorrectionFactory(article=article, body="The date was wrong.")
    response = client.get(f"{URL}gone/")
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "retracted" and data["retraction_reason"] == "Wrong"
    assert data["retracted_at"] and data["title"] == "The story that went"
    assert (data["body"], data["claims"], data["actors"]) == (None, [], [])
    assert [c["body"] for c in data["corrections"]] == ["The date was wrong."]
    assert "Withdrawn words." not in response.content.decode()


def test_a_retracted_article_stays_out_of_the_published_list(client):
    PublishedArticleFactory(slug="gone", status=Article.Status.RETRACTED, retraction_reason="Wrong")
    assert client.get(URL).json()["results"] == []


def test_a_published_article_shows_its_corrections(client):
    article = PublishedArticleFactory(slug="fixed")
    CorrectionFactory(article=article, body="An earlier version misnamed the minister.")
    data = client.get(f"{URL}fixed/").json()
    assert [c["body"] for c in data["corrections"]] == ["An earlier version misnamed the minister."]


def test_staff_read_drafts(staff_client, draft):
    assert staff_client.get(f"{URL}draft-story/").status_code == 200


def test_list_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for _ in range(30):
        article = PublishedArticleFactory()
        ActorMentionFactory(article=article)
        ActorMentionFactory(article=article)
        ApprovedClaimFactory(article=article, speaker=ActorFactory())
    for page_size in (1, 10, 100):
        with django_assert_max_num_queries(6):
            response = client.get(URL, {"page_size": page_size})
        assert len(response.json()["results"]) == min(page_size, 30)


def test_actor_filtered_list_runs_a_fixed_number_of_queries(
    client, published, django_assert_max_num_queries
):
    nato = published.mentions.get(actor__slug="nato").actor
    for _ in range(30):
        ActorMentionFactory(article=PublishedArticleFactory(), actor=nato)
    with django_assert_max_num_queries(6):
        response = client.get(URL, {"actor": "nato", "page_size": 100})
    assert response.json()["count"] == 31


def test_staff_list_runs_a_fixed_number_of_queries(editor, django_assert_max_num_queries):
    from .factories import token_for

    client = APIClient(HTTP_AUTHORIZATION=f"Token {token_for(editor)}")
    for _ in range(25):
        ActorMentionFactory(article=ArticleFactory())
    with django_assert_max_num_queries(6):
        response = client.get(URL, {"page_size": 100})
    assert response.json()["count"] == 25


def test_detail_runs_a_fixed_number_of_queries(client, published, django_assert_max_num_queries):
    for start in range(2, 12):
        ApprovedClaimFactory(article=published, start=start, speaker=ActorFactory())
    with django_assert_max_num_queries(4):
        response = client.get(f"{URL}nato-summit/")
    assert len(response.json()["claims"]) == 11


def test_any_utc_offset_is_accepted(client, published):
    # PostgreSQL refuses offsets beyond ±15:59; the filter converts to UTC first.
    response = client.get(URL, {"published_after": "2000-01-01T00:00:00+23:00"})
    assert slugs(response) == ["nato-summit"]


def test_a_time_outside_utc_is_400(client, published):
    response = client.get(URL, {"published_after": "0001-01-01T00:00:00+05:00"})
    assert response.status_code == 400
    assert "published_after" in response.json()["errors"]


def test_search_needs_every_word(client, published):
    PublishedArticleFactory(slug="weather", title="Rain", body="Rain all week. It was wet.")
    assert slugs(client.get(URL, {"search": "rain wet"})) == ["weather"]
    assert slugs(client.get(URL, {"search": "rain summit"})) == []
