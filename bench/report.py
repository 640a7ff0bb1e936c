"""What the bench reports and how: the rows, their targets, the Markdown table.

Pure Python, no Django and no timing: the orchestrator fills in results that
the section subprocesses measured, and this module turns them into medians,
ratios to baselines, target verdicts and the table in ``docs/PERFORMANCE.md``.
It is what ``tests/test_bench_smoke.py`` exercises.
"""

from __future__ import annotations

import math
import operator
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

# ---------------------------------------------------------------- numbers


def median(values: Iterable[float]) -> float | None:
    """The median, or None when nothing was measured."""
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def percentile(values: Sequence[float], pct: float) -> float | None:
    """The ``pct`` percentile (0-100), interpolating between ranks as numpy does."""
    ordered = sorted(values)
    if not ordered:
        return None
    if len(ordered) == 1:
        return ordered[0]
    rank = (len(ordered) - 1) * pct / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def slowdown(value: float | None, baseline: float | None, *, higher_is_better: bool):
    """How many times slower than its baseline a figure is (1.0 = as fast).

    Times (lower is better) divide by the baseline's time; rates (higher is
    better) divide the baseline's rate by the figure's, so that the ratio
    always reads the same way: 2.0 means "takes twice as long".
    """
    if value is None or baseline is None:
        return None
    numerator, denominator = (baseline, value) if higher_is_better else (value, baseline)
    if denominator == 0:
        return None
    return numerator / denominator


# ---------------------------------------------------------------- targets

_OPERATORS = {"<=": operator.le, ">=": operator.ge, "==": operator.eq, "<": operator.lt}


@dataclass(frozen=True)
class Target:
    """One goal for a figure: ``on`` is "value" (the median) or "ratio"."""

    op: str
    threshold: float
    on: str = "value"
    unit: str = ""

    def describe(self) -> str:
        threshold = f"{self.threshold:,g}"
        if self.on == "ratio":
            return f"≤ {threshold}× baseline" if self.op == "<=" else f"{self.op} {threshold}×"
        symbol = {"<=": "≤", ">=": "≥", "==": "=", "<": "<"}[self.op]
        return f"{symbol} {threshold}{(' ' + self.unit) if self.unit else ''}"

    def met(self, value: float | None, ratio: float | None) -> bool | None:
        subject = ratio if self.on == "ratio" else value
        if subject is None:
            return None
        return _OPERATORS[self.op](subject, self.threshold)


# ---------------------------------------------------------------- rows


@dataclass(frozen=True)
class Row:
    """One line of the table, defined once here whatever the sections report."""

    key: str
    section: str
    label: str
    unit: str
    higher_is_better: bool = False
    targets: tuple[Target, ...] = ()
    decimals: int = 1


@dataclass
class Result:
    """What a section measured for one row (or why it could not)."""

    runs: list[float] = field(default_factory=list)
    baseline_runs: list[float] = field(default_factory=list)
    baseline_label: str = ""
    note: str = ""  # short, shown in the table next to a miss
    evidence: str = ""  # longer, shown under the table (plans, repeated SQL)
    error: str = ""  # "not measured" reason

    @classmethod
    def from_dict(cls, data: dict) -> Result:
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        return cls(**known)


@dataclass
class Evaluated:
    row: Row
    result: Result
    value: float | None
    baseline: float | None
    ratio: float | None
    verdicts: list[bool | None]

    @property
    def met(self) -> bool | None:
        """True if every target is met, False if any is missed, None if unknown."""
        if not self.row.targets or self.value is None:
            return None
        if any(v is False for v in self.verdicts):
            return False
        return True if all(v is True for v in self.verdicts) else None


def evaluate(row: Row, result: Result | None) -> Evaluated:
    result = result or Result(error="not measured: the section reported nothing")
    value = None if result.error else median(result.runs)
    baseline = None if result.error else median(result.baseline_runs)
    ratio = slowdown(value, baseline, higher_is_better=row.higher_is_better)
    verdicts = [t.met(value, ratio) for t in row.targets]
    return Evaluated(row, result, value, baseline, ratio, verdicts)


# ---------------------------------------------------------------- the catalogue

MS, QUERIES, RATE, RPS = "ms", "queries", "articles/s", "req/s"
TARGET_P95 = Target("<=", 50, unit=MS)
QUEUE_QUERY_TARGET = 20  # as tests/test_admin_desk.py asserts on the queue


def _scale_rows(key: str, label: str, p95: Target = TARGET_P95) -> list[Row]:
    return [
        Row(f"scale_{key}_p50", "scale", f"{label}, p50", MS),
        Row(f"scale_{key}_p95", "scale", f"{label}, p95", MS, targets=(p95,)),
    ]


def _load_rows(key: str, label: str) -> list[Row]:
    return [
        Row(f"load_{key}_rps", "load", f"{label}, requests per second", RPS, True, decimals=1),
        Row(f"load_{key}_p99", "load", f"{label}, p99 latency", MS, decimals=0),
        Row(
            f"load_{key}_errors",
            "load",
            f"{label}, errors (non-2xx/3xx + socket)",
            "",
            targets=(Target("==", 0),),
            decimals=0,
        ),
    ]


ROWS: tuple[Row, ...] = (
    Row(
        "extraction_ms",
        "extraction",
        "Extraction, per article (BBC corpus)",
        MS,
        targets=(Target("<=", 3, unit=MS),),
        decimals=2,
    ),
    Row(
        "extraction_modern_ms",
        "extraction",
        "Extraction, per article (modern corpus)",
        MS,
        targets=(Target("<=", 5, unit=MS),),
        decimals=2,
    ),
    *(
        Row(
            f"extraction_100kb_{key}",
            "extraction",
            f"Extraction, per 100 KB of {label}",
            MS,
            targets=(Target("<=", 2, on="ratio"),),
        )
        for key, label in (
            ("full_stops", "full stops"),
            ("a_chain", "A- chain"),
            ("single_line", "news on a single line"),
            ("alternating_quotes", "alternating quotes"),
            ("short_lines", "short lines"),
            ("runs", "?!… runs"),
        )
    ),
    Row(
        "import_sqlite_rate",
        "import",
        "Import of 2,000 articles, SQLite",
        RATE,
        True,
        targets=(Target(">=", 300, unit=RATE), Target("<=", 2.5, on="ratio")),
        decimals=0,
    ),
    Row(
        "import_postgres_rate",
        "import",
        "Import of 2,000 articles, PostgreSQL",
        RATE,
        True,
        targets=(Target("<=", 2.5, on="ratio"),),
        decimals=0,
    ),
    Row(
        "api_list_ms",
        "api",
        "API article list (page of 20, with actors)",
        MS,
        targets=(Target("<=", 1.5, on="ratio"),),
        decimals=2,
    ),
    Row(
        "api_list_queries",
        "api",
        "API article list, SQL queries per request",
        QUERIES,
        targets=(Target("<=", 6),),
        decimals=0,
    ),
    Row("api_detail_ms", "api", "API article detail (with claims)", MS, decimals=2),
    Row(
        "api_detail_queries",
        "api",
        "API article detail, SQL queries per request",
        QUERIES,
        decimals=0,
    ),
    Row("page_article_ms", "pages", "Reader article page", MS, decimals=2),
    Row(
        "page_article_queries",
        "pages",
        "Reader article page, SQL queries",
        QUERIES,
        targets=(Target("<=", 8),),
        decimals=0,
    ),
    Row("page_home_ms", "pages", "Reader home page", MS, decimals=2),
    Row(
        "page_home_queries",
        "pages",
        "Reader home page, SQL queries",
        QUERIES,
        targets=(Target("<=", 8),),
        decimals=0,
    ),
    *_scale_rows("articles", "API article list filtered by actor and date"),
    *_scale_rows("claims", "API claim list by rating and speaker"),
    *_scale_rows("search", "Reader search"),
    *_scale_rows("home", "Reader home page (pages 1, 2 and 50)"),
    *_scale_rows(
        "queue",
        "Admin claims queue (first page, open claims by check-worthiness)",
        Target("<=", 100, unit=MS),
    ),
    Row(
        "scale_queue_queries",
        "scale",
        "Admin claims queue, SQL queries per page (the most of its filters)",
        QUERIES,
        targets=(Target("<=", QUEUE_QUERY_TARGET),),
        decimals=0,
    ),
    *_load_rows("api_list", "Load: API article list"),
    *_load_rows("article_page", "Load: reader article page"),
    Row(
        "load_slowloris_p99",
        "load",
        "Load: reader article page p99, two slowloris connections open",
        MS,
        targets=(Target("<", 1000, unit=MS),),
        decimals=0,
    ),
    # Ingest (bench/ingest.py): the workers, and the command from a shell.
    Row("ingest_workers1_rate", "ingest", "Ingest job of texts, 1 Celery worker", RATE, True),
    Row("ingest_workers2_rate", "ingest", "Ingest job of texts, 2 Celery workers", RATE, True),
    Row(
        "import_command_rate",
        "ingest",
        "import_seeds on 400 files, cold process, as a user runs it",
        RATE,
        True,
        decimals=0,
    ),
)

SECTION_TITLES = {
    "extraction": "Extraction",
    "import": "Import",
    "api": "API (in process, SQLite)",
    "pages": "Reader pages (in process, SQLite)",
    "scale": "Scale (in process, PostgreSQL)",
    "load": "Load (gunicorn, 2 workers, PostgreSQL)",
    "ingest": "Ingest (Celery workers and Redis, PostgreSQL; the command from a shell)",
}


# ---------------------------------------------------------------- rendering


def _number(value: float | None, decimals: int = 2) -> str:
    if value is None:
        return "—"
    return f"{value:,.{decimals}f}"


def _cell(value: float | None, unit: str, decimals: int) -> str:
    if value is None:
        return "—"
    text = _number(value, decimals)
    return f"{text} {unit}" if unit and unit != QUERIES else text


def _met_cell(item: Evaluated) -> str:
    result = item.result
    if result.error:
        return result.error
    if item.met is None:
        return "—" if not item.row.targets else "unknown"
    if item.met:
        return "yes"
    missed = [t.describe() for t, v in zip(item.row.targets, item.verdicts, strict=True) if not v]
    why = f": {result.note}" if result.note else ""
    return f"**no** (misses {', '.join(missed)}){why}"


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_table(items: Iterable[Evaluated]) -> str:
    lines = [
        "| Figure | Median | Baseline | × baseline | Target | Met? / why |",
        "| --- | ---: | ---: | ---: | --- | --- |",
    ]
    section = None
    for item in items:
        row = item.row
        if row.section != section:
            section = row.section
            lines.append(f"| **{SECTION_TITLES.get(section, section)}** | | | | | |")
        runs = len(item.result.runs) if not item.result.error else 0
        label = f"{row.label} (n={runs})" if runs > 1 else row.label
        baseline = _cell(item.baseline, row.unit, row.decimals)
        if item.baseline is not None and item.result.baseline_label:
            baseline = f"{baseline} ({item.result.baseline_label})"
        cells = [
            label,
            _cell(item.value, row.unit, row.decimals),
            baseline,
            "—" if item.ratio is None else f"{item.ratio:.2f}×",
            " and ".join(t.describe() for t in row.targets) or "—",
            _met_cell(item),
        ]
        lines.append("| " + " | ".join(_escape(c) for c in cells) + " |")
    return "\n".join(lines)


def render_misses(items: Sequence[Evaluated]) -> str:
    misses = [i for i in items if i.met is False]
    if not misses:
        return "Every figure with a target that was measured meets it."
    return "\n".join(
        f"- **{i.row.label}**: {_cell(i.value, i.row.unit, i.row.decimals)} "
        f"(target {' and '.join(t.describe() for t in i.row.targets)})"
        + (f", {i.ratio:.2f}× baseline" if i.ratio is not None else "")
        + (f". {i.result.note}" if i.result.note else ".")
        for i in misses
    )


def render_evidence(items: Sequence[Evaluated]) -> str:
    blocks = [
        f"### {i.row.label}\n\n```\n{i.result.evidence.strip()}\n```"
        for i in items
        if i.result.evidence and not i.result.error
    ]
    return "\n\n".join(blocks) if blocks else "Nothing to add."


def render_document(
    items: Sequence[Evaluated],
    *,
    machine: dict[str, str],
    settings: dict[str, str],
    method: str,
    reproduce: str,
) -> str:
    machine_lines = "\n".join(f"- {k}: {v}" for k, v in machine.items())
    settings_lines = "\n".join(f"- {k}: {v}" for k, v in settings.items())
    return f"""# Performance

Generated by `make bench` (`python -m bench`); do not edit by hand, re-run it.
Each figure is the median of several runs, each speed also as a ratio to a
baseline measured in the same run (× baseline: how many times the baseline's
time; 1.00× is as fast as the baseline).

## Machine

{machine_lines}

## Settings of this run

{settings_lines}

## Results

{render_table(items)}

## Targets missed

{render_misses(items)}

## How it was measured

{method}

## Reproduce

{reproduce}

## Evidence

{render_evidence(items)}
"""
