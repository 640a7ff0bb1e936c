"""Scale: the filtered article list, the claim list by rating and speaker,
search, the reader's home page and the desk's claims queue in the admin, at
100,000 articles on PostgreSQL (the data set from ``bench.dataset.generate``),
in process; p50 and p95 per run, median of runs.

Each figure cycles through a handful of realistic filters (a much-named actor
and a rarely named one, recent and older dates, each rating) so one cached
plan or one lucky filter does not decide the result. The slowest statement of
each endpoint is EXPLAINed (ANALYZE, BUFFERS) for the evidence.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlencode

from .config import Plan
from .harness import (
    NotMeasured,
    attempt,
    bench_client,
    describe_queries,
    explain,
    log,
    percentile_runs,
    query_profile,
    sample_runs,
    section_main,
)
from .report import Result

SEARCH_TERMS = (
    "election",
    "tax rise",
    "Blair",
    "economy growth",
    "interest rates",
    "Brown budget",
    "maternity pay",
    "asylum",
)


def _actor_slugs(kind: str | None = None, count: int = 4) -> list[str]:
    """Slugs from the most named down to the rarely named, spread out."""
    from django.db.models import Count

    from articles.models import Actor

    actors = Actor.objects.annotate(n=Count("mentions")).filter(n__gt=0)
    if kind:
        actors = actors.filter(kind=kind)
    slugs = list(actors.order_by("-n", "id").values_list("slug", flat=True))
    if not slugs:
        raise NotMeasured("no actors in the data set")
    step = max(1, len(slugs) // count)
    return slugs[::step][:count]


def _speakers_with_verdicts(count: int = 4) -> list[str]:
    from django.db.models import Count

    from articles.models import Actor

    slugs = list(
        Actor.objects.filter(claims__status="approved")
        .annotate(n=Count("claims"))
        .order_by("-n", "id")
        .values_list("slug", flat=True)
    )
    if not slugs:
        raise NotMeasured("no approved claims with a speaker in the data set")
    step = max(1, len(slugs) // count)
    return slugs[::step][:count]


def slowest_statement(client, url: str) -> tuple[str, str]:
    """(summary, plan) of the slowest SQL statement one GET of ``url`` runs.

    EXPLAIN ANALYZE runs the statement again, so a statement slower than two
    seconds gets a plain EXPLAIN (the plan's shape without timings).
    """
    count, queries = query_profile(client, url)
    slowest = max(queries, key=lambda q: q["ms"])
    sql, seconds = slowest["sql"], slowest["ms"] / 1000
    summary = (
        f"GET {url}\n{describe_queries(queries)}\n"
        f"the slowest ({seconds * 1000:.0f} ms) in full:\n{sql[:1500]}"
        + (" ..." if len(sql) > 1500 else "")
    )
    return summary, explain(sql, analyze=seconds < 2)


def plan_note(plan_text: str) -> str:
    """A short reason for a time over target, read off the slowest statement's plan."""
    reasons = []
    if "to_tsvector" in plan_text:
        indexed = re.search(
            r"Bitmap Index Scan on (\w+)[^\n]*rows=(\d+)[^\n]*\n\s*Index Cond: [^\n]*to_tsvector",
            plan_text,
        )
        if indexed:
            reasons.append(
                f"the full-text index {indexed.group(1)} matches ~{int(indexed.group(2)):,} rows "
                "(estimated) and ts_rank recomputes to_tsvector on each one before the top 20 "
                "are kept (no stored tsvector)"
            )
        else:
            reasons.append("to_tsvector computed for every row (no full-text index used)")
    for table in ("articles_article", "articles_claim", "articles_actormention"):
        if f"Seq Scan on {table}" in plan_text:
            reasons.append(f"a sequential scan of {table}")
    if "SubPlan" in plan_text:
        reasons.append("a correlated subquery run once per row (SubPlan)")
    jit = re.search(r"JIT:.*?Total ([\d.]+) ms", plan_text, re.DOTALL)
    if jit and float(jit.group(1)) > 50:
        reasons.append(f"{float(jit.group(1)):.0f} ms of JIT compilation")
    grouped = [
        int(n)
        for n in re.findall(
            r"(?:GroupAggregate|HashAggregate|Group) +\(cost=[^)]*\) "
            r"\(actual time=[\d.]+\.\.[\d.]+ rows=(\d+)",
            plan_text,
        )
    ]
    if grouped and max(grouped) > 1000:
        joined = " joined to articles_claim" if "articles_claim" in plan_text else ""
        reasons.append(f"a GROUP BY over {max(grouped):,} rows{joined} before the page is cut")
    loops = [int(n) for n in re.findall(r"loops=(\d+)", plan_text)]
    if loops and max(loops) > 1000:
        reasons.append(f"a nested-loop lookup repeated {max(loops):,} times")
    if "Sort Method: external" in plan_text:
        reasons.append("a sort spilling to disk")
    if not reasons:
        return "see the plan under Evidence"
    return "in its slowest statement: " + "; ".join(reasons) + " (plan under Evidence)"


def _editor_client():
    """A client logged in to the admin as an editor (the role that sees every
    desk list), made for the bench in its scratch database."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client

    editor, _ = get_user_model().objects.get_or_create(
        username="bench-editor", defaults={"is_staff": True}
    )
    editor.groups.add(Group.objects.get(name="Editor"))
    client = Client()
    client.force_login(editor)
    return client


def _busy_speaker_id() -> int:
    from django.db.models import Count

    from articles.models import Actor

    busiest = Actor.objects.annotate(n=Count("claims")).order_by("-n", "id").first()
    if busiest is None:
        raise NotMeasured("no speakers in the data set")
    return busiest.pk


QUEUE = "/admin/articles/claim/"


def queue_urls() -> list[str]:
    """The queue's first page as the desk opens it: everything (open claims
    first), the open and the unassigned claims, those at the publish gate, and
    one busy speaker's; each most check-worthy first."""
    return [
        QUEUE,
        QUEUE + "?" + urlencode({"status__exact": "new"}),
        QUEUE + "?" + urlencode({"desk": "unassigned"}),
        QUEUE + "?" + urlencode({"worthiness": "gate"}),
        QUEUE + "?" + urlencode({"speaker": _busy_speaker_id()}),
    ]


def _figure(client, plan: Plan, key: str, urls: list[str]) -> dict[str, Result]:
    runs, warm = sample_runs(
        client, urls, runs=plan.scale_runs, count=plan.scale_requests, budget_s=plan.scale_budget_s
    )
    for n, samples in enumerate(runs, start=1):
        log(f"  {key} run {n}: {len(samples)} requests, max {max(samples):.0f} ms")
    summary, query_plan = slowest_statement(client, urls[0])
    evidence = (
        f"first (warm-up) request {warm:.0f} ms; requests per run: "
        f"{', '.join(str(len(r)) for r in runs)}\nurls cycled: {', '.join(urls)}\n"
        f"{summary}\n\n{query_plan}"
    )
    return {
        f"scale_{key}_p50": Result(runs=percentile_runs(runs, 50)),
        f"scale_{key}_p95": Result(
            runs=percentile_runs(runs, 95), note=plan_note(query_plan), evidence=evidence
        ),
    }


def measure(plan: Plan) -> dict[str, Result]:
    from django.db import connection
    from django.utils import timezone

    from articles.models import Article

    if connection.vendor != "postgresql":
        raise NotMeasured("the scale section runs on PostgreSQL only")
    total = Article.objects.count()
    if total == 0:
        raise NotMeasured("the scale data set is empty")
    log(f"  scale data set: {total:,} articles")
    client = bench_client()
    results: dict[str, Result] = {}

    def articles():
        today = timezone.now().date()
        dates = [today - dt.timedelta(days=d) for d in (30, 365, 700)]
        urls = [
            "/api/v1/articles/?"
            + urlencode({"actor": slug, "published_after": f"{date.isoformat()}T00:00:00Z"})
            for slug in _actor_slugs()
            for date in dates
        ]
        return _figure(client, plan, "articles", urls)

    def claims():
        ratings = ("false", "true", "mixed", "mostly-false")
        urls = [
            "/api/v1/claims/?" + urlencode({"rating": rating, "speaker": slug})
            for slug in _speakers_with_verdicts()
            for rating in ratings
        ]
        return _figure(client, plan, "claims", urls)

    def search():
        urls = ["/search/?" + urlencode({"q": term}) for term in SEARCH_TERMS]
        return _figure(client, plan, "search", urls)

    attempt(results, ["scale_articles_p50", "scale_articles_p95"], articles)
    attempt(results, ["scale_claims_p50", "scale_claims_p95"], claims)
    attempt(results, ["scale_search_p50", "scale_search_p95"], search)
    attempt(
        results,
        ["scale_home_p50", "scale_home_p95"],
        lambda: _figure(client, plan, "home", ["/", "/?page=2", "/?page=50"]),
    )

    def queue():
        desk = _editor_client()
        urls = queue_urls()
        figures = _figure(desk, plan, "queue", urls)
        counts = [query_profile(desk, url)[0] for url in urls]
        figures["scale_queue_queries"] = Result(
            runs=[max(counts)],
            note=f"per url: {', '.join(f'{u} {n}' for u, n in zip(urls, counts, strict=True))}",
        )
        return figures

    attempt(results, ["scale_queue_p50", "scale_queue_p95", "scale_queue_queries"], queue)
    return results


if __name__ == "__main__":
    section_main(measure)
