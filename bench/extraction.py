"""Extraction: milliseconds per article over the BBC and the modern corpus, and
time per 100 KB of pathological text, no database.

The baseline of the corpus rows is one pass of a compiled regular expression
over the same texts, finding the capitalised words and sentence ends: the least
any extractor has to do, so the ratio says how many such passes the extractor
costs. The baseline of a pathological input is ordinary news of the same size:
the ratio says how much worse than news the input is, per character, which
stays flat when every pattern and loop is linear.
"""

from __future__ import annotations

import cProfile
import io
import pstats
import re
import time
from collections.abc import Callable
from pathlib import Path

from .config import REPO, SHARED, Plan
from .dataset import corpus
from .harness import NotMeasured, section_main
from .report import Result

_BASELINE = re.compile(r"[A-Z][\w'\u2019-]+|[.!?]")
MODERN = SHARED / "modern"
PATHOLOGICAL_KB = 100

#: Inputs that once made extraction quadratic, each made ``size`` characters long.
PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "full stops": lambda size: "." * size,
    "A- chain": lambda size: ("A-" * size)[:size],
    "single line": lambda size: _repeat(" ".join(ordinary_news(size).split()), size),
    "alternating quotes": lambda size: _repeat('"a" \u201cb\u201d ', size),
    "short lines": lambda size: _repeat("A\n", size),
    "?!… runs": lambda size: _repeat("Yes?!?!\u2026\u2026 ", size),
}


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // max(1, len(unit)) + 1))[:size]


def ordinary_news(size: int) -> str:
    """``size`` characters of BBC corpus text, files joined by blank lines."""
    return _repeat("\n\n".join(text for _, text in corpus()), size)


def modern_corpus() -> tuple[tuple[str, str], ...]:
    files = sorted(MODERN.glob("*.txt"))
    return tuple((f"modern/{p.name}", p.read_text(encoding="utf-8-sig")) for p in files)


def _ms_per_article(function, texts: list[str]) -> float:
    started = time.perf_counter_ns()
    for text in texts:
        function(text)
    return (time.perf_counter_ns() - started) / len(texts) / 1e6


def _profile(function, texts: list[str]) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    for text in texts:
        function(text)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(8)
    lines = [line for line in out.getvalue().splitlines() if line.strip()]
    start = next((i for i, line in enumerate(lines) if "ncalls" in line), 0)
    return "cProfile of one pass, top functions by own time:\n" + "\n".join(
        line.replace(str(REPO) + "/", "") for line in lines[start:]
    )


def _corpus_result(extract, files: tuple[tuple[str, str], ...], plan: Plan) -> Result:
    texts = [text for _, text in files]
    _ms_per_article(extract, texts)  # warm up caches and lazy tables
    runs, baseline_runs = [], []
    for _ in range(max(plan.runs, 3)):
        runs.append(_ms_per_article(extract, texts))
        baseline_runs.append(_ms_per_article(_BASELINE.findall, texts))
    slowest = sorted(
        ((_ms_per_article(extract, [text]), name) for name, text in files), reverse=True
    )[:5]
    evidence = (
        f"{len(texts)} files, {sum(map(len, texts)) / len(texts):,.0f} characters on average\n"
        "slowest files (ms): "
        + ", ".join(f"{name} {ms:.2f}" for ms, name in slowest)
        + "\n"
        + _profile(extract, texts)
    )
    share = slowest[0][0] / (sum(runs) / len(runs))
    note = (
        f"the slowest file takes {slowest[0][0]:.1f} ms ({share:.1f}x the mean); "
        "the profile under Evidence shows where the time goes"
    )
    return Result(
        runs=runs,
        baseline_runs=baseline_runs,
        baseline_label="one regex pass",
        note=note,
        evidence=evidence,
    )


def _ms_once(extract, text: str) -> float:
    started = time.perf_counter_ns()
    extract(text)
    return (time.perf_counter_ns() - started) / 1e6


def _pathological_results(extract, plan: Plan) -> dict[str, Result]:
    size = PATHOLOGICAL_KB * 1000
    news = ordinary_news(size)
    results = {}
    for name, make in PATHOLOGICAL.items():
        text = make(size)
        runs, baseline_runs = [], []
        for _ in range(max(plan.runs, 2)):
            runs.append(_ms_once(extract, text))
            baseline_runs.append(_ms_once(extract, news))
        results[pathological_key(name)] = Result(
            runs=runs,
            baseline_runs=baseline_runs,
            baseline_label=f"{PATHOLOGICAL_KB} KB of ordinary news",
        )
    return results


def pathological_key(name: str) -> str:
    return "extraction_100kb_" + re.sub(r"\W+", "_", name).strip("_").lower()


def measure(plan: Plan) -> dict[str, Result]:
    from articles.extraction import extract

    files = corpus()
    try:
        extract(files[0][1])
    except NotImplementedError:
        raise NotMeasured("extract() is not implemented yet") from None
    results = {"extraction_ms": _corpus_result(extract, files, plan)}
    if Path(MODERN).is_dir():
        results["extraction_modern_ms"] = _corpus_result(extract, modern_corpus(), plan)
    results.update(_pathological_results(extract, plan))
    return results


if __name__ == "__main__":
    section_main(measure, django=False)
