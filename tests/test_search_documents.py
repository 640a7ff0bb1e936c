"""Search documents stay under PostgreSQL's tsvector limit for any file the
importer accepts."""

import itertools
import string

import pytest
from django.conf import settings

from articles.models import Article
from articles.selectors import search
from articles.services.imports import article_import_file

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def _distinct_words():
    for n in itertools.count():
        word, rest = "", n
        while True:
            word, rest = word + string.ascii_lowercase[rest % 26], rest // 26
            if not rest:
                break
        yield f"q{word}"


def _report_of(size: int) -> str:
    words, lines, total = _distinct_words(), ["A very long report on zebrafish\n\n"], 0
    while total < size:
        line = " ".join(next(words) for _ in range(12)) + ".\n"
        lines.append(line)
        total += len(line)
    return "".join(lines)


def test_a_large_file_of_distinct_words_imports_and_its_headline_is_searchable(tmp_path):
    path = tmp_path / "long-report.txt"
    path.write_text(_report_of(int(4.4 * 1024 * 1024)), encoding="utf-8")
    assert path.stat().st_size <= settings.NEWSROOM_MAX_IMPORT_BYTES

    outcome = article_import_file(path=path)

    assert outcome.action == "created"
    Article.objects.filter(pk=outcome.article.pk).update(
        status="published", published_at="2025-01-01T00:00Z"
    )
    assert [a.pk for a in search("zebrafish").articles] == [outcome.article.pk]
