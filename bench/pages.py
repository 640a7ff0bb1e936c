"""Reader pages: an article page and the home page, in process, with their SQL
query counts. The baseline is a no-op view behind the same middleware: what a
bare request costs before the page does any work.
"""

from __future__ import annotations

from .config import Plan
from .harness import (
    attempt,
    bench_client,
    describe_queries,
    first_published_slug,
    profile_requests,
    query_profile,
    repeated_note,
    section_main,
    time_requests,
)
from .report import Result

NOOP_URL = "/__bench__/noop/"
QUERY_TARGET = 8


def _figure(client, plan: Plan, name: str, url: str) -> dict[str, Result]:
    timings, floor = time_requests(client, [url, NOOP_URL], plan)
    count, queries = query_profile(client, url)
    evidence = f"GET {url}\n{describe_queries(queries)}\n{profile_requests(client, url)}"
    return {
        f"page_{name}_ms": Result(
            runs=timings, baseline_runs=floor, baseline_label="no-op view", evidence=evidence
        ),
        f"page_{name}_queries": Result(
            runs=[count], note=repeated_note(queries) if count > QUERY_TARGET else ""
        ),
    }


def measure(plan: Plan) -> dict[str, Result]:
    client = bench_client()
    results: dict[str, Result] = {}
    attempt(
        results,
        ["page_article_ms", "page_article_queries"],
        lambda: _figure(client, plan, "article", f"/articles/{first_published_slug()}/"),
    )
    attempt(
        results, ["page_home_ms", "page_home_queries"], lambda: _figure(client, plan, "home", "/")
    )
    return results


if __name__ == "__main__":
    section_main(measure)
