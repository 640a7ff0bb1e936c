"""Importing in batches (what ``import_seeds`` does) stores exactly what
importing file by file stores, in one process or with extraction in worker
processes; a file that cannot be stored costs only that file."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from articles.models import Actor, ActorAlias, ActorMention, Article, Claim
from articles.services import imports
from articles.services.imports import Source, SourceRejected, article_import_text, articles_import

from .conftest import REPO

pytestmark = pytest.mark.django_db


def corpus_sources(shared_dir) -> list[Source]:
    paths = sorted((shared_dir / "corpus").rglob("*.txt")) + [
        *sorted((REPO / "seeds").glob("*.txt"))
    ]
    return [imports.source_from_file(path) for path in paths]


def snapshot() -> dict:
    """Everything a reader or editor would see of the import, without row ids."""
    return {
        "articles": sorted(
            Article.objects.values_list("slug", "title", "source_key", "content_hash", "dateline")
        ),
        "actors": sorted(Actor.objects.values_list("slug", "name", "kind", "role", "surname_key")),
        "aliases": sorted(ActorAlias.objects.values_list("actor__slug", "key", "name")),
        "mentions": sorted(
            (m.article.slug, m.actor.slug, m.count, str(m.offsets))
            for m in ActorMention.objects.select_related("article", "actor")
        ),
        "claims": sorted(
            Claim.objects.values_list(
                "article__slug",
                "kind",
                "start",
                "end",
                "text",
                "quote",
                "speaker__slug",
                "checkworthiness",
                "fingerprint",
            ),
            key=repr,
        ),
    }


def wipe():
    for model in (Claim, ActorMention, ActorAlias, Actor, Article):
        model.objects.all().delete()


@pytest.fixture
def sources(shared_dir):
    return corpus_sources(shared_dir)


def test_batches_store_what_file_by_file_stores(sources, caplog):
    for source in sources:
        article_import_text(text=source.text, source_path=source.source_path, key=source.key)
    one_by_one = snapshot()
    assert len(one_by_one["articles"]) == len(sources) == 81
    wipe()

    outcomes = list(articles_import(sources, jobs=1, batch_size=16))
    assert [o.action for o in outcomes] == ["created"] * len(sources)
    assert snapshot() == one_by_one
    # Stored as batches, not rescued by the file-by-file fallback.
    assert not [r for r in caplog.records if "rolled back" in r.getMessage()]


def test_worker_processes_store_what_one_process_stores(sources):
    list(articles_import(sources, jobs=1))
    in_process = snapshot()
    wipe()

    outcomes = list(articles_import(sources, jobs=2, batch_size=8))
    assert [o.source_path for o in outcomes] == [s.source_path for s in sources]
    assert snapshot() == in_process


def test_the_same_file_or_text_twice_in_one_batch_is_seen_as_stored(sources):
    first, second = sources[0], sources[1]
    again_elsewhere = Source(text=first.text, source_path="copy/a.txt", key="copy/a.txt")
    changed = Source(
        text=second.text + "\nOne more sentence, he said.", source_path="x", key=second.key
    )
    outcomes = list(articles_import([first, second, again_elsewhere, changed], batch_size=50))
    assert [o.action for o in outcomes] == ["created", "created", "unchanged", "updated"]
    assert Article.objects.count() == 2


def test_a_file_that_cannot_be_stored_costs_only_that_file(sources, monkeypatch):
    bad = sources[3]
    real_claims = imports._claims

    def claims(outcome, extracted, linked, **kwargs):
        if outcome.article.source_key == bad.key:
            raise RuntimeError("disk full")
        return real_claims(outcome, extracted, linked, **kwargs)

    monkeypatch.setattr(imports, "_claims", claims)
    unreadable = SourceRejected("missing.txt", "no such file")
    outcomes = list(articles_import([*sources[:6], unreadable], batch_size=50))

    rejected = [o for o in outcomes if isinstance(o, SourceRejected)]
    assert [(r.path, r.reason) for r in rejected] == [
        (bad.source_path, "could not be processed: RuntimeError('disk full')"),
        ("missing.txt", "no such file"),
    ]
    # The five good files are stored whole; nothing of the bad one is.
    assert Article.objects.count() == 5
    assert not Article.objects.filter(source_key=bad.key).exists()
    assert not Claim.objects.filter(article__source_key=bad.key).exists()
    for claim in Claim.objects.select_related("article"):
        assert claim.article.body[claim.start : claim.end] == claim.text


def test_import_seeds_refuses_a_jobs_count_below_one():
    with pytest.raises(CommandError, match="--jobs must be at least 1, not 0"):
        call_command("import_seeds", "--jobs", "0", stdout=StringIO(), stderr=StringIO())


def test_import_seeds_with_worker_processes_imports_the_corpus(shared_dir):
    out = StringIO()
    call_command("import_seeds", str(shared_dir / "corpus"), "--jobs", "2", stdout=out)
    assert "created 80" in out.getvalue() and "errors 0" in out.getvalue()
    assert Article.objects.count() == 80
