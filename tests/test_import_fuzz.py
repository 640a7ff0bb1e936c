"""The importer fed hostile and malformed files: it never crashes, never writes
part of a bad file, and names every file it rejects with the reason."""

import string
import unicodedata

import pytest
from django.db import transaction
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from articles.models import Actor, ActorMention, Article, Claim
from articles.services.imports import (
    SourceRejected,
    article_import_file,
    articles_import,
    sources_from_files,
)

pytestmark = pytest.mark.django_db

WORDS = st.sampled_from(
    ["Mr Brown", "said", "the", "Labour", "31%", "\u201c", "\u201d", '"', "'", "<script>",
     "alert(1)", "</script>", "<b>", "&amp;", "NATO", "told", "BBC", ":", ".", ",", "\n\n",
     "\u00e9", "\u202e", "\ufeff", "According to", "he", "She", "warned", "2005", "\t"]
)
SENTENCES = st.lists(WORDS, max_size=60).map(" ".join)

HOSTILE = st.one_of(
    st.binary(max_size=3000),  # random bytes
    SENTENCES.map(lambda t: t.encode("utf-16")),  # wrong encodings
    SENTENCES.map(lambda t: (t + " caf\u00e9").encode("latin-1", "replace")),
    st.integers(50_000, 300_000).map(lambda n: ("Mr Brown said " + "x" * n + ".").encode()),
    st.text(alphabet='"\'\u201c\u201d\u2018\u2019 \n', max_size=300).map(str.encode),
    SENTENCES.map(lambda t: ('"' + t + '\n\n"' + t).encode()),  # unbalanced quotes
    SENTENCES.map(lambda t: f"Title\n\n<script>alert('x')</script> {t}".encode()),
    st.text(alphabet=st.characters(max_codepoint=31), max_size=200).map(str.encode),
    st.text(alphabet=string.whitespace, max_size=50).map(str.encode),
    SENTENCES.map(str.encode),
)

ROWS = (Article, Actor, ActorMention, Claim)


def visible(text: str) -> str:
    """The text without spacing and control or format characters, which the
    extractor may normalise; everything a reader can see must survive."""
    return "".join(
        ch for ch in text if not ch.isspace() and unicodedata.category(ch) not in ("Cc", "Cf")
    )


def fuzz(*, examples: int):
    """Hypothesis settings of these tests: the same examples on every run."""
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
        ],
    )


def counts():
    return [model.objects.count() for model in ROWS]


@fuzz(examples=1000)
@given(content=HOSTILE)
def test_hostile_files_are_stored_as_text_or_rejected_with_a_reason(tmp_path, content):
    path = tmp_path / "hostile.txt"
    path.write_bytes(content)
    with transaction.atomic():
        before = counts()
        try:
            outcome = article_import_file(path=path)
        except SourceRejected as exc:
            assert exc.path == str(path)
            assert exc.reason
            assert counts() == before  # nothing of a bad file is written
            event(f"rejected: {exc.reason.split(':')[0].split('(')[0].strip()}")
        else:
            event("accepted")
            article = Article.objects.get(pk=outcome.article.pk)
            assert article.body.strip()
            assert visible(article.body) in visible(content.decode("utf-8-sig"))
            for claim in article.claims.all():
                assert article.body[claim.start : claim.end] == claim.text
        transaction.set_rollback(True)


@fuzz(examples=150)
@given(contents=st.lists(HOSTILE, min_size=2, max_size=8))
def test_hostile_files_in_one_batch_cost_only_themselves(tmp_path, contents):
    """The command's path: many files, one batch; each result is the file's own."""
    paths = []
    for n, content in enumerate(contents):
        paths.append(tmp_path / f"hostile-{n}.txt")
        paths[-1].write_bytes(content)
    with transaction.atomic():
        outcomes = list(articles_import(sources_from_files(paths), batch_size=50))
        assert len(outcomes) == len(paths)
        for path, outcome in zip(paths, outcomes, strict=True):
            if isinstance(outcome, SourceRejected):
                assert outcome.path == str(path) and outcome.reason
                assert not Article.objects.filter(source_path=str(path)).exists()
                continue
            # Created, or the same text as an earlier file of the list (unchanged).
            article = Article.objects.get(pk=outcome.article.pk)
            assert visible(article.body) in visible(path.read_bytes().decode("utf-8-sig"))
            for claim in article.claims.all():
                assert article.body[claim.start : claim.end] == claim.text
        transaction.set_rollback(True)


def test_accepted_html_is_stored_as_text_not_markup(tmp_path):
    path = tmp_path / "html.txt"
    path.write_text(
        "A headline\n\n<script>alert('x')</script> Mr Brown said 31% of voters agreed.",
        encoding="utf-8",
    )
    article = article_import_file(path=path).article
    assert "<script>alert('x')</script>" in Article.objects.get(pk=article.pk).body
