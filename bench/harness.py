"""What every section subprocess shares: Django set-up, the result line,
request timing and SQL query profiles.

A section module defines ``measure(plan) -> dict[row key, Result]`` and ends
with ``section_main(measure)``; one figure that cannot be measured becomes a
"not measured: <reason>" result without stopping the others.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict

from .config import REPO as _REPO
from .config import Plan
from .report import Result, percentile

RESULT_PREFIX = "BENCH_RESULT "
_SITE = str(_REPO / ".venv" / "lib" / "python3.11" / "site-packages") + "/"


class NotMeasured(Exception):
    """A figure that cannot be measured now, with the reason for the table."""


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()
    from django.conf import settings

    # The orchestrator always points sections at a scratch database.
    name = str(settings.DATABASES["default"]["NAME"])
    if name == "newsroom" or name.endswith("newsroom.sqlite3"):
        raise SystemExit(f"refusing to benchmark the developer's database {name}")


def failure(exc: BaseException) -> str:
    if isinstance(exc, NotMeasured):
        return f"not measured: {exc}"
    return f"not measured: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"


def attempt(results: dict[str, Result], keys: Iterable[str], measure: Callable[[], dict]):
    """Run one figure's measurement; on failure mark its rows with the reason."""
    keys = list(keys)
    try:
        results.update(measure())
    except Exception as exc:  # one figure failing must not stop the rest
        if not isinstance(exc, NotMeasured):
            traceback.print_exc()
        for key in keys:
            results[key] = Result(error=failure(exc))


def section_main(measure: Callable[[Plan], dict[str, Result]], *, django: bool = True) -> None:
    plan = Plan.from_env()
    try:
        if django:
            django_setup()
        results = {k: asdict(v) for k, v in measure(plan).items()}
    except Exception as exc:
        if not isinstance(exc, NotMeasured):
            traceback.print_exc()
        results = {"*": asdict(Result(error=failure(exc)))}
    print(RESULT_PREFIX + json.dumps(results), flush=True)


# ---------------------------------------------------------------- requests


def _check(response, url: str) -> None:
    if response.status_code != 200:
        raise NotMeasured(f"GET {url} answered {response.status_code}")


def time_requests(client, urls: list[str], plan: Plan, *, warmup: int = 3) -> list[list[float]]:
    """Milliseconds per request for each url, one figure per run (each the mean
    of a few requests); the urls take turns run by run, so drift hits all alike."""
    for url in urls:
        for _ in range(warmup):
            _check(client.get(url), url)
    runs: list[list[float]] = [[] for _ in urls]
    for _ in range(plan.runs):
        for i, url in enumerate(urls):
            started = time.perf_counter_ns()
            for _ in range(plan.requests_per_run):
                response = client.get(url)
            runs[i].append((time.perf_counter_ns() - started) / plan.requests_per_run / 1e6)
            _check(response, url)
    return runs


def profile_requests(client, url: str, *, count: int = 20, top: int = 28) -> str:
    """cProfile of ``count`` GETs of ``url``: where a request spends its time."""
    import cProfile
    import io
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(count):
        client.get(url)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
    lines = [line for line in out.getvalue().splitlines() if line.strip()]
    start = next((i for i, line in enumerate(lines) if "ncalls" in line), 0)
    return f"cProfile of {count} requests, by cumulative time:\n" + "\n".join(
        line.replace(str(_REPO) + "/", "").replace(_SITE, "") for line in lines[start:]
    )


def timed_get(client, url: str) -> float:
    """Milliseconds of one GET (which must answer 200)."""
    started = time.perf_counter_ns()
    response = client.get(url)
    elapsed = (time.perf_counter_ns() - started) / 1e6
    _check(response, url)
    return elapsed


def sample_runs(client, urls: list[str], *, runs: int, count: int, budget_s: float):
    """Per run, the milliseconds of up to ``count`` GETs cycling through ``urls``.

    Stops early when the budget is spent, keeping at least five samples in all;
    when a single request takes a tenth of the budget (a page far over any
    target), two or three samples are all the bench waits for.
    """
    warm = timed_get(client, urls[0])
    slow = warm > budget_s * 1000 / 10
    deadline = time.monotonic() + budget_s
    result: list[list[float]] = []
    total = 0
    for _ in range(runs):
        samples: list[float] = []
        for i in range(count):
            samples.append(timed_get(client, urls[(total + i) % len(urls)]))
            if time.monotonic() > deadline and (slow or total + len(samples) >= 5):
                break
        total += len(samples)
        result.append(samples)
        if time.monotonic() > deadline:
            break
    return result, warm


def percentile_runs(runs: list[list[float]], pct: float) -> list[float]:
    return [percentile(samples, pct) for samples in runs if samples]


# ---------------------------------------------------------------- queries

_LITERALS = re.compile(r"'(?:[^']|'')*'|\b\d+(?:\.\d+)?\b")
_IN_LISTS = re.compile(r"IN \((?:\?, )*\?\)")


def sql_shape(sql: str) -> str:
    """A statement with its literals folded, so repeats of one query count together."""
    return _IN_LISTS.sub("IN (...)", _LITERALS.sub("?", sql))


def query_profile(client, url: str) -> tuple[int, list[dict]]:
    """How many SQL queries one GET of ``url`` runs, and the queries themselves,
    each with its time in milliseconds (``ms``, timed here to the microsecond:
    Django's own ``time`` is rounded to the millisecond)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    durations: list[float] = []

    def timer(execute, sql, params, many, context):
        started = time.perf_counter_ns()
        try:
            return execute(sql, params, many, context)
        finally:
            durations.append((time.perf_counter_ns() - started) / 1e6)

    with CaptureQueriesContext(connection) as captured, connection.execute_wrapper(timer):
        response = client.get(url)
    _check(response, url)
    queries = [dict(q) for q in captured.captured_queries]
    if len(durations) == len(queries):
        for query, ms in zip(queries, durations, strict=True):
            query["ms"] = ms
    else:
        for query in queries:
            query["ms"] = float(query.get("time") or 0) * 1000
    return len(queries), queries


def sql_ms(queries: list[dict]) -> float:
    return sum(q["ms"] for q in queries)


def statement_label(sql: str, width: int = 90) -> str:
    return sql_shape(" ".join(sql.split()))[:width] + ("..." if len(sql) > width else "")


def describe_queries(queries: list[dict], *, width: int = 160) -> str:
    """The queries a request ran, repeated statement shapes first (N+1 shows up here)."""
    shapes = Counter(sql_shape(q["sql"]) for q in queries)
    lines = [f"{len(queries)} queries, {len(shapes)} distinct statements"]
    repeated = [(n, s) for s, n in shapes.most_common() if n > 1]
    for n, shape in repeated:
        lines.append(f"repeated {n}x: {shape[:width]}")
    lines.append("in order (ms, statement):")
    for q in queries:
        lines.append(f"  {q.get('ms', 0):8.2f}  {q['sql'][:width]}")
    return "\n".join(lines)


def repeated_note(queries: list[dict]) -> str:
    """A short reason for a query count over target, from the repeated statements."""
    shapes = Counter(sql_shape(q["sql"]) for q in queries)
    repeated = [(n, s) for s, n in shapes.most_common() if n > 1]
    if not repeated:
        return f"{len(shapes)} distinct statements, none repeated (see Evidence)"
    n, shape = repeated[0]
    table = re.search(r'FROM "?(\w+)"?', shape)
    where = f" on {table.group(1)}" if table else ""
    return f"N+1: one statement{where} runs {n} times per request (see Evidence)"


def explain(sql: str, *, analyze: bool = True) -> str:
    """EXPLAIN (with ANALYZE and BUFFERS unless told not to) of one captured
    PostgreSQL statement."""
    from django.db import connection

    options = "(ANALYZE, BUFFERS) " if analyze else ""
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {options}{sql}")
        return "\n".join(row[0] for row in cursor.fetchall())


def bench_client():
    """A test client on the project's routes plus the bench's baseline views."""
    from django.test import Client, override_settings

    override_settings(ROOT_URLCONF="bench.urls").enable()
    return Client()


def first_published_slug(*, with_claims: bool = True) -> str:
    """The published article with the most approved claims (ties: the oldest id)."""
    from django.db.models import Count, Q

    from articles.models import Article, Claim

    article = (
        Article.objects.published()
        .annotate(n=Count("claims", filter=Q(claims__status=Claim.Status.APPROVED)))
        .order_by("-n" if with_claims else "id", "id")
        .values("slug")
        .first()
    )
    if article is None:
        raise NotMeasured("no published article in the data set")
    return article["slug"]
