"""Search over published articles and public fact-checks."""

import datetime as dt

import pytest
from django.utils import timezone

from articles import selectors

from .factories import ApprovedClaimFactory, ArticleFactory, ClaimFactory, PublishedArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus():
    nato = PublishedArticleFactory(
        title="Allies weigh security guarantees",
        body="NATO members met online. Ukraine wants guarantees like Article 5.",
    )
    budget = PublishedArticleFactory(
        title="Budget day", body="The chancellor set out spending plans."
    )
    ArticleFactory(title="Draft about NATO", body="NATO draft text.")
    claim = ApprovedClaimFactory(
        article=PublishedArticleFactory(),
        verdict_summary="NATO has had 32 members since Sweden joined in March 2024.",
    )
    ClaimFactory(
        article=budget, text=budget.body[:38], end=38, quote="", verdict_summary="NATO pending"
    )
    return {"nato": nato, "budget": budget, "claim": claim}


def test_search_finds_published_articles_and_public_fact_checks(client, corpus):
    response = client.get("/search/?q=NATO")
    results = response.context["results"]
    assert corpus["nato"] in results.articles
    assert corpus["budget"] not in results.articles
    assert results.claims == [corpus["claim"]]
    html = response.content.decode()
    assert "Draft about NATO" not in html and "NATO pending" not in html


def test_every_word_must_match(client, corpus):
    results = client.get("/search/?q=ukraine+guarantees").context["results"]
    assert corpus["nato"] in results.articles
    assert not client.get("/search/?q=ukraine+chancellor").context["results"].count


def test_an_empty_query_shows_the_form_only(client, corpus):
    response = client.get("/search/?q=+")
    assert response.status_code == 200
    assert response.context["results"].count == 0
    assert 'name="q"' in response.content.decode()


def test_the_query_is_escaped_when_shown(client, corpus):
    html = client.get("/search/?q=%3Cscript%3Ealert(1)%3C/script%3E").content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_search_needs_a_bounded_number_of_queries(client, corpus, django_assert_max_num_queries):
    for _ in range(10):
        ApprovedClaimFactory(article=PublishedArticleFactory(title="More NATO news"))
    with django_assert_max_num_queries(8):
        assert client.get("/search/?q=NATO").status_code == 200


@pytest.mark.postgres
def test_postgresql_ranks_headline_matches_first_and_stems_words(corpus):
    in_body = PublishedArticleFactory(
        title="Other news", body="Sanctions were discussed at length."
    )
    in_title = PublishedArticleFactory(title="Sanctions tightened", body="Ministers met.")
    results = selectors.search("sanction")  # stemmed: matches "sanctions"
    assert results.articles[:2] == [in_title, in_body]


@pytest.mark.postgres
def test_postgresql_search_understands_phrases_and_exclusions(corpus):
    results = selectors.search('"security guarantees" -budget')
    assert results.articles == [corpus["nato"]]
    assert selectors.search("NATO -Sweden").claims == []


@pytest.mark.postgres
def test_postgresql_ranks_the_newest_articles_when_more_match_than_it_ranks():
    now = timezone.now()
    in_old_headline = PublishedArticleFactory(
        title="Tariffs explained", body="An old story.", published_at=now - dt.timedelta(days=400)
    )
    newest = [
        PublishedArticleFactory(
            title=f"Trade news {n}",
            body="Tariffs were discussed.",
            published_at=now - dt.timedelta(hours=n),
        )
        for n in range(2)
    ]
    # With room for every match, the headline match ranks first ...
    assert selectors.search("tariffs").articles[0] == in_old_headline
    # ... and when more match than are ranked, the reader gets the newest.
    assert selectors.search("tariffs", candidates=2).articles == newest


@pytest.mark.postgres
def test_postgresql_ranks_the_latest_verdicts_when_more_match_than_it_ranks():
    now = timezone.now()
    in_old_claim = ApprovedClaimFactory(
        article=PublishedArticleFactory(body="Tariffs will double. Ministers said so."),
        reviewed_at=now - dt.timedelta(days=400),
        verdict_summary="Checked.",
    )
    latest = [
        ApprovedClaimFactory(
            article=PublishedArticleFactory(),
            reviewed_at=now - dt.timedelta(hours=n),
            verdict_summary="The tariffs stay as they are.",
        )
        for n in range(2)
    ]
    assert selectors.search("tariffs").claims[0] == in_old_claim
    assert selectors.search("tariffs", candidates=2).claims == latest


def test_article_results_show_where_the_words_are_marked(client, corpus):
    html = client.get("/search/?q=guarantees+-budget").content.decode()
    assert "Ukraine wants <mark>guarantees</mark> like Article 5." in html


def test_a_word_with_a_minus_leaves_out_what_holds_it(client, corpus):
    results = client.get("/search/?q=NATO+-Sweden").context["results"]
    assert corpus["nato"] in results.articles
    assert results.claims == []


def test_a_search_with_more_matches_than_shown_says_so(client, corpus):
    html = client.get("/search/?q=NATO").content.decode()
    assert "most recent" not in html
    for n in range(selectors.SEARCH_LIMIT):
        PublishedArticleFactory(title=f"NATO report {n}")
    response = client.get("/search/?q=NATO")
    assert len(response.context["results"].articles) == selectors.SEARCH_LIMIT
    assert "the best matches among the most recent" in response.content.decode()


@pytest.mark.postgres
def test_postgresql_documents_follow_every_write_of_their_text_and_survive_touches():
    from articles.models import Article, Claim
    from articles.services.actors import actors_touch

    from .factories import ActorFactory, ActorMentionFactory

    article = PublishedArticleFactory(title="Harbour reopens", body="Boats returned.")
    claim = ApprovedClaimFactory(article=article, verdict_summary="Ferries confirmed it.")
    actor = ActorFactory()
    ActorMentionFactory(article=article, actor=actor)
    ClaimFactory(article=article, speaker=actor, start=1)
    # Writes of the text, whichever way they are made, are found at once.
    Article.objects.filter(pk=article.pk).update(title="Lighthouse reopens")
    Claim.objects.filter(pk=claim.pk).update(verdict_summary="Pilots confirmed it.")
    assert selectors.search("lighthouse").articles == [article]
    assert selectors.search("pilots").claims == [claim]
    assert not selectors.search("harbour").articles and not selectors.search("ferries").claims
    # A touch (a rename elsewhere, a workflow step) leaves the documents whole.
    actors_touch([actor.pk])
    Claim.objects.filter(pk=claim.pk).update(version=claim.version + 1)
    assert selectors.search("lighthouse boats").articles == [article]
    assert selectors.search("pilots").claims == [claim]
