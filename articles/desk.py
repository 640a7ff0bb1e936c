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
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.lookups import Exact

from .models import Article, Claim, ClaimEvent, VerdictVersion
from .similarity import TokenIndex, claim_tokens

# ---------------------------------------------------------------- claim lists


def _last_action():
    """The action of each claim's latest audit event."""
    return Subquery(
        ClaimEvent.objects.filter(claim=OuterRef("pk"))
        .order_by("-created_at", "-id")
        .values("action")[:1]
    )


def claims_for_desk(queryset: QuerySet[Claim] | None = None) -> QuerySet[Claim]:
    """Claims with ``last_action`` (to mark the ones sent back); the queue's
    order starts with ``Claim.open_rank`` (0 open, 1 resolved), kept by the
    database and indexed with the rest of ``QUEUE_ORDER``."""
    queryset = Claim.objects.all() if queryset is None else queryset
    return queryset.annotate(last_action=_last_action())


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


@dataclass(frozen=True)
class _Verdicts:
    """The earlier verdicts a queue page is compared with, indexed by word."""

    ids: tuple[int, ...]
    articles: tuple[int, ...]
    texts: TokenIndex
    quotes: TokenIndex  # each verdict's quote, or its text when it has none


_verdicts_seen: list[_Verdicts] = []  # the last index built, while the verdicts are the same


def _earlier_verdicts() -> _Verdicts:
    from .services.workflow import SIMILARITY_CANDIDATES

    rows = list(
        Claim.objects.approved()
        .order_by("-reviewed_at", "-id")
        .values_list("id", "article_id", "text", "quote")[:SIMILARITY_CANDIDATES]
    )
    ids = tuple(row[0] for row in rows)
    if _verdicts_seen and _verdicts_seen[0].ids == ids:
        return _verdicts_seen[0]  # a claim's words are fixed at import: same ids, same index
    texts = [claim_tokens(text) for _, _, text, _ in rows]
    verdicts = _Verdicts(
        ids=ids,
        articles=tuple(row[1] for row in rows),
        texts=TokenIndex(texts),
        quotes=TokenIndex(
            [claim_tokens(row[3]) if row[3] else texts[n] for n, row in enumerate(rows)]
        ),
    )
    _verdicts_seen[:] = [verdicts]
    return verdicts


def claims_with_similar_verdicts(claims) -> set[int]:
    """Of ``claims`` (a page of the queue), those with an earlier approved
    verdict on a similar claim in another article: the same test as the claim
    page's ``claim_similar_verdicts``, against the same bounded candidates,
    read once for the whole page."""
    from .services.workflow import SIMILARITY_THRESHOLD

    claims = list(claims)
    if not claims:
        return set()
    verdicts = _earlier_verdicts()
    found = set()
    for claim in claims:
        text = claim_tokens(claim.text)
        quote = claim_tokens(claim.quote) if claim.quote else text
        for scores in (verdicts.texts.scores(text), verdicts.quotes.scores(quote)):
            if any(
                score >= SIMILARITY_THRESHOLD and verdicts.articles[n] != claim.article_id
                for n, score in scores.items()
            ):
                found.add(claim.pk)
                break
    return found
