"""factory_boy factories: the smallest valid rows, for tests to adjust."""

import hashlib

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from articles.models import Actor, Article, Claim, EditorNote

BODY = (
    "NATO's Article 5 stipulates that an attack on any one of its 31 member nations "
    "is considered an attack on all. Mr Smith said the figure was right."
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    is_staff = True
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        from django.contrib.auth.models import Group

        for name in extracted or ():
            self.groups.add(Group.objects.get_or_create(name=name)[0])
        if create:
            self.save()


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Story number {n}")
    slug = factory.Sequence(lambda n: f"story-number-{n}")
    body = BODY
    source_path = factory.Sequence(lambda n: f"seeds/story-{n}.txt")
    source_key = factory.LazyAttribute(lambda a: a.source_path)
    content_hash = factory.LazyAttribute(lambda a: hashlib.sha256(a.body.encode()).hexdigest())


class PublishedArticleFactory(ArticleFactory):
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class ActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actor

    name = factory.Sequence(lambda n: f"Person Number{n}")
    slug = factory.Sequence(lambda n: f"person-number{n}")
    kind = Actor.Kind.PERSON
    role = ""
    # A record as readers know it: its title already public (tests of draft
    # titles import real text instead).
    public_role = factory.SelfAttribute("role")


class ClaimFactory(factory.django.DjangoModelFactory):
    """A factual claim on the first sentence of the factory body."""

    class Meta:
        model = Claim

    article = factory.SubFactory(ArticleFactory)
    kind = Claim.Kind.FACTUAL
    start = 0
    end = factory.LazyAttribute(lambda c: c.article.body.index(".", 10) + 1)
    text = factory.LazyAttribute(lambda c: c.article.body[c.start : c.end])
    checkworthiness = 0.8
    fingerprint = factory.Sequence(lambda n: f"fp{n:062d}")


class ApprovedClaimFactory(ClaimFactory):
    status = Claim.Status.APPROVED
    rating = Claim.Rating.FALSE
    verdict_summary = "NATO has had 32 members since Sweden joined in March 2024."
    sources = factory.LazyFunction(
        lambda: [{"url": "https://www.nato.int/cps/en/natohq/topics_52044.htm",
                  "title": "NATO member countries"}]
    )
    reviewed_at = factory.LazyFunction(timezone.now)


class EditorNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EditorNote

    article = factory.SubFactory(ArticleFactory)
    author = factory.SubFactory(UserFactory)
    body = "Check the membership figure against NATO's own list."


# ---------------------------------------------------------------- reader pages


class CorrectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "articles.Correction"

    article = factory.SubFactory(PublishedArticleFactory)
    author = factory.SubFactory(UserFactory)
    body = "An earlier version gave the wrong year for Sweden's accession."


class ActorMentionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "articles.ActorMention"

    article = factory.SubFactory(PublishedArticleFactory)
    actor = factory.SubFactory(ActorFactory)
    count = 1
    offsets = factory.LazyFunction(list)


class ActorAliasFactory(factory.django.DjangoModelFactory):
    """Another form of an actor's name."""

    class Meta:
        model = "articles.ActorAlias"

    actor = factory.SubFactory(ActorFactory)
    name = factory.Sequence(lambda n: f"Alias {n}")
    public = True


def token_for(user) -> str:
    """A fresh API token for ``user``, as logging in would give it."""
    from knox.models import AuthToken

    return AuthToken.objects.create(user=user)[1]
