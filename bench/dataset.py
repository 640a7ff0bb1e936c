"""The bench's data: corpus variants for the importer, a reader data set for the
in-process timings, and a large synthetic data set for the scale and load runs.

``python -m bench.dataset reader`` and ``python -m bench.dataset scale N`` fill
the database in ``DATABASE_URL`` (always a scratch one, set by the
orchestrator). The large set is written with COPY on PostgreSQL (bulk_create
elsewhere), straight into the tables and not through the importer, so that
100,000 articles take a minute or two rather than an hour.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import re
import sys
import time
from collections.abc import Iterator
from functools import cache

from .config import CORPUS

# ---------------------------------------------------------------- corpus (no Django)


@cache
def corpus() -> tuple[tuple[str, str], ...]:
    """(folder/name, text) of every corpus file, in a fixed order."""
    files = sorted(CORPUS.glob("*/*.txt"))
    if not files:
        raise FileNotFoundError(f"no corpus files under {CORPUS} (set NEWSROOM_SHARED_DIR)")
    return tuple((f"{p.parent.name}/{p.name}", p.read_text(encoding="utf-8-sig")) for p in files)


def corpus_variants(count: int) -> Iterator[tuple[str, str]]:
    """``count`` (source key, text) pairs made from the corpus, none a duplicate.

    The title gets an edition number and the body a closing line naming it, so
    every text has its own slug and content hash (the importer would otherwise
    treat a repeat as unchanged) while the extraction work stays the corpus's.
    """
    files = corpus()
    for i in range(count):
        name, text = files[i % len(files)]
        title, _, rest = text.lstrip().partition("\n")
        edition = i + 1
        folder, file = name.split("/")
        key = f"bench-{folder}/{edition:05d}-{file}"
        closing = f"This is edition {edition} of the report."
        yield key, f"{title.strip()} (edition {edition})\n{rest.rstrip()}\n\n{closing}\n"


def corpus_bodies() -> list[tuple[str, str]]:
    """(title, body) of every corpus file, split the simple way (first line, rest)."""
    result = []
    for _, text in corpus():
        title, _, body = text.lstrip().partition("\n")
        result.append((title.strip(), body.strip()))
    return result


_SENTENCE = re.compile(r"[A-Z\"][^.!?\n]{30,300}[.!?]\"?")


# ---------------------------------------------------------------- writing rows


class RowWriter:
    """Writes unsaved model instances with their primary keys set, fast.

    PostgreSQL gets COPY (every concrete field, values prepared as Django would
    save them); other databases get bulk_create.
    """

    def __init__(self, connection):
        self.connection = connection
        self.postgres = connection.vendor == "postgresql"

    def write(self, model, objs: list) -> None:
        if not objs:
            return
        if not self.postgres:
            model.objects.bulk_create(objs, batch_size=500)
            return
        from django.db.models import JSONField

        fields = [f for f in model._meta.concrete_fields if not f.generated]  # the database's
        quote = self.connection.ops.quote_name
        columns = ", ".join(quote(f.column) for f in fields)
        sql = f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"

        # psycopg adapts plain Python values itself; only JSON needs encoding.
        json_fields = {f.attname for f in fields if isinstance(f, JSONField)}

        def prepared(field, obj):
            value = field.pre_save(obj, True)
            if field.attname in json_fields and value is not None:
                return json.dumps(value)
            return value

        with self.connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
            for obj in objs:
                copy.write_row([prepared(f, obj) for f in fields])

    def start(self) -> None:
        """On PostgreSQL, do not wait for each chunk's commit to reach the disk.
        Triggers stay on: the schema may keep derived columns (search
        documents) with them, and the data set must be what the app would hold."""
        if self.postgres:
            with self.connection.cursor() as cursor:
                cursor.execute("SET synchronous_commit = off")

    def finish(self, models: list) -> None:
        """Reset sequences; on PostgreSQL, VACUUM ANALYZE: the statistics, and
        the visibility map that index-only scans rely on. A live server's
        autovacuum sets both after a bulk insert; the bench's server may run
        without it, and a table just written by COPY has no page marked
        all-visible, so every index-only scan would read the table as well."""
        from django.core.management.color import no_style

        with self.connection.cursor() as cursor:
            for sql in self.connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)
            if self.postgres:
                cursor.execute("SET synchronous_commit = DEFAULT")
                cursor.execute("VACUUM ANALYZE")


# ---------------------------------------------------------------- synthetic data set


def _words(text: str) -> list[str]:
    return text.split()


FIRST = _words(
    """Tony Gordon Charles Michael Patricia Alan John David Margaret Ruth Jack Peter Ken Clare
    Tessa Hilary Robin Mo Estelle Oliver Vince Menzies Nicola Iain Theresa Liam Sarah Mark
    Anne Helen James Andrew Kate Lucy Simon Paul Rachel Harriet Stephen Alistair"""
)
LAST = _words(
    """Blair Brown Kennedy Howard Hewitt Milburn Prescott Blunkett Beckett Kelly Straw Mandelson
    Livingstone Short Jowell Benn Cook Mowlam Morris Letwin Cable Campbell Sturgeon Smith May
    Fox Kramer Oaten Clarke Harman Darling Dewar Reid Hain Hoon Byers Jenkins Ashdown Hughes
    Davies Evans Thomas Roberts Walker Wright Green Hall Wood Harris Martin Jackson Clark
    Lewis Lee Young King Baker Hill Allen"""
)
ORG_WORDS = _words(
    """Treasury Labour Conservative Liberal Green National Royal Federal Central European
    Northern Western Eastern Southern Consolidated United Allied Metropolitan Imperial Global"""
)
ORG_SUFFIXES = _words(
    """Party Bank Council Commission Office Institute Group Union Trust Agency Authority
    Association Federation Committee Board"""
)
RATINGS = ("true", "mostly-true", "mixed", "mostly-false", "false", "unverifiable")
CLAIMS_PER_ARTICLE = 3
MENTIONS_PER_ARTICLE = 4
PUBLISHED_SHARE = 0.9
APPROVED_SHARE = 0.3
CHUNK = 5_000


def _actor_specs(count: int) -> list[tuple[str, str, str]]:
    """(name, kind, role) for ``count`` distinct actors: 60% people, 25% organisations."""
    import pycountry

    countries = sorted(c.name for c in pycountry.countries)
    people = [f"{f} {last}" for last in LAST for f in FIRST]
    orgs = [f"{w} {s}" for s in ORG_SUFFIXES for w in ORG_WORDS]
    specs, n_people, n_orgs = [], int(count * 0.6), int(count * 0.25)
    for i in range(n_people):
        name = people[i % len(people)] + (f" {i // len(people) + 1}" if i >= len(people) else "")
        specs.append((name, "person", "MP" if i % 3 == 0 else ""))
    for i in range(n_orgs):
        specs.append(
            (
                orgs[i % len(orgs)] + (f" {i // len(orgs) + 1}" if i >= len(orgs) else ""),
                "organization",
                "",
            )
        )
    for i in range(count - n_people - n_orgs):
        specs.append(
            (
                countries[i % len(countries)]
                + (f" {i // len(countries) + 1}" if i >= len(countries) else ""),
                "country",
                "",
            )
        )
    return specs


def generate(total: int, *, seed: int = 7, log=print) -> dict[str, int]:
    """Write ``total`` articles with actors, mentions and claims into the database.

    90% published over the last two years, each naming four actors (a few
    actors are named very often, most rarely) and carrying three claims taken
    from its own sentences; 30% of the claims on published articles approved
    with a rating, a summary and a source.
    """
    from django.db import connection, transaction
    from django.utils import timezone
    from django.utils.text import slugify

    from articles.models import Actor, ActorAlias, ActorMention, Article, Claim, name_key

    rng = random.Random(seed)
    writer = RowWriter(connection)
    writer.start()
    now = timezone.now().replace(microsecond=0)
    started = time.monotonic()

    specs = _actor_specs(max(300, total // 50))
    actors = []
    for pk, (name, kind, role) in enumerate(specs, start=1):
        actors.append(
            Actor(
                pk=pk,
                name=name,
                slug=f"{slugify(name)[:200]}-{pk}",
                kind=kind,
                role=role,
                surname_key=name_key(name.split()[-1]) if kind == "person" else "",
                extractor_version="bench",
            )
        )
    with transaction.atomic():
        writer.write(Actor, actors)
        writer.write(
            ActorAlias,
            [ActorAlias(pk=a.pk, actor_id=a.pk, name=a.name, key=name_key(a.name)) for a in actors],
        )

    bodies = []
    for title, body in corpus_bodies():
        spans = [(m.start(), m.end()) for m in _SENTENCE.finditer(body)]
        bodies.append((title, body, spans or [(0, min(len(body), 120))]))

    counts = {"articles": 0, "published": 0, "claims": 0, "approved": 0, "mentions": 0}
    claim_pk = mention_pk = 0
    span = dt.timedelta(days=730)
    for chunk_start in range(0, total, CHUNK):
        articles, mentions, claims = [], [], []
        for i in range(chunk_start, min(total, chunk_start + CHUNK)):
            pk = i + 1
            title, body, spans = bodies[i % len(bodies)]
            published = rng.random() < PUBLISHED_SHARE
            published_at = now - span * (i / total) if published else None
            articles.append(
                Article(
                    pk=pk,
                    title=f"{title} ({pk})"[:300],
                    slug=f"{slugify(title)[:90]}-{pk}",
                    body=body,
                    source_path=f"bench/{pk}.txt",
                    source_key=f"bench/{pk}.txt",
                    content_hash=hashlib.sha256(f"{pk}".encode()).hexdigest(),
                    extractor_version="bench",
                    status="published" if published else "draft",
                    published_at=published_at,
                )
            )
            named: list[Actor] = []
            while len(named) < MENTIONS_PER_ARTICLE:
                actor = actors[int(len(actors) * rng.random() ** 3)]
                if actor not in named:
                    named.append(actor)
            for actor in named:
                mention_pk += 1
                mentions.append(
                    ActorMention(
                        pk=mention_pk,
                        article_id=pk,
                        actor_id=actor.pk,
                        count=rng.randint(1, 6),
                        offsets=[],
                    )
                )
            people = [a for a in named if a.kind == "person"] or named
            for j, (start, end) in enumerate(
                rng.sample(spans, min(CLAIMS_PER_ARTICLE, len(spans)))
            ):
                claim_pk += 1
                kind = ("quote", "attributed", "factual")[j % 3]
                text = body[start:end]
                approved = published and rng.random() < APPROVED_SHARE
                claims.append(
                    Claim(
                        pk=claim_pk,
                        article_id=pk,
                        kind=kind,
                        text=text,
                        quote=text[1:-2] if kind == "quote" else "",
                        speaker_id=rng.choice(people).pk if kind != "factual" else None,
                        start=start,
                        end=end,
                        checkworthiness=round(rng.random(), 3),
                        fingerprint=hashlib.sha256(f"{pk}-{j}".encode()).hexdigest(),
                        extractor_version="bench",
                        status="approved" if approved else "new",
                        rating=rng.choice(RATINGS) if approved else "",
                        verdict_summary="Checked against the official figures." if approved else "",
                        sources=(
                            [{"url": f"https://example.org/sources/{claim_pk}", "title": "Source"}]
                            if approved
                            else []
                        ),
                        reviewed_at=published_at + dt.timedelta(hours=1) if approved else None,
                    )
                )
                counts["approved"] += approved
            counts["published"] += published
        with transaction.atomic():
            writer.write(Article, articles)
            writer.write(ActorMention, mentions)
            writer.write(Claim, claims)
        counts["articles"] += len(articles)
        counts["mentions"] += len(mentions)
        counts["claims"] += len(claims)
        log(f"  {counts['articles']:,}/{total:,} articles ({time.monotonic() - started:.0f} s)")
    writer.finish([Actor, ActorAlias, Article, ActorMention, Claim])
    counts["actors"] = len(actors)
    return counts


# ---------------------------------------------------------------- the reader data set


def reader_dataset(variants: int, *, log=print) -> dict[str, int | str]:
    """A few hundred published articles for the in-process API and page timings.

    The corpus goes through the real importer (``variants`` copies of it), then
    every article is published and up to three claims each are approved with a
    rating, a summary and sources, by direct updates (a benchmark data set, not
    editor work). If the importer cannot run (the extractor unfinished), the
    synthetic generator stands in and the result says so.
    """
    from django.db import transaction
    from django.utils import timezone

    from articles.models import Article, Claim
    from articles.services.imports import article_import_text

    count = len(corpus()) * variants
    source = "imported"
    try:
        for key, text in corpus_variants(count):
            article_import_text(text=text, source_path=key, key=key)
    except Exception as exc:  # the extractor may be unfinished: fall back, and say so
        log(f"  importer failed ({type(exc).__name__}: {exc}); generating rows directly")
        from articles.models import Actor, ActorAlias

        for model in (Claim, Article, ActorAlias, Actor):
            model.objects.all().delete()
        generate(count, log=log)
        source = f"generated (importer failed: {type(exc).__name__})"

    now = timezone.now().replace(microsecond=0)
    with transaction.atomic():
        for n, pk in enumerate(Article.objects.order_by("id").values_list("id", flat=True)):
            Article.objects.filter(pk=pk).update(
                status="published", published_at=now - dt.timedelta(hours=n)
            )
        if source == "imported":
            for n, article in enumerate(Article.objects.all()):
                for claim in article.claims.order_by("-checkworthiness", "id")[:3]:
                    claim.status = Claim.Status.APPROVED
                    claim.rating = RATINGS[(n + claim.pk) % len(RATINGS)]
                    claim.verdict_summary = "Checked against the official figures."
                    claim.sources = [
                        {"url": f"https://example.org/sources/{claim.pk}", "title": "Source"}
                    ]
                    claim.reviewed_at = article.published_at or now
                    claim.save(
                        update_fields=[
                            "status",
                            "rating",
                            "verdict_summary",
                            "sources",
                            "reviewed_at",
                        ]
                    )
    return {
        "articles": Article.objects.count(),
        "claims": Claim.objects.count(),
        "approved": Claim.objects.approved().count(),
        "source": source,
    }


def main(argv: list[str]) -> int:
    from .harness import django_setup

    django_setup()
    kind = argv[0] if argv else ""
    log = lambda message: print(message, file=sys.stderr, flush=True)  # noqa: E731
    started = time.monotonic()
    if kind == "reader":
        counts = reader_dataset(int(argv[1]) if len(argv) > 1 else 4, log=log)
    elif kind == "scale":
        counts = generate(int(argv[1]), log=log)
    else:
        print("usage: python -m bench.dataset reader VARIANTS | scale ARTICLES", file=sys.stderr)
        return 2
    counts["seconds"] = round(time.monotonic() - started, 1)
    print("BENCH_RESULT " + json.dumps(counts), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
