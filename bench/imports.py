"""Import: articles per second through ``articles_import`` as ``import_seeds``
calls it (batches of files per transaction, extraction in one worker process
per core), on the database in ``DATABASE_URL`` (the orchestrator runs this
once on SQLite and once on PostgreSQL).

Each run starts from empty tables and imports the same corpus variants. The
baseline writes exactly the rows the importer wrote (read back after the last
run) with bulk_create in one transaction: no extraction, no lookups, no checks.
"""

from __future__ import annotations

import time

from .config import REPO, Plan
from .dataset import corpus_variants
from .harness import NotMeasured, describe_queries, log, section_main
from .report import Result

# Parents before children, though the constraints are deferred anyway.
WRITTEN_MODELS = (
    "Actor",
    "ActorAlias",
    "Article",
    "ArticleRevision",  # each claim points at the text it was read from
    "ActorMention",
    "Claim",
    "ClaimEvent",
)


def content_models():
    from django.apps import apps

    return list(apps.get_app_config("articles").get_models())


def empty_tables() -> None:
    """Remove every row the app holds (users and groups stay)."""
    from django.db import connection

    tables = [m._meta.db_table for m in content_models()]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"TRUNCATE {', '.join(quote(t) for t in tables)} RESTART IDENTITY CASCADE"
            )
            return
        cursor.execute("PRAGMA foreign_keys = OFF")
        for table in tables:
            cursor.execute(f"DELETE FROM {quote(table)}")
        cursor.execute("PRAGMA foreign_keys = ON")


def _import(texts, *, jobs: int) -> None:
    from articles.services.imports import Source, SourceRejected, articles_import

    sources = (Source(text=text, source_path=key, key=key) for key, text in texts)
    for outcome in articles_import(sources, jobs=jobs):
        if isinstance(outcome, SourceRejected):
            raise NotMeasured(f"a corpus variant was rejected: {outcome}")


def _import_all(texts) -> float:
    from articles.services.imports import default_jobs

    empty_tables()
    started = time.perf_counter_ns()
    # What the command does for this many files, worker processes' start included.
    _import(texts, jobs=default_jobs(len(texts)))
    return (time.perf_counter_ns() - started) / 1e9


def _bulk_create_all(rows: dict) -> float:
    from django.db import transaction

    empty_tables()
    started = time.perf_counter_ns()
    with transaction.atomic():
        for model, objs in rows.items():
            model.objects.bulk_create(objs, batch_size=500)
    return (time.perf_counter_ns() - started) / 1e9


def measure(plan: Plan) -> dict[str, Result]:
    from django.apps import apps
    from django.db import connection

    from articles.extraction import extract
    from articles.models import Article

    key = f"import_{'postgres' if connection.vendor == 'postgresql' else 'sqlite'}_rate"
    texts = list(corpus_variants(plan.import_articles))
    try:
        extract(texts[0][1])
    except NotImplementedError:
        raise NotMeasured("extract() is not implemented yet, so nothing imports") from None

    _import_all(texts[:20])  # warm up: imports, lazy tables, the connection
    runs = []
    for n in range(plan.import_runs):
        seconds = _import_all(texts)
        stored = Article.objects.count()
        if stored != len(texts):
            raise NotMeasured(f"{stored} of {len(texts)} articles stored: some were duplicates")
        runs.append(len(texts) / seconds)
        log(f"  import run {n + 1}: {runs[-1]:.0f} articles/s")

    rows = {}
    for name in WRITTEN_MODELS:
        model = apps.get_model("articles", name)
        # The base manager: every column, even those the default manager defers.
        rows[model] = list(model._base_manager.order_by("pk"))
    row_count = sum(map(len, rows.values()))
    baseline_runs = []
    for _ in range(plan.import_runs):
        baseline_runs.append(len(texts) / _bulk_create_all(rows))

    probe = _probe(texts, runs)
    return {
        key: Result(
            runs=runs,
            baseline_runs=baseline_runs,
            baseline_label="bulk_create of the same rows",
            note=probe["note"],
            evidence=(
                f"{len(texts):,} articles -> {row_count:,} rows "
                + ", ".join(f"{m.__name__} {len(o):,}" for m, o in rows.items())
                + "\n"
                + probe["evidence"]
            ),
        )
    }


def _probe(texts, runs: list[float], size: int = 200) -> dict[str, str]:
    """Untimed by the table: where one article's import time goes, measured on
    ``size`` articles into empty tables with extraction in this process (SQL
    statements timed one by one, the commits apart, extraction alone) and
    profiled on as many more."""
    import cProfile
    import io
    import pstats

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles.extraction import extract
    from articles.services.imports import BATCH_SIZE, default_jobs

    size = min(size, len(texts) // 2)
    sql_ns: list[int] = []
    commit_ns: list[int] = []

    def timer(execute, sql, params, many, context):
        started = time.perf_counter_ns()
        try:
            return execute(sql, params, many, context)
        finally:
            sql_ns.append(time.perf_counter_ns() - started)

    plain_commit = connection._commit

    def timed_commit():
        started = time.perf_counter_ns()
        try:
            return plain_commit()
        finally:
            commit_ns.append(time.perf_counter_ns() - started)

    empty_tables()
    connection._commit = timed_commit
    try:
        started = time.perf_counter_ns()
        with connection.execute_wrapper(timer):
            _import(texts[:size], jobs=1)
        wall_ms = (time.perf_counter_ns() - started) / size / 1e6
    finally:
        connection._commit = plain_commit
    started = time.perf_counter_ns()
    for _, text in texts[:size]:
        extract(text)
    extract_ms = (time.perf_counter_ns() - started) / size / 1e6
    statements = len(sql_ns) / size
    sql_ms, commit_ms = sum(sql_ns) / size / 1e6, sum(commit_ns) / size / 1e6
    python_ms = wall_ms - extract_ms - sql_ms - commit_ms

    with CaptureQueriesContext(connection) as one:
        _import(texts[size : size + BATCH_SIZE], jobs=1)
    profiler = cProfile.Profile()
    profiler.enable()
    _import(texts[size + BATCH_SIZE : 2 * size + BATCH_SIZE], jobs=1)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(r"articles/", 14)
    profile = "\n".join(
        line.replace(str(REPO) + "/", "")
        for line in out.getvalue().splitlines()
        if line.strip() and ("articles/" in line or "ncalls" in line)
    )
    run_ms = 1000 / (sum(runs) / len(runs))
    jobs = default_jobs(len(texts))
    note = (
        f"{run_ms:.1f} ms per article in the runs ({jobs} extraction process(es) beside the "
        f"one storing batches of {BATCH_SIZE}); in one process ({wall_ms:.1f} ms in a probe "
        f"of {size}): extraction {extract_ms:.1f} ms, {statements:.1f} SQL statements "
        f"{sql_ms:.1f} ms, COMMIT {commit_ms:.2f} ms, ORM and the importer's Python "
        f"{python_ms:.1f} ms"
    )
    evidence = (
        f"probe of {size} articles in one process: {wall_ms:.2f} ms each = extraction "
        f"{extract_ms:.2f} + SQL {sql_ms:.2f} ({statements:.1f} statements) + COMMIT "
        f"{commit_ms:.2f} + Python {python_ms:.2f}\none batch's import ({BATCH_SIZE} "
        "articles):\n"
        + describe_queries(
            [{**q, "ms": float(q["time"] or 0) * 1000} for q in one.captured_queries]
        )
        + f"\ncProfile of {size} more imports in one process (cumulative, the app's "
        f"functions):\n{profile}"
    )
    return {"note": note, "evidence": evidence}


if __name__ == "__main__":
    section_main(measure)
