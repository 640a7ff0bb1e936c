"""The import_seeds command as an editor runs it: files in, rows and a report out."""

import json
import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.models import Actor, ActorAlias, ActorMention, Article, Claim, ClaimEvent, EditorNote

from .conftest import REPO, SEED
from .factories import UserFactory

pytestmark = pytest.mark.django_db
MODELS = (Article, Actor, ActorAlias, ActorMention, Claim, ClaimEvent, EditorNote)


def run(*args, verbosity=1):
    out, err = StringIO(), StringIO()
    call_command("import_seeds", *map(str, args), stdout=out, stderr=err, verbosity=verbosity)
    return out.getvalue(), err.getvalue()


def run_failing(*args):
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="could not be imported"):
        call_command("import_seeds", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.fixture
def seeds(tmp_path):
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    return folder


def test_import_creates_the_article_its_actors_and_claims(seeds):
    out, _ = run(seeds)
    article = Article.objects.get()
    assert article.dateline.isoformat() == "2025-08-17"
    assert article.status == Article.Status.DRAFT
    zelenskyy = Actor.objects.get(name="Volodymyr Zelenskyy")
    assert zelenskyy.kind == Actor.Kind.PERSON
    assert "Zelenskyy" in zelenskyy.alias_names
    fact = Claim.objects.filter(text__contains="31 member nations").first()
    assert fact is not None and fact.checkworthiness >= 0.5
    assert article.body[fact.start : fact.end] == fact.text
    quote = Claim.objects.get(quote="game-changing")
    assert quote.speaker.name == "Steve Witkoff"
    assert "created 1" in out and "errors 0" in out


def test_a_second_run_changes_and_duplicates_nothing(seeds):
    run(seeds)
    before = counts()
    updated_at = Article.objects.get().updated_at
    out, _ = run(seeds)
    assert counts() == before
    assert Article.objects.get().updated_at == updated_at
    assert "unchanged 1" in out and "created 0" in out


def test_the_same_file_by_another_path_is_the_same_article(seeds, monkeypatch):
    run(seeds / SEED.name)
    before = counts()
    monkeypatch.chdir(seeds)
    run(Path(".") / SEED.name)
    run(seeds / ".." / "seeds" / SEED.name)
    assert counts() == before


def test_a_changed_file_updates_its_article_and_keeps_editor_work(seeds):
    run(seeds)
    article = Article.objects.get()
    fact = Claim.objects.filter(text__contains="31 member nations").first()
    editor = UserFactory(username="editor")
    Claim.objects.filter(pk=fact.pk).update(
        status=Claim.Status.APPROVED, rating="false", verdict_summary="NATO has 32 members."
    )
    EditorNote.objects.create(claim=fact, author=editor, body="Checked against nato.int")

    path = seeds / SEED.name
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("Ukraine has pursued NATO membership for several years",
                     "Ukraine has pursued NATO membership for many years")
        .replace("participated in a virtual meeting", "took part in a virtual meeting"),
        encoding="utf-8",
    )
    out, _ = run(seeds)

    assert "updated 1" in out
    assert Article.objects.get().pk == article.pk
    kept = Claim.objects.get(pk=fact.pk)
    assert (kept.status, kept.rating) == (Claim.Status.APPROVED, "false")
    # The sentence moved: a form opened before the re-import is stale, and the trail says why.
    assert kept.version == fact.version + 1
    assert kept.events.filter(action="edited", comment__startswith="Source re-imported").exists()
    assert kept.notes.get().body == "Checked against nato.int"
    assert Article.objects.get().body[kept.start : kept.end] == kept.text
    assert Claim.objects.filter(text__contains="for many years").exists()
    assert not Claim.objects.filter(text__contains="for several years").exists()


BAD_FILES = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"  \n\n\t ", "only whitespace"),
    "latin1.txt": ("Caf\u00e9 prices rose 5% said Mr Brown.".encode("latin-1"), "not UTF-8"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_a_bad_file_is_named_with_its_reason_and_the_others_still_import(seeds, name):
    content, reason = BAD_FILES[name]
    (seeds / name).write_bytes(content)
    _, err = run_failing(seeds)
    assert f"{seeds / name}: {reason}" in err
    assert Article.objects.get().source_key.endswith(SEED.name)


def test_a_file_over_the_size_limit_is_refused(seeds, settings):
    settings.NEWSROOM_MAX_IMPORT_BYTES = 1000
    _, err = run_failing(seeds / SEED.name)
    assert "too large" in err and "the limit is 1,000" in err
    assert not Article.objects.exists()


def test_an_unreadable_file_is_refused(seeds, monkeypatch):
    def denied(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", denied)
    _, err = run_failing(seeds / SEED.name)
    assert "unreadable: permission denied" in err
    assert not Article.objects.exists()


def test_a_missing_path_is_reported(tmp_path):
    _, err = run_failing(tmp_path / "nowhere.txt")
    assert "nowhere.txt: no such file or folder" in err


def test_nothing_of_a_bad_file_is_written_even_when_extraction_fails(seeds, monkeypatch):
    import articles.services.imports as imports

    real_claims = imports._claims

    def explode(*args, **kwargs):
        real_claims(*args, **kwargs)
        raise RuntimeError("disk full")

    monkeypatch.setattr(imports, "_claims", explode)
    _, err = run_failing(seeds)
    assert "could not be processed" in err and "disk full" in err
    assert counts() == {name: 0 for name in counts()}


def test_dry_run_json_prints_the_preview_and_writes_nothing(seeds):
    out, _ = run("--dry-run", "--json", seeds / SEED.name)
    preview = json.loads(out)
    [article] = preview["articles"]
    assert article["source"] == str(seeds / SEED.name)
    assert article["dateline"] == "2025-08-17"
    assert {"name", "kind", "role", "aliases", "mentions"} <= set(article["actors"][0])
    assert any("31 member nations" in c["text"] for c in article["claims"])
    assert not Article.objects.exists() and not Actor.objects.exists()


def test_verbosity_0_prints_nothing(seeds):
    out, err = run(seeds, verbosity=0)
    assert out == "" and err == ""
    assert Article.objects.count() == 1


def test_the_command_exits_non_zero_on_a_bad_file(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00binary")
    result = subprocess.run(
        [sys.executable, "manage.py", "import_seeds", "--dry-run", str(bad), str(SEED)],
        cwd=REPO, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 1
    assert f"{bad}: binary file" in result.stderr


def test_the_same_text_under_another_name_is_reported_as_a_duplicate(seeds, tmp_path):
    copy = tmp_path / "elsewhere" / "renamed.txt"
    copy.parent.mkdir()
    copy.write_text((seeds / SEED.name).read_text(encoding="utf-8"), encoding="utf-8")
    run(seeds / SEED.name)
    out, err = run(copy)
    assert "renamed.txt: the same text as" in err and "not imported again" in err
    assert "duplicates 1" in out
    assert Article.objects.count() == 1


def test_a_file_over_the_time_budget_is_rejected_by_name(seeds, settings, monkeypatch):
    import time

    import articles.extraction.pipeline as pipeline

    real = pipeline.extract

    def slow(text):
        if "NATO" in text:
            time.sleep(5)
        return real(text)

    monkeypatch.setattr(pipeline, "extract", slow)
    settings.NEWSROOM_EXTRACT_SECONDS = 0.5
    _, err = run_failing(seeds)
    assert SEED.name in err and "took more than 0.5 s to extract" in err
    assert counts() == {name: 0 for name in counts()}
