"""The article page: the text with its checked claims marked, the verdicts, the
actors named and the corrections log; nothing unpublished ever shows."""

import datetime as dt
import re

import pytest
from django.utils import timezone

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


def body_of(response):
    html = response.content.decode()
    return html[
        html.index('<div class="article__body">') : html.index(
            "</div>", html.index('<div class="article__body">')
        )
    ]


def test_headline_dateline_and_body_paragraphs_are_shown(client):
    article = PublishedArticleFactory(
        title="Allies meet online",
        body="First paragraph.\n\nSecond paragraph.",
        dateline=dt.date(2025, 8, 17),
    )
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1" in html and "Allies meet online" in html
    assert "Sunday 17 August 2025" in html
    assert "<p>First paragraph.</p>" in body_of(response)
    assert "<p>Second paragraph.</p>" in body_of(response)


def test_an_approved_claim_is_marked_in_the_text_with_its_rating_and_linked_to_its_verdict(client):
    claim = ApprovedClaimFactory(article=PublishedArticleFactory(), rating=Claim.Rating.FALSE)
    response = client.get(claim.article.get_absolute_url())
    body = body_of(response)
    assert f'data-claims="{claim.pk}"' in body
    flag = re.search(r'<a class="verdict-flag[^"]*"[^>]*>.*?</a>', body).group()
    assert f'href="#verdict-{claim.pk}"' in flag
    assert "False" in flag  # the verdict in words, not only colour
    html = response.content.decode()
    assert f'id="verdict-{claim.pk}"' in html
    assert claim.verdict_summary in html
    assert "https://www.nato.int/cps/en/natohq/topics_52044.htm" in html


def test_the_verdict_list_gives_rating_summary_sources_and_a_link_to_the_claim_page(client):
    claim = ApprovedClaimFactory(
        article=PublishedArticleFactory(),
        rating=Claim.Rating.MOSTLY_TRUE,
        sources=[{"url": "https://example.org/report", "title": "The report"}],
    )
    response = client.get(claim.article.get_absolute_url())
    html = response.content.decode()
    note = html[html.index(f'id="verdict-{claim.pk}"') :]
    assert "Mostly true" in note
    assert ">The report</a>" in note
    assert claim.get_absolute_url() in note


def test_article_text_is_always_escaped(client):
    article = PublishedArticleFactory(
        body='Before <script>alert("owned")</script> after. ' + "x" * 20
    )
    ApprovedClaimFactory(
        article=article, start=0, end=len('Before <script>alert("owned")</script> after.')
    )
    response = client.get(article.get_absolute_url())
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt;" in html


def test_a_source_that_is_not_a_web_address_is_not_linked(client):
    claim = ApprovedClaimFactory(
        article=PublishedArticleFactory(), sources=[{"url": "javascript:alert(1)", "title": "Bad"}]
    )
    html = client.get(claim.article.get_absolute_url()).content.decode()
    assert 'href="javascript:' not in html


@pytest.mark.parametrize(
    "status",
    [Claim.Status.NEW, Claim.Status.IN_REVIEW, Claim.Status.PROPOSED, Claim.Status.DISMISSED],
)
def test_claims_without_an_approved_verdict_are_not_marked_or_listed(client, status):
    article = PublishedArticleFactory()
    claim = ClaimFactory(
        article=article,
        status=status,
        rating=Claim.Rating.FALSE if status == "proposed" else "",
        verdict_summary="Secret draft verdict",
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<mark" not in html
    assert f"verdict-{claim.pk}" not in html
    assert "Secret draft verdict" not in html


@pytest.mark.parametrize("status", [Article.Status.DRAFT, Article.Status.IN_REVIEW])
def test_unpublished_articles_are_not_found(client, status):
    article = ArticleFactory(status=status)
    assert client.get(article.get_absolute_url()).status_code == 404


def test_a_retracted_article_shows_its_retraction_notice_as_gone(client):
    article = ArticleFactory(
        status=Article.Status.RETRACTED,
        body="The secret text that was withdrawn.",
        published_at=timezone.now(),
        retracted_at=timezone.now(),
        retraction_reason="Sourcing failed.",
    )
    response = client.get(article.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 410  # search engines drop it; readers learn why
    assert "Retraction notice" in html and "Sourcing failed." in html
    assert article.title in html
    assert "The secret text that was withdrawn." not in html
    assert '<meta name="robots" content="noindex">' in html


def test_a_retracted_draft_never_published_is_not_found(client):
    article = ArticleFactory(status=Article.Status.RETRACTED, retraction_reason="Spiked.")
    assert client.get(article.get_absolute_url()).status_code == 404


def test_the_actors_named_link_to_their_pages(client):
    article = PublishedArticleFactory()
    actor = ActorFactory(name="Mark Rutte", role="NATO Secretary-General")
    ActorMentionFactory(article=article, actor=actor, count=2)
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'<a href="{actor.get_absolute_url()}">Mark Rutte</a>' in html
    assert "NATO Secretary-General" in html


def test_the_corrections_log_lists_each_correction_with_its_date(client):
    article = PublishedArticleFactory()
    CorrectionFactory(article=article, body="We misstated the year.")
    html = client.get(article.get_absolute_url()).content.decode()
    section = html[html.index('id="corrections"') :]
    assert "We misstated the year." in section
    assert "This article has been corrected" in html


def test_an_article_without_corrections_says_so(client):
    html = client.get(PublishedArticleFactory().get_absolute_url()).content.decode()
    assert "No corrections to this article." in html


def test_the_article_page_needs_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    article = PublishedArticleFactory()
    for _ in range(6):
        ApprovedClaimFactory(article=article, speaker=ActorFactory())
        ActorMentionFactory(article=article)
        CorrectionFactory(article=article)
    ClaimFactory(article=article, fingerprint="f" * 64)
    with django_assert_max_num_queries(8):
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert response.content.decode().count('class="verdict-flag') == 6
