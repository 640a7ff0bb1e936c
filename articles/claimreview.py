"""schema.org ClaimReview for one claim, as JSON-LD.

One builder serves both the API (``/api/v1/claims/{id}/claimreview/``) and the
reader's claim page (``<script type="application/ld+json">``), so search engines
and API consumers read the same verdict the same way.
"""

from __future__ import annotations

from django.conf import settings

from .models import Actor, Claim

# schema.org wants a number from worst to best; our scale runs false..true.
RATING_VALUES = {
    Claim.Rating.FALSE: 1,
    Claim.Rating.MOSTLY_FALSE: 2,
    Claim.Rating.MIXED: 3,
    Claim.Rating.MOSTLY_TRUE: 4,
    Claim.Rating.TRUE: 5,
}
BEST_RATING = 5
WORST_RATING = 1


def review_rating(rating: str) -> dict:
    """The ``reviewRating`` for one of our ratings.

    An unverifiable claim has no place on the false..true scale, so it carries
    its name (``alternateName``) and no number.
    """
    result = {"@type": "Rating"}
    if rating in RATING_VALUES:
        result |= {
            "ratingValue": RATING_VALUES[rating],
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
        }
    result["alternateName"] = Claim.Rating(rating).label
    return result


def _speaker(actor: Actor) -> dict:
    # A Claim's author is a Person or an Organization; a country speaks through
    # its government, so it is described as an Organization.
    kind = "Person" if actor.kind == Actor.Kind.PERSON else "Organization"
    return {"@type": kind, "name": actor.name}


def claim_review(claim: Claim, *, base_url: str | None = None) -> dict:
    """The ClaimReview of a claim with a verdict, as a JSON-serialisable dict.

    URLs are absolute, on ``settings.NEWSROOM_SITE_URL`` unless ``base_url`` is
    given. The claim's ``article`` and ``speaker`` are read, so select them
    with the claim when building several reviews.
    """
    site = (base_url if base_url is not None else settings.NEWSROOM_SITE_URL).rstrip("/")
    article = claim.article
    reviewed = claim.reviewed_at or article.published_at

    appearance = {
        "@type": "NewsArticle",
        "url": site + article.get_absolute_url(),
        "headline": article.title,
    }
    if article.published_at:
        appearance["datePublished"] = article.published_at.isoformat()
    item_reviewed = {"@type": "Claim", "appearance": appearance}
    if claim.speaker_id:
        item_reviewed["author"] = _speaker(claim.speaker)
    if article.dateline:
        item_reviewed["datePublished"] = article.dateline.isoformat()

    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": site + claim.get_absolute_url(),
        "claimReviewed": claim.quote or claim.text,
        "author": {"@type": "Organization", "name": settings.NEWSROOM_NAME, "url": site + "/"},
        "itemReviewed": item_reviewed,
    }
    if reviewed:
        review["datePublished"] = reviewed.date().isoformat()
    if claim.verdict_updated_at:  # a revised verdict: Google shows the later date
        review["dateModified"] = claim.verdict_updated_at.date().isoformat()
    if claim.rating:
        review["reviewRating"] = review_rating(claim.rating)
    if claim.verdict_summary:
        review["reviewBody"] = claim.verdict_summary
    return review
