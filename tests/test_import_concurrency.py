"""Two imports of the same new file at once both succeed (PostgreSQL, where
they really run at the same time)."""

import threading

import pytest
from django.db import connection

from articles.models import Article
from articles.services.imports import SourceRejected, articles_import, source_from_file

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
