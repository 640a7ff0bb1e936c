"""Ingest on the real engine: a Redis broker (DB 5 of 127.0.0.1:6379), Celery
worker and beat processes started here, the test database shared with them.

Rows must be committed for another process to see them, hence
``transactional_db``; the worker is pointed at the test database.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection

from articles.ingest.jobs import ItemSpec, ingest_job_start
from articles.models import Article, Feed, ImportItem, ImportRun
from newsroom.celery import app as celery_app

from .conftest import REPO
from .newsserver import Answer, rss

BROKER = os.environ.get("NEWSROOM_TEST_REDIS_URL", "redis://127.0.0.1:6379/5")
STORIES = ["ap-esper-south-china-sea", "ap-pge-power-shutoff", "ap-indiana-teachers-rally"]

pytestmark = pytest.mark.usefixtures("transactional_db")


def _redis_or_skip():
    import redis

    try:
        client = redis.Redis.from_url(BROKER, socket_connect_timeout=2)
        client.ping()
    except redis.RedisError as exc:
        message = f"Redis not reachable at {BROKER} ({exc}): the worker tests need it."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    client.flushdb()  # DB 5 is this suite's own
    return client


def _database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class Process:
    """A Celery process of the project, its output in a log file."""

    def __init__(self, args: list[str], log: Path):
        env = {
            **os.environ,
            "REDIS_URL": BROKER,
            "DATABASE_URL": _database_url(),
            "NEWSROOM_INGEST_ALLOW_PRIVATE": "1",
            "NEWSROOM_INGEST_RETRY_DELAY": "0.2",
            "NEWSROOM_FEED_POLL_TICK": "1",
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        }
        self.log = log
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "newsroom", *args],
            cwd=REPO,
            env=env,
            stdout=log.open("wb"),
            stderr=subprocess.STDOUT,
        )

    def wait_for(self, text: str, timeout: float = 60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text in self.log.read_text(errors="replace"):
                return
            if self.proc.poll() is not None:
                break
            time.sleep(0.2)
        pytest.fail(f"celery never said {text!r}:\n{self.log.read_text(errors='replace')[-3000:]}")

    def children(self) -> list[int]:
        path = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children")
        return [int(pid) for pid in path.read_text().split()]

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)  # warm shutdown: finish, then exit
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def start_worker(tmp_path: Path, name: str = "") -> Process:
    name = name or uuid.uuid4().hex[:8]
    worker = Process(
        [
            "worker",
            "--loglevel=INFO",
            "--pool=prefork",
            "--concurrency=1",
            f"--hostname=test-{name}@%h",
            "--without-gossip",
            "--without-mingle",
        ],
        tmp_path / f"worker-{name}.log",
    )
    worker.wait_for("ready.")
    return worker


@pytest.fixture
def broker(django_db_blocker):
    """The test process sends tasks to Redis instead of running them itself."""
    _redis_or_skip()
    saved = {k: celery_app.conf[k] for k in ("task_always_eager", "broker_url")}
    celery_app.conf.update(task_always_eager=False, broker_url=BROKER)
    _reconnect()
    yield
    celery_app.conf.update(saved)
    _reconnect()


def _reconnect():
    """Drop the app's connection and producer pools: one made for the eager
    tests' memory:// broker would otherwise keep sending there. (Not closed:
    kombu's registry of producer pools would hand a closed one back.)"""
    celery_app._after_fork()  # Celery's own reset of both pools


@pytest.fixture
def worker(broker, tmp_path):
    process = start_worker(tmp_path)
    yield process
    process.stop()


def wait_until(condition, timeout: float = 60, what: str = "the workers"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}")


def finished(run: ImportRun) -> ImportRun:
    return wait_until(
        lambda: ImportRun.objects.filter(pk=run.pk, finished_at__isnull=False).first(),
        what=f"job {run.pk} to finish",
    )


def test_a_job_is_imported_by_a_worker_process(worker, news_server):
    urls = [news_server.story(name) for name in STORIES]
    run = ingest_job_start(kind=ImportRun.Kind.URL, items=[ItemSpec(source=u) for u in urls])
    assert run.is_running  # the answer comes back before the work is done
    run = finished(run)
    assert (run.created, run.failed) == (3, 0)
    assert Article.objects.filter(publisher="Test Gazette").count() == 3


def test_a_network_error_is_retried_with_backoff(worker, news_server):
    url = news_server.story(STORIES[0])
    news_server.routes[f"/news/{STORIES[0]}.html"].failing_hits = 2
    run = finished(ingest_job_start(kind=ImportRun.Kind.URL, items=[ItemSpec(source=url)]))
    item = run.items.get()
    assert (item.status, item.attempts) == (ImportItem.Status.CREATED, 3)


def test_a_worker_killed_mid_task_leaves_the_item_to_be_done_once(worker, news_server):
    url = news_server.story(STORIES[0])
    page = news_server.routes[f"/news/{STORIES[0]}.html"]
    page.delay, page.slow_hits = 30, 1  # the first fetch hangs: the task is mid-way
    run = ingest_job_start(kind=ImportRun.Kind.URL, items=[ItemSpec(source=url)])
    wait_until(lambda: news_server.hits.get(f"/news/{STORIES[0]}.html"), what="the fetch")
    (child,) = worker.children()
    os.kill(child, signal.SIGKILL)
    run = finished(run)
    item = run.items.get()
    assert (run.created, run.unchanged, run.failed) == (1, 0, 0)
    assert item.attempts == 2
    assert Article.objects.count() == 1


def test_two_workers_share_a_job(broker, tmp_path, news_server):
    workers = [start_worker(tmp_path, "one"), start_worker(tmp_path, "two")]
    try:
        urls = [news_server.story(name) for name in STORIES]
        for name in STORIES:  # slow enough that one worker cannot take them all
            news_server.routes[f"/news/{name}.html"].delay = 1
        run = ingest_job_start(kind=ImportRun.Kind.URL, items=[ItemSpec(source=u) for u in urls])
        assert finished(run).created == 3
    finally:
        for process in workers:
            process.stop()
    logs = [w.log.read_text(errors="replace") for w in workers]
    assert all("ingest_item" in log and "succeeded" in log for log in logs)


def test_beat_polls_a_feed_and_a_second_poll_imports_nothing_new(worker, tmp_path, news_server):
    items = [(f"urn:{n}", news_server.story(n), n) for n in STORIES[:2]]
    news_server.routes["/rss.xml"] = Answer(rss(items), "application/rss+xml")
    feed = Feed.objects.create(url=news_server.url("/rss.xml"), poll_interval=timedelta(seconds=2))
    beat = Process(
        ["beat", "--loglevel=INFO", f"--schedule={tmp_path / 'beat-schedule'}"],
        tmp_path / "beat.log",
    )
    try:
        wait_until(lambda: Feed.objects.get(pk=feed.pk).polls >= 2, what="two polls")
    finally:
        beat.stop()
    runs = list(ImportRun.objects.filter(feed=feed).order_by("started_at"))
    wait_until(lambda: not ImportRun.objects.filter(feed=feed, finished_at=None).exists())
    assert Article.objects.count() == 2
    assert [r.files for r in runs[:2]] == [2, 0]
    assert news_server.hits[f"/news/{STORIES[0]}.html"] == 1
