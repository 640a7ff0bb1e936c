"""The actor registry: one record per real-world actor across all articles.

The importer links what an article names to existing actors by name and alias
before it creates any; editors merge, rename and confirm actors, and those
decisions hold on later imports because they live in ``ActorAlias`` rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.extraction import ExtractedActor
from articles.models import (
    Actor,
    ActorAlias,
    ActorMention,
    Article,
    Claim,
    EditorialEvent,
    name_key,
)

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


class LinkedActors(dict):
    """An article's actors by canonical extracted name (what a claim's speaker
    names), and by name and kind: the extractor may name an organisation and a
    country alike ("Vatican"), and each keeps its own actor."""

    def __init__(self):
        super().__init__()
        self.by_kind: dict[tuple[str, str], Actor] = {}

    def of(self, item: ExtractedActor) -> Actor:
        return self.by_kind.get((item.name, item.kind)) or self[item.name]


class ActorRegistry:
    """The registry as a batch of imported articles sees it.

    Loaded in two queries for every name the batch holds; then each article is
    linked in turn, in memory, exactly as if the ones before it had been
    saved (an actor the third article creates is found by the fourth, under
    every form the third saw); ``save`` writes the new actors, aliases and
    renames in bulk. Mentions and claims may point at new actors before
    ``save``: their ids are filled in when those rows are bulk-created after it.

    Matching, in order: any form of the name equals a known name or alias of
    the same kind; then, for people, a surname-only form matching exactly one
    known person (never when two known people share the surname).
    """

    def __init__(self, batch: Iterable[list[ExtractedActor]], *, extractor_version: str = ""):
        self.extractor_version = extractor_version
        items = [item for article in batch for item in article]
        self.actors: list[Actor] = []  # a "ref" is an index into this list
        self._ref: dict[int, int] = {}  # pk -> ref, for stored actors
        self.by_key: dict[str, set[int]] = defaultdict(set)
        self.by_surname: dict[str, list[int]] = defaultdict(list)
        self._slug_names: dict[int, str] = {}  # ref of a new actor -> the name its slug is made of
        self._aliases: dict[tuple[int, str], str] = {}  # (ref, key) -> form, to write
        self._changed: dict[int, set[str]] = defaultdict(set)  # ref of a stored actor -> fields
        self._touched: set[int] = set()  # refs of stored actors given a new alias
        self.by_name: dict[tuple[str, str], int] = {}  # (exact name, kind) -> ref

        keys = {name_key(f) for item in items for f in _forms(item)}
        aliases = ActorAlias.objects.filter(key__in=keys).select_related("actor").order_by()
        for alias in aliases if keys else ():
            self.by_key[alias.key].add(self._known(alias.actor))
        # Actors by their own name too, alias row or not: the name is what the
        # database keeps unique, so it must never be created twice.
        names = {item.name[:200] for item in items}
        for actor in Actor.objects.filter(name__in=names).order_by() if names else ():
            ref = self._known(actor)
            self.by_key[name_key(actor.name)].add(ref)
        surnames = {surname_key(i.name, i.kind) for i in items if i.kind == Actor.Kind.PERSON}
        surnames.discard("")
        people = Actor.objects.filter(kind=Actor.Kind.PERSON, surname_key__in=surnames)
        for actor in people.order_by("pk") if surnames else ():
            ref = self._known(actor)
            if ref not in self.by_surname[actor.surname_key]:
                self.by_surname[actor.surname_key].append(ref)

    def _known(self, actor: Actor) -> int:
        ref = self._ref.get(actor.pk)
        if ref is None:
            ref = self._ref[actor.pk] = len(self.actors)
            self.actors.append(actor)
            self.by_name[actor.name, actor.kind] = ref
        return ref

    def _is_new(self, ref: int) -> bool:
        return ref in self._slug_names

    def link(self, extracted: list[ExtractedActor]) -> tuple[LinkedActors, int]:
        """The actors of one article (new ones unsaved until ``save``), and
        how many are new. A fuller name than a known actor's is kept as an
        alias: it becomes the name when an article using it is published
        (``actors_make_public``), so a draft never renames a public record."""
        # Every name is matched before any is created: two names in one
        # article are two actors (the extractor already folded its aliases).
        refs = [self._match(item) for item in extracted]
        created = 0
        for index, item in enumerate(extracted):
            if refs[index] is None:
                refs[index], new = self._create(item)
                created += new
        linked = LinkedActors()
        for item, ref in zip(extracted, refs, strict=True):
            self._learn(item, ref)
            linked.setdefault(item.name, self.actors[ref])
            linked.by_kind[item.name, item.kind] = self.actors[ref]
        return linked, created

    def _match(self, item: ExtractedActor) -> int | None:
        own_key = name_key(item.name)
        scores: dict[int, int] = defaultdict(int)
        for form in _forms(item):
            key = name_key(form)
            for ref in self.by_key.get(key, ()):
                if self.actors[ref].kind == item.kind:
                    scores[ref] += 3 if key == own_key else 1
        if scores:
            # The best-scored; on a tie the oldest (stored before new, then by id).
            return max(scores, key=lambda ref: (scores[ref], -self._age(ref)))
        if item.kind != Actor.Kind.PERSON:
            return None
        same_surname = self.by_surname.get(surname_key(item.name, item.kind), [])
        if len(same_surname) != 1:
            return None  # unknown, or two known people share the surname: never guess
        known = self.actors[same_surname[0]]
        if len(item.name.split()) == 1 or len(known.name.split()) == 1:
            return same_surname[0]
        return None  # two full names with the same surname are two people

    def _age(self, ref: int) -> float:
        pk = self.actors[ref].pk
        return pk if pk is not None else float("inf")

    def _create(self, item: ExtractedActor) -> tuple[int, bool]:
        """The ref of a new actor for ``item`` (and True), or of the actor
        already holding its exact name and kind (and False)."""
        known = self.by_name.get((item.name[:200], item.kind))
        if known is not None:
            return known, False
        actor = Actor(
            name=item.name[:200],
            kind=item.kind,
            role=item.role[:200],
            surname_key=surname_key(item.name, item.kind),
            extractor_version=self.extractor_version,
        )
        ref = len(self.actors)
        self.actors.append(actor)
        self._slug_names[ref] = item.name
        self.by_name[actor.name, actor.kind] = ref
        if actor.surname_key:
            self.by_surname[actor.surname_key].append(ref)
        return ref, True

    def _learn(self, item: ExtractedActor, ref: int) -> None:
        """Record new forms as aliases; give an unconfirmed actor a role."""
        actor = self.actors[ref]
        if not actor.confirmed and item.role and not actor.role:
            actor.role = item.role[:200]
            self._changed[ref].add("role")
        for form in (actor.name, *_forms(item)):
            key = name_key(form)[:200]
            if ref not in self.by_key[key]:
                self.by_key[key].add(ref)
                self._aliases[ref, key] = form[:200]
                if not self._is_new(ref):
                    self._touched.add(ref)

    def save(self) -> None:
        """Write what linking decided: new actors, roles, aliases.

        Rows go in a fixed order (actors by slug, the rest by id), so two
        imports writing the same actors at once wait for each other instead of
        each holding a row the other needs (a deadlock)."""
        new = sorted(self._slug_names)
        if new:
            slugs = unique_slugs(Actor, [self._slug_names[ref] for ref in new])
            for ref, slug in zip(new, slugs, strict=True):
                self.actors[ref].slug = slug
            _actors_create(sorted((self.actors[ref] for ref in new), key=lambda a: a.slug))
        now = timezone.now()
        changed = sorted(
            (ref for ref in self._changed if self._changed[ref] and not self._is_new(ref)),
            key=lambda ref: self.actors[ref].pk,
        )
        for ref in changed:
            self.actors[ref].updated_at = now
        for fields in {frozenset(self._changed[ref]) for ref in changed}:
            Actor.objects.bulk_update(
                [self.actors[r] for r in changed if self._changed[r] == fields],
                [*sorted(fields), "updated_at"],
            )
        if self._aliases:
            aliases = [
                ActorAlias(actor=self.actors[ref], name=form, key=key)
                for (ref, key), form in self._aliases.items()
            ]
            aliases.sort(key=lambda alias: (alias.actor.pk, alias.key))
            ActorAlias.objects.bulk_create(aliases, ignore_conflicts=True)
        # A new alias is part of a known actor's representation.
        if touched := sorted(self.actors[ref].pk for ref in self._touched - set(changed)):
            Actor.objects.filter(pk__in=touched).update(updated_at=now)
        self._slug_names, self._aliases = {}, {}
        self._changed, self._touched = defaultdict(set), set()


def _actors_create(actors: list[Actor]) -> None:
    """Create new actors in bulk; if one of them exists by now (another import
    committed it meanwhile), each actor is created, or found, one by one: the
    article then links to the existing actor instead of failing."""
    try:
        with transaction.atomic():
            Actor.objects.bulk_create(actors)
            return
    except IntegrityError:
        for actor in actors:
            actor.pk = None
    for actor in actors:
        existing = Actor.objects.filter(name=actor.name, kind=actor.kind).first()
        if existing is None:
            try:
                with transaction.atomic():
                    actor.save(force_insert=True)
                continue
            except IntegrityError:  # the slug: another actor took it meanwhile
                actor.pk = None
                existing = Actor.objects.filter(name=actor.name, kind=actor.kind).first()
                if existing is None:
                    actor.slug = unique_slugs(Actor, [actor.name])[0]
                    actor.save(force_insert=True)
                    continue
        actor.pk = existing.pk
        actor.refresh_from_db()


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
    forms = [(a.name, a.confirmed, a.public) for a in merged.aliases.all()]
    forms.append((merged.name, True, True))  # the editor's merge makes the old name public
    ActorAlias.objects.bulk_create(
        [
            ActorAlias(
                actor=survivor, name=name, key=name_key(name), confirmed=confirmed, public=public
            )
            for name, confirmed, public in forms
            if name_key(name) not in known
        ],
        ignore_conflicts=True,
    )
    claims_moved = Claim.objects.filter(speaker=survivor).count()
    description = (
        f"Merged {merged.name} ({merged.get_kind_display().lower()}, #{merged.pk}) "
        f"into {survivor.name} (#{survivor.pk})."
    )
    merged_record = {"pk": merged.pk, "name": merged.name, "slug": merged.slug, "kind": merged.kind}
    EditorialEvent.objects.filter(actor=merged).update(actor=survivor)
    merged.delete()
    _touch(survivor)
    EditorialEvent.objects.create(
        action=EditorialEvent.Action.ACTOR_MERGED,
        user=by,
        actor=survivor,
        description=description,
        data={"merged": merged_record, "claims_of_survivor": claims_moved},
    )
    return survivor


def _touch(actor: Actor) -> None:
    actors_touch([actor.pk])


def actors_touch(pks: Iterable[int], *, now=None) -> None:
    """The actors' names or kinds changed: so did every article and claim that
    shows them (their updated_at is what API clients sync on, and what an
    article's Last-Modified is)."""
    pks, now = list(pks), now or timezone.now()
    Actor.objects.filter(pk__in=pks).update(updated_at=now)
    Article.objects.filter(mentions__actor__in=pks).update(updated_at=now)
    Claim.objects.filter(speaker__in=pks).update(updated_at=now)


def actor_check_name(*, actor: Actor, name: str, kind: str | None = None) -> str:
    """The name ``actor`` would be renamed to (spaces tidied), or
    ``ActorMergeError`` saying why not; the admin's form calls it too, so a
    refused rename keeps what was typed."""
    name = " ".join(name.split())
    if not name:
        raise ActorMergeError("The new name is empty.")
    kind = kind or actor.kind
    if Actor.objects.filter(name=name, kind=kind).exclude(pk=actor.pk).exists():
        label = Actor.Kind(kind).label.lower() if kind in Actor.Kind.values else kind
        raise ActorMergeError(f"Another {label} is already named {name}.")
    return name


@transaction.atomic
def actor_rename(*, actor: Actor, name: str, by=None) -> Actor:
    """Give an actor a new canonical name; the old one stays an alias."""
    name = actor_check_name(actor=actor, name=name)
    old = actor.name
    actor.name = name
    actor.surname_key = surname_key(name, actor.kind)
    actor.confirmed = True
    actor.save()
    for form in (old, name):
        ActorAlias.objects.update_or_create(
            actor=actor,
            key=name_key(form),
            defaults={"confirmed": True, "public": True},
            create_defaults={"name": form, "confirmed": True, "public": True},
        )
    _touch(actor)
    EditorialEvent.objects.create(
        action=EditorialEvent.Action.ACTOR_RENAMED,
        user=by,
        actor=actor,
        description=f"Renamed {old} to {name}.",
        data={"from": old, "to": name},
    )
    return actor


@transaction.atomic
def actor_confirm(*, actor: Actor, by=None) -> Actor:
    """An editor has checked the record: its name, title and aliases are public."""
    actor.confirmed = True
    actor.public_role = actor.role
    actor.save(update_fields=["confirmed", "public_role", "updated_at"])
    actor.aliases.update(confirmed=True, public=True)
    aliases = list(actor.aliases.values_list("name", flat=True))
    EditorialEvent.objects.create(
        action=EditorialEvent.Action.ACTOR_CONFIRMED,
        user=by,
        actor=actor,
        description=f"Confirmed {actor.name} ({actor.get_kind_display().lower()}) "
        f"with {len(aliases)} alias(es): {', '.join(aliases) or 'none'}.",
        data={"kind": actor.kind, "aliases": aliases},
    )
    return actor


def actors_make_public(*, articles: Iterable[int]) -> None:
    """What published articles say of their actors becomes public: the forms
    of the name they used, the fullest of them as the name of an actor no
    editor has confirmed, and the title they gave (where none is public yet).
    Called when an article is published and when a published one is re-imported;
    a draft's names and titles never reach the actors' public records."""
    mentions = list(
        ActorMention.objects.filter(article__in=list(articles)).values_list(
            "actor_id", "forms", "role"
        )
    )
    if not mentions:
        return
    keys: dict[int, set[str]] = defaultdict(set)
    names_of: dict[int, list[str]] = defaultdict(list)
    roles: dict[int, str] = {}
    for actor_id, forms, role in mentions:
        keys[actor_id] |= {name_key(form)[:200] for form in forms}
        names_of[actor_id] += forms[:1]  # the extractor's name; the rest are aliases
        if role:
            roles.setdefault(actor_id, role)
    renamed = _take_fuller_names(names_of)
    hidden = ActorAlias.objects.filter(actor_id__in=keys, public=False).only("actor_id", "key")
    shown = [alias.pk for alias in hidden if alias.key in keys[alias.actor_id]]
    if shown:
        ActorAlias.objects.filter(pk__in=shown).update(public=True)
    titled = Actor.objects.filter(pk__in=roles, public_role="").only("pk")
    for actor in titled:
        actor.public_role = roles[actor.pk][:200]
    Actor.objects.bulk_update(titled, ["public_role"])
    if shown or titled or renamed:
        actors_touch({*roles, *renamed, *(a.actor_id for a in hidden if a.pk in shown)})


def _take_fuller_names(names_of: dict[int, list[str]]) -> list[int]:
    """Give each unconfirmed actor the fullest name a published article gave it
    ("Blair" becomes "Tony Blair"), unless another actor of its kind holds it;
    the ids of the actors renamed."""
    renamed = []
    for actor in Actor.objects.filter(pk__in=names_of, confirmed=False).order_by("pk"):
        fuller = [f for f in names_of[actor.pk] if _is_fuller(f, actor.name)]
        if not fuller:
            continue
        try:
            fullest = max(fuller, key=lambda f: len(f.split()))[:200]
            name = actor_check_name(actor=actor, name=fullest)
        except ActorMergeError:  # another actor of its kind holds the name
            continue
        actor.name, actor.surname_key = name, surname_key(name, actor.kind)
        try:
            with transaction.atomic():
                actor.save(update_fields=["name", "surname_key"])
        except IntegrityError:  # another import gave the name to a new actor meanwhile
            continue
        renamed.append(actor.pk)
    return renamed
