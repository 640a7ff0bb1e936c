"""News text in, article, actors and claims out.

Parse (pure, ``articles.extraction``) -> persist (here: atomic and idempotent)
-> command (``import_seeds``: files, progress, summary). A file that cannot be
imported raises ``SourceRejected`` naming the file and the reason, and nothing
of it is written.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Q

from articles.extraction import EXTRACTOR_VERSION, ExtractedArticle, ExtractedClaim, extract
from articles.models import ActorMention, Article, Claim, ClaimEvent, EditorNote

from .actors import actors_link
from .slugs import unique_slugs

# A text with more control characters than this share is binary, not news.
_MAX_CONTROL_SHARE = 0.01
# Control characters other than newline, carriage return, tab and form feed.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


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
    claims_removed: int = 0
    claims_removed_with_work: list[str] = field(default_factory=list)


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
    if not text.strip():
        raise SourceRejected(path, "only whitespace")
    return text


def content_hash(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def claim_fingerprint(claim: ExtractedClaim) -> str:
    """Identity of a claim across re-imports: its kind, sentence and quote."""
    raw = "\x1f".join((claim.kind, claim.text, claim.quote or ""))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def article_import_file(*, path: Path | str) -> ImportOutcome:
    """Read, extract and store one file (see ``article_import_text``)."""
    path = Path(path)
    text = source_read(path)
    return article_import_text(text=text, source_path=str(path), key=source_key(path))


def article_import_text(*, text: str, source_path: str, key: str) -> ImportOutcome:
    """Store one news text, idempotently.

    Unchanged text (same body and extractor, found by source key or by content)
    writes nothing. Changed text updates its article and keeps editor work
    (verdicts, notes, audit trail) on every claim whose sentence is unchanged.
    """
    extracted = extract(text)
    if not extracted.body.strip():
        raise SourceRejected(source_path, "no article text after the title")
    digest = content_hash(extracted.body)
    with transaction.atomic():
        # By source first (a changed file), else by content (the same text elsewhere).
        found = Article.objects.select_for_update().filter(
            Q(source_key=key) | Q(content_hash=digest)
        )
        article = min(found, key=lambda a: (a.source_key != key, a.pk), default=None)
        if (
            article is not None
            and article.content_hash == digest
            and article.extractor_version == EXTRACTOR_VERSION
        ):
            return ImportOutcome(source_path=source_path, action="unchanged", article=article)
        action = "created" if article is None else "updated"
        article = _article_save(article, extracted, source_path=source_path, key=key, digest=digest)
        outcome = ImportOutcome(source_path=source_path, action=action, article=article)
        linked = _actors_save(article, extracted, outcome)
        _claims_save(article, extracted, linked, outcome)
    return outcome


def _article_save(article, extracted: ExtractedArticle, *, source_path, key, digest) -> Article:
    if article is None:
        article = Article(source_key=key)
        article.slug = unique_slugs(Article, [extracted.title], max_length=100)[0]
    article.title = extracted.title[:300]
    article.body = extracted.body
    article.dateline = extracted.dateline
    article.source_path = source_path[:500]
    article.content_hash = digest
    article.extractor_version = EXTRACTOR_VERSION
    article.save()
    return article


def _actors_save(article: Article, extracted: ExtractedArticle, outcome: ImportOutcome):
    linked, outcome.actors_created = actors_link(
        extracted=extracted.actors, extractor_version=EXTRACTOR_VERSION
    )
    # Two extracted names can land on one registry actor: their mentions add up.
    mentions: dict[int, ActorMention] = {}
    for item in extracted.actors:
        actor = linked[item.name]
        mention = mentions.setdefault(
            actor.pk, ActorMention(article=article, actor=actor, count=0, offsets=[])
        )
        mention.count += len(item.mentions)
        mention.offsets += [[m.start, m.end] for m in item.mentions]
    if outcome.action == "updated":
        ActorMention.objects.filter(article=article).delete()
    ActorMention.objects.bulk_create(list(mentions.values()))
    return linked


def _claims_save(article, extracted: ExtractedArticle, linked, outcome: ImportOutcome) -> None:
    # Locked: a verdict being saved meanwhile must not race the re-import.
    existing = (
        {c.fingerprint: c for c in article.claims.select_for_update().order_by()}
        if outcome.action == "updated"
        else {}
    )
    wanted: dict[str, ExtractedClaim] = {}
    for claim in extracted.claims:
        wanted.setdefault(claim_fingerprint(claim), claim)

    new_claims, kept, changed = [], [], []
    for fingerprint, item in wanted.items():
        speaker = linked.get(item.speaker) if item.speaker else None
        claim = existing.get(fingerprint)
        if claim is None:
            new_claims.append(
                Claim(
                    article=article,
                    kind=item.kind,
                    text=item.text,
                    quote=item.quote or "",
                    speaker=speaker,
                    start=item.start,
                    end=item.end,
                    checkworthiness=round(min(max(item.checkworthiness, 0.0), 1.0), 3),
                    fingerprint=fingerprint,
                    extractor_version=EXTRACTOR_VERSION,
                )
            )
            continue
        # Same sentence: keep the editor's work, move it to where the sentence now is.
        before = (claim.start, claim.end, claim.speaker_id, claim.checkworthiness)
        claim.start, claim.end = item.start, item.end
        if not claim.confirmed:
            claim.speaker = speaker
            claim.checkworthiness = round(min(max(item.checkworthiness, 0.0), 1.0), 3)
            claim.extractor_version = EXTRACTOR_VERSION
        if before != (claim.start, claim.end, claim.speaker_id, claim.checkworthiness):
            claim.version += 1  # an editor's form opened before the re-import is now stale
            changed.append(claim)
        kept.append(claim)

    gone = [c for fp, c in existing.items() if fp not in wanted]
    outcome.claims_removed = len(gone)
    noted = (
        set(EditorNote.objects.filter(claim__in=gone).values_list("claim_id", flat=True))
        if gone
        else set()
    )
    outcome.claims_removed_with_work = [
        c.text[:80] for c in gone if c.status != Claim.Status.NEW or c.pk in noted
    ]
    if gone:
        Claim.objects.filter(pk__in=[c.pk for c in gone]).delete()
    if kept:
        Claim.objects.bulk_update(
            kept, ["start", "end", "speaker", "checkworthiness", "extractor_version", "version"]
        )
    # A new claim's provenance is on the claim itself (extractor_version,
    # created_at); the trail starts with what people do, and with re-imports
    # that move a claim someone may be working on.
    created = Claim.objects.bulk_create(new_claims)
    if changed:
        ClaimEvent.objects.bulk_create([_reimport_event(c) for c in changed])
    outcome.claims_created = len(created)
    outcome.claims_kept = len(kept)


def _reimport_event(claim: Claim) -> ClaimEvent:
    return ClaimEvent(
        claim=claim,
        action=ClaimEvent.Action.EDITED,
        from_status=claim.status,
        to_status=claim.status,
        comment=f"Source re-imported; offsets or speaker updated by {EXTRACTOR_VERSION}",
    )
