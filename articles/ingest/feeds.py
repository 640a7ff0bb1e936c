"""Following RSS and Atom feeds: polls, new entries, back-off.

Celery beat runs ``feeds_claim_due`` every ``NEWSROOM_FEED_POLL_TICK``
seconds; each feed due is claimed (its next poll moved on, so a second beat
or a slow poll never polls it twice) and polled by a worker. A poll is a
conditional GET (ETag / Last-Modified); each entry not seen before, by guid
or by link, becomes an item of the poll's job. A feed that fails is flagged
with the error and polled again later and later (doubling up to a day); it
never holds up the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError
from django.db.models import DateTimeField, ExpressionWrapper, F, Q
from django.utils import timezone

from articles.models import Feed, ImportItem, ImportRun

from .fetch import FEED_TYPES, FetchError, fetch
from .jobs import ItemSpec, ingest_job_start

MAX_BACKOFF = timedelta(days=1)


class FeedInvalid(Exception):
    """A feed document that is not RSS or Atom, or has no usable entries."""


@dataclass(frozen=True)
class FeedEntry:
    guid: str
    link: str
    title: str = ""


def feed_entries(body: bytes, *, url: str) -> tuple[str, list[FeedEntry]]:
    """The feed's title and entries; ``FeedInvalid`` if it is no feed at all."""
    import feedparser

    parsed = feedparser.parse(body, response_headers={"content-location": url})
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise FeedInvalid(f"not an RSS or Atom feed{f' ({problem})' if problem else ''}")
    entries, seen = [], set()
    for entry in parsed.entries:
        link = (entry.get("link") or "").strip()
        guid = (entry.get("id") or link).strip()
        if not link or guid in seen:
            continue
        seen.add(guid)
        entries.append(FeedEntry(guid=guid, link=link, title=entry.get("title", "")))
    return parsed.feed.get("title", ""), entries


def feeds_claim_due(*, now=None) -> list[int]:
    """The active feeds due a poll, each claimed by moving its next poll on."""
    now = now or timezone.now()
    claimed = []
    due = Feed.objects.filter(active=True, next_poll_at__lte=now).values_list("pk", flat=True)
    for pk in list(due):
        later = ExpressionWrapper(now + F("poll_interval"), output_field=DateTimeField())
        if Feed.objects.filter(pk=pk, next_poll_at__lte=now).update(next_poll_at=later):
            claimed.append(pk)
    return claimed


def feed_poll(*, feed: Feed) -> ImportRun:
    """Poll one feed now: its new entries become a job, imported by the workers."""
    now = timezone.now()
    try:
        fetched = fetch(
            feed.url, accept=FEED_TYPES, etag=feed.etag, last_modified=feed.last_modified
        )
        title, entries = (
            (feed.title, [])
            if fetched.not_modified
            else feed_entries(fetched.body, url=fetched.url)
        )
    except (FetchError, FeedInvalid) as exc:
        return _poll_failed(feed, reason=getattr(exc, "reason", str(exc)), now=now)

    known = ImportItem.objects.filter(feed=feed).filter(
        Q(guid__in=[e.guid for e in entries]) | Q(source__in=[e.link for e in entries])
    )
    seen_guids, seen_links = set(), set()
    for guid, link in known.values_list("guid", "source"):
        seen_guids.add(guid)
        seen_links.add(link)
    new = [e for e in entries if e.guid not in seen_guids and e.link not in seen_links]
    Feed.objects.filter(pk=feed.pk).update(
        title=feed.title or title[:300],
        polls=F("polls") + 1,
        entries_seen=F("entries_seen") + len(new),
        last_polled_at=now,
        last_success_at=now,
        last_error="",
        failures=0,
        etag=fetched.etag[:300] if not fetched.not_modified else feed.etag,
        last_modified=fetched.last_modified[:100]
        if not fetched.not_modified
        else feed.last_modified,
        next_poll_at=now + feed.poll_interval,
    )
    items = [ItemSpec(source=e.link, guid=e.guid) for e in new]
    try:
        return ingest_job_start(kind=ImportRun.Kind.FEED, items=items, feed=feed)
    except IntegrityError:
        # Another poll of this feed recorded the same entries a moment ago.
        return ingest_job_start(kind=ImportRun.Kind.FEED, items=[], feed=feed)


def _poll_failed(feed: Feed, *, reason: str, now) -> ImportRun:
    failures = feed.failures + 1
    backoff = min(feed.poll_interval * (2 ** min(failures, 16)), MAX_BACKOFF)
    Feed.objects.filter(pk=feed.pk).update(
        polls=F("polls") + 1,
        failures=F("failures") + 1,
        last_polled_at=now,
        last_error=reason[:2000],
        next_poll_at=now + backoff,
    )
    return ImportRun.objects.create(
        kind=ImportRun.Kind.FEED,
        feed=feed,
        files=1,  # the feed itself, which failed
        failed=1,
        errors=[{"path": feed.url, "reason": reason}],
        finished_at=now,
    )
