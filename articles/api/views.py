"""The API's endpoints: reads of articles, claims and actors for everyone,
workflow verbs for the desk.

Reads start from the models' ``visible_to`` querysets (``public_actors`` for
actors), so anything a caller may not see answers 404 exactly like something
that does not exist. Verbs call the same workflow services as the admin; every
rule and refusal comes from there.
"""

from __future__ import annotations

from django.db.models import Count, F, Prefetch, Q
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from knox.auth import TokenAuthentication
from knox.models import AuthToken
from rest_framework import mixins, status, viewsets
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.decorators import action
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from ..claimreview import claim_review
from ..models import Actor, ActorMention, Article, Claim
from ..selectors import public_actors
from ..services import workflow
from . import schema, serializers
from .conditional import Validators
from .filters import ActorFilter, ArticleFilter, ClaimFilter
from .permissions import IsDeskStaff
from .renderers import JSONLDRenderer
from .throttling import LoginRateThrottle


def is_staff(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.is_staff)


class ReadViewSet(viewsets.ReadOnlyModelViewSet):
    """A read-only resource with conditional GET and a fixed number of queries.

    Subclasses give ``get_queryset`` (what the caller may see, unadorned, for
    filtering and counting), ``for_display`` (the annotations and prefetches
    the serializers read) and ``changed_at`` (the timestamps one object's
    representation depends on). The workflow services keep those timestamps
    honest: a verdict touches its article and speaker, publishing touches the
    article's claims, a merge or rename touches what shows the actor.
    """

    workflow_actions: frozenset[str] = frozenset()

    @property
    def staff(self) -> bool:
        return is_staff(self.request.user)

    @property
    def audience(self) -> str:
        return "staff" if self.staff else "public"

    def get_serializer_context(self):
        return super().get_serializer_context() | {"staff": self.staff}

    def get_permissions(self):
        if self.action in self.workflow_actions:
            return [IsDeskStaff()]
        return [AllowAny()]

    def for_display(self, queryset):
        return queryset

    def decorate(self, objects: list) -> None:
        """Attach to a page (or one object) what ``for_display`` cannot prefetch
        cheaply; one query per page at most."""

    def get_object(self):
        # No filters on a detail: a query string must not turn an object into a 404.
        lookup = self.lookup_url_kwarg or self.lookup_field
        obj = get_object_or_404(
            self.for_display(self.get_queryset()), **{self.lookup_field: self.kwargs[lookup]}
        )
        self.check_object_permissions(self.request, obj)
        self.decorate([obj])
        return obj

    def list(self, request, *args, **kwargs):
        # The page's own representation is its ETag: correct by construction,
        # and its cost grows with the page, never with the whole table.
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(self.for_display(queryset))
        self.decorate(page)
        response = self.get_paginated_response(self.get_serializer(page, many=True).data)
        stamps = [stamp for obj in page for stamp in self.changed_at(obj)]
        validators = Validators.from_data([self.audience, response.data], *stamps)
        if (not_modified := validators.not_modified(request)) is not None:
            return not_modified
        return validators.stamp(response)

    def retrieve(self, request, *args, **kwargs):
        return self.conditional_response(self.get_object())

    def conditional_response(self, obj, data=None):
        if data is None:
            data = self.get_serializer(obj).data
        validators = Validators.from_data([self.audience, data], *self.changed_at(obj))
        if (not_modified := validators.not_modified(self.request)) is not None:
            return not_modified
        return validators.stamp(Response(data))

    def changed_at(self, obj) -> list:
        return [obj.updated_at]


# ---------------------------------------------------------------- articles

# The columns a listed article's JSON comes from (``ArticleSerializer``; its
# ``url`` is made from the slug, its ``actors`` by ``decorate``).
LIST_COLUMNS = tuple(
    name for name in serializers.ArticleSerializer.Meta.fields if name not in {"url", "actors"}
)


class ListedArticle:
    """An article of a list page, from its ``values()`` row: what
    ``ArticleSerializer`` reads, ``changed_at`` stamps with and ``decorate``
    fills (``actor_refs``), and nothing else."""

    __slots__ = ("pk", *LIST_COLUMNS, "actor_refs")

    def __init__(self, row: dict):
        for name, value in row.items():
            setattr(self, name, value)
        self.actor_refs = []


@schema.read_endpoints(
    listing=("Articles", "Published articles, newest first; staff see every article."),
    one=(
        "One article with its claims",
        "Anonymous callers see published articles and their approved claims only.",
    ),
    serializer=serializers.ArticleSerializer,
    detail=serializers.ArticleDetailSerializer,
)
class ArticleViewSet(ReadViewSet):
    """Articles: published ones for everyone, all of them for the desk."""

    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"
    filterset_class = ArticleFilter
    workflow_actions = frozenset({"publish", "correct", "retract"})

    def get_queryset(self):
        if self.action == "retrieve" and not self.staff:
            return Article.objects.on_record()  # a retracted one answers as its tombstone
        return Article.objects.visible_to(self.request.user)


    def get_serializer_class(self):
        if self.action == "list":
            return serializers.ArticleSerializer
        return serializers.ArticleDetailSerializer

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        if self.action != "list" or page is None:
            return page
        return [ListedArticle(row) for row in page]

    def visible_claims(self):
        return Claim.objects.all() if self.staff else Claim.objects.approved()

    def for_display(self, queryset):
        queryset = queryset.with_claims_count(approved_only=not self.staff)
        # Readers' lists walk the published_at index; only the desk's list has
        # unpublished rows to put last.
        newest = F("published_at").desc(nulls_last=True) if self.staff else "-published_at"
        queryset = queryset.order_by(newest, "-created_at", "-id")
        if self.action == "list":
            # Plain rows of what ``ArticleSerializer`` and ``changed_at`` read
            # (``paginate_queryset`` wraps them): every column more is a value
            # to fetch and convert on each row, and a model instance per row
            # costs more than the page's serializing.
            return queryset.values("pk", *LIST_COLUMNS)
        return queryset.prefetch_related(
            Prefetch(
                "claims",
                queryset=self.visible_claims().select_related("speaker").order_by("start", "id"),
                to_attr="visible_claims",
            ),
            "corrections",
        )

    def decorate(self, articles):
        """Each article's actors, most named first, as plain rows: a page names
        over a hundred, and model instances for them cost more than the rest
        of the page together."""
        by_article = {article.pk: article for article in articles}
        for article in articles:
            article.actor_refs = []
        if not by_article:
            return
        mentions = (
            ActorMention.objects.filter(article_id__in=by_article)
            .order_by("-count", "actor__name", "pk")
            .values_list("article_id", "actor__slug", "actor__name", "actor__kind")
        )
        for article_id, slug, name, kind in mentions:
            by_article[article_id].actor_refs.append({"slug": slug, "name": name, "kind": kind})

    def changed_at(self, article):
        # An actor's name or kind changing touches the articles naming it
        # (``actors_touch``), so their own stamps stand for their actors.
        return [
            article.updated_at,
            *(claim.updated_at for claim in getattr(article, "visible_claims", ())),
        ]

    @extend_schema(
        summary="Publish an article",
        description="Editors only. Refused (400, `publish_blocked`) while check-worthy "
        "claims are unresolved; their ids are in `blocking_claims`.",
        request=None,
        responses=schema.workflow_responses(serializers.ArticleDetailSerializer),
    )
    @action(detail=True, methods=["post"])
    def publish(self, request, slug=None):
        workflow.article_publish(article=self.get_object(), by=request.user)
        return Response(self.get_serializer(self.get_object()).data)

    def run_article_verb(self, service, request, body_serializer, **fixed):
        body = body_serializer(data=request.data)
        body.is_valid(raise_exception=True)
        service(article=self.get_object(), by=request.user, **body.validated_data, **fixed)
        return Response(self.get_serializer(self.get_object()).data)

    @extend_schema(
        summary="Correct a published article",
        description="Editors only: a dated correction readers see under the article.",
        request=serializers.CorrectSerializer,
        responses=schema.workflow_responses(serializers.ArticleDetailSerializer),
    )
    @action(detail=True, methods=["post"])
    def correct(self, request, slug=None):
        return self.run_article_verb(
            workflow.article_correct, request, serializers.CorrectSerializer
        )

    @extend_schema(
        summary="Retract a published article",
        description="Editors only: readers then see a retraction notice with the reason, "
        "and anonymous API callers a tombstone.",
        request=serializers.RetractSerializer,
        responses=schema.workflow_responses(serializers.ArticleDetailSerializer),
    )
    @action(detail=True, methods=["post"])
    def retract(self, request, slug=None):
        return self.run_article_verb(
            workflow.article_retract, request, serializers.RetractSerializer
        )


# ---------------------------------------------------------------- claims


@schema.read_endpoints(
    listing=(
        "Claims",
        "Approved verdicts on published articles, latest verdict first; staff see every claim.",
    ),
    one=("One claim", "Anonymous callers see approved verdicts on published articles only."),
    serializer=serializers.ClaimSerializer,
)
class ClaimViewSet(ReadViewSet):
    """Claims: approved verdicts on published articles for everyone, every claim
    and the workflow verbs for the desk."""

    serializer_class = serializers.ClaimSerializer
    filterset_class = ClaimFilter
    # Digits only, and no more than a bigint holds: anything else is a 404 from
    # the router, never a ValueError (a 500) in the lookup.
    lookup_value_regex = "[0-9]{1,18}"
    workflow_actions = frozenset(
        {
            "assign",
            "verdict",
            "approve",
            "send_back",
            "dismiss",
            "reopen",
            "checkworthiness",
            "confirm_lowering",
        }
    )

    def get_queryset(self):
        return Claim.objects.visible_to(self.request.user)

    def for_display(self, queryset):
        # Readers see reviewed claims only: their order walks the verdicts index.
        latest = F("reviewed_at").desc(nulls_last=True) if self.staff else "-reviewed_at"
        return (
            queryset.select_related("article", "speaker")
            # Of the article, a claim shows its slug and dates: never its text.
            .defer("article__body", "article__search_document")
            .order_by(latest, "-id")
        )

    def changed_at(self, claim):
        speaker = claim.speaker
        return [claim.updated_at, claim.article.updated_at, speaker and speaker.updated_at]

    @extend_schema(
        summary="A claim's ClaimReview",
        description="The verdict as schema.org ClaimReview (JSON-LD), as the reader's "
        "claim page embeds it. Ratings map false..true to 1..5; an unverifiable "
        "verdict carries only its name.",
        parameters=schema.CONDITIONAL_REQUEST,
        responses=schema.detail_responses(schema.CLAIM_REVIEW),
    )
    @action(
        detail=True,
        url_path="claimreview",
        renderer_classes=[JSONLDRenderer, JSONRenderer],
    )
    def claimreview(self, request, pk=None):
        claim = self.get_object()
        return self.conditional_response(claim, data=claim_review(claim))

    # -- workflow verbs

    def run_verb(self, service, request, body_serializer):
        """Validate the body, call the workflow ``service``, answer with the claim."""
        claim = self.get_object()
        body = body_serializer(data=request.data)
        body.is_valid(raise_exception=True)
        arguments = dict(body.validated_data)
        expected_version = arguments.pop("version", None)
        service(claim=claim, by=request.user, expected_version=expected_version, **arguments)
        return Response(self.get_serializer(self.get_object()).data)

    @extend_schema(
        summary="Assign a claim",
        description="Fact-checkers take a claim (`assignee` left out) or editors give it "
        "to a fact-checker.",
        request=serializers.AssignSerializer,
        responses=schema.workflow_responses(serializers.ClaimSerializer),
    )
    @action(detail=True, methods=["post"])
    def assign(self, request, pk=None):
        return self.run_verb(workflow.claim_assign, request, serializers.AssignSerializer)

    @extend_schema(
        summary="Propose a verdict",
        description="The assigned fact-checker proposes a rating, a summary and sources; "
        "another person must approve it.",
        request=serializers.VerdictSerializer,
        responses=schema.workflow_responses(serializers.ClaimSerializer),
    )
    @action(detail=True, methods=["post"])
    def verdict(self, request, pk=None):
        return self.run_verb(workflow.claim_propose_verdict, request, serializers.VerdictSerializer)

    @extend_schema(
        summary="Approve a proposed verdict",
        description="Editors only, and never the person who proposed it (two-person rule).",
        request=serializers.VersionedSerializer,
        responses=schema.workflow_responses(serializers.ClaimSerializer),
    )
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        return self.run_verb(workflow.claim_approve, request, serializers.VersionedSerializer)

    @extend_schema(
        summary="Send a proposed verdict back",
        description="Editors only: the claim returns to review with the comment.",
        request=serializers.SendBackSerializer,
        responses=schema.workflow_responses(serializers.ClaimSerializer),
    )
    @action(detail=True, methods=["post"], url_path="send-back")
    def send_back(self, request, pk=None):
        return self.run_verb(workflow.claim_send_back, request, serializers.SendBackSerializer)

    @extend_schema(
        summary="Dismiss a claim",
        description="Editors only: the claim is not worth a verdict, for the reason given.",
        request=serializers.DismissSerializer,
        responses=schema.workflow_responses(serializers.ClaimSerializer),
    )
    @action(detail=True, methods=["post"])
    def dismiss(self, request, pk=None):
        return self.run_verb(workflow.claim_dismiss, request, serializers.DismissSerializer)

    @extend_schema(
        summary="Reopen an approved verdict",
        description="Editors only, with a reason. Readers keep the approved verdict while "
        "the revision is proposed and approved (two-person rule); then they see the "
        "revised one with an update note.",
        request=serializers.ReopenSerializer,
        responses=schema.workflow_responses(serializers.ClaimSerializer),
    )
    @action(detail=True, methods=["post"])
    def reopen(self, request, pk=None):
        return self.run_verb(workflow.claim_reopen, request, serializers.ReopenSerializer)

    @extend_schema(
        summary="Change a claim's check-worthiness",
        description="Editors only. Lowering an open claim below the publish gate needs a "
        "`reason`, and keeps the article blocked until a second editor confirms it.",
        request=serializers.CheckworthinessSerializer,
        responses=schema.workflow_responses(serializers.ClaimSerializer),
    )
    @action(detail=True, methods=["post"])
    def checkworthiness(self, request, pk=None):
        def update(*, claim, by, expected_version, checkworthiness, reason):
            workflow.claim_update(
                claim=claim,
                by=by,
                changes={"checkworthiness": checkworthiness},
                reason=reason,
                expected_version=expected_version,
            )

        return self.run_verb(update, request, serializers.CheckworthinessSerializer)

    @extend_schema(
        summary="Confirm a lowering below the gate",
        description="A second editor, not the one who lowered it, agrees the claim need "
        "not be checked before publication.",
        request=serializers.VersionedSerializer,
        responses=schema.workflow_responses(serializers.ClaimSerializer),
    )
    @action(detail=True, methods=["post"], url_path="confirm-lowering")
    def confirm_lowering(self, request, pk=None):
        return self.run_verb(
            workflow.claim_confirm_lowering, request, serializers.VersionedSerializer
        )


# ---------------------------------------------------------------- actors


@schema.read_endpoints(
    listing=(
        "Actors",
        "People, organisations and countries named in published articles "
        "(staff: all), each with their verdict record.",
    ),
    one=("One actor", "With aliases and the verdict record of their claims."),
    serializer=serializers.ActorSerializer,
)
class ActorViewSet(ReadViewSet):
    """Actors named in published articles (all of them for the desk)."""

    serializer_class = serializers.ActorSerializer
    filterset_class = ActorFilter
    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"

    def get_queryset(self):
        return Actor.objects.all() if self.staff else public_actors()

    def counted_claims(self) -> Q:
        """The claims an actor's verdict record counts, as seen by this caller."""
        approved = Q(claims__status=Claim.Status.APPROVED)
        if self.staff:
            return approved
        return approved & Q(
            claims__article__status=Article.Status.PUBLISHED,
            claims__article__published_at__isnull=False,
        )

    def for_display(self, queryset):
        counted = self.counted_claims()
        return (
            queryset.annotate(
                **{
                    serializers.verdict_attr(rating): Count(
                        "claims", filter=counted & Q(claims__rating=rating)
                    )
                    for rating in Claim.Rating.values
                }
            )
            .prefetch_related("aliases")
            .order_by("name", "id")
        )

    def changed_at(self, actor):
        return [actor.updated_at]


# ---------------------------------------------------------------- notes and tokens


@extend_schema_view(
    create=extend_schema(
        summary="Leave a note",
        description="A note from the desk on an article or on one claim, never shown to readers.",
        responses=schema.workflow_responses(serializers.NoteSerializer, success=201),
    )
)
class NoteViewSet(mixins.CreateModelMixin, viewsets.GenericViewSet):
    """Desk notes: written here, read in the admin."""

    serializer_class = serializers.NoteSerializer
    permission_classes = [IsDeskStaff]

    def perform_create(self, serializer):
        data = serializer.validated_data
        serializer.instance = workflow.note_create(
            by=self.request.user,
            body=data["body"],
            article=data.get("article"),
            claim=data.get("claim"),
        )


@extend_schema_view(
    post=extend_schema(
        summary="Get an API token",
        description="Exchange a username and password for a new token to send as "
        "`Authorization: Token <token>`. Each login gives a new token, valid until "
        "`expiry`; changing the password or deactivating the account revokes them "
        "all. Repeated failures lock the account and the address out for a while (429).",
        request=AuthTokenSerializer,
        responses={
            200: serializers.TokenSerializer,
            400: OpenApiResponse(serializers.ErrorSerializer, description="Wrong credentials."),
            429: schema.THROTTLED,
        },
        auth=[],
    ),
    delete=extend_schema(
        summary="Revoke this token",
        description="Log out: the token sent with this request stops working at once.",
        request=None,
        responses={
            204: OpenApiResponse(description="Revoked."),
            401: OpenApiResponse(serializers.ErrorSerializer, description="No valid token."),
        },
    ),
)
class TokenView(GenericAPIView):
    """Tokens for the desk: made on login (``POST``), revoked on logout (``DELETE``)."""

    serializer_class = AuthTokenSerializer

    @property
    def logging_in(self) -> bool:
        # The schema generator asks without a request: it documents both verbs.
        return getattr(self.request, "method", None) == "POST"

    def get_authenticators(self):
        # Logging in never needs credentials; logging out needs the token itself.
        return [] if self.logging_in else [TokenAuthentication()]

    def get_permissions(self):
        return [AllowAny()] if self.logging_in else [IsAuthenticated()]

    def get_throttles(self):
        # Counted per address before the password is hashed (see LoginRateThrottle).
        return [LoginRateThrottle()] if self.logging_in else []

    def post(self, request, *args, **kwargs):
        body = self.get_serializer(data=request.data)
        if not body.is_valid():
            if _locked_out(request):
                return Response(
                    {
                        "detail": "Too many failed logins: try again later.",
                        "code": "locked_out",
                    },
                    status=status.HTTP_429_TOO_MANY_REQUESTS,
                )
            body.is_valid(raise_exception=True)
        token, key = AuthToken.objects.create(user=body.validated_data["user"])
        return Response({"token": key, "expiry": token.expiry}, status=status.HTTP_200_OK)

    def delete(self, request, *args, **kwargs):
        request.auth.delete()
        return Response(status=status.HTTP_204_NO_CONTENT)


def _locked_out(request) -> bool:
    """django-axes refused the login unchecked (too many failures)."""
    return bool(
        getattr(request, "axes_locked_out", False)
        or getattr(request._request, "axes_locked_out", False)
    )
