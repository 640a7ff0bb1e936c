"""Load: gunicorn (as make serve: 2 threaded workers) on the PostgreSQL scale data set, wrk for
BENCH_LOAD_SECONDS at 32 connections on the API article list and a reader
article page: requests per second, p99 latency and errors (non-2xx/3xx
responses plus socket errors, timeouts included; wrk's timeout is 10 s).

wrk, gunicorn and PostgreSQL share the machine's cores, as they would on a
single small server; only 127.0.0.1 is ever targeted.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager, suppress
from pathlib import Path

from .config import VAR, Plan
from .harness import NotMeasured, first_published_slug, log, section_main
from .report import Result

# The same configuration as `make serve`.
CONFIG = Path(__file__).resolve().parent.parent / "newsroom" / "gunicorn.conf.py"
CONNECTIONS = 32
THREADS = 2
WORKERS = 2
WRK_TIMEOUT = "10s"

_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


def parse_duration_ms(text: str) -> float:
    """wrk's "812.34us", "12.5ms", "1.02s", "1.50m" as milliseconds."""
    match = re.fullmatch(r"\s*([\d.]+)(us|ms|s|m|h)\s*", text)
    if not match:
        raise ValueError(f"not a wrk duration: {text!r}")
    return float(match.group(1)) * _UNITS_MS[match.group(2)]


def parse_wrk(output: str) -> dict[str, float]:
    """Requests per second, p99 latency (ms), error count and request count from
    ``wrk --latency`` output."""
    rps = re.search(r"Requests/sec:\s*([\d.]+)", output)
    p99 = re.search(r"^\s*99%\s+(\S+)", output, re.MULTILINE)
    total = re.search(r"(\d+) requests in", output)
    if not (rps and total):
        raise ValueError("wrk printed no summary:\n" + output[-500:])
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sockets = [int(n) for n in socket_errors.groups()] if socket_errors else [0, 0, 0, 0]
    bad_status = int(non_2xx.group(1)) if non_2xx else 0
    return {
        "rps": float(rps.group(1)),
        "p99_ms": parse_duration_ms(p99.group(1)) if p99 else None,
        "errors": sum(sockets) + bad_status,
        "timeouts": sockets[3],
        "non_2xx": bad_status,
        "requests": int(total.group(1)),
    }


def _wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() != 0:
        raise NotMeasured("wrk is not installed (apt-get install -y wrk, as root)")
    log("  installing wrk from Debian")
    subprocess.run(
        ["apt-get", "install", "-y", "-q", "wrk"],
        check=False,
        capture_output=True,
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
    )
    found = shutil.which("wrk")
    if not found:
        raise NotMeasured("wrk is not installed and apt-get could not install it")
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def _wait_ready(base: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise NotMeasured(
                f"gunicorn exited with {process.returncode} (see var/bench/gunicorn.log)"
            )
        try:
            _get(base + "/robots.txt")
            return
        except OSError:
            time.sleep(0.3)
    raise NotMeasured("gunicorn did not answer within 60 s")


def conn_max_age() -> str:
    """Persistent connections as ``make serve`` keeps them (60 s unless set)."""
    return os.environ.get("DJANGO_CONN_MAX_AGE") or "60"


@contextmanager
def gunicorn():
    """A fresh gunicorn on a free port for one wrk run: requests still queued
    from the previous run (wrk leaves them behind) never reach the next."""
    port = _free_port()
    VAR.mkdir(parents=True, exist_ok=True)
    executable = os.path.join(os.path.dirname(sys.executable), "gunicorn")
    with open(VAR / "gunicorn.log", "a") as log_file:
        process = subprocess.Popen(
            [
                executable,
                "newsroom.wsgi",
                "--config",
                str(CONFIG),
                "--workers",
                str(WORKERS),
                "--bind",
                f"127.0.0.1:{port}",
            ],
            env={**os.environ, "DJANGO_CONN_MAX_AGE": conn_max_age()},
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            _wait_ready(base, process)
            yield base
        finally:
            os.killpg(process.pid, signal.SIGINT)  # quick shutdown, queued requests dropped
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def in_process_profile(url: str) -> tuple[str, str]:
    """(short note, evidence) for one URL served in process on the same data:
    its time, its queries and the slowest statement's plan."""
    from .harness import bench_client, timed_get
    from .scale import plan_note, slowest_statement

    client = bench_client()
    timed_get(client, url)
    ms = timed_get(client, url)
    summary, query_plan = slowest_statement(client, url)
    note = f"in process one request takes {ms:.0f} ms; {plan_note(query_plan)}"
    return note, f"in process: {ms:.0f} ms per request\n{summary}\n\n{query_plan}"


def _wrk_run(wrk: str, base: str, path: str, plan: Plan) -> tuple[dict, str]:
    command = [
        wrk,
        f"-t{THREADS}",
        f"-c{CONNECTIONS}",
        f"-d{plan.load_seconds}s",
        "--timeout",
        WRK_TIMEOUT,
        "--latency",
        base + path,
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    return parse_wrk(done.stdout), done.stdout


def _results(name: str, path: str, plan: Plan, measured, outputs, profile) -> dict[str, Result]:
    note, profile_evidence = profile
    middle = sorted(range(len(measured)), key=lambda i: measured[i]["rps"])[len(measured) // 2]
    evidence = (
        f"gunicorn --workers {WORKERS} (gthread, as make serve), wrk -t{THREADS} -c{CONNECTIONS} "
        f"-d{plan.load_seconds}s --timeout {WRK_TIMEOUT} --latency {path}\n"
        f"DJANGO_CONN_MAX_AGE={conn_max_age()} (as make serve)\n"
        f"the median run's wrk output:\n{outputs[middle].strip()}\n\n{profile_evidence}"
    )
    errors = [float(m["errors"]) for m in measured]
    error_note = (
        "per run: "
        + "; ".join(
            f"{m['timeouts']} timeouts and {m['non_2xx']} non-2xx of {m['requests']} requests"
            for m in measured
        )
        + f"; {note}"
    )
    return {
        f"load_{name}_rps": Result(runs=[m["rps"] for m in measured], evidence=evidence),
        f"load_{name}_p99": Result(runs=[m["p99_ms"] for m in measured]),
        f"load_{name}_errors": Result(runs=errors, note=error_note),
    }


# Slow clients: this many connections, each sending one header line every
# SLOWLORIS_INTERVAL seconds and never finishing its request, for at most
# SLOWLORIS_SECONDS, while one reader fetches a page again and again.
SLOWLORIS_CONNECTIONS = 2
SLOWLORIS_INTERVAL = 3.0
SLOWLORIS_SECONDS = 40


def slowloris_reader_latencies(
    base: str, path: str, *, seconds: float, connections: int = SLOWLORIS_CONNECTIONS
) -> list[float]:
    """Reader latencies (ms) for ``path`` while ``connections`` slowloris connections hold
    their sockets open on 127.0.0.1. Requests that fail count as the time
    they took (a timeout is 30 s)."""
    import threading

    host, port = base.removeprefix("http://").split(":")
    stop = threading.Event()

    def slow_client():
        with socket.create_connection((host, int(port)), timeout=10) as sock:
            sock.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n".encode())
            n = 0
            while not stop.wait(SLOWLORIS_INTERVAL):
                n += 1
                try:
                    sock.sendall(f"X-Slow-{n}: {n}\r\n".encode())
                except OSError:
                    return  # the server hung up on us: exactly what it may do

    slow = [threading.Thread(target=slow_client, daemon=True) for _ in range(connections)]
    for thread in slow:
        thread.start()
    time.sleep(SLOWLORIS_INTERVAL)  # both hold their connection before readers come
    latencies, deadline = [], time.monotonic() + seconds
    try:
        while time.monotonic() < deadline:
            started = time.perf_counter()
            with suppress(OSError):
                _get(base + path)
            latencies.append((time.perf_counter() - started) * 1000)
    finally:
        stop.set()
        for thread in slow:
            thread.join(timeout=SLOWLORIS_INTERVAL + 1)
    return latencies


def _slowloris_result(base: str, path: str, plan: Plan) -> Result:
    from .report import percentile

    seconds = min(plan.load_seconds, SLOWLORIS_SECONDS)
    latencies = slowloris_reader_latencies(base, path, seconds=seconds)
    p99 = percentile(latencies, 99)
    log(f"  load slowloris: reader p99 {p99:.0f} ms over {len(latencies)} requests")
    return Result(
        runs=[p99],
        evidence=(
            f"{SLOWLORIS_CONNECTIONS} connections sending one header line every "
            f"{SLOWLORIS_INTERVAL:g} s, one reader GET {path} in a loop for {seconds} s: "
            f"{len(latencies)} requests, max {max(latencies):.0f} ms"
        ),
    )


def measure(plan: Plan) -> dict[str, Result]:
    from django.db import connection

    if connection.vendor != "postgresql":
        raise NotMeasured("the load section runs on PostgreSQL only")
    wrk = _wrk()
    targets = {
        "api_list": "/api/v1/articles/",
        "article_page": f"/articles/{first_published_slug()}/",
    }
    profiles = {name: in_process_profile(path) for name, path in targets.items()}
    connection.close()
    (VAR / "gunicorn.log").unlink(missing_ok=True)

    results: dict[str, Result] = {}
    measured: dict[str, list[dict]] = {name: [] for name in targets}
    outputs: dict[str, list[str]] = {name: [] for name in targets}
    for n in range(plan.load_runs):
        for name, path in targets.items():
            if f"load_{name}_rps" in results:
                continue
            with gunicorn() as base:
                status = _get(base + path)
                if status != 200:
                    error = f"not measured: GET {path} answered {status} under gunicorn"
                    for suffix in ("rps", "p99", "errors"):
                        results[f"load_{name}_{suffix}"] = Result(error=error)
                    continue
                parsed, output = _wrk_run(wrk, base, path, plan)
            measured[name].append(parsed)
            outputs[name].append(output)
            log(
                f"  load {name} run {n + 1}: {parsed['rps']:.1f} req/s, "
                f"p99 {parsed['p99_ms']:.0f} ms, {parsed['errors']} errors"
            )
    with gunicorn() as base:
        results["load_slowloris_p99"] = _slowloris_result(base, targets["article_page"], plan)
    for name, path in targets.items():
        if measured[name]:
            results.update(
                _results(name, path, plan, measured[name], outputs[name], profiles[name])
            )
    return results


if __name__ == "__main__":
    section_main(measure)
