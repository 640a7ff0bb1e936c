"""The bench's pure helpers: medians, ratios, target verdicts, the table, the
wrk parser. No timings here: the figures themselves come from `make bench`."""

import pytest

from bench.harness import sql_shape
from bench.load import parse_duration_ms, parse_wrk
from bench.report import (
    ROWS,
    Result,
    Row,
    Target,
    evaluate,
    median,
    percentile,
    render_document,
    render_table,
    slowdown,
)

WRK_OUTPUT = """\
Running 30s test @ http://127.0.0.1:8000/api/v1/articles/
  2 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   120.50ms   30.10ms 512.00ms   80.00%
    Req/Sec   130.00     20.00   180.00     70.00%
  Latency Distribution
     50%  110.00ms
     75%  130.00ms
     90%  160.00ms
     99%    1.20s
  7800 requests in 30.02s, 90.00MB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 4
Requests/sec:    259.83
Transfer/sec:      3.00MB
"""


def test_median_ignores_missing_runs_and_is_none_when_nothing_ran():
    assert median([3.0, None, 1.0, 2.0]) == 2.0
    assert median([]) is None


def test_percentile_interpolates_between_ranks():
    assert percentile([10, 20, 30, 40, 50], 50) == 30
    assert percentile([10, 20], 95) == pytest.approx(19.5)
    assert percentile([], 95) is None


def test_ratio_reads_as_times_slower_for_times_and_for_rates():
    assert slowdown(30.0, 10.0, higher_is_better=False) == 3.0
    # 100 articles/s against a baseline of 250/s takes 2.5 times as long.
    assert slowdown(100.0, 250.0, higher_is_better=True) == 2.5
    assert slowdown(None, 1.0, higher_is_better=False) is None


def test_targets_judge_the_median_or_the_ratio():
    assert Target("<=", 3).met(2.9, None) is True
    assert Target(">=", 300).met(120, None) is False
    assert Target("<=", 1.5, on="ratio").met(1.0, 1.6) is False
    assert Target("<=", 1.5, on="ratio").met(1.0, None) is None


def test_a_missed_target_says_so_and_why():
    row = Row("x", "import", "Import", "articles/s", True, (Target(">=", 300, unit="articles/s"),))
    item = evaluate(row, Result(runs=[100, 120, 110], baseline_runs=[500], note="too many queries"))
    assert item.value == 110 and item.met is False
    table = render_table([item])
    assert "**no**" in table and "too many queries" in table and "≥ 300" in table


def test_a_met_target_and_an_unmeasured_row_render_in_the_table():
    queries = Row("q", "api", "Queries", "queries", targets=(Target("<=", 6),))
    met = evaluate(queries, Result(runs=[4]))
    missing = evaluate(
        Row("p", "pages", "Home", "ms"), Result(error="not measured: GET / answered 404")
    )
    table = render_table([met, missing])
    assert "| yes |" in table
    assert "not measured: GET / answered 404" in table


def test_every_row_is_listed_once_and_the_document_renders_without_results():
    assert len({row.key for row in ROWS}) == len(ROWS)
    items = [evaluate(row, None) for row in ROWS]
    document = render_document(
        items, machine={"CPU": "2 cores"}, settings={}, method="m", reproduce="make bench"
    )
    assert document.count("not measured") == len(ROWS)
    assert "make bench" in document


def test_wrk_output_gives_rate_p99_and_every_kind_of_error():
    parsed = parse_wrk(WRK_OUTPUT)
    assert parsed["rps"] == 259.83
    assert parsed["p99_ms"] == 1200.0
    assert parsed["errors"] == 9 and parsed["timeouts"] == 3 and parsed["non_2xx"] == 4
    assert parsed["requests"] == 7800


def test_wrk_durations_convert_to_milliseconds():
    assert parse_duration_ms("812.00us") == pytest.approx(0.812)
    assert parse_duration_ms("1.50m") == 90_000.0
    with pytest.raises(ValueError):
        parse_duration_ms("fast")


def test_repeated_statements_fold_to_one_shape():
    one = 'SELECT * FROM "articles_actor" WHERE "id" = 12 AND name = \'Blair\''
    two = 'SELECT * FROM "articles_actor" WHERE "id" = 7 AND name = \'Brown\''
    assert sql_shape(one) == sql_shape(two)
