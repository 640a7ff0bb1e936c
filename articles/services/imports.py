"""News text in, article, actors and claims out.

Parse (pure, ``articles.extraction``) -> persist (here: atomic and idempotent)
-> command (``import_seeds``: files, progress, summary). A file that cannot be
imported raises ``SourceRejected`` naming the file and the reason, and nothing
of it is written.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import random
import re
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from itertools import islice
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, OperationalError, transaction
from django.db.models import Q
from django.utils import timezone

from articles.extraction import EXTRACTOR_VERSION, ExtractedArticle, ExtractedClaim
from articles.extraction.pipeline import extract_many
from articles.models import (
    ActorMention,
    Article,
    ArticleRevision,
    Claim,
    ClaimEvent,
    EditorialEvent,
    EditorNote,
)
from articles.similarity import claim_tokens, jaccard

from .actors import ActorRegistry, actors_make_public
from .slugs import unique_slugs

logger = logging.getLogger(__name__)

# A text with more control characters than this share is binary, not news.
_MAX_CONTROL_SHARE = 0.01
# Control characters other than newline, carriage return, tab and form feed.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
# Invisible characters that reorder or hide text: bidi embeddings, overrides
# and isolates, directional marks, zero-width spaces and joiners, the word
# joiner and invisible operators, a byte-order mark inside the text. In a
# title or a quote they make what a reader sees differ from what was said.
_INVISIBLE_RE = re.compile(
    "[\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


def text_without_invisible_controls(text: str) -> str:
    """The text as a reader sees it, without bidi controls or zero-width characters."""
    return _INVISIBLE_RE.sub("", text)


class SourceRejected(Exception):
    """A source file that cannot become an article; names the file and the reason."""

    def __init__(self, path: str, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


@dataclass
class ImportOutcome:
    """What importing one file did."""

    source_path: str
    action: str  # "created" | "updated" | "unchanged"
    article: Article | None = None
    actors_created: int = 0
    claims_created: int = 0
    claims_kept: int = 0
    claims_removed: int = 0  # sentences gone that nobody had worked on
    claims_superseded: list[str] = field(default_factory=list)  # gone, kept with their work
    # New claims at or above the gate on a published article whose text changed.
    claims_to_recheck: list[str] = field(default_factory=list)
    revision_number: int | None = None  # the revision this import added, if it added one
    text_changed: bool = False
    # Unchanged because another source already brought this very text (``article``).
    duplicate: bool = False

    @property
    def needs_attention(self) -> bool:
        """A published article changed under its readers: editors must look."""
        return bool(self.claims_to_recheck or self.claims_superseded) and bool(
            self.article is not None and self.article.published_at
        )


def source_key(path: Path) -> str:
    """Folder and file name: the same file reached by another path has the same key."""
    resolved = Path(path).resolve()
    return f"{resolved.parent.name}/{resolved.name}"


def source_read(path: Path) -> str:
    """The file's text, or ``SourceRejected`` saying why it is not news text."""
    path = Path(path)
    limit = settings.NEWSROOM_MAX_IMPORT_BYTES
    try:
        if not path.is_file():
            raise SourceRejected(path, "not a file" if path.exists() else "no such file")
        size = path.stat().st_size
        if size > limit:
            raise SourceRejected(path, f"too large: {size:,} bytes (the limit is {limit:,})")
        raw = path.read_bytes()
    except PermissionError:
        raise SourceRejected(path, "unreadable: permission denied") from None
    except OSError as exc:
        raise SourceRejected(path, f"unreadable: {exc.strerror or exc}") from None
    return source_decode(raw, path=path)


def source_decode(raw: bytes, *, path: Path | str) -> str:
    if not raw.strip():
        raise SourceRejected(path, "empty file" if not raw else "only whitespace")
    if b"\x00" in raw:
        raise SourceRejected(path, "binary file (contains NUL bytes)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceRejected(
            path, f"not UTF-8: byte 0x{raw[exc.start]:02x} at position {exc.start} is invalid"
        ) from None
    controls = len(_CONTROL_RE.findall(text))  # a regex, not a Python loop per character
    if controls > max(2, len(text) * _MAX_CONTROL_SHARE):
        raise SourceRejected(path, f"binary file ({controls} control characters)")
    text = text_without_invisible_controls(text)
    if not text.strip():
        raise SourceRejected(path, "only whitespace")
    return text


def content_hash(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def claim_fingerprint(claim: ExtractedClaim) -> str:
    """Identity of a claim across re-imports: its kind, sentence and quote."""
    raw = "\x1f".join((claim.kind, claim.text, claim.quote or ""))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Origin:
    """Where a text came from, as its web page or wire document says (ingest)."""

    source_url: str = ""
    publisher: str = ""
    byline: str = ""
    published_at: datetime | None = None


@dataclass(frozen=True)
class Source:
    """One news text to import: its text, where it was read and its source key."""

    text: str
    source_path: str
    key: str
    origin: Origin | None = None


def source_from_file(path: Path | str) -> Source:
    """Read a file as a ``Source`` (``SourceRejected`` if it is not news text)."""
    path = Path(path)
    return Source(text=source_read(path), source_path=str(path), key=source_key(path))


def sources_from_files(paths: Iterable[Path | str]) -> Iterator[Source | SourceRejected]:
    """Each file read lazily as a ``Source``, or the ``SourceRejected`` saying
    why it could not be (for ``articles_import``, which passes those through)."""
    for path in paths:
        try:
            yield source_from_file(path)
        except SourceRejected as exc:
            yield exc


def article_import_file(*, path: Path | str) -> ImportOutcome:
    """Read, extract and store one file (see ``article_import_text``)."""
    source = source_from_file(path)
    return article_import_text(text=source.text, source_path=source.source_path, key=source.key)


def article_import_text(
    *, text: str, source_path: str, key: str, origin: Origin | None = None
) -> ImportOutcome:
    """Store one news text, idempotently.

    Unchanged text (same body and extractor, found by source key or by content)
    writes nothing. Changed text updates its article and keeps editor work
    (verdicts, notes, audit trail) on every claim whose sentence is unchanged.
    """
    text = text_without_invisible_controls(text)
    source = Source(text=text, source_path=source_path, key=key, origin=origin)
    return _store([_parse(source, _extract_one(text))])[0]


# ---------------------------------------------------------------- in bulk

# Files per transaction: large enough that commits and per-statement costs
# vanish, small enough that a retry after a database error is cheap and a
# SQLite writer holds its lock for a fraction of a second.
BATCH_SIZE = 50
# Below this many files, starting extraction processes costs more than it saves.
PARALLEL_FROM = 200


def _extract_chunk(texts: list[str]) -> list[ExtractedArticle | str]:
    """The texts extracted, each within the per-file time budget: a text that
    takes longer is rejected with its name and that reason, not waited for."""
    return _budgeted_extract()(texts)


def _budgeted_extract():
    # A partial of the Django-free extractor: the extraction processes unpickle
    # it without importing this module (and Django with it).
    return partial(extract_many, budget=settings.NEWSROOM_EXTRACT_SECONDS)


def _extract_one(text: str) -> ExtractedArticle | str:
    return _extract_chunk([text])[0]


def default_jobs(files: int) -> int:
    """Extraction processes for an import of ``files`` files: one per core
    for a large import, none (extraction in this process) for a small one."""
    if files < PARALLEL_FROM:
        return 1
    if hasattr(os, "sched_getaffinity"):  # the cores this process may use (Linux)
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def articles_import(
    sources: Iterable[Source | SourceRejected], *, jobs: int = 1, batch_size: int = BATCH_SIZE
) -> Iterator[ImportOutcome | SourceRejected]:
    """Import many texts: one result per source, in order, as each batch is stored.

    Same rules as ``article_import_text`` file by file (a later file sees what
    an earlier one stored, actors included), but each batch of files is one
    transaction, written in bulk; with ``jobs`` > 1, texts are extracted in
    that many worker processes while this one stores the batches before them.
    A ``SourceRejected`` among the sources (a file that could not be read) is
    passed through in its place. If storing a batch fails, the batch is rolled
    back whole and its files are stored one by one, so a file that cannot be
    stored is reported (as a ``SourceRejected``) and the others are not lost.
    """
    chunks = _chunked(sources, batch_size)
    with _extractor(jobs) as extracted_chunks:
        for chunk in extracted_chunks(chunks):
            yield from _store_chunk(chunk)


def _chunked(items: Iterable, size: int) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _texts(chunk: list) -> list[str]:
    return [item.text for item in chunk if not isinstance(item, SourceRejected)]


def _paired(chunk: list, extracted: list) -> list:
    """(item, its extraction), a rejected item standing for itself."""
    results = iter(extracted)
    return [(i, i if isinstance(i, SourceRejected) else next(results)) for i in chunk]


@contextmanager
def _extractor(jobs: int):
    """A function from chunks of sources to chunks of (source, extraction),
    lazily and in order; with ``jobs`` > 1 the extraction runs ahead in
    worker processes, at most a few chunks in flight so memory stays flat."""
    if jobs <= 1:
        yield lambda chunks: (_paired(c, _extract_chunk(_texts(c))) for c in chunks)
        return
    # forkserver: workers start from a clean process, not a copy of this one
    # with its database connection and threads.
    context = multiprocessing.get_context("forkserver")
    # The server imports the extractor (and compiles its lexicon) once; each
    # worker is forked from it ready, instead of importing it all again.
    context.set_forkserver_preload(["articles.extraction.pipeline"])
    extract = _budgeted_extract()
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool, _ended_if_stopped(pool):

        def run(chunks):
            in_flight: deque = deque()

            def submit(chunk):
                in_flight.append((chunk, pool.submit(extract, _texts(chunk))))

            for chunk in islice(chunks, jobs * 2):
                submit(chunk)
            while in_flight:
                chunk, future = in_flight.popleft()
                if (following := next(chunks, None)) is not None:
                    submit(following)
                yield _paired(chunk, future.result())

        yield run


@contextmanager
def _ended_if_stopped(pool: ProcessPoolExecutor):
    """An import stopped midway (a signal, an error) ends its workers at once,
    rather than waiting for the chunks in flight or leaving processes behind."""
    try:
        yield
    except BaseException:
        workers = list((pool._processes or {}).values())  # no public way to reach them
        pool.shutdown(wait=False, cancel_futures=True)
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.join(timeout=5)
        raise


@dataclass
class _Parsed:
    source: Source
    extracted: ExtractedArticle
    digest: str


def _parse(source: Source, extracted: ExtractedArticle | str) -> _Parsed:
    if isinstance(extracted, str):
        raise SourceRejected(source.source_path, f"could not be processed: {extracted}")
    if not extracted.body.strip():
        raise SourceRejected(source.source_path, "no article text after the title")
    return _Parsed(source=source, extracted=extracted, digest=content_hash(extracted.body))


def _store_chunk(chunk: list) -> list[ImportOutcome | SourceRejected]:
    """Store a chunk's good files in as few transactions as their order allows;
    results in the chunk's order."""
    results: list = [None] * len(chunk)
    batch: list[tuple[int, _Parsed]] = []
    seen: set[str] = set()

    def flush():
        for (index, _), result in zip(batch, _store_batch([p for _, p in batch]), strict=True):
            results[index] = result
        batch.clear()
        seen.clear()

    for index, (item, extracted) in enumerate(chunk):
        if isinstance(item, SourceRejected):
            results[index] = item
            continue
        try:
            parsed = _parse(item, extracted)
        except SourceRejected as exc:
            results[index] = exc
            continue
        # The same file or text twice: the second must see the first stored.
        if {parsed.source.key, parsed.digest} & seen:
            flush()
        seen |= {parsed.source.key, parsed.digest}
        batch.append((index, parsed))
    if batch:
        flush()
    return results


# How often a batch is stored again after the database gave up on its
# transaction for a reason that passes (a deadlock, a serialisation failure,
# SQLite's lock timeout), and how long to wait before the first try again.
TRANSIENT_TRIES = 4
TRANSIENT_WAIT = 0.05


def _is_transient(exc: OperationalError) -> bool:
    sqlstate = getattr(exc.__cause__, "sqlstate", None)
    return sqlstate in {"40P01", "40001"} or "database is locked" in str(exc)


def _store_retrying(batch: list[_Parsed]) -> list[ImportOutcome]:
    """Store the batch; a transaction the database rolled back because of
    another one (a deadlock, a lock timeout) is tried again, after a growing,
    jittered wait."""
    for attempt in range(TRANSIENT_TRIES - 1):
        try:
            return _store_or_find(batch)
        except OperationalError as exc:
            if not _is_transient(exc):
                raise
            time.sleep(TRANSIENT_WAIT * 2**attempt * (1 + random.random()))
    return _store_or_find(batch)


def _store_or_find(batch: list[_Parsed]) -> list[ImportOutcome]:
    """Store the batch; if another import committed one of its new rows (the
    same new file, imported twice at once) in the meantime, store it again in
    a new transaction, which now finds that row instead of creating it."""
    try:
        return _store(batch)
    except IntegrityError:
        return _store(batch)


def _store_batch(batch: list[_Parsed]) -> list[ImportOutcome | SourceRejected]:
    try:
        return _store_retrying(batch)
    except Exception as exc:  # a database error or a bug: it must not stop the other files
        if len(batch) == 1:
            path = batch[0].source.source_path
            return [SourceRejected(path, f"could not be processed: {exc!r}")]
        logger.warning(
            "A batch of %d files from %s was rolled back (%r); storing them one by one.",
            len(batch),
            batch[0].source.source_path,
            exc,
        )
    # Rolled back whole: store file by file, so one bad file costs one file.
    return [result for parsed in batch for result in _store_batch([parsed])]


def _store(batch: list[_Parsed]) -> list[ImportOutcome]:
    """Store a batch of files with distinct keys and bodies, in one transaction."""
    with transaction.atomic():
        keys = {p.source.key for p in batch}
        digests = {p.digest for p in batch}
        # By source first (a changed file), else by content (the same text elsewhere).
        found = list(
            Article.objects.select_for_update().filter(
                Q(source_key__in=keys) | Q(content_hash__in=digests)
            )
        )
        outcomes, to_write = [], []
        for parsed in batch:
            key, digest = parsed.source.key, parsed.digest
            article = min(
                (a for a in found if a.source_key == key or a.content_hash == digest),
                key=lambda a: (a.source_key != key, a.pk),
                default=None,
            )
            if (
                article is not None
                and article.content_hash == digest
                and article.extractor_version == EXTRACTOR_VERSION
            ):
                outcome = ImportOutcome(
                    parsed.source.source_path, action="unchanged", article=article
                )
                # The same text under another name: said, not silently taken as this file.
                outcome.duplicate = article.source_key != key
                outcomes.append(outcome)
                continue
            action = "created" if article is None else "updated"
            outcome = ImportOutcome(parsed.source.source_path, action=action, article=article)
            outcomes.append(outcome)
            to_write.append((parsed, outcome))
        if to_write:
            _write(to_write)
    return outcomes


def _write(to_write: list[tuple[_Parsed, ImportOutcome]]) -> None:
    created = [(p, o) for p, o in to_write if o.article is None]
    slugs = unique_slugs(Article, [p.extracted.title for p, _ in created], max_length=100)
    for (parsed, outcome), slug in zip(created, slugs, strict=True):
        outcome.article = Article(source_key=parsed.source.key, slug=slug)
    now = timezone.now()
    for parsed, outcome in to_write:
        article = outcome.article
        outcome.text_changed = article.pk is None or article.content_hash != parsed.digest
        _article_fill(article, parsed)
        if outcome.action == "updated":
            if article.published_at and outcome.text_changed:
                article.text_updated_at = now
            article.save()
    Article.objects.bulk_create([o.article for _, o in created])
    revisions = _revisions(to_write, now=now)

    registry = ActorRegistry(
        [p.extracted.actors for p, _ in to_write], extractor_version=EXTRACTOR_VERSION
    )
    linked = []
    for parsed, outcome in to_write:
        actors, outcome.actors_created = registry.link(parsed.extracted.actors)
        linked.append(actors)
    registry.save()

    mentions, claims, changes = [], [], []
    for (parsed, outcome), actors in zip(to_write, linked, strict=True):
        mentions += _mentions(outcome, parsed.extracted, actors)
        change = _claims(outcome, parsed.extracted, actors, revision=revisions[id(outcome)])
        claims += change.new
        changes.append(change)
    ActorMention.objects.bulk_create(mentions)
    actors_make_public(articles=[o.article.pk for _, o in to_write if o.article.is_published])
    Claim.objects.bulk_create(claims)
    # Supersessions point at their replacements, which exist only now.
    _supersede([c for change in changes for c in change.superseded], now=now)
    EditorialEvent.objects.bulk_create(
        _text_updated_event(outcome, revisions[id(outcome)], now=now)
        for _, outcome in to_write
        if outcome.action == "updated" and outcome.article.published_at and outcome.text_changed
    )


def _revisions(to_write, *, now) -> dict[int, ArticleRevision]:
    """Each article's revision for this import: a new one where the text
    changed (the first, for a new article), else its latest."""
    articles = [o.article for _, o in to_write]
    latest: dict[int, ArticleRevision] = {}
    for revision in (
        ArticleRevision.objects.filter(article__in=articles)
        .order_by("article_id", "number")
        .defer("body")
    ):
        latest[revision.article_id] = revision
    revisions, new = {}, []
    for _, outcome in to_write:
        article = outcome.article
        previous = latest.get(article.pk)
        if previous is not None and not outcome.text_changed:
            revisions[id(outcome)] = previous
            continue
        revision = ArticleRevision(
            article=article,
            number=previous.number + 1 if previous else 1,
            title=article.title,
            body=article.body,
            content_hash=article.content_hash,
            source_path=article.source_path,
            extractor_version=EXTRACTOR_VERSION,
            created_at=now,
        )
        revisions[id(outcome)] = revision
        new.append(revision)
        outcome.revision_number = revision.number
    ArticleRevision.objects.bulk_create(new)
    return revisions


def _article_fill(article: Article, parsed: _Parsed) -> None:
    extracted = parsed.extracted
    article.title = extracted.title[:300]
    article.body = extracted.body
    article.dateline = extracted.dateline
    article.source_path = parsed.source.source_path[:500]
    article.content_hash = parsed.digest
    article.extractor_version = EXTRACTOR_VERSION
    if (origin := parsed.source.origin) is not None:
        article.source_url = origin.source_url[:1000]
        article.publisher = origin.publisher[:200]
        article.byline = origin.byline[:300]
        article.source_published_at = origin.published_at


def _mentions(outcome: ImportOutcome, extracted: ExtractedArticle, linked) -> list[ActorMention]:
    """The article's mentions, to create (an updated article's old ones are deleted)."""
    article = outcome.article
    # Two extracted names can land on one registry actor: their mentions add up.
    mentions: dict[int, ActorMention] = {}
    for item in extracted.actors:
        actor = linked.of(item)
        mention = mentions.setdefault(
            actor.pk, ActorMention(article=article, actor=actor, count=0, offsets=[])
        )
        mention.count += len(item.mentions)
        mention.offsets += [[m.start, m.end] for m in item.mentions]
        # What this article calls the actor: public once the article is.
        mention.forms += [f for f in (item.name, *item.aliases) if f not in mention.forms]
        mention.role = mention.role or item.role[:200]
    if outcome.action == "updated":
        ActorMention.objects.filter(article=article).delete()
    return list(mentions.values())


@dataclass
class _ClaimChanges:
    """What one import does to an article's claims: the new ones to create and
    the ones with editor work whose sentence went, each with its replacement."""

    new: list[Claim]
    superseded: list[tuple[Claim, Claim | None, int]]  # (claim, replacement, revision number)


def _claims(
    outcome: ImportOutcome, extracted: ExtractedArticle, linked, *, revision: ArticleRevision
) -> _ClaimChanges:
    """The article's claims after this import.

    A claim whose sentence is unchanged keeps the editor's work and moves to
    where the sentence now is (a superseded one whose sentence came back is
    restored). A claim whose sentence changed or went is deleted only if
    nobody worked on it; one with work (a step, a verdict, a note, an event)
    is kept as superseded, pointing into the revision it came from.
    """
    article = outcome.article
    # Locked: a verdict being saved meanwhile must not race the re-import.
    existing = (
        {c.fingerprint: c for c in article.claims.select_for_update().order_by()}
        if outcome.action == "updated"
        else {}
    )
    wanted: dict[str, ExtractedClaim] = {}
    for claim in extracted.claims:
        wanted.setdefault(claim_fingerprint(claim), claim)

    threshold = settings.NEWSROOM_PUBLISH_THRESHOLD
    new_claims, kept, changed, restored = [], [], [], []
    for fingerprint, item in wanted.items():
        speaker = linked.get(item.speaker) if item.speaker else None
        checkworthiness = round(min(max(item.checkworthiness, 0.0), 1.0), 3)
        claim = existing.get(fingerprint)
        if claim is None:
            new_claims.append(
                Claim(
                    article=article,
                    revision=revision,
                    kind=item.kind,
                    text=item.text,
                    quote=item.quote or "",
                    speaker=speaker,
                    start=item.start,
                    end=item.end,
                    checkworthiness=checkworthiness,
                    fingerprint=fingerprint,
                    extractor_version=EXTRACTOR_VERSION,
                )
            )
            continue
        # Same sentence: keep the editor's work, move it to where the sentence now is.
        before = (claim.start, claim.end, claim.speaker_id, claim.checkworthiness)
        claim.start, claim.end, claim.revision = item.start, item.end, revision
        if claim.superseded_at is not None:
            claim.superseded_at, claim.superseded_by = None, None
            restored.append(claim)
        if not claim.confirmed:
            claim.speaker = speaker
            claim.checkworthiness = checkworthiness
            claim.extractor_version = EXTRACTOR_VERSION
        if claim in restored or before != (
            claim.start,
            claim.end,
            claim.speaker_id,
            claim.checkworthiness,
        ):
            claim.version += 1  # an editor's form opened before the re-import is now stale
            changed.append(claim)
        kept.append(claim)
    outcome.claims_created = len(new_claims)
    outcome.claims_kept = len(kept)
    if article.published_at and outcome.action == "updated":
        outcome.claims_to_recheck = [
            c.text[:80] for c in new_claims if c.checkworthiness >= threshold
        ]
    if not existing:
        return _ClaimChanges(new=new_claims, superseded=[])

    gone = [c for fp, c in existing.items() if fp not in wanted and c.superseded_at is None]
    worked_on = _claims_with_work(gone)
    removed = [c for c in gone if c.pk not in worked_on]
    superseded = [
        (c, _replacement(c, new_claims), revision.number - 1) for c in gone if c.pk in worked_on
    ]
    outcome.claims_removed = len(removed)
    outcome.claims_superseded = [c.text[:80] for c, _, _ in superseded]
    if removed:
        Claim.objects.filter(pk__in=[c.pk for c in removed]).delete()
    if kept:
        now = timezone.now()
        for claim in changed:
            claim.updated_at = now
        Claim.objects.bulk_update(
            kept,
            [
                "start",
                "end",
                "revision",
                "speaker",
                "checkworthiness",
                "extractor_version",
                "version",
                "superseded_at",
                "superseded_by",
                "updated_at",
            ],
        )
    # A new claim's provenance is on the claim itself (extractor_version,
    # created_at); the trail starts with what people do, and with re-imports
    # that move a claim someone may be working on.
    if changed:
        ClaimEvent.objects.bulk_create(
            [_reimport_event(c, restored=c in restored, revision=revision) for c in changed]
        )
    return _ClaimChanges(new=new_claims, superseded=superseded)


def _claims_with_work(claims: list[Claim]) -> set[int]:
    """The pks of the claims someone worked on: a step taken, a note, an
    event by a person, or a confirmed extraction."""
    if not claims:
        return set()
    worked = {
        c.pk
        for c in claims
        if c.status != Claim.Status.NEW or c.assignee_id or c.confirmed or c.lowered_by_id
    }
    pks = [c.pk for c in claims]
    worked |= set(EditorNote.objects.filter(claim__in=pks).values_list("claim_id", flat=True))
    worked |= set(
        ClaimEvent.objects.filter(claim__in=pks, user__isnull=False).values_list(
            "claim_id", flat=True
        )
    )
    return worked


# A new sentence replaces an old one when they share at least this share of words.
REPLACEMENT_SIMILARITY = 0.5


def _replacement(claim: Claim, candidates: list[Claim]) -> Claim | None:
    """The new claim most like ``claim`` (of the same kind first), if one is close."""
    tokens = claim_tokens(claim.text)
    scored = [
        (jaccard(tokens, claim_tokens(c.text)), c.kind == claim.kind, -i, c)
        for i, c in enumerate(candidates)
    ]
    scored = [row for row in scored if row[0] >= REPLACEMENT_SIMILARITY]
    return max(scored, key=lambda row: row[:3])[3] if scored else None


def _supersede(superseded: list[tuple[Claim, Claim | None, int]], *, now) -> None:
    if not superseded:
        return
    events = []
    for claim, replacement, number in superseded:
        claim.superseded_at, claim.superseded_by, claim.updated_at = now, replacement, now
        claim.version += 1
        replaced = f"; replaced by claim #{replacement.pk}" if replacement else ""
        events.append(
            ClaimEvent(
                claim=claim,
                action=ClaimEvent.Action.SUPERSEDED,
                from_status=claim.status,
                to_status=claim.status,
                comment=f"The sentence changed or went in a new text of the article "
                f"(after revision {number}); the claim is kept with its work{replaced}.",
                created_at=now,
            )
        )
    Claim.objects.bulk_update(
        [c for c, _, _ in superseded], ["superseded_at", "superseded_by", "updated_at", "version"]
    )
    ClaimEvent.objects.bulk_create(events)


def _reimport_event(claim: Claim, *, restored: bool, revision: ArticleRevision) -> ClaimEvent:
    if restored:
        comment = f"The sentence is back in revision {revision.number} of the text; claim restored."
    else:
        comment = f"Source re-imported; offsets or speaker updated by {EXTRACTOR_VERSION}"
    return ClaimEvent(
        claim=claim,
        action=ClaimEvent.Action.RESTORED if restored else ClaimEvent.Action.EDITED,
        from_status=claim.status,
        to_status=claim.status,
        comment=comment,
    )


def _text_updated_event(outcome: ImportOutcome, revision: ArticleRevision, *, now):
    article = outcome.article
    recheck = len(outcome.claims_to_recheck)
    return EditorialEvent(
        action=EditorialEvent.Action.TEXT_UPDATED,
        article=article,
        description=(
            f"The published text changed (revision {revision.number}, from "
            f"{article.source_path}): {recheck} new claim(s) at or above the gate to check, "
            f"{len(outcome.claims_superseded)} claim(s) with work kept as superseded."
        ),
        data={
            "revision": revision.number,
            "claims_to_recheck": outcome.claims_to_recheck,
            "claims_superseded": outcome.claims_superseded,
        },
        created_at=now,
    )
