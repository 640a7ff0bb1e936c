"""Where the bench reads and writes, and how long it runs, from the environment.

BENCH_QUICK=1            a smoke run: small sizes, one run per figure
BENCH_SCALE_ARTICLES     articles in the scale data set (default 100,000)
BENCH_LOAD_SECONDS       wrk duration per endpoint (default 30)
BENCH_PG_URL             the PostgreSQL server (default postgres://postgres@127.0.0.1:5432)
NEWSROOM_SHARED_DIR      the shared corpus (default <repo>/../shared)
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VAR = REPO / "var" / "bench"
SHARED = Path(os.environ.get("NEWSROOM_SHARED_DIR", REPO.parent / "shared"))
CORPUS = SHARED / "corpus"
DOC = REPO / "docs" / "PERFORMANCE.md"

PG_SERVER = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432").rstrip("/")
PG_DATABASE = "newsroom_bench"
# Databases the bench may drop: never the developer's.
SCRATCH_PG_DATABASES = frozenset({PG_DATABASE})
DEVELOPER_DATABASES = frozenset({"newsroom"})


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value.replace("_", "").replace(",", "")) if value else default


@dataclass(frozen=True)
class Plan:
    """Sizes and repetitions of one bench run."""

    quick: bool
    runs: int  # runs per small timing
    import_runs: int
    import_articles: int
    reader_variants: int  # copies of the corpus in the API/pages data set
    requests_per_run: int  # requests averaged in one run of an in-process timing
    scale_articles: int
    scale_runs: int
    scale_requests: int  # requests per scale run (p50/p95 over them)
    scale_budget_s: float  # time allowed per scale figure
    load_seconds: int
    load_runs: int

    @classmethod
    def from_env(cls) -> Plan:
        quick = os.environ.get("BENCH_QUICK", "").strip().lower() in {"1", "true", "yes", "on"}
        if quick:
            return cls(
                quick=True,
                runs=1,
                import_runs=1,
                import_articles=_int("BENCH_IMPORT_ARTICLES", 200),
                reader_variants=1,
                requests_per_run=5,
                scale_articles=_int("BENCH_SCALE_ARTICLES", 5_000),
                scale_runs=1,
                scale_requests=10,
                scale_budget_s=20,
                load_seconds=_int("BENCH_LOAD_SECONDS", 5),
                load_runs=1,
            )
        return cls(
            quick=False,
            runs=5,
            import_runs=3,
            import_articles=_int("BENCH_IMPORT_ARTICLES", 2_000),
            reader_variants=4,
            requests_per_run=20,
            scale_articles=_int("BENCH_SCALE_ARTICLES", 100_000),
            scale_runs=3,
            scale_requests=20,
            scale_budget_s=60,
            load_seconds=_int("BENCH_LOAD_SECONDS", 30),
            load_runs=_int("BENCH_LOAD_RUNS", 3),
        )


def sqlite_url(name: str) -> str:
    return f"sqlite:///{VAR / name}"


def pg_url(database: str = PG_DATABASE) -> str:
    return f"{PG_SERVER}/{database}"
