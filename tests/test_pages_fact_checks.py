"""The fact-checks index, filterable by rating and by speaker."""

import pytest

from articles.models import Claim

from .factories import (
    ActorFactory,
    ApprovedClaimFactory,
    ArticleFactory,
    ClaimFactory,
    PublishedArticleFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def checks():
    trump, rutte = ActorFactory(name="Donald Trump"), ActorFactory(name="Mark Rutte")
    return {
        "trump_false": ApprovedClaimFactory(
            article=PublishedArticleFactory(),
            speaker=trump,
            rating=Claim.Rating.FALSE,
            quote="Trump false",
        ),
        "trump_true": ApprovedClaimFactory(
            article=PublishedArticleFactory(),
            speaker=trump,
            rating=Claim.Rating.TRUE,
            quote="Trump true",
        ),
        "rutte_false": ApprovedClaimFactory(
            article=PublishedArticleFactory(),
            speaker=rutte,
            rating=Claim.Rating.FALSE,
            quote="Rutte false",
        ),
        "trump": trump,
        "rutte": rutte,
    }


def shown(response):
    return {claim.quote for claim in response.context["page_obj"]}


def test_every_public_fact_check_is_listed_and_nothing_else(client, checks):
    ClaimFactory(article=PublishedArticleFactory(), quote="Pending")
    ApprovedClaimFactory(article=ArticleFactory(), quote="On a draft")
    response = client.get("/fact-checks/")
    assert shown(response) == {"Trump false", "Trump true", "Rutte false"}
    html = response.content.decode()
    assert "Pending" not in html and "On a draft" not in html


def test_filter_by_rating(client, checks):
    assert shown(client.get("/fact-checks/?rating=false")) == {"Trump false", "Rutte false"}


def test_filter_by_speaker(client, checks):
    response = client.get(f"/fact-checks/?speaker={checks['trump'].slug}")
    assert shown(response) == {"Trump false", "Trump true"}


def test_filter_by_rating_and_speaker(client, checks):
    response = client.get(f"/fact-checks/?rating=false&speaker={checks['rutte'].slug}")
    assert shown(response) == {"Rutte false"}
    html = response.content.decode()
    assert '<option value="false" selected>False</option>' in html
    assert f'<option value="{checks["rutte"].slug}" selected>Mark Rutte</option>' in html


def test_an_unknown_rating_or_speaker_is_ignored(client, checks):
    assert len(shown(client.get("/fact-checks/?rating=bogus&speaker=nobody"))) == 3


def test_the_speaker_filter_offers_only_speakers_with_public_fact_checks(client, checks):
    hidden = ActorFactory(name="Hidden Speaker")
    ClaimFactory(article=PublishedArticleFactory(), speaker=hidden)
    html = client.get("/fact-checks/").content.decode()
    assert "Hidden Speaker" not in html and "Mark Rutte" in html


def test_paging_keeps_the_filters(client):
    for n in range(22):
        ApprovedClaimFactory(
            article=PublishedArticleFactory(), rating=Claim.Rating.FALSE, quote=f"Q{n}"
        )
    html = client.get("/fact-checks/?rating=false").content.decode()
    assert 'href="?rating=false&amp;page=2"' in html


def test_the_index_needs_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    for rating in Claim.Rating.values * 4:
        ApprovedClaimFactory(
            article=PublishedArticleFactory(), speaker=ActorFactory(), rating=rating
        )
    with django_assert_max_num_queries(8):
        assert client.get("/fact-checks/?rating=false").status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get("/fact-checks/").status_code == 200


def test_the_index_explains_every_rating_in_words(client):
    html = client.get("/fact-checks/").content.decode()
    scale = html[html.index('class="rating-scale"') :]
    for value, label in Claim.Rating.choices:
        badge = f'rating--{value}"><span class="rating-icon" aria-hidden="true"></span>{label}'
        assert badge in scale
    assert "<summary>How we rate claims</summary>" in html
