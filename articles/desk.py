"""The desk's work lists: one definition of "my open claims", "waiting for my
review", "sent back to me", "unassigned", "blocked by the gate" and "ready to
publish", shared by the dashboard, the claims queue's filter and
``GET /api/v1/desk/``, so a count and the list it links to never disagree.

Counts come from ``desk_counts`` in two aggregate queries (one over claims,
one over articles) whatever the number of lists.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    When,
)
from django.db.models import Value as V
from django.db.models.lookups import Exact

from .models import Article, Claim, ClaimEvent, VerdictVersion
from .similarity import claim_tokens, jaccard
from .text import cut_at_word  # noqa: F401  (the desk's lists cut their texts with it)

# ---------------------------------------------------------------- claim lists


def _last_action():
    """The action of each claim's latest audit event."""
    return Subquery(
        ClaimEvent.objects.filter(claim=OuterRef("pk"))
        .order_by("-created_at", "-id")
        .values("action")[:1]
    )


def claims_for_desk(queryset: QuerySet[Claim] | None = None) -> QuerySet[Claim]:
    """Claims with ``last_action`` (to mark the ones sent back) and
    ``open_rank`` (0 for open claims, 1 for resolved), for the queue's order."""
    queryset = Claim.objects.all() if queryset is None else queryset
    return queryset.annotate(
        last_action=_last_action(),
        open_rank=Case(
            When(status__in=Claim.RESOLVED_STATUSES, then=V(1)),
            default=V(0),
            output_field=IntegerField(),
        ),
    )


QUEUE_ORDER = ["open_rank", "-checkworthiness", "article_id", "start", "id"]


def _sent_back() -> Q:
    # The subquery as a condition, not the annotation: counting then needs no
    # inner query annotating every claim, and the cheap conditions come first.
    return Q(status=Claim.Status.IN_REVIEW) & Q(Exact(_last_action(), ClaimEvent.Action.SENT_BACK))


def _revision(**conditions) -> Q:
    """A reopened verdict whose revision (its pending version) meets ``conditions``."""
    pending = VerdictVersion.objects.filter(
        claim=OuterRef("pk"), approved_at__isnull=True, **conditions
    )
    return Q(reopened_at__isnull=False) & Q(Exists(pending))


def claim_list_q(name: str, user) -> Q:
    """The condition of one desk list on claims (a reopened verdict's revision
    counts where a first verdict at the same stage would)."""
    if name == "mine":
        return Q(status=Claim.Status.IN_REVIEW, assignee=user) | (
            Q(assignee=user) & _revision(proposed_at__isnull=True)
        )
    if name == "review":
        return (Q(status=Claim.Status.PROPOSED) & ~Q(proposed_by=user)) | _revision(
            proposed_at__isnull=False
        ) & ~_revision(proposed_by=user)
    if name == "sent_back":
        return _sent_back() & Q(assignee=user)
    if name == "unassigned":
        return Q(status=Claim.Status.NEW, assignee__isnull=True)
    raise KeyError(name)


CLAIM_LISTS = {
    "mine": "My open claims",
    "review": "Proposals waiting for my review",
    "sent_back": "Sent back to me",
    "unassigned": "Unassigned claims",
}


def claim_list(name: str, user) -> QuerySet[Claim]:
    """One desk list, most check-worthy first."""
    return claims_for_desk().filter(claim_list_q(name, user)).order_by(*QUEUE_ORDER)


# ---------------------------------------------------------------- article lists


def _open_articles() -> QuerySet[Article]:
    return Article.objects.filter(status__in=[Article.Status.DRAFT, Article.Status.IN_REVIEW])


def _blocking() -> Exists:
    return Exists(Claim.objects.blocking_publication().filter(article=OuterRef("pk")))


ARTICLE_LISTS = {
    "blocked": "Articles blocked by the gate",
    "ready": "Articles ready to publish",
    "recheck": "Published articles changed by an import, with claims to check",
}


def article_list(name: str) -> QuerySet[Article]:
    """Unpublished articles the gate holds back (``blocked``) or lets through
    (``ready``), newest first; or published ones whose new text brought claims
    to check (``recheck``), latest change first."""
    if name not in ARTICLE_LISTS:
        raise KeyError(name)
    if name == "recheck":
        return Article.objects.needing_recheck().order_by(
            F("text_updated_at").desc(nulls_last=True), "-id"
        )
    articles = _open_articles().annotate(blocked=_blocking())
    return articles.filter(blocked=(name == "blocked")).order_by("-created_at", "-id")


# ---------------------------------------------------------------- counts


@dataclass(frozen=True, slots=True)
class DeskCounts:
    mine: int
    review: int
    sent_back: int
    unassigned: int
    unassigned_gate: int
    blocked: int
    ready: int
    recheck: int
    unread: int

    def as_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in self.__slots__}


def desk_counts(user) -> DeskCounts:
    """Every list's count for ``user``: one query over claims, one over articles,
    one over the user's notifications."""
    from .models import Notification

    threshold = settings.NEWSROOM_PUBLISH_THRESHOLD
    # Open claims, and approved ones whose verdict is being revised.
    claims = Claim.objects.exclude(
        status__in=Claim.RESOLVED_STATUSES, reopened_at__isnull=True
    ).aggregate(
        **{name: Count("pk", filter=claim_list_q(name, user)) for name in CLAIM_LISTS},
        unassigned_gate=Count(
            "pk", filter=claim_list_q("unassigned", user) & Q(checkworthiness__gte=threshold)
        ),
    )
    articles = _open_articles().aggregate(
        blocked=Count("pk", filter=Q(_blocking())),
        ready=Count("pk", filter=~Q(_blocking())),
    )
    recheck = Article.objects.needing_recheck().count()
    unread = Notification.objects.filter(user=user, read=False).count()
    return DeskCounts(**claims, **articles, recheck=recheck, unread=unread)


# ---------------------------------------------------------------- markers


def claims_with_similar_verdicts(claims) -> set[int]:
    """Of ``claims`` (a page of the queue), those with an earlier approved
    verdict on a similar claim in another article: the same test as the claim
    page's ``claim_similar_verdicts``, against the same bounded candidates,
    read once for the whole page."""
    from .services.workflow import SIMILARITY_CANDIDATES, SIMILARITY_THRESHOLD

    claims = list(claims)
    if not claims:
        return set()
    candidates = [
        (article_id, claim_tokens(text), claim_tokens(quote) if quote else None)
        for article_id, text, quote in Claim.objects.approved()
        .order_by("-reviewed_at", "-id")
        .values_list("article_id", "text", "quote")[:SIMILARITY_CANDIDATES]
    ]
    found = set()
    for claim in claims:
        text = claim_tokens(claim.text)
        quote = claim_tokens(claim.quote) if claim.quote else text
        for article_id, other_text, other_quote in candidates:
            if article_id == claim.article_id:
                continue
            score = max(jaccard(text, other_text), jaccard(quote, other_quote or other_text))
            if score >= SIMILARITY_THRESHOLD:
                found.add(claim.pk)
                break
    return found
