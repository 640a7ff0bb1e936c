"""The actor page: who they are, their checked claims and the count of each rating."""

import pytest

from articles.models import Claim

from .factories import (
    ActorFactory,
    ActorMentionFactory,
    ApprovedClaimFactory,
    ArticleFactory,
    ClaimFactory,
    PublishedArticleFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def actor():
    return ActorFactory(name="Steve Witkoff", role="Special envoy")


def approved(actor, rating, n):
    return ApprovedClaimFactory(
        article=PublishedArticleFactory(), speaker=actor, rating=rating, quote=f"Quote {n}"
    )


def test_the_page_says_who_they_are(client, actor):
    approved(actor, Claim.Rating.TRUE, 1)
    html = client.get(actor.get_absolute_url()).content.decode()
    assert "<h1" in html and "Steve Witkoff" in html
    assert "Special envoy" in html and "Person" in html


def test_the_page_lists_their_public_claims_and_counts_each_rating(client, actor):
    approved(actor, Claim.Rating.FALSE, 1)
    approved(actor, Claim.Rating.FALSE, 2)
    approved(actor, Claim.Rating.TRUE, 3)
    ClaimFactory(article=PublishedArticleFactory(), speaker=actor, quote="Pending quote")
    ApprovedClaimFactory(article=ArticleFactory(), speaker=actor, quote="Draft article quote")
    response = client.get(actor.get_absolute_url())
    html = response.content.decode()
    assert all(f"Quote {n}" in html for n in (1, 2, 3))
    assert "Pending quote" not in html and "Draft article quote" not in html
    counts = {row.rating: row.count for row in response.context["rating_counts"]}
    assert counts == {Claim.Rating.FALSE: 2, Claim.Rating.TRUE: 1}
    record = html[html.index('class="rating-counts"') :]
    assert (
        'rating--false"><span class="rating-icon" aria-hidden="true"></span>False</span>' in record
    )
    assert '<span class="rating-counts__n">2</span>' in record


def test_the_articles_naming_them_are_listed(client, actor):
    ActorMentionFactory(actor=actor, article=PublishedArticleFactory(title="Talks in Alaska"))
    ActorMentionFactory(actor=actor, article=ArticleFactory(title="Unpublished draft"))
    html = client.get(actor.get_absolute_url()).content.decode()
    assert "Talks in Alaska" in html and "Unpublished draft" not in html


def test_an_actor_known_only_from_drafts_and_pending_claims_is_not_found(client, actor):
    ActorMentionFactory(actor=actor, article=ArticleFactory())
    ClaimFactory(article=PublishedArticleFactory(), speaker=actor)
    assert client.get(actor.get_absolute_url()).status_code == 404


def test_an_unknown_actor_is_not_found(client):
    assert client.get("/actors/nobody/").status_code == 404


def test_the_actor_page_needs_a_bounded_number_of_queries(
    client, actor, django_assert_max_num_queries
):
    for n, rating in enumerate(Claim.Rating.values * 2):
        approved(actor, rating, n)
        ActorMentionFactory(actor=actor, article=PublishedArticleFactory())
    with django_assert_max_num_queries(8):
        assert client.get(actor.get_absolute_url()).status_code == 200
