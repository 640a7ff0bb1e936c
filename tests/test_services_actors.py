"""The actor registry: one record per real-world actor across articles."""

import pytest
from django.utils import timezone

from articles.extraction import ExtractedActor, Mention
from articles.models import Actor, ActorMention, Claim
from articles.services import actors as actor_services
from articles.services.actors import (
    ActorMergeError,
    ActorRegistry,
    actor_confirm,
    actor_merge,
    actor_rename,
)

from .factories import ActorFactory, ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db


def person(name, *aliases, role=""):
    return ExtractedActor(name=name, kind="person", role=role, aliases=list(aliases),
                          mentions=[Mention(0, 4, name)])


def link(*actors):
    """One article's actors through the registry, saved."""
    registry = ActorRegistry([list(actors)])
    linked, _ = registry.link(list(actors))
    registry.save()
    return linked


def test_a_known_person_named_by_surname_alone_is_not_created_again():
    blair = link(person("Tony Blair", "Mr Blair", role="Prime Minister"))["Tony Blair"]
    later = link(person("Blair"))["Blair"]
    assert later == blair
    assert Actor.objects.filter(kind="person").count() == 1


def test_an_alias_links_to_the_known_actor():
    tories = link(ExtractedActor(name="Conservative Party", kind="organization",
                                 aliases=["Tories"]))["Conservative Party"]
    again = link(ExtractedActor(name="Tories", kind="organization"))["Tories"]
    assert again == tories


def test_a_surname_shared_by_two_known_people_is_never_guessed():
    link(person("Gordon Brown"))
    link(person("Nick Brown"))
    ambiguous = link(person("Brown"))["Brown"]
    assert ambiguous.name == "Brown"
    assert Actor.objects.filter(kind="person", surname_key="brown").count() == 3


def test_two_full_names_with_one_surname_are_two_people():
    first = link(person("Gordon Brown"))["Gordon Brown"]
    second = link(person("Nick Brown"))["Nick Brown"]
    assert first != second


def _published_with(*actors):
    """One published article naming ``actors``, imported through the registry."""
    article = ArticleFactory(status="published", published_at=timezone.now())
    linked = link(*actors)
    for item in actors:
        ActorMention.objects.create(
            article=article, actor=linked[item.name], count=1, offsets=[[0, 4]],
            forms=[item.name, *item.aliases],
        )
    actor_services.actors_make_public(articles=[article.pk])
    return linked


def test_a_drafts_fuller_name_is_an_alias_until_an_article_using_it_is_published():
    blair = link(person("Blair"))["Blair"]
    link(person("Tony Blair"))
    blair.refresh_from_db()
    assert blair.name == "Blair" and "Tony Blair" in blair.alias_names
    _published_with(person("Tony Blair", "Mr Blair"))
    blair.refresh_from_db()
    assert blair.name == "Tony Blair"
    assert "Blair" in blair.alias_names


def test_a_confirmed_actor_keeps_its_name():
    actor = link(person("Blair"))["Blair"]
    actor_confirm(actor=actor)
    _published_with(person("Tony Blair"))
    actor.refresh_from_db()
    assert actor.name == "Blair"


def test_the_same_name_of_another_kind_is_another_actor():
    country = link(ExtractedActor(name="Georgia", kind="country"))["Georgia"]
    singer = link(person("Georgia"))["Georgia"]
    assert country != singer and country.slug != singer.slug


def test_merge_moves_mentions_claims_and_aliases_and_keeps_the_name_as_alias():
    survivor = ActorFactory(name="Tony Blair")
    merged = ActorFactory(name="Anthony Blair")
    article = ArticleFactory()
    ActorMention.objects.create(article=article, actor=merged, count=2, offsets=[[0, 4], [9, 13]])
    ActorMention.objects.create(article=article, actor=survivor, count=1, offsets=[[20, 24]])
    claim = ClaimFactory(article=article, speaker=merged)

    actor_merge(survivor=survivor, merged=merged)

    assert not Actor.objects.filter(pk=merged.pk).exists()
    assert Claim.objects.get(pk=claim.pk).speaker == survivor
    mention = ActorMention.objects.get(article=article)
    assert (mention.actor, mention.count) == (survivor, 3)
    assert "Anthony Blair" in survivor.alias_names


def test_a_later_import_respects_a_merge():
    survivor = link(person("Tony Blair"))["Tony Blair"]
    merged = link(person("Anthony Blair"))["Anthony Blair"]
    actor_merge(survivor=survivor, merged=merged)
    assert link(person("Anthony Blair"))["Anthony Blair"] == survivor
    assert Actor.objects.count() == 1


def test_actors_of_different_kinds_cannot_be_merged():
    with pytest.raises(ActorMergeError, match="kinds differ"):
        actor_merge(survivor=ActorFactory(kind="person"), merged=ActorFactory(kind="country"))


def test_rename_keeps_the_old_name_as_an_alias():
    actor = link(person("Tony Blair"))["Tony Blair"]
    actor_rename(actor=actor, name="Sir Tony Blair")
    actor.refresh_from_db()
    assert actor.name == "Sir Tony Blair" and actor.confirmed
    assert link(person("Tony Blair"))["Tony Blair"] == actor


def test_in_one_batch_a_later_article_finds_the_people_an_earlier_one_named():
    first, second, third = [person("Blair")], [person("Tony Blair")], [person("Blair")]
    registry = ActorRegistry([first, second, third])
    linked = [registry.link(article)[0] for article in (first, second, third)]
    registry.save()
    # Surname first, full name later: one person, who knows both forms.
    [blair] = Actor.objects.filter(kind="person")
    assert blair.name == "Blair" and blair.slug
    assert {actor.pk for names in linked for actor in names.values()} == {blair.pk}
    assert {"blair", "tony blair"} <= set(blair.aliases.values_list("key", flat=True))
