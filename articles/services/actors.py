"""The actor registry: one record per real-world actor across all articles.

The importer links what an article names to existing actors by name and alias
before it creates any; editors merge, rename and confirm actors, and those
decisions hold on later imports because they live in ``ActorAlias`` rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from articles.extraction import ExtractedActor
from articles.models import Actor, ActorAlias, ActorMention, Article, Claim, name_key

from .slugs import unique_slugs


class ActorMergeError(Exception):
    """A merge that would break the registry (same actor, kinds differ...)."""


def surname_key(name: str, kind: str) -> str:
    if kind != Actor.Kind.PERSON:
        return ""
    parts = name.split()
    return name_key(parts[-1]) if parts else ""


def _forms(extracted: ExtractedActor) -> list[str]:
    seen, forms = set(), []
    for form in [extracted.name, *extracted.aliases]:
        key = name_key(form)
        if key and key not in seen:
            seen.add(key)
            forms.append(form)
    return forms


def _is_fuller(new: str, old: str) -> bool:
    """'Tony Blair' is a fuller form of 'Blair'; 'Cherie Blair' is not of 'Tony Blair'."""
    new_tokens, old_tokens = name_key(new).split(), name_key(old).split()
    return len(new_tokens) > len(old_tokens) and new_tokens[-len(old_tokens) :] == old_tokens


def actors_link(
    *, extracted: Iterable[ExtractedActor], extractor_version: str = ""
) -> tuple[dict[str, Actor], int]:
    """Find or create the registry actor for each actor one article names.

    Returns the canonical extracted name -> Actor, and how many actors were
    created. Lookups are batched (a few
    queries per article, whatever its size) because imports run in bulk.
    Matching, in order: any form of the name equals a known name or alias of
    the same kind; then, for people, a surname-only form matching exactly one
    known person (never when two known people share the surname).
    """
    extracted = list(extracted)
    if not extracted:
        return {}, 0
    keys = {name_key(f) for e in extracted for f in _forms(e)}
    by_key: dict[str, set[int]] = defaultdict(set)
    actors: dict[int, Actor] = {}
    for alias in ActorAlias.objects.filter(key__in=keys).select_related("actor").order_by():
        by_key[alias.key].add(alias.actor_id)
        actors[alias.actor_id] = alias.actor

    surnames = {
        surname_key(e.name, e.kind) for e in extracted if e.kind == Actor.Kind.PERSON
    } - {""}
    people_by_surname: dict[str, list[Actor]] = defaultdict(list)
    people = Actor.objects.filter(kind=Actor.Kind.PERSON, surname_key__in=surnames).order_by()
    for actor in people if surnames else ():
        people_by_surname[actor.surname_key].append(actor)
        actors.setdefault(actor.pk, actor)

    linked: dict[str, Actor] = {}
    to_create: list[ExtractedActor] = []
    for item in extracted:
        actor = _match(item, by_key, actors, people_by_surname)
        if actor is None:
            to_create.append(item)
        else:
            linked[item.name] = actor

    if to_create:
        slugs = unique_slugs(Actor, [e.name for e in to_create])
        created = Actor.objects.bulk_create(
            [
                Actor(
                    name=e.name[:200],
                    slug=slug,
                    kind=e.kind,
                    role=e.role[:200],
                    surname_key=surname_key(e.name, e.kind),
                    extractor_version=extractor_version,
                )
                for e, slug in zip(to_create, slugs, strict=True)
            ]
        )
        for e, actor in zip(to_create, created, strict=True):
            linked[e.name] = actor

    _learn(extracted, linked, known=by_key, new={a.pk for a in linked.values()} - set(actors))
    return linked, len(to_create)


def _match(item, by_key, actors, people_by_surname) -> Actor | None:
    own_key = name_key(item.name)
    scores: dict[int, int] = defaultdict(int)
    for form in _forms(item):
        for actor_id in by_key.get(name_key(form), ()):
            if actors[actor_id].kind == item.kind:
                scores[actor_id] += 3 if name_key(form) == own_key else 1
    if scores:
        return actors[max(scores, key=lambda pk: (scores[pk], -pk))]
    if item.kind != Actor.Kind.PERSON:
        return None
    same_surname = people_by_surname.get(surname_key(item.name, item.kind), [])
    if len(same_surname) != 1:
        return None  # unknown, or two known people share the surname: never guess
    known = same_surname[0]
    if len(item.name.split()) == 1 or len(known.name.split()) == 1:
        return known
    return None  # two full names with the same surname are two people


def _learn(
    extracted: list[ExtractedActor],
    linked: dict[str, Actor],
    known: dict[str, set[int]],
    new: set[int],
) -> None:
    """Record new forms as aliases; give an unconfirmed actor a fuller name or a role.

    ``known`` holds the (key -> actor ids) aliases already stored, so only new
    forms are written."""
    aliases = {}
    for item in extracted:
        actor = linked[item.name]
        if not actor.confirmed:
            changed = []
            if _is_fuller(item.name, actor.name) and not Actor.objects.filter(
                name=item.name, kind=actor.kind
            ).exists():
                actor.name = item.name[:200]
                actor.surname_key = surname_key(actor.name, actor.kind)
                changed += ["name", "surname_key"]
            if item.role and not actor.role:
                actor.role = item.role[:200]
                changed.append("role")
            if changed:
                actor.save(update_fields=[*changed, "updated_at"])
        for form in (actor.name, *_forms(item)):
            key = name_key(form)[:200]
            if actor.pk not in known.get(key, ()) and (actor.pk, key) not in aliases:
                aliases[actor.pk, key] = ActorAlias(actor=actor, name=form[:200], key=key)
    if aliases:
        ActorAlias.objects.bulk_create(aliases.values(), ignore_conflicts=True)
        # A new alias is part of a known actor's representation.
        if touched := {pk for pk, _ in aliases} - new:
            Actor.objects.filter(pk__in=touched).update(updated_at=timezone.now())


@transaction.atomic
def actor_merge(*, survivor: Actor, merged: Actor, by=None) -> Actor:
    """Fold ``merged`` into ``survivor``: mentions, claims and aliases move, and
    the merged name becomes an alias, so later imports land on the survivor."""
    if survivor.pk == merged.pk:
        raise ActorMergeError("An actor cannot be merged into itself.")
    survivor = Actor.objects.select_for_update().get(pk=survivor.pk)
    merged = Actor.objects.select_for_update().get(pk=merged.pk)
    if survivor.kind != merged.kind:
        raise ActorMergeError(
            f"Cannot merge {merged} ({merged.get_kind_display()}) into "
            f"{survivor} ({survivor.get_kind_display()}): the kinds differ."
        )
    Claim.objects.filter(speaker=merged).update(speaker=survivor)
    existing = {m.article_id: m for m in ActorMention.objects.filter(actor=survivor)}
    for mention in ActorMention.objects.filter(actor=merged):
        other = existing.get(mention.article_id)
        if other is None:
            mention.actor = survivor
            mention.save(update_fields=["actor"])
        else:
            other.count += mention.count
            other.offsets = sorted(other.offsets + mention.offsets)
            other.save(update_fields=["count", "offsets"])
            mention.delete()
    known = set(survivor.aliases.values_list("key", flat=True))
    forms = [(a.name, a.confirmed) for a in merged.aliases.all()] + [(merged.name, True)]
    ActorAlias.objects.bulk_create(
        [
            ActorAlias(actor=survivor, name=name, key=name_key(name), confirmed=confirmed)
            for name, confirmed in forms
            if name_key(name) not in known
        ],
        ignore_conflicts=True,
    )
    merged.delete()
    _touch(survivor)
    return survivor


def _touch(actor: Actor) -> None:
    """The actor's name or record changed: so did every article and claim
    that shows it (their updated_at is what API clients sync on)."""
    now = timezone.now()
    Actor.objects.filter(pk=actor.pk).update(updated_at=now)
    Article.objects.filter(mentions__actor=actor).update(updated_at=now)
    Claim.objects.filter(speaker=actor).update(updated_at=now)


@transaction.atomic
def actor_rename(*, actor: Actor, name: str, by=None) -> Actor:
    """Give an actor a new canonical name; the old one stays an alias."""
    name = " ".join(name.split())
    if not name:
        raise ActorMergeError("The new name is empty.")
    if Actor.objects.filter(name=name, kind=actor.kind).exclude(pk=actor.pk).exists():
        kind = actor.get_kind_display().lower()
        raise ActorMergeError(f"Another {kind} is already named {name}.")
    old = actor.name
    actor.name = name
    actor.surname_key = surname_key(name, actor.kind)
    actor.confirmed = True
    actor.save()
    for form in (old, name):
        ActorAlias.objects.get_or_create(
            actor=actor, key=name_key(form), defaults={"name": form, "confirmed": True}
        )
    _touch(actor)
    return actor


def actor_confirm(*, actor: Actor, by=None) -> Actor:
    actor.confirmed = True
    actor.save(update_fields=["confirmed", "updated_at"])
    actor.aliases.update(confirmed=True)
    return actor
