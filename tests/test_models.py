"""Rules the database itself keeps, whatever code writes the rows."""

import pytest
from django.db import IntegrityError, transaction

from articles.models import Actor, Claim, EditorNote

from .factories import ActorFactory, ArticleFactory, ClaimFactory, UserFactory

pytestmark = pytest.mark.django_db


def refused(**kwargs):
    return pytest.raises(IntegrityError, **kwargs)


def test_article_slugs_are_unique():
    ArticleFactory(slug="same")
    with refused(), transaction.atomic():
        ArticleFactory(slug="same")


def test_one_actor_per_canonical_name_and_kind():
    ActorFactory(name="Georgia", kind=Actor.Kind.COUNTRY, slug="georgia")
    ActorFactory(name="Georgia", kind=Actor.Kind.PERSON, slug="georgia-person")
    with refused(), transaction.atomic():
        ActorFactory(name="Georgia", kind=Actor.Kind.COUNTRY, slug="georgia-2")


def test_claim_offsets_must_span_its_text():
    article = ArticleFactory()
    with refused(), transaction.atomic():
        ClaimFactory(article=article, start=10, end=10, text="")
    with refused(), transaction.atomic():
        ClaimFactory(article=article, start=0, end=5, text="NATO's Article 5")


def test_checkworthiness_is_between_0_and_1():
    with refused(), transaction.atomic():
        ClaimFactory(checkworthiness=1.5)


def test_a_verdict_needs_a_rating():
    with refused(), transaction.atomic():
        ClaimFactory(status=Claim.Status.APPROVED, rating="")


def test_the_proposer_cannot_be_the_reviewer():
    user = UserFactory()
    with refused(), transaction.atomic():
        ClaimFactory(status=Claim.Status.APPROVED, rating="false", proposed_by=user, reviewer=user)


def test_a_note_belongs_to_exactly_one_of_article_or_claim():
    claim = ClaimFactory()
    author = UserFactory()
    with refused(), transaction.atomic():
        EditorNote.objects.create(article=claim.article, claim=claim, author=author, body="x")
    with refused(), transaction.atomic():
        EditorNote.objects.create(author=author, body="x")


def test_claim_fingerprints_are_unique_per_article():
    claim = ClaimFactory()
    with refused(), transaction.atomic():
        ClaimFactory(article=claim.article, fingerprint=claim.fingerprint)
