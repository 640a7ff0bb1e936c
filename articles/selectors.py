"""Reads shared by the reader pages, feeds and sitemaps.

Everything here starts from ``Article.objects.published()`` or
``Claim.objects.public()``, so a draft, a retracted article or a verdict not yet
approved can never reach a reader by way of a forgotten filter; a view looks a
page up in them with ``get_object_or_404``. Each fetches what its page shows in
a fixed number of queries.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Left

from .models import Actor, ActorMention, Article, Claim
from .rendering import ClaimMark, search_snippet

# ---------------------------------------------------------------- articles

EXCERPT_CHARS = 300


def public_claims() -> QuerySet[Claim]:
    """Approved verdicts on published articles, with what a listing shows: of
    the article, its title and dates, not its text nor its search document."""
    return (
        Claim.objects.public()
        .select_related("article", "speaker")
        .defer("article__body", "article__search_document")
    )


def claims_on_record() -> QuerySet[Claim]:
    """``public_claims`` and the verdicts of retracted articles (their pages
    say the article was retracted), each with its replacement if superseded."""
    return (
        Claim.objects.on_record()
        .select_related("article", "speaker", "superseded_by")
        .defer("article__body", "article__search_document")
    )


def article_list() -> QuerySet[Article]:
    """Published articles, newest first, each with its number of fact-checks."""
    return (
        Article.objects.published()
        .with_claims_count(name="fact_check_count")
        # Enough of the opening for a summary, without reading whole bodies.
        .annotate(excerpt=Left("body", EXCERPT_CHARS))
        .defer("body", "source_path", "content_hash")
        .order_by("-published_at", "-id")
    )


def retractions() -> QuerySet[Article]:
    """Retracted articles, latest retraction first: their notices, not their text."""
    return (
        Article.objects.retracted()
        .defer("body", "search_document", "source_path", "content_hash")
        .order_by("-retracted_at", "-id")
    )


def articles_for_reading(*, preview: bool = False) -> QuerySet[Article]:
    """Published and retracted articles with what their page shows: approved
    claims in the current text (``public_claims``), approved claims on an
    earlier text (``earlier_claims``), corrections and the actors named
    (``actor_mentions``). A retracted article's page is its retraction notice.

    Drafts and articles in review are not in it, so their pages are
    indistinguishable from missing ones; ``preview`` (for desk staff only)
    holds every article, shown as readers would see it.
    """
    approved = Claim.objects.approved().select_related("speaker").order_by("start", "id")
    articles = Article.objects.all() if preview else Article.objects.on_record()
    return articles.prefetch_related(
        Prefetch("claims", queryset=approved.current(), to_attr="public_claims"),
        Prefetch(
            "claims",
            queryset=approved.superseded().select_related("superseded_by"),
            to_attr="earlier_claims",
        ),
        Prefetch(
            "mentions",
            queryset=ActorMention.objects.select_related("actor").order_by("-count", "actor__name"),
            to_attr="actor_mentions",
        ),
        "corrections",
    )


def claim_marks(claims: list[Claim]) -> list[ClaimMark]:
    """The marks for an article's body, numbered in reading order."""
    return [
        ClaimMark(
            id=claim.pk,
            start=claim.start,
            end=claim.end,
            rating=claim.rating,
            label=claim.get_rating_display(),
            number=number,
        )
        for number, claim in enumerate(claims, start=1)
    ]


# ---------------------------------------------------------------- claims


def fact_check_list(*, rating: str = "", speaker: Actor | None = None) -> QuerySet[Claim]:
    """Public fact-checks, latest verdict first, optionally by rating and speaker."""
    claims = public_claims().order_by("-reviewed_at", "-id")
    if rating:
        claims = claims.filter(rating=rating)
    if speaker is not None:
        claims = claims.filter(speaker=speaker)
    return claims


def speakers_with_fact_checks() -> QuerySet[Actor]:
    """Actors with at least one public fact-check, for the index's speaker filter."""
    return (
        Actor.objects.filter(Exists(Claim.objects.public().filter(speaker=OuterRef("pk"))))
        .only("id", "name", "slug")
        .order_by("name", "id")
    )


# ---------------------------------------------------------------- actors


def public_actors() -> QuerySet[Actor]:
    """Actors a reader may look up: named in a published article or speaking
    in a public fact-check. An actor known only from drafts stays unseen."""
    return Actor.objects.filter(
        Exists(Article.objects.published().filter(mentions__actor=OuterRef("pk")))
        | Exists(Claim.objects.public().filter(speaker=OuterRef("pk")))
    )


@dataclass(frozen=True, slots=True)
class RatingCount:
    rating: str
    label: str
    count: int


def rating_counts(claims: QuerySet[Claim]) -> list[RatingCount]:
    """How many of the claims got each rating, in the scale's order, zeros left out."""
    counts = dict(
        claims.order_by().values_list("rating").annotate(n=Count("id")).values_list("rating", "n")
    )
    return [
        RatingCount(rating=value, label=label, count=counts[value])
        for value, label in Claim.Rating.choices
        if counts.get(value)
    ]


def actor_articles(actor: Actor) -> QuerySet[Article]:
    """Published articles that name the actor, newest first."""
    return (
        Article.objects.published()
        .filter(mentions__actor=actor)
        .only("id", "title", "slug", "published_at", "dateline")
        .order_by("-published_at", "-id")
    )


# ---------------------------------------------------------------- search


@dataclass(frozen=True, slots=True)
class SearchResults:
    query: str
    articles: list[Article]
    claims: list[Claim]
    limit: int = 0

    @property
    def count(self) -> int:
        return len(self.articles) + len(self.claims)

    @property
    def more(self) -> bool:
        """Matches were left out: a kind of result filled its limit."""
        return bool(self.limit) and max(len(self.articles), len(self.claims)) >= self.limit


SEARCH_LIMIT = 20
# PostgreSQL ranks the newest this many matches of each kind: a reader finds
# the most relevant of the recent ones, at a cost that does not grow with the
# archive.
SEARCH_CANDIDATES = 100


def _on_postgresql() -> bool:
    return connection.vendor == "postgresql"


def search(
    query: str, *, limit: int = SEARCH_LIMIT, candidates: int = SEARCH_CANDIDATES
) -> SearchResults:
    """Published articles and public fact-checks matching the words of ``query``.

    PostgreSQL ranks full-text matches (headline above body, the claim above
    its verdict) among the newest ``candidates`` matches of each; elsewhere
    every word must appear somewhere, newest first.
    """
    query = " ".join(query.split())[:200]
    if not query:
        return SearchResults(query="", articles=[], claims=[])
    if _on_postgresql():
        articles, claims = _search_postgresql(query, candidates=candidates)
    else:
        articles, claims = _search_simple(query)
    # The whole body for the snippets, but not the stored document.
    articles = list(articles.defer(None).defer("search_document")[:limit])
    words = search_words(query)
    for article in articles:
        article.snippet = search_snippet(article.body, words)
    return SearchResults(query=query, articles=articles, claims=list(claims[:limit]), limit=limit)


def search_words(query: str) -> list[str]:
    """The words a reader looks for, to mark in results: not the excluded
    ones ("-budget") nor the query syntax itself (quotes, "or")."""
    words = []
    for word in query.replace('"', " ").split():
        if word.startswith("-") or word.casefold() == "or":
            continue
        words.append(word)
    return words


def _search_postgresql(query: str, *, candidates: int):
    from .search import ranked_newest, search_query

    terms = search_query(query)
    articles = ranked_newest(
        article_list(), terms, newest=("-published_at", "-id"), candidates=candidates
    )
    claims = ranked_newest(
        public_claims(), terms, newest=("-reviewed_at", "-id"), candidates=candidates
    )
    return articles, claims


def _article_has(word: str) -> Q:
    return Q(title__icontains=word) | Q(body__icontains=word)


def _claim_has(word: str) -> Q:
    return Q(text__icontains=word) | Q(quote__icontains=word) | Q(verdict_summary__icontains=word)


def _search_simple(query: str):
    """Every word somewhere in the record, none of the "-excluded" ones."""
    articles, claims = article_list(), public_claims().order_by("-reviewed_at", "-id")
    excluded = [w[1:] for w in query.replace('"', " ").split() if w.startswith("-") and w[1:]]
    for word in search_words(query)[:10]:
        articles, claims = articles.filter(_article_has(word)), claims.filter(_claim_has(word))
    for word in excluded[:10]:
        articles, claims = articles.exclude(_article_has(word)), claims.exclude(_claim_has(word))
    return articles, claims
