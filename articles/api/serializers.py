"""What the API shows of articles, claims and actors, and what its workflow
verbs accept. Serializers read what the viewsets annotate and prefetch; none of
them runs a query of its own."""

from __future__ import annotations

from functools import cached_property, lru_cache

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..models import Actor, Article, Claim, Correction, EditorNote
from ..services.workflow import MAX_NOTICE_CHARS


def reader_url(obj) -> str:
    """The public page of an article, claim or actor, absolute on the site URL
    (the same address the ClaimReview gives, wherever the API is served)."""
    return settings.NEWSROOM_SITE_URL + obj.get_absolute_url()


_SLUG = "slug-placeholder"


@lru_cache(maxsize=16)
def _article_url_around_slug(site_url: str, script_prefix: str, urlconf) -> tuple[str, str]:
    before, after = reverse("articles:article_detail", kwargs={"slug": _SLUG}).split(_SLUG)
    return site_url + before, after


def article_url(article: Article) -> str:
    """``reader_url`` of an article, with the URL reversed once rather than
    once per row (a slug is URL-safe as it is)."""
    before, after = _article_url_around_slug(
        settings.NEWSROOM_SITE_URL, get_script_prefix(), get_urlconf()
    )
    return before + article.slug + after


@extend_schema_field(OpenApiTypes.URI)
class ReaderUrlField(serializers.ReadOnlyField):
    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        kwargs.setdefault("help_text", "The reader page, absolute.")
        super().__init__(**kwargs)

    def to_representation(self, value):
        return reader_url(value)


def iso_datetime(value, zone=None) -> str | None:
    """A date and time as DRF's ``DateTimeField`` writes it: ISO 8601 in the
    current time zone (or ``zone``, the current one looked up once), UTC as "Z"."""
    if value is None:
        return None
    text = timezone.localtime(value, zone).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


# ---------------------------------------------------------------- actors


class ActorRefSerializer(serializers.ModelSerializer):
    """An actor as other records name it."""

    class Meta:
        model = Actor
        fields = ["slug", "name", "kind"]
        read_only_fields = fields


class SpeakerSerializer(serializers.ModelSerializer):
    class Meta:
        model = Actor
        fields = ["slug", "name"]
        read_only_fields = fields


def verdict_attr(rating: str) -> str:
    """The annotation holding an actor's number of verdicts with ``rating``."""
    return "verdicts_" + rating.replace("-", "_")


class VerdictRecordSerializer(serializers.Serializer):
    """How many of an actor's approved claims carry each rating, keyed by rating."""

    def get_fields(self):
        return {
            rating.value: serializers.IntegerField(
                source=verdict_attr(rating.value),
                min_value=0,
                read_only=True,
                help_text=f"Approved claims rated “{rating.label}”.",
            )
            for rating in Claim.Rating
        }


class ActorSerializer(serializers.ModelSerializer):
    aliases = serializers.ListField(
        source="alias_names",
        child=serializers.CharField(),
        read_only=True,
        help_text="Other forms of the name (anonymous callers: those a published article "
        "used or an editor confirmed).",
    )
    verdict_record = VerdictRecordSerializer(
        source="*",
        read_only=True,
        help_text="Approved verdicts on the actor's claims by rating; anonymous consumers "
        "see only those on published articles.",
    )
    url = ReaderUrlField()

    class Meta:
        model = Actor
        fields = ["slug", "name", "kind", "role", "aliases", "verdict_record", "url"]
        read_only_fields = fields

    def to_representation(self, actor):
        data = super().to_representation(actor)
        if not self.context.get("staff"):
            # Readers' records come from published articles and editors, never drafts.
            data["role"], data["aliases"] = actor.public_role, actor.public_alias_names
        return data


# ---------------------------------------------------------------- claims


class SourceSerializer(serializers.Serializer):
    """One source of a verdict."""

    url = serializers.URLField(max_length=2000)
    title = serializers.CharField(max_length=300)


class OptionalChoiceField(serializers.ChoiceField):
    """A choice that may be unset: blank in the database, null in the API."""

    def to_representation(self, value):
        return super().to_representation(value) if value else None


class ClaimSerializer(serializers.ModelSerializer):
    article = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    rating = OptionalChoiceField(
        choices=Claim.Rating.choices,
        allow_null=True,
        read_only=True,
        help_text="The verdict's rating; null until one is proposed.",
    )
    speaker = SpeakerSerializer(read_only=True, allow_null=True)
    sources = SourceSerializer(many=True, read_only=True)
    url = ReaderUrlField()
    superseded = serializers.BooleanField(
        source="is_superseded",
        read_only=True,
        help_text="The sentence changed or went in a later text of the article; the claim "
        "is kept with its verdict, and its offsets point into the earlier text.",
    )
    superseded_by = serializers.PrimaryKeyRelatedField(
        read_only=True,
        allow_null=True,
        help_text="The claim in the new text that replaced this one, if any.",
    )
    reopened = serializers.BooleanField(
        source="is_reopened",
        read_only=True,
        help_text="A revision of the approved verdict is under way; the verdict shown "
        "stays until the revision is approved.",
    )

    class Meta:
        model = Claim
        fields = [
            "id",
            "article",
            "kind",
            "text",
            "quote",
            "speaker",
            "start",
            "end",
            "checkworthiness",
            "status",
            "rating",
            "verdict_summary",
            "sources",
            "reviewed_at",
            "verdict_updated_at",
            "verdict_update_note",
            "reopened",
            "superseded",
            "superseded_by",
            "version",
            "url",
        ]
        read_only_fields = fields
        extra_kwargs = {
            "version": {"help_text": "Send it back with a workflow verb to refuse a stale change."}
        }


# ---------------------------------------------------------------- articles


class ArticleSerializer(serializers.ModelSerializer):
    url = ReaderUrlField()
    actors = serializers.SerializerMethodField(help_text="Named in the text, most named first.")
    claims_count = serializers.IntegerField(
        read_only=True, help_text="Claims you may see: approved ones unless you are staff."
    )

    class Meta:
        model = Article
        fields = [
            "slug",
            "title",
            "dateline",
            "status",
            "published_at",
            "updated_at",
            "url",
            "actors",
            "claims_count",
        ]
        read_only_fields = fields

    @extend_schema_field(ActorRefSerializer(many=True))
    def get_actors(self, article):
        # Plain rows the view attaches (``ArticleViewSet.decorate``).
        return article.actor_refs

    @cached_property
    def _per_request(self) -> tuple:
        """The current time zone and the article URL around its slug: the
        same for every row of a page (a list's rows share this serializer)."""
        before, after = _article_url_around_slug(
            settings.NEWSROOM_SITE_URL, get_script_prefix(), get_urlconf()
        )
        return timezone.get_current_timezone(), before, after

    def to_representation(self, article):
        """The fields above, built directly: a list page renders twenty of
        these, and DRF's field-by-field walk cost more than its queries.
        ``tests/test_api_serializers.py`` holds it equal to the generic walk."""
        zone, before, after = self._per_request
        return {
            "slug": article.slug,
            "title": article.title,
            "dateline": article.dateline.isoformat() if article.dateline else None,
            "status": article.status,
            "published_at": iso_datetime(article.published_at, zone),
            "updated_at": iso_datetime(article.updated_at, zone),
            "url": before + article.slug + after,
            "actors": article.actor_refs,
            "claims_count": article.claims_count,
        }


# Where the story came from (ingest): shown on an article's detail.
SOURCE_FIELDS = ["source_url", "publisher", "byline", "source_published_at"]


def source_fields(article: Article) -> dict:
    return {
        "source_url": article.source_url,
        "publisher": article.publisher,
        "byline": article.byline,
        "source_published_at": iso_datetime(article.source_published_at),
    }


class CorrectionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Correction
        fields = ["body", "created_at"]
        read_only_fields = fields


class ArticleDetailSerializer(ArticleSerializer):
    """One article with its claims and corrections; a retracted article is, to
    anyone outside the desk, its tombstone: what it was, when and why it went."""

    claims = ClaimSerializer(source="visible_claims", many=True, read_only=True)
    corrections = CorrectionSerializer(many=True, read_only=True)
    # A string, not a URL field: "" (not from the web) is not a valid "uri".
    source_url = serializers.CharField(
        read_only=True, help_text="The story's canonical URL; empty if it is not from the web."
    )

    class Meta(ArticleSerializer.Meta):
        fields = [
            *ArticleSerializer.Meta.fields,
            *SOURCE_FIELDS,
            "text_updated_at",
            "retracted_at",
            "retraction_reason",
            "corrections",
            "body",
            "claims",
        ]
        read_only_fields = fields
        extra_kwargs = {
            "body": {"help_text": "Null in a retracted article's tombstone.", "allow_null": True},
            "text_updated_at": {
                "help_text": "When a re-import last changed the published text, if it did."
            },
        }

    def to_representation(self, article):
        if article.is_retracted and not self.context.get("staff"):
            return self.tombstone(article)
        data = super().to_representation(article)
        data.update(source_fields(article))
        data["text_updated_at"] = iso_datetime(article.text_updated_at)
        data["retracted_at"] = iso_datetime(article.retracted_at)
        data["retraction_reason"] = article.retraction_reason
        data["corrections"] = self.fields["corrections"].to_representation(
            article.corrections.all()
        )
        data["body"] = article.body
        data["claims"] = self.fields["claims"].to_representation(article.visible_claims)
        return data

    def tombstone(self, article) -> dict:
        """The same shape, with the withdrawn text, claims and actors left empty."""
        return {
            "slug": article.slug,
            "title": article.title,
            "dateline": article.dateline.isoformat() if article.dateline else None,
            "status": article.status,
            "published_at": iso_datetime(article.published_at),
            "updated_at": iso_datetime(article.updated_at),
            "url": article_url(article),
            "actors": [],
            "claims_count": 0,
            **source_fields(article),
            "text_updated_at": None,
            "retracted_at": iso_datetime(article.retracted_at),
            "retraction_reason": article.retraction_reason,
            "corrections": self.fields["corrections"].to_representation(article.corrections.all()),
            "body": None,
            "claims": [],
        }


# ---------------------------------------------------------------- workflow


class VersionedSerializer(serializers.Serializer):
    version = serializers.IntegerField(
        required=False,
        min_value=1,
        help_text="The claim's version as you read it; a newer one is refused with 409.",
    )


def assignee_field(help_text: str) -> serializers.SlugRelatedField:
    """An optional active user, by username."""
    return serializers.SlugRelatedField(
        slug_field="username",
        queryset=get_user_model().objects.filter(is_active=True),
        required=False,
        help_text=help_text,
    )


class AssignSerializer(VersionedSerializer):
    assignee = assignee_field(
        "Username of the fact-checker to take the claim; yourself if left out."
    )


class VerdictSerializer(VersionedSerializer):
    rating = serializers.ChoiceField(choices=Claim.Rating.choices)
    summary = serializers.CharField(max_length=5000)
    sources = SourceSerializer(many=True)


class SendBackSerializer(VersionedSerializer):
    comment = serializers.CharField(max_length=5000)


class DismissSerializer(VersionedSerializer):
    reason = serializers.CharField(max_length=5000)


class ReopenSerializer(VersionedSerializer):
    reason = serializers.CharField(
        max_length=5000, help_text="Why the verdict is revised; readers see it with the update."
    )
    assignee = assignee_field("Who revises it; the claim's fact-checker if left out.")


class CheckworthinessSerializer(VersionedSerializer):
    checkworthiness = serializers.FloatField(min_value=0, max_value=1)
    reason = serializers.CharField(
        max_length=5000,
        required=False,
        default="",
        help_text="Required to lower an open claim below the publish gate.",
    )


class CorrectSerializer(serializers.Serializer):
    body = serializers.CharField(
        max_length=MAX_NOTICE_CHARS,
        help_text="What was wrong and what is right now, for readers.",
    )


class RetractSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=MAX_NOTICE_CHARS, help_text="Why, for readers.")


class NoteSerializer(serializers.ModelSerializer):
    article = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Article.objects.all(),
        required=False,
        allow_null=True,
        help_text="Slug of the article the note is on (or give a claim).",
    )
    claim = serializers.PrimaryKeyRelatedField(
        queryset=Claim.objects.all(),
        required=False,
        allow_null=True,
        help_text="Id of the claim the note is on (or give an article).",
    )
    author = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = EditorNote
        fields = ["id", "article", "claim", "body", "author", "created_at"]
        read_only_fields = ["id", "author", "created_at"]

    def validate(self, attrs):
        if bool(attrs.get("article")) == bool(attrs.get("claim")):
            raise serializers.ValidationError("Give either an article or a claim, not both.")
        return attrs


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(help_text="Send as `Authorization: Token <token>`.")
    expiry = serializers.DateTimeField(help_text="When the token stops working.")


class ErrorSerializer(serializers.Serializer):
    """Every refusal: a reason for people, a code for programs."""

    detail = serializers.CharField(help_text="Why, in words.")
    code = serializers.CharField(help_text="Why, as a stable code.")
    errors = serializers.DictField(
        required=False,
        help_text="Invalid input: the messages for each field, nested as the input is.",
    )
    blocking_claims = serializers.ListField(
        child=serializers.IntegerField(),
        required=False,
        help_text="Publish refused: the claims that must be approved or dismissed first.",
    )
