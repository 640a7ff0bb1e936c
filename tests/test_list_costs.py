"""Lists cost what they show: no list reads an article's body or a search
document, and the admin's lists stay linear in the claims per article."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from articles.models import Claim, ClaimEvent, Correction, EditorNote

from .factories import (
    ActorFactory,
    ActorMentionFactory,
    ApprovedClaimFactory,
    ArticleFactory,
    PublishedArticleFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

# A whole text column of an article, or a stored search document, in a SELECT's
# column list (a WHERE or an excerpt of a few hundred characters is fine).
WHOLE_TEXT = re.compile(r'"articles_article"\."body"\s*(,|FROM)|"search_document"\s*(,|FROM)')

API_LISTS = ["/api/v1/articles/", "/api/v1/claims/", "/api/v1/actors/"]
ADMIN_LISTS = [
    "/admin/articles/article/",
    "/admin/articles/claim/",
    "/admin/articles/actor/",
    "/admin/articles/actoralias/",
    "/admin/articles/actormention/",
    "/admin/articles/claimevent/",
    "/admin/articles/editornote/",
    "/admin/articles/correction/",
]


@pytest.fixture
def newsroom(editor):
    long_body = "A sentence of a very long article. " * 3_000
    smith = ActorFactory(name="John Smith", slug="john-smith")
    for n in range(3):
        article = PublishedArticleFactory(body=long_body, slug=f"long-{n}")
        ActorMentionFactory(article=article, actor=smith)
        claim = ApprovedClaimFactory(article=article, speaker=smith)
        ClaimEvent.objects.create(
            claim=claim, action="assigned", from_status="new", to_status="in_review", user=editor
        )
        EditorNote.objects.create(article=article, author=editor, body="Check the figures.")
        Correction.objects.create(article=article, author=editor, body="Fixed a name.")
    return smith


def _selects(queries) -> list[str]:
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith("SELECT")]


def _whole_texts(queries) -> list[str]:
    return [sql[:300] for sql in _selects(queries) if WHOLE_TEXT.search(sql.split(" WHERE ")[0])]


@pytest.mark.parametrize("url", API_LISTS)
@pytest.mark.parametrize("who", ["anonymous", "editor"])
def test_api_lists_read_no_article_body(newsroom, editor, url, who):
    client = APIClient()
    if who == "editor":
        client.force_authenticate(editor)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, {"page_size": 100})
    assert response.status_code == 200
    assert _whole_texts(queries) == []


@pytest.mark.parametrize("url", ADMIN_LISTS)
def test_admin_lists_read_no_article_body(newsroom, url):
    client = Client()
    client.force_login(UserFactory(username="chief", is_superuser=True))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert _whole_texts(queries) == []
    assert len(queries) <= 12


def _admin_list_seconds_per_claim(client, claims: int) -> float:
    import time

    article = ArticleFactory(body="x" * 10)
    Claim.objects.bulk_create(
        [
            Claim(
                article=article,
                kind="factual",
                text="x",
                start=0,
                end=1,
                fingerprint=f"{claims}-{i}",
                checkworthiness=0.9,
            )
            for i in range(claims)
        ]
    )
    started = time.perf_counter()
    assert client.get("/admin/articles/article/").status_code == 200
    return time.perf_counter() - started


def test_the_admin_article_list_is_linear_in_claims_per_article():
    client = Client()
    client.force_login(UserFactory(username="chief", is_superuser=True))
    # 2,000 claims on one article: quadratic took seconds, linear takes milliseconds.
    assert _admin_list_seconds_per_claim(client, 2_000) < 1.0


def test_the_admin_actor_list_does_not_multiply_mentions_by_claims(newsroom):
    client = Client()
    client.force_login(UserFactory(username="chief", is_superuser=True))
    article = ArticleFactory(body="x" * 10)
    Claim.objects.bulk_create(
        [
            Claim(
                article=article,
                kind="factual",
                text="x",
                start=0,
                end=1,
                fingerprint=f"a{i}",
                speaker=newsroom,
            )
            for i in range(1_500)
        ]
    )
    for _ in range(300):
        ActorMentionFactory(article=ArticleFactory(), actor=newsroom)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/admin/articles/actor/")
    assert response.status_code == 200
    assert "1503" in response.content.decode() or "1,503" in response.content.decode()
    # Counted by subqueries, not by joining mentions and claims (their product).
    joins = ('JOIN "articles_claim"', 'JOIN "articles_actormention"')
    assert not [sql for sql in _selects(queries) if any(join in sql for join in joins)]
