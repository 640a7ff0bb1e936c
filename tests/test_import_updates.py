"""An updated version of a story (new file name, a changed headline, one more
closing line) imports beside the original, for every corpus file."""

import pytest

from articles.extraction import ExtractedActor
from articles.models import Actor
from articles.services.actors import ActorRegistry
from articles.services.imports import Source, SourceRejected, articles_import

pytestmark = pytest.mark.django_db


def _update_of(text: str) -> str:
    headline, _, rest = text.partition("\n")
    return f"{headline.rstrip()} (update)\n{rest.rstrip()}\n\nThis story has been updated.\n"


def _corpus(shared_dir):
    folders = [shared_dir / "corpus", shared_dir / "modern"]
    return sorted(p for folder in folders for p in folder.rglob("*.txt"))


def test_every_corpus_file_and_its_update_import_with_no_errors(shared_dir):
    paths = _corpus(shared_dir)
    assert len(paths) > 100
    names = [f"{p.parent.name}-{p.name}" for p in paths]
    originals = [
        Source(text=p.read_text("utf-8-sig"), source_path=str(p), key=f"wire/{name}")
        for p, name in zip(paths, names, strict=True)
    ]
    updates = [
        Source(text=_update_of(s.text), source_path=f"update/{name}", key=f"update/{name}")
        for s, name in zip(originals, names, strict=True)
    ]

    results = list(articles_import(originals + updates))

    errors = [r for r in results if isinstance(r, SourceRejected)]
    assert errors == []
    assert [r.action for r in results[len(paths) :]] == ["created"] * len(paths)


def test_updates_imported_file_by_file_find_the_actors_of_the_original(shared_dir):
    paths = [
        shared_dir / "modern" / "dailybeast-vatican-nuns-report.txt",
        shared_dir / "modern" / "usatoday-epstein-guards-charged.txt",
    ]
    for path in paths:
        text = path.read_text("utf-8-sig")
        original = Source(text=text, source_path=str(path), key=f"orig/{path.name}")
        update = Source(text=_update_of(text), source_path="u", key=f"update/{path.name}")
        results = [*articles_import([original]), *articles_import([update])]
        assert [getattr(r, "action", r) for r in results] == ["created", "created"]


def test_a_name_stored_under_another_spelling_is_found_not_created_again(db):
    stored = Actor.objects.create(name="Tony Blair", kind="person", slug="tony-blair")
    # No alias row at all (an actor made by hand, or before aliases existed).
    registry = ActorRegistry([[ExtractedActor(name="Tony Blair", kind="person")]])

    linked, created = registry.link([ExtractedActor(name="Tony Blair", kind="person")])
    registry.save()

    assert created == 0
    assert linked["Tony Blair"].pk == stored.pk


def test_an_actor_created_meanwhile_by_another_import_is_linked_not_a_failure(db):
    item = ExtractedActor(name="Mary Ann Zollman", kind="person")
    registry = ActorRegistry([[item]])
    linked, _ = registry.link([item])
    # Another import commits the same actor between this one's lookup and its save.
    other = Actor.objects.create(name="Mary Ann Zollman", kind="person", slug="mary-ann-zollman")

    registry.save()

    assert linked.of(item).pk == other.pk
    assert Actor.objects.filter(name="Mary Ann Zollman").count() == 1
