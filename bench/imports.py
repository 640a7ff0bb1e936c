"""Import: articles per second through ``article_import_text``, on the database
in ``DATABASE_URL`` (the orchestrator runs this once on SQLite and once on
PostgreSQL).

Each run starts from empty tables and imports the same corpus variants. The
baseline writes exactly the rows the importer wrote (read back after the last
run) with bulk_create in one transaction: no extraction, no lookups, no checks.
"""

from __future__ import annotations

import time

from .config import Plan
from .dataset import corpus_variants
from .harness import NotMeasured, describe_queries, log, section_main
from .report import Result

# Parents before children, though the constraints are deferred anyway.
WRITTEN_MODELS = ("Actor", "ActorAlias", "Article", "ActorMention", "Claim", "ClaimEvent")


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


def _import_all(texts) -> float:
    from articles.services.imports import article_import_text

    empty_tables()
    started = time.perf_counter_ns()
    for key, text in texts:
        article_import_text(text=text, source_path=key, key=key)
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
    from django.test.utils import CaptureQueriesContext

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
        rows[model] = list(model.objects.order_by("pk"))
    row_count = sum(map(len, rows.values()))
    baseline_runs = []
    for _ in range(plan.import_runs):
        baseline_runs.append(len(texts) / _bulk_create_all(rows))

    # Untimed: what one article costs in queries, and extraction's share of it.
    probe = texts[: min(50, len(texts))]
    empty_tables()
    from articles.services.imports import article_import_text

    with CaptureQueriesContext(connection) as captured:
        for k, text in probe:
            article_import_text(text=text, source_path=k, key=k)
    per_article = len(captured.captured_queries) / len(probe)
    sql_ms = sum(float(q["time"] or 0) for q in captured.captured_queries) * 1000 / len(probe)
    commit_ms = (
        sum(float(q["time"] or 0) for q in captured.captured_queries if q["sql"] == "COMMIT")
        * 1000
        / len(probe)
    )
    with CaptureQueriesContext(connection) as one:
        k, text = texts[len(probe)]
        article_import_text(text=text, source_path=k, key=k)
    started = time.perf_counter_ns()
    for _, text in texts:
        extract(text)
    extract_ms = (time.perf_counter_ns() - started) / len(texts) / 1e6
    import_ms = 1000 / (sum(runs) / len(runs))
    note = (
        f"per article {import_ms:.1f} ms: extraction {extract_ms:.1f} ms (alone it caps the rate "
        f"at {1000 / extract_ms:.0f}/s), {per_article:.0f} SQL statements taking "
        f"{sql_ms:.1f} ms (COMMIT {commit_ms:.1f} ms; one transaction per article), the rest "
        "in Python (ORM, actor matching)"
    )
    evidence = (
        f"{len(texts):,} articles -> {row_count:,} rows "
        + ", ".join(f"{m.__name__} {len(o):,}" for m, o in rows.items())
        + f"\nextraction alone: {extract_ms:.2f} ms per article; import: {import_ms:.2f} ms\n"
        f"SQL per article, mean over {len(probe)}: {per_article:.1f} statements, "
        f"{sql_ms:.2f} ms as Django times them (COMMIT {commit_ms:.2f} ms)\n"
        "one article's import:\n" + describe_queries(one.captured_queries)
    )
    return {
        key: Result(
            runs=runs,
            baseline_runs=baseline_runs,
            baseline_label="bulk_create of the same rows",
            note=note,
            evidence=evidence,
        )
    }


if __name__ == "__main__":
    section_main(measure)
