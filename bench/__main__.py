"""``python -m bench``: prepare scratch databases, run every section in its own
subprocess, write the table to docs/PERFORMANCE.md and print it.

A section that cannot run (an endpoint not built yet, PostgreSQL down, the
extractor unfinished) fills its rows with "not measured: <reason>"; the rest
of the bench goes on.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import secrets
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import asdict

from .config import (
    CORPUS,
    DEVELOPER_DATABASES,
    DOC,
    PG_DATABASE,
    PG_SERVER,
    REPO,
    SCRATCH_PG_DATABASES,
    VAR,
    Plan,
    pg_url,
    sqlite_url,
)
from .harness import RESULT_PREFIX
from .load import conn_max_age
from .report import ROWS, Result, evaluate, render_document, render_table


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class SetupFailed(Exception):
    """A scratch database or data set could not be prepared."""


# ---------------------------------------------------------------- environment


SECRET = "bench-" + secrets.token_hex(24)


def section_env(database_url: str) -> dict[str, str]:
    """The environment of every bench subprocess: production-like settings on
    a scratch database, throttling out of the way."""
    env = dict(os.environ)
    env.pop("REDIS_URL", None)  # the local-memory cache: nothing shared between runs
    env.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=SECRET,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        DJANGO_SECURE_SSL_REDIRECT="0",
        NEWSROOM_ANON_THROTTLE="1000000/second",
        NEWSROOM_SHARED_DIR=str(CORPUS.parent),
        PYTHONUNBUFFERED="1",
    )
    return env


def run_python(args: list[str], database_url: str, *, label: str) -> dict | None:
    """Run ``python <args>`` with the bench environment; stream its stderr and
    return the JSON of its result line (None if it printed none)."""
    process = subprocess.Popen(
        [sys.executable, *args],
        cwd=REPO,
        env=section_env(database_url),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    tail: list[str] = []

    def echo():
        for line in process.stderr:
            tail.append(line.rstrip())
            del tail[:-20]
            say(f"  [{label}] {line.rstrip()}")

    reader = threading.Thread(target=echo, daemon=True)
    reader.start()
    stdout = process.stdout.read()
    process.wait()
    reader.join()
    for line in reversed(stdout.splitlines()):
        if line.startswith(RESULT_PREFIX):
            return json.loads(line[len(RESULT_PREFIX) :])
    last = next((t for t in reversed(tail) if t.strip()), "no output")
    raise SetupFailed(f"{label} exited with {process.returncode}: {last[:200]}")


# ---------------------------------------------------------------- scratch databases


def fresh_sqlite(name: str) -> str:
    VAR.mkdir(parents=True, exist_ok=True)
    path = VAR / name
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    url = sqlite_url(name)
    _migrate(url)
    return url


def fresh_postgres() -> str:
    """Drop and recreate the scratch database (never the developer's), migrated."""
    if PG_DATABASE not in SCRATCH_PG_DATABASES or PG_DATABASE in DEVELOPER_DATABASES:
        raise SetupFailed(f"refusing to drop {PG_DATABASE}")
    try:
        import psycopg

        with psycopg.connect(pg_url("postgres"), autocommit=True, connect_timeout=5) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{PG_DATABASE}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{PG_DATABASE}"')
    except Exception as exc:
        raise SetupFailed(f"PostgreSQL at {PG_SERVER} unavailable: {exc}") from None
    url = pg_url()
    _migrate(url)
    return url


def _migrate(url: str) -> None:
    done = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--verbosity", "0"],
        cwd=REPO,
        env=section_env(url),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise SetupFailed(f"migrate failed: {last[:200]}")


def collectstatic() -> None:
    """Production settings serve hashed static names: the manifest must exist."""
    done = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=REPO,
        env=section_env(sqlite_url("static.sqlite3")),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        say(f"collectstatic failed: {done.stderr.strip()[-300:]}")


# ---------------------------------------------------------------- the run


def rows_of(*sections: str) -> list[str]:
    return [r.key for r in ROWS if r.section in sections]


class Bench:
    def __init__(self, plan: Plan):
        self.plan = plan
        self.results: dict[str, Result] = {}
        self.datasets: dict[str, str] = {}
        self.durations: dict[str, tuple[float, float]] = {}
        self.load_before = os.getloadavg()[0]

    def _took(self, name: str, started: float) -> None:
        """Time spent on a step, and the 1-minute load average when it ended
        (other processes' share of the CPU shows in it)."""
        elapsed = time.monotonic() - started
        previous, _ = self.durations.get(name, (0.0, 0.0))
        self.durations[name] = (previous + elapsed, os.getloadavg()[0])

    def record(self, rows: list[str], payload: dict) -> None:
        fallback = payload.get("*")
        for key in rows:
            data = payload.get(key) or fallback
            if data is not None:
                self.results[key] = Result.from_dict(data)

    def fail(self, rows: list[str], reason: str) -> None:
        for key in rows:
            self.results.setdefault(key, Result(error=f"not measured: {reason}"))

    def section(self, module: str, rows: list[str], database_url: str, *args: str) -> None:
        started = time.monotonic()
        say(f"== {module} ({', '.join(rows)})")
        try:
            payload = run_python(["-m", f"bench.{module}", *args], database_url, label=module)
            self.record(rows, payload or {})
        except SetupFailed as exc:
            self.fail(rows, str(exc))
        self._took(module, started)

    def dataset(self, kind: str, database_url: str, *args: str) -> dict:
        started = time.monotonic()
        say(f"== data set: {kind} {' '.join(args)}")
        counts = run_python(["-m", "bench.dataset", kind, *args], database_url, label="dataset")
        self._took(f"data set {kind}", started)
        return counts

    def run(self) -> None:
        plan = self.plan
        collectstatic()
        self.section("extraction", rows_of("extraction"), sqlite_url("extraction.sqlite3"))

        try:
            self.section("imports", ["import_sqlite_rate"], fresh_sqlite("import.sqlite3"))
        except SetupFailed as exc:
            self.fail(["import_sqlite_rate"], str(exc))
        try:
            self.section("imports", ["import_postgres_rate"], fresh_postgres())
        except SetupFailed as exc:
            self.fail(["import_postgres_rate"], str(exc))

        try:
            self.section("ingest", rows_of("ingest"), fresh_postgres())
        except SetupFailed as exc:
            self.fail(rows_of("ingest"), str(exc))

        reader_rows = rows_of("api", "pages")
        try:
            url = fresh_sqlite("reader.sqlite3")
            counts = self.dataset("reader", url, str(plan.reader_variants))
            self.datasets["reader (API and pages, SQLite)"] = (
                f"{counts['articles']:,} published articles, {counts['claims']:,} claims of "
                f"which {counts['approved']:,} approved; {counts['source']}"
            )
            self.section("api", rows_of("api"), url)
            self.section("pages", rows_of("pages"), url)
        except SetupFailed as exc:
            self.fail(reader_rows, str(exc))

        scale_rows = rows_of("scale", "load")
        try:
            url = fresh_postgres()
            counts = self.dataset("scale", url, str(plan.scale_articles))
            self.datasets["scale (scale and load, PostgreSQL)"] = (
                f"{counts['articles']:,} articles ({counts['published']:,} published), "
                f"{counts['actors']:,} actors, {counts['mentions']:,} mentions, "
                f"{counts['claims']:,} claims of which {counts['approved']:,} approved; "
                f"written directly in {counts['seconds']:.0f} s"
            )
            self.section("scale", rows_of("scale"), url)
            self.section("load", rows_of("load"), url)
        except SetupFailed as exc:
            self.fail(scale_rows, str(exc))


# ---------------------------------------------------------------- describing the run


def _command(args: list[str]) -> str:
    try:
        done = subprocess.run(args, capture_output=True, text=True, timeout=10, check=False)
        return (done.stdout or done.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.TimeoutExpired):
        return "unavailable"


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory() -> str:
    try:
        with open("/proc/meminfo") as f:
            kib = int(f.readline().split()[1])
        return f"{kib / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        return "unknown"


def _postgres_version() -> str:
    try:
        import psycopg

        with psycopg.connect(pg_url("postgres"), connect_timeout=5) as conn:
            return conn.execute("SHOW server_version").fetchone()[0]
    except Exception as exc:
        return f"unavailable ({type(exc).__name__})"


def machine() -> dict[str, str]:
    from importlib.metadata import version

    import django

    commit = _command(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"])
    dirty = subprocess.run(
        ["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return {
        "Date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "Commit": commit + (" (with uncommitted changes in the tree)" if dirty else ""),
        "CPU": f"{os.cpu_count()} cores (nproc), {_cpu_model()}",
        "Memory": _memory(),
        "OS": f"{platform.system()} {platform.release()}",
        "Python": platform.python_version(),
        "Django": django.get_version(),
        "SQLite": sqlite3.sqlite_version,
        "PostgreSQL": _postgres_version(),
        "gunicorn": version("gunicorn"),
        "wrk": _command(["wrk", "--version"]).split(" [")[0] if shutil.which("wrk") else "absent",
    }


def settings_of_run(bench: Bench, elapsed: float) -> dict[str, str]:
    plan = bench.plan
    lines = {
        "Mode": "quick smoke run (BENCH_QUICK=1)" if plan.quick else "full",
        "Runs per figure": (
            f"{plan.runs} for in-process timings (each the mean of {plan.requests_per_run} "
            f"requests), {plan.import_runs} for imports, {plan.scale_runs} for scale "
            f"(up to {plan.scale_requests} requests each), {plan.load_runs} for load"
        ),
        "Import size": f"{plan.import_articles:,} articles",
        "Scale size": f"{plan.scale_articles:,} articles (BENCH_SCALE_ARTICLES)",
        "Load": f"{plan.load_seconds} s per endpoint and run (BENCH_LOAD_SECONDS), "
        "32 connections, 2 wrk threads",
        "Django settings": "DJANGO_DEBUG=0, local-memory cache, anonymous throttle "
        "1000000/second; DJANGO_CONN_MAX_AGE="
        + os.environ.get("DJANGO_CONN_MAX_AGE", "0 in process")
        + f", {conn_max_age()} under gunicorn (as make serve)",
    }
    for name, text in bench.datasets.items():
        lines[f"Data set {name}"] = text
    lines["Load average (1 min) at the start"] = f"{bench.load_before:.2f}" + (
        " (other processes were using the CPU: figures are noisier than on an idle machine)"
        if bench.load_before > 1.0
        else ""
    )
    lines["Duration"] = (
        f"{elapsed / 60:.1f} min; per step, seconds and the 1-minute load average at its end: "
        + ", ".join(f"{k} {s:.0f} s ({load:.1f})" for k, (s, load) in bench.durations.items())
    )
    return lines


METHOD = """\
- **Extraction**: `articles.extraction.extract` over every file of the shared
  BBC corpus and of the modern corpus (`../shared/modern`), after a warm-up
  pass; ms per article. Baseline: one compiled regex pass over the same texts
  (capitalised words and sentence ends). Per 100 KB of a pathological input
  (runs of full stops or `?!…`, an `A-` chain, news on one line, alternating
  quotes, short lines), against 100 KB of ordinary news as the baseline.
- **Import**: `articles_import` as `import_seeds` runs it, on corpus variants
  (title and closing line carry an edition number, so none is a duplicate),
  from empty tables each run: batches of 50 files per transaction, extraction
  in one worker process per core (their start-up is timed too) while the
  command's process stores. Baseline: the very rows
  the importer wrote (read back), written again with `bulk_create` in one
  transaction, with no extraction and no checks. The ratio is the baseline's
  rate over the importer's. SQLite is a scratch file under `var/bench/`,
  PostgreSQL the scratch database `newsroom_bench`, both migrated with
  `manage.py migrate`.
- **Ingest** (`bench/ingest.py`, on PostgreSQL with Redis DB 5 as broker): a
  job of corpus texts (the admin's pasted text) done by one, then two, Celery
  worker processes started by the bench, timed from the job's start to its last
  item; baseline: the same texts through `articles_import` in the bench's own
  process with one extraction process (`import_seeds --jobs 1`), so the ratio
  is what a task per item costs (broker round trips, one transaction and one
  article per task instead of 50). And `manage.py import_seeds` on 400 files
  in a fresh process, timed from the shell; baseline: `articles_import` of the
  same files in a warm process. See "Why import_seeds from a shell is slower"
  below the table.
- **API and reader pages**: Django's test `Client` in process, through the
  whole middleware stack with `DJANGO_DEBUG=0`, on a SQLite data set made by
  importing the corpus with the real importer, then publishing every article
  and approving up to three claims each by direct updates. Each run is the mean
  of several requests after a warm-up; query counts come from
  `CaptureQueriesContext` on one request. The API's baseline views
  (`bench/baselines.py`) build the same JSON by hand from `values()` in three
  queries, counting claims with the API's own subquery (so the ratio is what
  DRF, the ORM's model instances and conditional GET cost, not a different
  query plan); the pages' baseline is a no-op view behind the same middleware.
- **Scale**: a PostgreSQL data set written directly with COPY (not through the
  importer): corpus bodies, four actor mentions per article (a few actors named
  very often, most rarely), three claims per article taken from its sentences,
  30% of claims on published articles approved with a rating. The bodies are
  the corpus's 80, reused, so a search word matches the share of articles it
  matches in the corpus (a common one like "election" a third or more). The
  data set is written with the migrations' indexes in place, then VACUUM
  ANALYZE (what autovacuum does after a bulk insert on a live server). In-process
  requests cycle through several filters (the admin claims queue's as an
  editor logged in: everything, new, unassigned, at the gate, one busy
  speaker's; its query count is the most any of them runs); p50 and p95 per
  run, median of runs
  (a request slower than a tenth of the figure's time budget cuts its samples
  to two or three). The slowest SQL statement of each endpoint is EXPLAINed
  below (ANALYZE unless it takes over 2 s).
- **Load**: `gunicorn newsroom.wsgi --workers 2` with production settings on
  the scale database, `wrk -t2 -c32 --timeout 10s --latency`; errors are
  non-2xx/3xx responses plus socket errors (timeouts included). wrk, gunicorn
  and PostgreSQL share the machine's cores.
- Targets on a ratio read "≤ N× baseline": the figure takes at most N times
  the baseline's time. The 2.5× import target is applied on both databases,
  the 300 articles/s floor on SQLite only.
"""

COLD_COMMAND = """
### Why import_seeds from a shell is slower than the in-process import

The import rows time `articles_import` in a process that is already running:
Django set up, every module imported, the database connection open, and 2,000
files over which the extraction pool's start is spread. A user's
`manage.py import_seeds seeds/` pays, for its 400 files, everything before the
first file too:

1. **Start-up** (`import_seeds --help` alone): the interpreter, Django's set-up
   with every app's `ready()` (the admin's autodiscovery imports every admin
   module and, through them, the services and the extractor), the extractor's
   lexicon (hundreds of compiled regular expressions), psycopg (loaded by
   `django.contrib.postgres` even on SQLite), DRF and drf-spectacular. About
   0.9 s of CPU here, several seconds of wall time on a busy machine.
2. **The extraction pool's start**: from 200 files on, one process per core
   starts from a forkserver and needs the extractor before its first chunk;
   the storing process waits for that first chunk.
3. **Per-file work that a warm process has done already**: the first SQL of each
   kind (statement and ORM compilation), SQLite's cold page cache and a fresh
   WAL file; the progress bar and the job record are per batch and negligible.

Closed here as waste: Celery and kombu are no longer imported by every Django
process (only `articles.ingest.tasks` imports the Celery app, so the command,
`make run`'s pages and gunicorn's workers start without it), urllib3 is
imported only where a URL is fetched, trafilatura and lxml only where a page is
extracted, and the extraction pool's forkserver preloads the extractor once so
each worker is forked ready instead of importing and compiling the lexicon
again. What remains is the extractor's import (its lexicon, the extraction
issue's to make lazy) and Django's own set-up; for 400 files that is a fixed
second or so, which is why the command's rate climbs toward the in-process
one as the number of files grows, and why a long-running worker (`make
worker`) pays it once, not per import.

Workers: an item fetched from a URL is one task (the network is the wait, and
workers fetch in parallel); texts, pages and documents sent with a job are
stored 25 to a task and a transaction, as `import_seeds` stores its batches of
50. The remaining gap to the in-process import is the broker round trip per
task, the job's counters updated per item (so the admin shows progress), and
the workers sharing the two cores with the bench's own process, Redis and the
database; two workers beat one only when there are cores to spare or items
wait on the network.
"""

REPRODUCE = """\
```sh
make bench                         # full run, about 15 minutes on 2 cores; writes this file
BENCH_QUICK=1 make bench           # smoke run: small sizes, one run, var/bench/PERFORMANCE-quick.md
BENCH_SCALE_ARTICLES=20000 BENCH_LOAD_SECONDS=10 make bench   # smaller scale and load
```

Needs PostgreSQL at `BENCH_PG_URL` (default `postgres://postgres@127.0.0.1:5432`;
the bench drops and recreates the database `newsroom_bench` on it) and `wrk`
(installed from Debian by the bench when run as root). It never touches
`var/newsroom.sqlite3` or the `newsroom` database. The shared corpus is found at
`NEWSROOM_SHARED_DIR` (default `../shared`).
"""


def main() -> int:
    plan = Plan.from_env()
    started = time.monotonic()
    bench = Bench(plan)
    bench.run()
    elapsed = time.monotonic() - started
    evaluated = [evaluate(row, bench.results.get(row.key)) for row in ROWS]
    document = render_document(
        evaluated,
        machine=machine(),
        settings=settings_of_run(bench, elapsed),
        method=METHOD + COLD_COMMAND,
        reproduce=REPRODUCE,
    )
    target = VAR / "PERFORMANCE-quick.md" if plan.quick else DOC
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(document, encoding="utf-8")
    (VAR / "results.json").write_text(
        json.dumps({k: asdict(v) for k, v in bench.results.items()}, indent=1), encoding="utf-8"
    )
    print(render_table(evaluated))
    print(f"\nWritten to {target.relative_to(REPO)} in {elapsed / 60:.1f} min.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
