"""Baseline views: the API's article list and detail JSON built by hand from
``values()``, and a no-op view for the cost of a bare request.

They answer the same question as the API (published articles, newest first,
page of 20 with their actors and approved-claim count; one article with its
approved claims) in the fewest queries and with no serializer, so the ratio
to them is what the API's framework and query plan cost on top. Served only
by ``bench.urls`` inside bench subprocesses, never by the project.
"""

from __future__ import annotations

from collections import defaultdict

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse

from articles.models import ActorMention, Article, Claim

PAGE_SIZE = 20
ARTICLE_FIELDS = ("id", "slug", "title", "dateline", "status", "published_at", "updated_at")


def _iso(value) -> str | None:
    """Dates and times as DRF renders them (UTC with a Z)."""
    if value is None:
        return None
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _actors_by_article(ids: list[int]) -> dict[int, list[dict]]:
    actors = defaultdict(list)
    mentions = (
        ActorMention.objects.filter(article_id__in=ids)
        .order_by("-count", "actor__name")
        .values("article_id", "actor__slug", "actor__name", "actor__kind")
    )
    for m in mentions:
        actors[m["article_id"]].append(
            {"slug": m["actor__slug"], "name": m["actor__name"], "kind": m["actor__kind"]}
        )
    return actors


def _article_json(row: dict, actors: list[dict]) -> dict:
    return {
        "slug": row["slug"],
        "title": row["title"],
        "dateline": _iso(row["dateline"]),
        "status": row["status"],
        "published_at": _iso(row["published_at"]),
        "updated_at": _iso(row["updated_at"]),
        "url": f"{settings.NEWSROOM_SITE_URL}/articles/{row['slug']}/",
        "actors": actors,
        "claims_count": row["claims_count"],
    }


def _published():
    # The API's own SQL for the count (a subquery per row of the page), so the
    # ratio is what the framework costs, not a slower query plan.
    return Article.objects.published().with_claims_count()


def article_list(request):
    try:
        page = max(1, int(request.GET.get("page", "1")))
    except ValueError:
        page = 1
    queryset = _published()
    count = Article.objects.published().count()
    rows = list(
        queryset.order_by("-published_at", "-id").values(*ARTICLE_FIELDS, "claims_count")[
            (page - 1) * PAGE_SIZE : page * PAGE_SIZE
        ]
    )
    actors = _actors_by_article([r["id"] for r in rows])
    base = request.build_absolute_uri(request.path)
    return JsonResponse(
        {
            "count": count,
            "next": f"{base}?page={page + 1}" if page * PAGE_SIZE < count else None,
            "previous": f"{base}?page={page - 1}" if page > 1 else None,
            "results": [_article_json(r, actors[r["id"]]) for r in rows],
        }
    )


CLAIM_FIELDS = (
    "id",
    "kind",
    "text",
    "quote",
    "start",
    "end",
    "checkworthiness",
    "status",
    "rating",
    "verdict_summary",
    "sources",
    "reviewed_at",
    "version",
    "speaker__slug",
    "speaker__name",
)


def article_detail(request, slug):
    row = _published().filter(slug=slug).values(*ARTICLE_FIELDS, "body", "claims_count").first()
    if row is None:
        raise Http404
    claims = Claim.objects.filter(article_id=row["id"], status=Claim.Status.APPROVED).order_by(
        "start", "id"
    )
    data = _article_json(row, _actors_by_article([row["id"]])[row["id"]])
    data["body"] = row["body"]
    data["claims"] = [
        {
            "id": c["id"],
            "article": row["slug"],
            "kind": c["kind"],
            "text": c["text"],
            "quote": c["quote"],
            "speaker": (
                {"slug": c["speaker__slug"], "name": c["speaker__name"]}
                if c["speaker__slug"]
                else None
            ),
            "start": c["start"],
            "end": c["end"],
            "checkworthiness": c["checkworthiness"],
            "status": c["status"],
            "rating": c["rating"],
            "verdict_summary": c["verdict_summary"],
            "sources": c["sources"],
            "reviewed_at": _iso(c["reviewed_at"]),
            "version": c["version"],
            "url": f"{settings.NEWSROOM_SITE_URL}/fact-checks/{c['id']}/",
        }
        for c in claims.values(*CLAIM_FIELDS)
    ]
    return JsonResponse(data)


def noop(request):
    return HttpResponse("ok", content_type="text/plain")
