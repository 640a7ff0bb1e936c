"""Extraction: milliseconds per article over the BBC corpus, no database.

The baseline is one pass of a compiled regular expression over the same texts,
finding the capitalised words and sentence ends: the least any extractor has to
do, so the ratio says how many such passes the extractor costs.
"""

from __future__ import annotations

import cProfile
import io
import pstats
import re
import time

from .config import REPO, Plan
from .dataset import corpus
from .harness import NotMeasured, section_main
from .report import Result

_BASELINE = re.compile(r"[A-Z][\w'\u2019-]+|[.!?]")


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


def measure(plan: Plan) -> dict[str, Result]:
    from articles.extraction import extract

    texts = [text for _, text in corpus()]
    try:
        extract(texts[0])
    except NotImplementedError:
        raise NotMeasured("extract() is not implemented yet") from None
    _ms_per_article(extract, texts)  # warm up caches and lazy tables
    runs, baseline_runs = [], []
    for _ in range(max(plan.runs, 3)):
        runs.append(_ms_per_article(extract, texts))
        baseline_runs.append(_ms_per_article(_BASELINE.findall, texts))
    slowest = sorted(
        ((_ms_per_article(extract, [text]), name) for name, text in corpus()), reverse=True
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
    return {
        "extraction_ms": Result(
            runs=runs,
            baseline_runs=baseline_runs,
            baseline_label="one regex pass",
            note=note,
            evidence=evidence,
        )
    }


if __name__ == "__main__":
    section_main(measure, django=False)
