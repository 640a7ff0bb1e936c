"""An actor's public record (title, other names, search over them) comes from
published articles and editors, never from a draft: importing an unpublished
article that gives a known person a new title or name form shows neither to
readers or anonymous API callers until the article is published."""

import pytest
from rest_framework.test import APIClient

from articles.models import Actor
from articles.services import actors as actor_services
from articles.services import workflow as wf
from articles.services.imports import article_import_text

pytestmark = pytest.mark.django_db

FIRST = """Minister visits the port

Jane Kowalski visited the port on Monday. "The port is busy," Kowalski said.
"""
DRAFT = """Minister speaks again

Deputy Prime Minister Jane Kowalski spoke on Tuesday. "We will build," Ms Kowalski told reporters.
"""


@pytest.fixture
def published(editor):
    outcome = article_import_text(text=FIRST, source_path="first.txt", key="wire/first.txt")
    article = outcome.article
    for claim in wf.article_blocking_claims(article):
        wf.claim_dismiss(claim=claim, by=editor, reason="Not checked for this test.")
    wf.article_publish(article=article, by=editor)
    return article


def _actor():
    return Actor.objects.get(name="Jane Kowalski")


def test_a_published_article_makes_its_names_public(client, published):
    actor = _actor()
    assert actor.public_alias_names == actor.alias_names
    assert actor.role == actor.public_role == ""  # the story gave no title


def test_a_drafts_title_and_name_forms_stay_off_the_public_record(client, published):
    before = _actor()
    public_aliases = set(before.public_alias_names)
    article_import_text(text=DRAFT, source_path="draft.txt", key="wire/draft.txt")
    actor = _actor()
    draft_forms = set(actor.alias_names) - public_aliases
    assert draft_forms, "the draft should bring a new form of the name"
    assert "Deputy Prime Minister" in actor.role  # the desk sees the draft's title
    assert actor.public_role == ""
    page = client.get(actor.get_absolute_url()).content.decode()
    assert "Deputy Prime Minister" not in page
    for form in draft_forms:
        assert form not in page
    data = APIClient().get(f"/api/v1/actors/{actor.slug}/").json()
    assert set(data["aliases"]) == public_aliases
    assert data["role"] == ""
    assert "Deputy Prime Minister Jane Kowalski" in draft_forms
    found = APIClient().get("/api/v1/actors/", {"search": "Deputy Prime Minister"}).json()
    assert found["results"] == []  # searching a draft's words finds nobody


def test_the_desk_sees_the_drafts_names_and_publishing_shows_them(published, editor):
    draft = article_import_text(text=DRAFT, source_path="draft.txt", key="wire/draft.txt").article
    actor = _actor()
    staff = APIClient()
    staff.force_authenticate(editor)
    assert set(staff.get(f"/api/v1/actors/{actor.slug}/").json()["aliases"]) == set(
        actor.alias_names
    )
    for claim in wf.article_blocking_claims(draft):
        wf.claim_dismiss(claim=claim, by=editor, reason="Not checked for this test.")
    wf.article_publish(article=draft, by=editor)
    actor = _actor()
    assert set(actor.public_alias_names) == set(actor.alias_names)
    assert actor.public_role == actor.role and "Deputy Prime Minister" in actor.public_role


def test_an_editors_confirmation_makes_the_record_public(editor):
    article_import_text(text=DRAFT, source_path="draft.txt", key="wire/draft.txt")
    actor = _actor()
    assert actor.public_role == "" and actor.public_alias_names == []
    actor_services.actor_confirm(actor=actor, by=editor)
    actor = _actor()
    assert actor.public_role == actor.role and actor.public_alias_names == actor.alias_names


SURNAME_ONLY = """Port reopens

Kowalski opened the port on Monday. "The port is busy," Kowalski said.
"""
FULL_NAME_DRAFT = """Port reopens, minister says

Anna Kowalski, the port's director, spoke on Tuesday. "We will build," Kowalski said.
"""


def _publish(article, editor):
    for claim in wf.article_blocking_claims(article):
        wf.claim_dismiss(claim=claim, by=editor, reason="Not checked for this test.")
    wf.article_publish(article=article, by=editor)


def test_a_drafts_fuller_name_renames_the_public_actor_only_when_published(client, editor):
    first = article_import_text(text=SURNAME_ONLY, source_path="a.txt", key="wire/a.txt").article
    _publish(first, editor)
    [actor] = Actor.objects.filter(kind="person")
    assert actor.name == "Kowalski"
    draft = article_import_text(
        text=FULL_NAME_DRAFT, source_path="b.txt", key="wire/b.txt"
    ).article
    actor.refresh_from_db()
    assert actor.name == "Kowalski", "a draft renamed a public actor"
    assert "Anna Kowalski" not in client.get(actor.get_absolute_url()).content.decode()
    assert APIClient().get(f"/api/v1/actors/{actor.slug}/").json()["name"] == "Kowalski"
    assert "Anna Kowalski" in actor.alias_names  # the desk's registry knows the form

    _publish(draft, editor)
    actor.refresh_from_db()
    assert actor.name == "Anna Kowalski"
    assert "Anna Kowalski" in client.get(actor.get_absolute_url()).content.decode()
    assert Actor.objects.filter(kind="person").count() == 1


def test_a_confirmed_actor_keeps_its_name_when_a_fuller_one_is_published(client, editor):
    first = article_import_text(text=SURNAME_ONLY, source_path="a.txt", key="wire/a.txt").article
    _publish(first, editor)
    actor = Actor.objects.get(kind="person")
    actor_services.actor_confirm(actor=actor, by=editor)
    draft = article_import_text(
        text=FULL_NAME_DRAFT, source_path="b.txt", key="wire/b.txt"
    ).article
    _publish(draft, editor)
    actor.refresh_from_db()
    assert actor.name == "Kowalski"
