"""API: the article list (page of 20, with actors) and an article's detail
(with its claims), in process through the whole middleware stack, against
baseline views that build the same JSON from ``values()`` (``bench.baselines``).
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
    sql_ms,
    statement_label,
    time_requests,
)
from .report import Result, median

LIST_URL = "/api/v1/articles/"
BASELINE_LIST_URL = "/__bench__/articles/"


def _same_shape(client, url: str, baseline_url: str) -> str:
    """Where the API's JSON and the baseline's differ in keys (the baseline must
    do the API's work, no less)."""
    api, base = client.get(url).json(), client.get(baseline_url).json()

    def keys(data):
        if isinstance(data, dict) and "results" in data:
            data = data["results"][0] if data["results"] else {}
        return set(data) if isinstance(data, dict) else set()

    only_api, only_base = keys(api) - keys(base), keys(base) - keys(api)
    if not only_api and not only_base:
        return "the baseline's JSON has the API's keys"
    return (
        f"keys only in the API: {sorted(only_api) or '-'}; "
        f"only in the baseline: {sorted(only_base) or '-'}"
    )


def _figure(client, plan: Plan, name: str, url: str, baseline_url: str, *, query_target=None):
    timings, baseline = time_requests(client, [url, baseline_url], plan)
    count, queries = query_profile(client, url)
    base_count, base_queries = query_profile(client, baseline_url)
    shape = _same_shape(client, url, baseline_url)
    evidence = (
        f"GET {url}: {shape}\n"
        + describe_queries(queries)
        + f"\nthe baseline ({baseline_url}):\n"
        + describe_queries(base_queries)
        + "\n"
        + profile_requests(client, url)
    )
    total, base_total = median(timings), median(baseline)
    spent, base_spent = sql_ms(queries), sql_ms(base_queries)
    slowest = max(queries, key=lambda q: q["ms"])
    time_note = (
        f"of {total:.1f} ms, {spent:.1f} ms is SQL in {count} queries (the baseline: "
        f"{base_spent:.1f} ms in {base_count}; the API's slowest, {slowest['ms']:.1f} ms: "
        f"{statement_label(slowest['sql'], 60)}) and {total - spent:.1f} ms is Python against "
        f"the baseline's {base_total - base_spent:.1f} ms (profile under Evidence)"
    )
    over = query_target is not None and count > query_target
    return {
        f"api_{name}_ms": Result(
            runs=timings,
            baseline_runs=baseline,
            baseline_label="values() by hand",
            note=time_note,
            evidence=evidence,
        ),
        f"api_{name}_queries": Result(
            runs=[count],
            baseline_runs=[base_count],
            baseline_label="values() by hand",
            note=repeated_note(queries) if over else "",
        ),
    }


def measure(plan: Plan) -> dict[str, Result]:
    client = bench_client()
    results: dict[str, Result] = {}
    attempt(
        results,
        ["api_list_ms", "api_list_queries"],
        lambda: _figure(client, plan, "list", LIST_URL, BASELINE_LIST_URL, query_target=6),
    )

    def detail():
        slug = first_published_slug()
        return _figure(
            client, plan, "detail", f"/api/v1/articles/{slug}/", f"/__bench__/articles/{slug}/"
        )

    attempt(results, ["api_detail_ms", "api_detail_queries"], detail)
    return results


if __name__ == "__main__":
    section_main(measure)
