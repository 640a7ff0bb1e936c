"""Ingest jobs: every door (admin upload, pasted text, URLs, feeds, the API)
ends here, and every item ends in the import service.

A job (``ImportRun``) is created with its items in one transaction; each
item is then a task (``articles.ingest.tasks.ingest_item``) that a worker,
or the calling process when there is no broker, runs exactly once in effect:
the item's status moves from pending only once (a guarded UPDATE in the same
transaction as the article it stores), so a task run twice, or run again
after its worker was killed, stores and counts the item once. A bad item is
marked failed with its reason and nothing of it is written.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from articles.extraction import EXTRACTOR_VERSION
from articles.models import ImportItem, ImportRun
from articles.services import workflow
from articles.services.imports import (
    Origin,
    Source,
    SourceRejected,
    article_import_text,
    articles_import,
)

from .html import NotAnArticle, canonical, story_from_html
from .ninjs import DocumentInvalid, is_ninjs, story_from_ninjs

_KEY_LENGTH = 300  # Article.source_key
# Items sent with the job (not fetched) per task: one transaction stores them.
CHUNK_SIZE = 25


@dataclass(frozen=True)
class ItemSpec:
    """One item of a job to start: a URL, or a text / page / document sent with it.
    ``error`` marks an item already known to be bad (an upload that is not text)."""

    source: str
    format: str = ImportItem.Format.URL
    payload: str = ""
    guid: str = ""
    error: str = ""


def user_can_ingest(user) -> bool:
    """Editors (who may publish) bring news in."""
    return workflow.user_can_publish(user)


def ingest_job_start(*, kind: str, items: list[ItemSpec], by=None, feed=None) -> ImportRun:
    """Record a job and its items, then hand each item to the workers."""
    now = timezone.now()
    bad = [spec for spec in items if spec.error]
    with transaction.atomic():
        run = ImportRun.objects.create(
            kind=kind,
            files=len(items),
            failed=len(bad),
            errors=[{"path": s.source, "reason": s.error} for s in bad],
            created_by=by if by is not None and by.is_authenticated else None,
            feed=feed,
            extractor_version=EXTRACTOR_VERSION,
            finished_at=now if len(bad) == len(items) else None,
        )
        ImportItem.objects.bulk_create(
            [
                ImportItem(
                    run=run,
                    position=position,
                    source=spec.source[:1000],
                    format=spec.format,
                    payload=spec.payload,
                    guid=spec.guid[:500],
                    feed=feed,
                    status=ImportItem.Status.FAILED if spec.error else ImportItem.Status.PENDING,
                    reason=spec.error,
                    finished_at=now if spec.error else None,
                )
                for position, spec in enumerate(items)
            ]
        )
    from .tasks import ingest_item, ingest_items  # the tasks module imports this one

    pending = list(run.items.filter(status=ImportItem.Status.PENDING).values_list("pk", "format"))
    # A URL is a task of its own (the network is the wait, workers fetch in
    # parallel); texts, pages and documents sent with the job go in chunks,
    # stored like import_seeds' batches, one transaction each.
    local = [pk for pk, fmt in pending if fmt != ImportItem.Format.URL]
    for pk, fmt in pending:
        if fmt == ImportItem.Format.URL:
            ingest_item.delay(pk)
    for start in range(0, len(local), CHUNK_SIZE):
        ingest_items.delay(local[start : start + CHUNK_SIZE])
    run.refresh_from_db()
    return run


def ingest_document(*, document, by=None) -> ImportRun:
    """The API's door: a ninjs document, ``{"url": ...}`` or ``{"text": ...}``.
    Checked here, before any job exists (``DocumentInvalid`` names the field)."""
    kind = ImportRun.Kind.API
    if isinstance(document, dict) and "url" in document and not is_ninjs(document):
        url = document["url"]
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            raise DocumentInvalid("url", "must be an http or https URL")
        return ingest_job_start(kind=kind, items=[ItemSpec(source=url.strip())], by=by)
    if isinstance(document, dict) and "text" in document and not is_ninjs(document):
        text = document["text"]
        if not isinstance(text, str) or not text.strip():
            raise DocumentInvalid("text", "must be a non-empty string")
        spec = ItemSpec(source="text sent to the API", format=ImportItem.Format.TEXT, payload=text)
        return ingest_job_start(kind=kind, items=[spec], by=by)
    if not is_ninjs(document):
        raise DocumentInvalid(
            "(document)", 'expected a ninjs document, {"url": ...} or {"text": ...}'
        )
    story = story_from_ninjs(document)  # every check before the job is recorded
    spec = ItemSpec(source=story.uri, format=ImportItem.Format.NINJS, payload=json.dumps(document))
    return ingest_job_start(kind=kind, items=[spec], by=by)


def ingest_item_process(*, item_id: int, final_attempt: bool = True) -> ImportItem | None:
    """Do one item: read or fetch it, extract it, store it, count it.

    A network error that may pass (``FetchError.retryable``) or an unexpected
    error is raised for the task to retry, unless this is the final attempt;
    then, like any bad item, the item is marked failed with the reason.
    """
    from .fetch import FetchError  # urllib3: loaded by the processes that fetch, only

    item = ImportItem.objects.filter(pk=item_id).select_related("run").first()
    if item is None or item.status != ImportItem.Status.PENDING:
        return item  # done already: a task delivered twice does nothing
    ImportItem.objects.filter(pk=item.pk).update(attempts=F("attempts") + 1)
    try:
        source = _source(item)
        with transaction.atomic():
            outcome = article_import_text(
                text=source.text,
                source_path=source.source_path,
                key=source.key,
                origin=source.origin,
            )
            _finish(item, status=outcome.action, article=outcome.article)
    except (SourceRejected, NotAnArticle, DocumentInvalid) as exc:
        _finish(item, status=ImportItem.Status.FAILED, reason=_reason(exc))
    except FetchError as exc:
        if exc.retryable and not final_attempt:
            raise
        _finish(item, status=ImportItem.Status.FAILED, reason=exc.reason)
    except Exception as exc:
        if not final_attempt:
            raise
        _finish(item, status=ImportItem.Status.FAILED, reason=f"could not be processed: {exc!r}")
    item.refresh_from_db()
    return item


def ingest_items_process(*, item_ids: list[int], final_attempt: bool = True) -> None:
    """Do a chunk of items sent with their job (texts, pages, documents), in
    one transaction, stored in bulk as ``import_seeds`` stores a batch. An
    error that sinks the chunk is raised for the task to retry; on the final
    attempt each item is done alone, so one bad item costs only itself."""
    pending = ImportItem.objects.filter(pk__in=item_ids, status=ImportItem.Status.PENDING)
    items = list(pending.select_related("run").order_by("position"))
    if not items:
        return
    if final_attempt:
        for item in items:
            ingest_item_process(item_id=item.pk)
        return
    ImportItem.objects.filter(pk__in=[i.pk for i in items]).update(attempts=F("attempts") + 1)
    good, sources = [], []
    for item in items:
        try:
            sources.append(_source(item))
            good.append(item)
        except (SourceRejected, NotAnArticle, DocumentInvalid) as exc:
            _finish(item, status=ImportItem.Status.FAILED, reason=_reason(exc))
    with transaction.atomic():
        for item, outcome in zip(good, articles_import(sources), strict=True):
            if isinstance(outcome, SourceRejected):
                _finish(item, status=ImportItem.Status.FAILED, reason=outcome.reason)
            else:
                _finish(item, status=outcome.action, article=outcome.article)


def _finish(item: ImportItem, *, status: str, article=None, reason: str = "") -> bool:
    """Move the item out of pending and count it, once; the job is finished
    when its last item is."""
    now = timezone.now()
    with transaction.atomic():
        won = ImportItem.objects.filter(pk=item.pk, status=ImportItem.Status.PENDING).update(
            status=status, article=article, reason=reason[:2000], finished_at=now
        )
        if not won:
            return False
        counter = "failed" if status == ImportItem.Status.FAILED else status
        ImportRun.objects.filter(pk=item.run_id).update(**{counter: F(counter) + 1})
        ImportRun.objects.filter(
            pk=item.run_id,
            finished_at__isnull=True,
            files__lte=F("created") + F("updated") + F("unchanged") + F("failed"),
        ).update(finished_at=now)
    return True


# ---------------------------------------------------------------- items to sources


def _source(item: ImportItem) -> Source:
    if item.format == ImportItem.Format.URL:
        from .fetch import fetch

        fetched = fetch(item.source)
        if fetched.content_type == "text/plain":
            text = _decode(fetched.body, fetched.charset, item.source)
            return Source(
                text=text,
                source_path=fetched.url,
                key=_key("url:", canonical(item.source)),
                origin=Origin(source_url=canonical(fetched.url)),
            )
        return _web_source(fetched.body, url=fetched.url)
    if item.format == ImportItem.Format.HTML:
        return _web_source(item.payload, url="", path=item.source)
    if item.format == ImportItem.Format.NINJS:
        story = story_from_ninjs(json.loads(item.payload))
        origin = Origin(
            source_url=story.source_url,
            publisher=story.publisher,
            byline=story.byline,
            published_at=story.published,
        )
        return Source(
            text=story.text, source_path=story.uri, key=_key("ninjs:", story.uri), origin=origin
        )
    if item.run.kind == ImportRun.Kind.UPLOAD:
        key = _key("upload/", item.source)  # a changed file of the same name updates it
    else:
        key = _key("text:", hashlib.sha256(item.payload.encode()).hexdigest())
    return Source(text=item.payload, source_path=item.source, key=key)


def _web_source(html: str | bytes, *, url: str, path: str = "") -> Source:
    story = story_from_html(html, url=url)
    # The page's own canonical URL names the story: two addresses, one article.
    story_url = story.canonical_url
    origin = Origin(
        source_url=story_url if story_url.startswith("http") else "",
        publisher=story.publisher,
        byline=story.byline,
        published_at=story.published,
    )
    key = _key("url:", story_url) if origin.source_url else _key("upload/", path)
    return Source(text=story.text, source_path=url or path, key=key, origin=origin)


def _key(prefix: str, identity: str) -> str:
    key = prefix + identity
    if len(key) <= _KEY_LENGTH:
        return key
    return prefix + "sha256:" + hashlib.sha256(identity.encode()).hexdigest()


def _decode(raw: bytes, charset: str | None, url: str) -> str:
    from articles.services.imports import source_decode

    if charset and charset.lower().replace("-", "") not in ("utf8", "ascii", "usascii"):
        try:
            raw = raw.decode(charset).encode("utf-8")
        except (LookupError, UnicodeDecodeError):
            raise SourceRejected(url, f"not {charset} as the server says") from None
    return source_decode(raw, path=url)


def _reason(exc: Exception) -> str:
    if isinstance(exc, SourceRejected):
        return exc.reason
    return str(exc)
