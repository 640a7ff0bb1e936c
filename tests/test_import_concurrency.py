"""Two imports of the same new file at once both succeed (PostgreSQL, where
they really run at the same time)."""

import threading
import time

import pytest
from django.db import connection, transaction

from articles.models import Actor, Article
from articles.services.imports import (
    Source,
    SourceRejected,
    articles_import,
    source_from_file,
)

from .conftest import SEED

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_two_concurrent_imports_of_one_new_file_both_succeed():
    source = source_from_file(SEED)
    results, start = [], threading.Barrier(2)

    def import_once():
        try:
            start.wait()
            results.extend(articles_import([source]))
        finally:
            connection.close()

    threads = [threading.Thread(target=import_once) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert not [r for r in results if isinstance(r, SourceRejected)]
    assert sorted(r.action for r in results) == ["created", "unchanged"]
    assert Article.objects.count() == 1


# Made-up people, each named with a title so the extractor takes them as people.
FIRST = "Anna Boris Clara Dmitri Elena Farid Greta Hamid Irina Jonas Kira Lars"
LAST = "Abbott Brandt Castell Dorn Eckart Falk Gray Holm Ivers Janek Kroll Lund"
PEOPLE = [f"{first} {last}" for first, last in zip(FIRST.split(), LAST.split(), strict=True)]


def _stories(people, label):
    return [
        Source(
            text=f"{label} story {n}\n\n"
            + " ".join(f"Minister {p} spoke in the capital on Monday." for p in people)
            + f"\n\nThis is {label} story number {n}.\n",
            source_path=f"{label}-{n}.txt",
            key=f"wire/{label}-{n}.txt",
        )
        for n in range(3)
    ]


def _waiting_on_locks() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
            "AND datname = current_database()"
        )
        return cursor.fetchone()[0]


def test_two_imports_naming_the_same_new_people_in_opposite_orders_both_succeed(caplog):
    # Each batch creates the same twelve new actors, one in the reverse order of
    # the other. A third transaction holds the name in the middle until both
    # imports wait on it: rows written in the order met, each import would then
    # hold actors the other needs (a deadlock).
    batches = [_stories(PEOPLE, "north"), _stories(PEOPLE[::-1], "south")]
    results, held, release = [], threading.Event(), threading.Event()

    def hold_the_middle_name():
        try:
            with transaction.atomic():
                Actor.objects.create(name="Hamid Holm", slug="hamid-holm", kind="person")
                held.set()
                release.wait(timeout=60)
                transaction.set_rollback(True)
        finally:
            connection.close()

    def import_batch(sources):
        try:
            held.wait(timeout=60)
            results.extend(articles_import(sources))
        finally:
            connection.close()

    threads = [threading.Thread(target=hold_the_middle_name)]
    threads += [threading.Thread(target=import_batch, args=(b,)) for b in batches]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 30
    while _waiting_on_locks() < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    release.set()
    for thread in threads:
        thread.join(timeout=120)

    assert [r for r in results if isinstance(r, SourceRejected)] == []
    assert sorted(r.action for r in results) == ["created"] * 6
    assert "rolled back" not in caplog.text
    names = Actor.objects.filter(kind="person").values_list("name", flat=True)
    assert sorted(names) == sorted(PEOPLE)
