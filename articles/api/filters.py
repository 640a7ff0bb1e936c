"""Query-string filters of the list endpoints.

They narrow what the viewset already lets the caller see, so a filter on a
state the caller may not see (``status=draft`` when anonymous) finds nothing
rather than revealing anything.
"""

from datetime import UTC

from django import forms
from django.core.exceptions import ValidationError
from django.db import connections
from django.db.models import Exists, OuterRef, Q
from django_filters import rest_framework as filters
from django_filters.fields import IsoDateTimeField

from ..models import Actor, ActorAlias, ActorMention, Article, Claim
from ..search import search_query


class FloatFilter(filters.NumberFilter):
    # A float, not a Decimal: compared with a float column, and never out of its range.
    field_class = forms.FloatField


class UtcDateTimeField(IsoDateTimeField):
    """An ISO 8601 time, converted to UTC before it reaches the database.

    Any offset is valid ISO 8601, but PostgreSQL refuses those beyond ±15:59
    and a time near year 1 or 9999 may not exist in UTC: both are the caller's
    mistake, so they answer 400 rather than fail in the query.
    """

    def to_python(self, value):
        value = super().to_python(value)
        if value is None:
            return None
        try:
            return value.astimezone(UTC)
        except OverflowError:
            raise ValidationError("This time is out of range.", code="invalid") from None


class TimeFilter(filters.IsoDateTimeFilter):
    field_class = UtcDateTimeField


class ArticleFilter(filters.FilterSet):
    actor = filters.CharFilter(method="filter_actor", label="Slug of an actor the article names.")
    published_after = TimeFilter(
        field_name="published_at",
        lookup_expr="gte",
        label="Published at or after this time (ISO 8601).",
    )
    published_before = TimeFilter(
        field_name="published_at", lookup_expr="lt", label="Published before this time (ISO 8601)."
    )
    updated_since = TimeFilter(
        field_name="updated_at", lookup_expr="gte", label="Changed at or after this time."
    )
    search = filters.CharFilter(
        method="filter_search",
        label="Words in the title or the body (full-text, web-search syntax, on PostgreSQL).",
    )
    status = filters.ChoiceFilter(
        choices=Article.Status.choices,
        label="Staff only: articles in this state (others see published ones only).",
    )

    class Meta:
        model = Article
        fields = ["actor", "published_after", "published_before", "updated_since", "search"]

    def filter_actor(self, queryset, name, value):
        # The actor's id first, in a query of its own: compared with a number
        # rather than joined by slug, the planner knows from its statistics
        # how often the actor is named, and walks the newest articles for a
        # much-named one but the mentions for a rare one.
        actor_id = Actor.objects.filter(slug=value).values_list("pk", flat=True).first()
        if actor_id is None:
            return queryset.none()
        return queryset.filter(
            Exists(ActorMention.objects.filter(article=OuterRef("pk"), actor_id=actor_id))
        )

    def filter_search(self, queryset, name, value):
        # As the reader's search: full text on PostgreSQL (on the indexed
        # document), every word somewhere in title or body elsewhere.
        if connections[queryset.db].vendor == "postgresql":
            return queryset.filter(search_document=search_query(value))
        for word in value.split()[:10]:
            queryset = queryset.filter(Q(title__icontains=word) | Q(body__icontains=word))
        return queryset


class ClaimFilter(filters.FilterSet):
    rating = filters.ChoiceFilter(choices=Claim.Rating.choices, label="The verdict's rating.")
    speaker = filters.CharFilter(field_name="speaker__slug", label="Slug of the speaker.")
    article = filters.CharFilter(field_name="article__slug", label="Slug of the article.")
    kind = filters.ChoiceFilter(choices=Claim.Kind.choices, label="Kind of statement.")
    status = filters.ChoiceFilter(
        choices=Claim.Status.choices,
        label="Staff only: claims in this state (others see approved ones only).",
    )
    min_checkworthiness = FloatFilter(
        field_name="checkworthiness",
        lookup_expr="gte",
        min_value=0,
        max_value=1,
        label="Check-worthiness at least this (0 to 1).",
    )
    updated_since = TimeFilter(
        field_name="updated_at", lookup_expr="gte", label="Changed at or after this time."
    )

    class Meta:
        model = Claim
        fields = [
            "rating",
            "speaker",
            "article",
            "kind",
            "status",
            "min_checkworthiness",
            "updated_since",
        ]


class ActorFilter(filters.FilterSet):
    kind = filters.ChoiceFilter(
        choices=Actor.Kind.choices, label="Person, organisation or country."
    )
    search = filters.CharFilter(method="filter_search", label="Part of the name or of an alias.")

    class Meta:
        model = Actor
        fields = ["kind", "search"]

    def filter_search(self, queryset, name, value):
        aliases = ActorAlias.objects.filter(actor=OuterRef("pk"), name__icontains=value)
        user = getattr(self.request, "user", None)
        if not (user and user.is_active and user.is_staff):
            aliases = aliases.filter(public=True)  # a draft's names find nobody
        return queryset.filter(Q(name__icontains=value) | Exists(aliases))
