"""The ingest tasks the workers run (``make worker``), thin over the services.

Bound to the project's app (not ``shared_task``), so Celery is imported only
by processes that send or run a task, never by ``import_seeds`` or a plain
page view. Each task is idempotent: an item is stored and counted once however often
its task runs, so tasks are acknowledged late (a worker killed mid-task
leaves it to the next) and network errors are retried with a growing delay.
"""

from __future__ import annotations

import random

from django.conf import settings

from articles.models import Feed
from newsroom.celery import app

from . import feeds, jobs

MAX_RETRIES = 4


def retry_delay(retries: int) -> float:
    """Exponential back-off with jitter, so retries of many items spread out."""
    base = settings.NEWSROOM_INGEST_RETRY_DELAY * (2**retries)
    return base * random.uniform(0.8, 1.2)


@app.task(
    bind=True, acks_late=True, max_retries=MAX_RETRIES, name="articles.ingest.tasks.ingest_item"
)
def ingest_item(self, item_id: int) -> None:
    """Fetch (if need be), extract and store one item of a job."""
    final = self.request.retries >= self.max_retries
    try:
        jobs.ingest_item_process(item_id=item_id, final_attempt=final)
    except Exception as exc:
        raise self.retry(exc=exc, countdown=retry_delay(self.request.retries)) from exc


@app.task(
    bind=True, acks_late=True, max_retries=MAX_RETRIES, name="articles.ingest.tasks.ingest_items"
)
def ingest_items(self, item_ids: list[int]) -> None:
    """Extract and store a chunk of items sent with their job, in one transaction."""
    final = self.request.retries >= self.max_retries
    try:
        jobs.ingest_items_process(item_ids=item_ids, final_attempt=final)
    except Exception as exc:
        raise self.retry(exc=exc, countdown=retry_delay(self.request.retries)) from exc


@app.task(acks_late=True, name="articles.ingest.tasks.feed_poll")
def feed_poll(feed_id: int) -> None:
    """Poll one feed; its new entries become items for any worker."""
    feed = Feed.objects.filter(pk=feed_id).first()
    if feed is not None and feed.active:
        feeds.feed_poll(feed=feed)


@app.task(name="articles.ingest.tasks.feeds_poll_due")
def feeds_poll_due() -> int:
    """Run by Celery beat: hand every feed due a poll to the workers."""
    claimed = feeds.feeds_claim_due()
    for feed_id in claimed:
        feed_poll.delay(feed_id)
    return len(claimed)
