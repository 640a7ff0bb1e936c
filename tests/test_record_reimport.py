"""The issue's scenario, end to end on the real importer (on SQLite and, in
CI's second pass, on PostgreSQL): the seed published
with "31 member nations" approved as False, then a corrected text of the same
file (31 changed to 32) imported. Nothing of the verdict is lost, readers and
API consumers still find it, and the editor is told."""

import json
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.models import Article, ArticleRevision, Claim, ClaimEvent, EditorialEvent
from articles.services import workflow as wf
from articles.services.imports import article_import_file

from .conftest import SEED

pytestmark = pytest.mark.django_db

NEEDLE = "31 member nations"


@pytest.fixture
def seed_copy(tmp_path):
    folder = tmp_path / "seeds"
    folder.mkdir()
    path = folder / SEED.name
    path.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    return path


@pytest.fixture
def published(seed_copy, factchecker, editor, editor2):
    article = article_import_file(path=seed_copy).article
    claim = article.claims.get(text__contains=NEEDLE)
    wf.claim_assign(claim=claim, by=factchecker)
    wf.claim_propose_verdict(
        claim=claim,
        by=factchecker,
        rating=Claim.Rating.FALSE,
        summary="NATO has had 32 members since Sweden joined on 7 March 2024.",
        sources=[{"url": "https://www.nato.int/", "title": "NATO member countries"}],
    )
    wf.claim_approve(claim=claim, by=editor)
    wf.note_create(by=editor, body="Keep an eye on this figure.", claim=claim)
    for other in wf.article_blocking_claims(article):
        wf.claim_dismiss(claim=other, by=editor2, reason="Not checked for this story.")
    wf.article_publish(article=article, by=editor)
    claim.refresh_from_db()
    return claim


def _correct_the_file(path):
    path.write_text(path.read_text(encoding="utf-8").replace(NEEDLE, "32 member nations"))


def test_the_verdict_survives_a_corrected_text(client, published, seed_copy):
    events_before = published.events.count()
    _correct_the_file(seed_copy)
    with pytest.raises(CommandError) as raised:
        call_command("import_seeds", str(seed_copy), verbosity=0)
    assert raised.value.returncode == 3  # imported, and an editor must look

    claim = Claim.objects.get(pk=published.pk)
    assert claim.is_superseded and claim.status == Claim.Status.APPROVED
    assert claim.rating == Claim.Rating.FALSE and claim.sources
    assert claim.notes.count() == 1
    assert claim.events.count() == events_before + 1
    assert claim.events.first().action == ClaimEvent.Action.SUPERSEDED
    # The sentence it was checked against is still there, in its revision.
    assert claim.revision.body[claim.start : claim.end] == claim.text
    assert NEEDLE in claim.text
    replacement = claim.superseded_by
    assert replacement is not None and "32 member nations" in replacement.text
    assert replacement.status == Claim.Status.NEW

    article = claim.article
    assert list(article.revisions.values_list("number", flat=True)) == [2, 1]
    assert article.is_published and article.text_updated_at
    assert EditorialEvent.objects.filter(
        article=article, action=EditorialEvent.Action.TEXT_UPDATED
    ).exists()

    # Readers: the fact-check page and its ClaimReview are still there.
    page = client.get(claim.get_absolute_url())
    assert page.status_code == 200
    html = page.content.decode()
    assert "ClaimReview" in html and "earlier version of the article" in html
    # The article says it was updated and keeps the earlier fact-check.
    article_html = client.get(article.get_absolute_url()).content.decode()
    assert "This article was updated" in article_html
    assert "Fact-checks of an earlier version" in article_html
    assert "32 member nations" in article_html
    # API consumers: the claim and its ClaimReview.
    data = client.get(f"/api/v1/claims/{claim.pk}/").json()
    assert data["superseded"] is True and data["superseded_by"] == replacement.pk
    review = client.get(f"/api/v1/claims/{claim.pk}/claimreview/")
    assert review.status_code == 200 and json.loads(review.content)["reviewRating"]


def test_the_import_summary_names_the_changed_article_and_its_new_claims(
    published, seed_copy, capsys
):
    _correct_the_file(seed_copy)
    with pytest.raises(CommandError):
        call_command("import_seeds", str(seed_copy))
    err = capsys.readouterr().err
    assert "the published article" in err and "changed (revision 2)" in err
    assert "new claim to check" in err and "32 member nations" in err
    assert "kept as superseded, with its work" in err and NEEDLE in err


def test_the_new_claim_blocks_the_gate_and_the_editor_sees_it(client, published, seed_copy, editor):
    _correct_the_file(seed_copy)
    with pytest.raises(CommandError):
        call_command("import_seeds", str(seed_copy), verbosity=0)
    article = published.article
    assert Article.objects.needing_recheck().filter(pk=article.pk).exists()
    client.force_login(editor)
    listing = client.get("/admin/articles/article/", {"recheck": "yes"}).content.decode()
    assert article.title in listing
    page = client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert "its text changed" in page and "not checked yet" in page
    desk = client.get("/admin/").content.decode()
    assert re.search(r'id="panel-recheck".*?data-count="1"', desk, re.S)
    assert article.title in desk


def test_an_unchanged_reimport_changes_nothing(published, seed_copy):
    call_command("import_seeds", str(seed_copy), verbosity=0)  # exits 0
    assert ArticleRevision.objects.count() == 1
    assert not Claim.objects.superseded().exists()


def test_a_sentence_that_comes_back_restores_its_claim(published, seed_copy):
    original = seed_copy.read_text(encoding="utf-8")
    _correct_the_file(seed_copy)
    with pytest.raises(CommandError):
        call_command("import_seeds", str(seed_copy), verbosity=0)
    seed_copy.write_text(original, encoding="utf-8")
    call_command("import_seeds", str(seed_copy), verbosity=0)
    claim = Claim.objects.get(pk=published.pk)
    assert not claim.is_superseded and claim.rating == Claim.Rating.FALSE
    assert claim.revision.number == 3
    assert claim.events.first().action == ClaimEvent.Action.RESTORED


def test_claims_nobody_worked_on_go_with_their_sentence(seed_copy):
    article = article_import_file(path=seed_copy).article
    before = article.claims.filter(text__contains=NEEDLE).count()
    assert before == 1
    _correct_the_file(seed_copy)
    call_command("import_seeds", str(seed_copy), verbosity=0)  # a draft: exit 0
    assert not article.claims.filter(text__contains=NEEDLE).exists()
    assert not Claim.objects.superseded().exists()
