"""The whole BBC corpus and the seed import cleanly, and a second run is a no-op."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count

from articles.models import Actor, ActorAlias, ActorMention, Article, Claim

from .conftest import REPO

pytestmark = pytest.mark.django_db


def test_the_corpus_and_the_seed_import_with_no_errors_and_reimport_changes_nothing(shared_dir):
    paths = [str(shared_dir / "corpus"), str(REPO / "seeds")]
    out = StringIO()
    call_command("import_seeds", *paths, stdout=out, stderr=StringIO())
    assert Article.objects.count() == 81
    assert "errors 0" in out.getvalue()
    for claim in Claim.objects.select_related("article").iterator():
        assert claim.article.body[claim.start : claim.end] == claim.text

    before = [m.objects.count() for m in (Article, Actor, ActorAlias, ActorMention, Claim)]
    stamps = dict(Article.objects.values_list("pk", "updated_at"))
    out = StringIO()
    call_command("import_seeds", *paths, stdout=out, stderr=StringIO())
    assert "created 0, updated 0, unchanged 81" in out.getvalue()
    assert [m.objects.count() for m in (Article, Actor, ActorAlias, ActorMention, Claim)] == before
    assert dict(Article.objects.values_list("pk", "updated_at")) == stamps


def test_people_named_in_several_articles_are_one_actor(shared_dir):
    call_command("import_seeds", str(shared_dir / "corpus"), stdout=StringIO(), stderr=StringIO())
    # Whatever the corpus holds, no person's canonical name is registered twice.
    names = list(Actor.objects.filter(kind="person").values_list("name", flat=True))
    assert len(names) == len(set(names))
    # and the best-known people of the corpus are linked across many articles
    top = (
        Actor.objects.filter(kind="person")
        .annotate(articles_named_in=Count("mentions"))
        .order_by("-articles_named_in")
        .first()
    )
    assert top is not None and top.articles_named_in >= 5
