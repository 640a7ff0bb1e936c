"""Import news texts into articles, actors and claims.

Thin by design: it finds files, calls the import service for each, and
reports. Every rule (what a bad file is, idempotency, keeping editor work)
lives in ``articles.services.imports``.
"""

import json
import signal
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from tqdm import tqdm

from articles.extraction import EXTRACTOR_VERSION, extract
from articles.extraction.preview import article_preview
from articles.models import ImportRun
from articles.services.imports import (
    SourceRejected,
    articles_import,
    default_jobs,
    source_read,
    sources_from_files,
)


def find_sources(paths: list[str]) -> tuple[list[Path], list[SourceRejected]]:
    """Files to import: given files, and ``.txt`` files found under given folders.

    The same file reached twice (``seeds/a.txt`` and ``./seeds/a.txt``) is read once.
    """
    found, missing, seen = [], [], set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            candidates = sorted(p for p in path.rglob("*.txt") if p.is_file())
        elif path.exists():
            candidates = [path]
        else:
            missing.append(SourceRejected(raw, "no such file or folder"))
            continue
        for candidate in candidates:
            resolved = candidate.resolve()
            if resolved not in seen:
                seen.add(resolved)
                found.append(candidate)
    return found, missing


class Command(BaseCommand):
    help = (
        "Import news texts (files, or folders walked for .txt) into articles, actors and "
        "claims. Idempotent; a bad file is reported and skipped, and the command then "
        "exits 1. A published article whose text changed is reported too, with its new "
        "claims to check and the claims kept as superseded; the command then exits 3."
    )

    # Exit status when every file imported but published articles changed and
    # need an editor (new claims at or above the gate, verdicts superseded).
    NEEDS_ATTENTION = 3

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", default=["seeds"], help="files or folders")
        parser.add_argument(
            "--dry-run", action="store_true", help="extract only; write nothing to the database"
        )
        parser.add_argument(
            "--json",
            action="store_true",
            help="with --dry-run, print the import preview document; otherwise the summary",
        )
        parser.add_argument(
            "--jobs",
            type=int,
            default=None,
            help="processes extracting texts in parallel (default: one per core for 200 "
            "files or more, else 1)",
        )

    def handle(self, *args, paths, dry_run, json: bool, verbosity, jobs, **options):
        if jobs is not None and jobs < 1:
            raise CommandError(f"--jobs must be at least 1, not {jobs}.")
        files, errors = find_sources(paths)
        started = time.monotonic()
        with tqdm(
            total=len(files),
            desc="Importing",
            unit="file",
            file=self.stderr,
            disable=verbosity == 0 or len(files) < 2,
            leave=False,
        ) as bar:
            if dry_run:
                previews = self._preview(files, errors, bar=bar)
            else:
                jobs = jobs or default_jobs(len(files))
                summary = self._import(files, errors, bar=bar, jobs=jobs)
        if dry_run:
            if json:
                self.stdout.write(_dumps({"articles": previews}))
            summary = {"files": len(files), "previewed": len(previews), "errors": len(errors)}
        elif json:
            self.stdout.write(_dumps(summary | {"errors": [_error(e) for e in errors]}))
        summary["seconds"] = round(time.monotonic() - started, 2)
        self._report(summary, errors, verbosity=verbosity, to_stderr=json)
        if errors:
            raise CommandError(f"{len(errors)} of the files could not be imported (see above).")
        if summary.get("published_changed"):
            raise CommandError(
                f"{summary['published_changed']} published article(s) changed and need an "
                "editor (see above).",
                returncode=self.NEEDS_ATTENTION,
            )

    def _preview(self, files, errors, *, bar):
        previews = []
        for path in files:
            bar.update()
            try:
                previews.append(article_preview(str(path), extract(source_read(path))))
            except SourceRejected as exc:
                errors.append(exc)
        return previews

    def _import(self, files, errors, *, bar, jobs):
        run = ImportRun.objects.create(extractor_version=EXTRACTOR_VERSION, files=len(files))
        summary = {
            "files": len(files),
            "created": 0,
            "updated": 0,
            "unchanged": 0,
            "actors_created": 0,
            "claims_created": 0,
            "claims_removed": 0,
            "claims_superseded": 0,
            "duplicates": 0,
            "published_changed": 0,
            "errors": 0,
        }
        # Counted as stored, not as read: reading and extraction run ahead.
        with _run_recorded_if_stopped(run):
            self._import_all(files, errors, bar=bar, jobs=jobs, summary=summary, run=run)
        summary["errors"] = len(errors)
        run.created, run.updated, run.unchanged = (
            summary["created"],
            summary["updated"],
            summary["unchanged"],
        )
        run.failed = len(errors)
        run.errors = [_error(e) for e in errors]
        run.finished_at = timezone.now()
        run.save()
        return summary

    def _import_all(self, files, errors, *, bar, jobs, summary, run):
        for stored, outcome in enumerate(articles_import(sources_from_files(files), jobs=jobs)):
            bar.update()
            if stored % PROGRESS_EVERY == 0:
                _progress(run, summary, errors)  # the job's page in the admin moves
            if isinstance(outcome, SourceRejected):
                errors.append(outcome)
                continue
            summary[outcome.action] += 1
            summary["actors_created"] += outcome.actors_created
            summary["claims_created"] += outcome.claims_created
            summary["claims_removed"] += outcome.claims_removed
            summary["claims_superseded"] += len(outcome.claims_superseded)
            if outcome.duplicate:
                summary["duplicates"] += 1
                self._duplicate(outcome)
            if outcome.needs_attention:
                summary["published_changed"] += 1
                self._attention(outcome)

    def _duplicate(self, outcome):
        article = outcome.article
        self.stderr.write(
            self.style.WARNING(
                f"{outcome.source_path}: the same text as \u201c{article.title}\u201d "
                f"(imported from {article.source_path}); not imported again."
            )
        )

    def _attention(self, outcome):
        article = outcome.article
        warn = self.style.WARNING
        self.stderr.write(
            warn(
                f"{outcome.source_path}: the published article \u201c{article.title}\u201d "
                f"changed (revision {outcome.revision_number}); it stays published, marked "
                f"as updated for readers. Check it: /admin/articles/article/{article.pk}/change/"
            )
        )
        for text in outcome.claims_to_recheck:
            self.stderr.write(warn(f"  new claim to check: {text!r}"))
        for text in outcome.claims_superseded:
            self.stderr.write(warn(f"  kept as superseded, with its work: {text!r}"))

    def _report(self, summary, errors, *, verbosity, to_stderr):
        out = self.stderr if to_stderr else self.stdout
        for error in errors:
            self.stderr.write(self.style.ERROR(f"error: {error.path}: {error.reason}"))
        if verbosity == 0:
            return
        parts = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in summary.items())
        style = self.style.WARNING if errors else self.style.SUCCESS
        out.write(style(f"Import: {parts}."))


# Files between two updates of the run's counters while it imports.
PROGRESS_EVERY = 50


def _progress(run: ImportRun, summary: dict, errors: list) -> None:
    ImportRun.objects.filter(pk=run.pk).update(
        created=summary["created"],
        updated=summary["updated"],
        unchanged=summary["unchanged"],
        failed=len(errors),
    )


def _error(exc: SourceRejected) -> dict:
    return {"path": exc.path, "reason": exc.reason}


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, default=str)


class ImportStopped(BaseException):
    """The import was told to stop (SIGTERM, or Ctrl-C). A BaseException, like
    KeyboardInterrupt: the importer's "one bad file costs one file" handlers
    catch Exception, and a stop must end the import, not be retried file by file."""


@contextmanager
def _run_recorded_if_stopped(run: ImportRun):
    """A stopped import ends its worker processes (``articles_import``'s pool
    is left through this exception) and records its run as finished with an
    error, instead of leaving the run open forever."""

    def stop(signum, frame):
        raise ImportStopped(f"stopped by signal {signum}")

    # Signal handlers belong to the main thread (a command run from a thread has none).
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, stop) if main else None
    try:
        yield
    except (ImportStopped, KeyboardInterrupt) as exc:
        run.errors = [*run.errors, {"path": "", "reason": f"import interrupted: {exc or 'Ctrl-C'}"}]
        run.finished_at = timezone.now()
        run.save(update_fields=["errors", "finished_at"])
        raise CommandError(
            f"Import interrupted ({exc or 'Ctrl-C'}); run {run.pk} recorded."
        ) from None
    finally:
        if main:
            signal.signal(signal.SIGTERM, previous)
