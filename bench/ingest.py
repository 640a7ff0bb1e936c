"""Ingest: articles per second through the background workers, and the whole
``import_seeds`` command as a user runs it.

- Workers: the same corpus variants sent as one ingest job of texts (the
  admin's pasted text or the API's ``{"text"}``), done by one and then two
  Celery worker processes (prefork, one process each) against Redis (DB 5)
  and the database in ``DATABASE_URL``; timed from the job's start to its
  last item. Baseline: the same texts through ``articles_import`` in this
  process, one extraction process, batches of 50 (``import_seeds --jobs 1``).
- Command: ``manage.py import_seeds`` on ``BENCH_COMMAND_FILES`` (400) files
  in a fresh process, timed from the shell (interpreter start, Django set-up,
  imports, the extraction pool's start, the import, the summary). Baseline:
  ``articles_import`` of the same files in a warm process, as the import row
  measures it. The evidence says where the difference goes.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

from .config import REPO, VAR, Plan
from .dataset import corpus_variants
from .harness import NotMeasured, log, section_main
from .imports import empty_tables
from .report import Result

BROKER = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/5")
COMMAND_FILES = int(os.environ.get("BENCH_COMMAND_FILES", "400"))


def _worker_env() -> dict:
    # As make worker runs them: a connection kept across tasks, not one per task.
    return {
        **os.environ,
        "REDIS_URL": BROKER,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DJANGO_CONN_MAX_AGE": os.environ.get("DJANGO_CONN_MAX_AGE", "60"),
    }


def _start_workers(count: int) -> list[subprocess.Popen]:
    procs = []
    for n in range(count):
        log_file = (VAR / f"ingest-worker-{n}.log").open("wb")
        procs.append(
            subprocess.Popen(
                [sys.executable, "-m", "celery", "-A", "newsroom", "worker", "--pool=prefork",
                 "--concurrency=1", f"--hostname=bench-{n}@%h", "--without-gossip",
                 "--without-mingle", "--loglevel=WARNING"],
                cwd=REPO, env=_worker_env(), stdout=log_file, stderr=subprocess.STDOUT,
            )
        )  # fmt: skip
    return procs


def _stop(procs: list[subprocess.Popen]) -> None:
    for proc in procs:
        proc.terminate()
    for proc in procs:
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


def _warm(texts, workers) -> None:
    """One small job first: the workers are up and have imported everything."""
    _job(texts[:4])
    if any(p.poll() is not None for p in workers):
        raise NotMeasured("a Celery worker exited at start (is Redis running?)")


def _job(texts) -> float:
    from articles.ingest.jobs import ItemSpec, ingest_job_start
    from articles.models import ImportItem, ImportRun

    items = [ItemSpec(source=k, format=ImportItem.Format.TEXT, payload=t) for k, t in texts]
    started = time.perf_counter()
    run = ingest_job_start(kind=ImportRun.Kind.PASTE, items=items)
    deadline = time.monotonic() + 600
    while not ImportRun.objects.filter(pk=run.pk, finished_at__isnull=False).exists():
        if time.monotonic() > deadline:
            raise NotMeasured("the workers did not finish a job in 10 minutes")
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    run.refresh_from_db()
    if run.failed:
        source, reason = run.items.filter(status="failed").values_list("source", "reason")[0]
        raise NotMeasured(f"{run.failed} items failed, the first {source}: {reason[:300]}")
    return seconds


def _in_process(texts) -> float:
    from articles.services.imports import Source, articles_import

    empty_tables()
    started = time.perf_counter()
    sources = (Source(text=t, source_path=k, key=k) for k, t in texts)
    for _ in articles_import(sources, jobs=1):
        pass
    return time.perf_counter() - started


def measure_workers(plan: Plan, texts) -> dict[str, Result]:
    import redis
    from django.conf import settings

    from newsroom.celery import app

    try:
        redis.Redis.from_url(BROKER).flushdb()
    except redis.RedisError as exc:
        raise NotMeasured(f"Redis not reachable at {BROKER}: {exc}") from None
    app.conf.update(task_always_eager=False, broker_url=BROKER)
    settings.CELERY_TASK_ALWAYS_EAGER = False
    baseline = [len(texts) / _in_process(texts) for _ in range(plan.import_runs)]
    results = {}
    for count in (1, 2):
        workers = _start_workers(count)
        try:
            empty_tables()
            _warm(list(corpus_variants(len(texts) + 4))[-4:], workers)
            runs = []
            for _ in range(plan.import_runs):
                empty_tables()
                runs.append(len(texts) / _job(texts))
                log(f"  {count} worker(s): {runs[-1]:.0f} articles/s")
        finally:
            _stop(workers)
        results[f"ingest_workers{count}_rate"] = Result(
            runs=runs,
            baseline_runs=baseline,
            baseline_label="articles_import in process, one extraction process",
            note=(
                "one task, one transaction and one article per item (the in-process "
                "import stores 50 per transaction); the test process, Redis and the "
                "database share the cores with the workers"
            ),
        )
    return results


def measure_command(plan: Plan) -> dict[str, Result]:
    folder = VAR / "command-files"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.txt"):
        old.unlink()
    texts = list(corpus_variants(COMMAND_FILES))
    for key, text in texts:
        (folder / (key.replace("/", "__"))).write_text(text, encoding="utf-8")
    from articles.services.imports import articles_import, default_jobs, sources_from_files

    files = sorted(folder.glob("*.txt"))
    jobs = default_jobs(len(files))
    baseline = []
    for _ in range(plan.import_runs):
        empty_tables()
        started = time.perf_counter()
        for _ in articles_import(sources_from_files(files), jobs=jobs):
            pass
        baseline.append(len(files) / (time.perf_counter() - started))
    runs, startup = [], []
    env = {**os.environ}
    for _ in range(plan.import_runs):
        empty_tables()
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "manage.py", "import_seeds", str(folder), "-v", "0"],
            cwd=REPO, env=env, capture_output=True, text=True,
        )  # fmt: skip
        seconds = time.perf_counter() - started
        if done.returncode:
            raise NotMeasured(f"import_seeds failed: {done.stderr[-300:]}")
        runs.append(len(files) / seconds)
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "manage.py", "import_seeds", "--help"],
            cwd=REPO, env=env, capture_output=True,
        )  # fmt: skip
        startup.append(time.perf_counter() - started)
        log(f"  import_seeds: {runs[-1]:.0f} articles/s, start-up alone {startup[-1]:.2f} s")
    start_s = sorted(startup)[len(startup) // 2]
    return {
        "import_command_rate": Result(
            runs=runs,
            baseline_runs=baseline,
            baseline_label=f"articles_import of the same files in a warm process ({jobs} jobs)",
            note=f"the command's start-up alone (import_seeds --help) takes {start_s:.2f} s",
            evidence=(
                f"import_seeds on {len(files)} files in a fresh process: "
                + ", ".join(f"{r:.0f}" for r in runs)
                + f" articles/s; start-up alone {start_s:.2f} s (interpreter, Django set-up, "
                "admin and extraction modules), then the extraction pool's start "
                f"({jobs} processes, each importing the extraction modules again)"
            ),
        )
    }


def measure(plan: Plan) -> dict[str, Result]:
    texts = list(corpus_variants(plan.import_articles // 4 or 50))
    results = {}
    try:
        results |= measure_command(plan)
    except NotMeasured as exc:
        results["import_command_rate"] = Result(error=f"not measured: {exc}")
    results |= measure_workers(plan, texts)
    return results


if __name__ == "__main__":
    section_main(measure)
