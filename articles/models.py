"""The desk's records: articles, the actors they name, the claims they carry,
and the work editors do on them (verdicts, notes, audit events, corrections).

Business rules that touch several rows live in ``articles.services``; rules that
must never break are database constraints here.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Case, Count, Exists, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, Length
from django.db.models.lookups import Exact
from django.urls import reverse
from django.utils import timezone

from .text import cut_at_word

# ---------------------------------------------------------------- querysets


class SearchableManager(models.Manager):
    """Leaves the full-text document out of every query: only the database's
    search reads it, and it is as long as the text it indexes."""

    def get_queryset(self):
        return super().get_queryset().defer("search_document")


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """What readers and anonymous API consumers may see."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__isnull=False)

    def retracted(self):
        """Withdrawn after publication: readers see a notice in their place."""
        return self.filter(status=Article.Status.RETRACTED, published_at__isnull=False)

    def on_record(self):
        """Published or retracted: what the public record holds, as the article
        or as its retraction notice."""
        return self.filter(
            status__in=[Article.Status.PUBLISHED, Article.Status.RETRACTED],
            published_at__isnull=False,
        )

    def needing_recheck(self, threshold: float | None = None):
        """Published articles whose current text carries claims that block the
        gate: a re-import brought new check-worthy statements after publication."""
        blocking = Claim.objects.filter(article=OuterRef("pk")).blocking_publication(threshold)
        return self.published().filter(Exists(blocking))

    def visible_to(self, user):
        if user is not None and user.is_active and user.is_staff:
            return self
        return self.published()

    def with_claims_count(self, *, name: str = "claims_count", approved_only: bool = True):
        """Each article's number of claims (approved ones only, by default).

        A subquery per row rather than a join and GROUP BY: a page of 20 then
        counts 20 articles' claims, not the whole table's, and the paginator's
        COUNT leaves it out entirely.
        """
        claims = Claim.objects.filter(article=OuterRef("pk"))
        if approved_only:
            claims = claims.filter(status=Claim.Status.APPROVED)
        per_article = claims.order_by().values("article").annotate(n=Count("pk")).values("n")
        return self.annotate(**{name: Coalesce(Subquery(per_article), 0)})


class ActorQuerySet(models.QuerySet):
    def with_public_claims(self):
        return self.filter(
            claims__status=Claim.Status.APPROVED,
            claims__article__status=Article.Status.PUBLISHED,
        ).distinct()


class ClaimQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Claim.Status.APPROVED)

    def current(self):
        """Claims in the article's current text (not superseded by a re-import)."""
        return self.filter(superseded_at__isnull=True)

    def superseded(self):
        """Claims whose sentence changed or went in a later revision of the text,
        kept with their editor work."""
        return self.filter(superseded_at__isnull=False)

    def public(self):
        """Approved verdicts on published articles: the reader's record (a
        superseded verdict included: it was published, and stays on the record)."""
        return self.approved().filter(
            article__status=Article.Status.PUBLISHED, article__published_at__isnull=False
        )

    def on_record(self):
        """``public()`` and the verdicts of retracted articles, whose pages
        answer with the retraction notice instead of a 404."""
        return self.approved().filter(
            article__status__in=[Article.Status.PUBLISHED, Article.Status.RETRACTED],
            article__published_at__isnull=False,
        )

    def visible_to(self, user):
        if user is not None and user.is_active and user.is_staff:
            return self
        return self.public()

    def resolved(self):
        return self.filter(status__in=Claim.RESOLVED_STATUSES)

    def unresolved(self):
        return self.exclude(status__in=Claim.RESOLVED_STATUSES)

    def needs_review(self):
        return self.filter(status__in=[Claim.Status.NEW, Claim.Status.IN_REVIEW])

    def blocking_publication(self, threshold: float | None = None):
        """Claims that keep their article unpublished until resolved: current,
        unresolved and at or above the gate, or lowered below it by one editor
        and not yet confirmed by a second (the two-person rule for the gate)."""
        if threshold is None:
            threshold = settings.NEWSROOM_PUBLISH_THRESHOLD
        lowered_unconfirmed = Q(lowered_by__isnull=False, lowered_confirmed_by__isnull=True)
        return (
            self.current()
            .unresolved()
            .filter(Q(checkworthiness__gte=threshold) | lowered_unconfirmed)
        )


# ---------------------------------------------------------------- articles


class Article(models.Model):
    """One news text as imported, and where it stands on its way to readers.

    The body is stored exactly as extracted, since claim and mention offsets
    point into it; editors never edit it in place (a changed source file is
    re-imported instead).
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_REVIEW = "in_review", "In review"
        PUBLISHED = "published", "Published"
        RETRACTED = "retracted", "Retracted"

    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=120, unique=True)
    body = models.TextField(help_text="The text as imported; claim offsets point into it.")
    dateline = models.DateField(
        null=True, blank=True, help_text="The date the story gives for its events."
    )
    source_path = models.CharField(
        max_length=500, help_text="Where the importer last read this text."
    )
    source_key = models.CharField(
        max_length=300,
        unique=True,
        help_text="Folder and file name of the source: a changed file updates its article.",
    )
    content_hash = models.CharField(
        max_length=64, db_index=True, help_text="SHA-256 of the body as imported."
    )
    extractor_version = models.CharField(max_length=40, blank=True)
    # Where the story came from, as its page or wire document says (ingest).
    source_url = models.URLField(
        max_length=1000, blank=True, help_text="The story's canonical URL, if it came from the web."
    )
    publisher = models.CharField(
        max_length=200, blank=True, help_text="The site or agency that published the story."
    )
    byline = models.CharField(max_length=300, blank=True, help_text="Who wrote the story.")
    source_published_at = models.DateTimeField(
        null=True, blank=True, help_text="When the publisher published the story (not the desk)."
    )
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    retracted_at = models.DateTimeField(null=True, blank=True)
    retraction_reason = models.TextField(blank=True)
    text_updated_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When a re-import last changed the text of the published article "
        "(readers see \u201cUpdated on\u201d).",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    actors = models.ManyToManyField(
        "Actor", through="ActorMention", related_name="articles", blank=True
    )

    search_document = SearchVectorField(
        null=True,
        editable=False,
        help_text=("Full-text document (PostgreSQL keeps it with a trigger; see articles.search)."),
    )

    objects = SearchableManager.from_queryset(ArticleQuerySet)()

    class Meta:
        ordering = ["-published_at", "-created_at", "-id"]
        indexes = [
            # Readers' lists, newest first, and their counts: only published
            # rows, and the id in the index, so a count or a join to mentions
            # reads the index alone (an index-only scan) and not the table.
            models.Index(
                fields=["-published_at", "-id"],
                condition=Q(status="published", published_at__isnull=False),
                name="article_readers_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="article_published_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status="retracted") | ~Q(retraction_reason=""),
                name="article_retraction_has_reason",
            ),
        ]
        permissions = [
            ("publish_article", "Can publish, correct and retract articles"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("articles:article_detail", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_retracted(self) -> bool:
        return self.status == self.Status.RETRACTED

    @property
    def updated_after_publication(self) -> bool:
        return bool(
            self.published_at and self.text_updated_at and self.text_updated_at > self.published_at
        )


class ArticleRevision(models.Model):
    """One imported version of an article's text, kept whole.

    The article holds the current text; every import that changed it adds a
    revision, so a claim superseded by a later text still points into the
    words it was checked against.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(help_text="1 for the first import, then 2, 3, ...")
    title = models.CharField(max_length=300)
    body = models.TextField()
    content_hash = models.CharField(max_length=64)
    source_path = models.CharField(max_length=500)
    extractor_version = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["article", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="revision_unique_number"),
        ]

    def __str__(self):
        return f"{self.article} (revision {self.number}, {self.created_at:%Y-%m-%d %H:%M})"


class Correction(models.Model):
    """A dated correction to a published article, shown to readers."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="corrections")
    body = models.TextField(help_text="What was wrong and what is right now, for readers.")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"Correction to {self.article} on {self.created_at:%Y-%m-%d}"


# ---------------------------------------------------------------- actors


class Actor(models.Model):
    """A person, organisation or country, one record across all articles.

    The importer links mentions by name and alias before creating actors, so a
    merge or a confirmed alias made by an editor holds on later imports.
    """

    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        ORGANIZATION = "organization", "Organisation"
        COUNTRY = "country", "Country"

    name = models.CharField(max_length=200, help_text="Canonical, fullest form of the name.")
    slug = models.SlugField(max_length=220, unique=True)
    kind = models.CharField(max_length=12, choices=Kind.choices, db_index=True)
    role = models.CharField(max_length=200, blank=True, help_text="Title or office, if any.")
    public_role = models.CharField(
        max_length=200,
        blank=True,
        help_text="The title readers see: from a published article, or confirmed by an editor "
        "(a draft's never shows).",
    )
    surname_key = models.CharField(
        max_length=100,
        blank=True,
        db_index=True,
        editable=False,
        help_text="Lower-cased last name of a person, to link a later surname-only mention.",
    )
    confirmed = models.BooleanField(
        default=False, help_text="An editor has checked the name, kind and aliases."
    )
    machine_extracted = models.BooleanField(default=True)
    extractor_version = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ActorQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["name", "kind"], name="actor_unique_name_kind"),
        ]
        permissions = [("merge_actor", "Can merge actors")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:actor_detail", kwargs={"slug": self.slug})

    @property
    def alias_names(self) -> list[str]:
        """Other forms of the name (uses prefetched aliases when present)."""
        return [a.name for a in self.aliases.all() if a.name != self.name]

    @property
    def public_alias_names(self) -> list[str]:
        """The forms readers may see: those a published article used, or an editor confirmed."""
        return [a.name for a in self.aliases.all() if a.public and a.name != self.name]


def name_key(name: str) -> str:
    """The form under which names are compared: case, curly quotes and spacing folded."""
    name = name.replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(name.split()).casefold()


class ActorAlias(models.Model):
    """One form of an actor's name ("Blair", "Mr Blair", "Tony Blair").

    The importer looks names up here before it creates an actor; a merge moves
    the merged actor's forms here, so later imports land on the survivor.
    """

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    key = models.CharField(max_length=200, db_index=True, editable=False)
    confirmed = models.BooleanField(default=False, help_text="Added or checked by an editor.")
    public = models.BooleanField(
        default=False,
        help_text="Used by a published article or confirmed by an editor: readers may see it.",
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "actor aliases"
        constraints = [
            models.UniqueConstraint(fields=["actor", "key"], name="alias_unique_per_actor"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.key = name_key(self.name)
        super().save(*args, **kwargs)


class ActorMention(models.Model):
    """Where an actor is named in one article."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions")
    # Indexed with the article (Meta.indexes): an actor's articles from the index alone.
    actor = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="mentions", db_index=False
    )
    count = models.PositiveIntegerField(default=0)
    offsets = models.JSONField(
        default=list, blank=True, help_text="[start, end] pairs in the body."
    )
    forms = models.JSONField(
        default=list, blank=True, help_text="The forms of the name this article used."
    )
    role = models.CharField(
        max_length=200, blank=True, help_text="The title this article gave the actor."
    )

    class Meta:
        ordering = ["article", "-count", "actor__name"]
        indexes = [
            models.Index(fields=["actor", "article"], name="mention_actor_article_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["article", "actor"], name="mention_unique_per_article"),
        ]

    def __str__(self):
        return f"{self.actor} in {self.article} ({self.count})"


# ---------------------------------------------------------------- claims


class Claim(models.Model):
    """A statement in an article that the desk may check.

    Its place in the text (``start``/``end``) is fixed at import; the verdict
    fields are filled through the workflow services, never directly.
    """

    class Kind(models.TextChoices):
        QUOTE = "quote", "Direct quote"
        ATTRIBUTED = "attributed", "Attributed statement"
        FACTUAL = "factual", "Factual statement"

    class Status(models.TextChoices):
        NEW = "new", "New"
        IN_REVIEW = "in_review", "In review"
        PROPOSED = "proposed", "Verdict proposed"
        APPROVED = "approved", "Approved"
        DISMISSED = "dismissed", "Dismissed"

    class Rating(models.TextChoices):
        TRUE = "true", "True"
        MOSTLY_TRUE = "mostly-true", "Mostly true"
        MIXED = "mixed", "Mixed"
        MOSTLY_FALSE = "mostly-false", "Mostly false"
        FALSE = "false", "False"
        UNVERIFIABLE = "unverifiable", "Unverifiable"

    RESOLVED_STATUSES = (Status.APPROVED, Status.DISMISSED)

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="claims")
    kind = models.CharField(max_length=12, choices=Kind.choices, db_index=True)
    text = models.TextField(help_text="The whole sentence carrying the claim.")
    quote = models.TextField(blank=True, help_text="The quoted words only, for quotes.")
    speaker = models.ForeignKey(
        Actor, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims"
    )
    start = models.PositiveIntegerField(help_text="Offset of the sentence in the article body.")
    end = models.PositiveIntegerField()
    checkworthiness = models.FloatField(
        default=0.0, db_index=True, help_text="0 to 1: how much the claim needs checking."
    )
    fingerprint = models.CharField(
        max_length=64,
        editable=False,
        help_text="Hash of kind, sentence and quote: a re-import keeps work on unchanged claims.",
    )
    machine_extracted = models.BooleanField(default=True)
    extractor_version = models.CharField(max_length=40, blank=True)
    confirmed = models.BooleanField(
        default=False, help_text="An editor has confirmed the extraction (text, speaker, kind)."
    )

    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.NEW, db_index=True
    )
    rating = models.CharField(max_length=14, choices=Rating.choices, blank=True, db_index=True)
    verdict_summary = models.TextField(blank=True, help_text="The verdict, for readers.")
    sources = models.JSONField(
        default=list, blank=True, help_text="Sources of the verdict: [{url, title}]."
    )
    dismissed_reason = models.TextField(blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_claims",
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposed_claims",
    )
    proposed_at = models.DateTimeField(null=True, blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewed_claims",
        help_text="The editor who approved or dismissed the claim.",
    )
    # No index of its own: newest first, one on this column alone starts with
    # the NULLs of every claim not yet reviewed. claim_latest_verdicts_idx serves.
    reviewed_at = models.DateTimeField(null=True, blank=True)
    verdict_updated_at = models.DateTimeField(
        null=True, blank=True, help_text="When a revised verdict was last approved."
    )
    verdict_update_note = models.TextField(
        blank=True, help_text="What the latest revision of the verdict changed, for readers."
    )
    reopened_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Set while a revision of the approved verdict is under way; "
        "readers keep seeing the approved verdict until the revision is approved.",
    )
    revision = models.ForeignKey(
        ArticleRevision,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="claims",
        help_text="The revision of the text the offsets point into.",
    )
    superseded_at = models.DateTimeField(
        null=True,
        blank=True,
        db_index=True,
        help_text="When a re-import changed or removed the sentence; the claim is kept "
        "with its work.",
    )
    superseded_by = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supersedes",
        help_text="The claim in the new text that replaced this one, if there is one.",
    )
    lowered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The editor who lowered the check-worthiness below the publish gate.",
    )
    lowered_reason = models.TextField(blank=True)
    lowered_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The second editor who confirmed the lowering.",
    )
    version = models.PositiveIntegerField(
        default=1, help_text="Raised on every change; a stale save is refused."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    # Kept by the database, and indexed with the rest of the queue's order, so
    # the queue's first page is read off an index, never by sorting every claim.
    open_rank = models.GeneratedField(
        expression=Case(
            When(status__in=[str(s) for s in RESOLVED_STATUSES], then=Value(1)),
            default=Value(0),
        ),
        output_field=models.PositiveSmallIntegerField(),
        db_persist=True,
        help_text="0 while the claim is open, 1 once approved or dismissed: "
        "the desk queue's first sort key.",
    )

    search_document = SearchVectorField(
        null=True,
        editable=False,
        help_text=("Full-text document (PostgreSQL keeps it with a trigger; see articles.search)."),
    )

    objects = SearchableManager.from_queryset(ClaimQuerySet)()

    class Meta:
        ordering = ["article", "start", "id"]
        indexes = [
            models.Index(fields=["status", "-checkworthiness"], name="claim_queue_idx"),
            # The desk queue's order (articles.desk.QUEUE_ORDER): open claims first.
            models.Index(
                fields=["open_rank", "-checkworthiness", "article", "start", "id"],
                name="claim_queue_order_idx",
            ),
            # The desk lists by assignee ("mine", "unassigned"), counted from the index alone.
            models.Index(fields=["assignee", "status"], name="claim_assignee_status_idx"),
            models.Index(fields=["speaker", "rating"], name="claim_speaker_rating_idx"),
            # Latest verdicts first: the fact-checks index, feeds, the API's claim list.
            models.Index(fields=["status", "-reviewed_at"], name="claim_latest_verdicts_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="claim_end_after_start"),
            models.CheckConstraint(
                condition=Exact(Length("text"), F("end") - F("start")),
                name="claim_text_matches_offsets",
            ),
            models.CheckConstraint(
                condition=Q(checkworthiness__gte=0) & Q(checkworthiness__lte=1),
                name="claim_checkworthiness_0_1",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["proposed", "approved"]) | ~Q(rating=""),
                name="claim_verdict_has_rating",
            ),
            # The two-person rule, enforced by the database itself.
            models.CheckConstraint(
                condition=Q(reviewer__isnull=True)
                | Q(proposed_by__isnull=True)
                | ~Q(reviewer=F("proposed_by")),
                name="claim_two_person_rule",
            ),
            models.UniqueConstraint(
                fields=["article", "fingerprint"], name="claim_unique_per_article"
            ),
            models.CheckConstraint(
                condition=Q(lowered_by__isnull=True)
                | Q(lowered_confirmed_by__isnull=True)
                | ~Q(lowered_confirmed_by=F("lowered_by")),
                name="claim_lowering_two_person_rule",
            ),
            models.CheckConstraint(
                condition=Q(lowered_by__isnull=True) | ~Q(lowered_reason=""),
                name="claim_lowering_has_reason",
            ),
        ]
        permissions = [
            ("take_claim", "Can take claims and propose verdicts"),
            ("approve_claim", "Can approve, send back and dismiss verdicts"),
        ]

    def __str__(self):
        return cut_at_word(self.quote or self.text, 80)

    def get_absolute_url(self):
        return reverse("articles:claim_detail", kwargs={"pk": self.pk})

    @property
    def is_resolved(self) -> bool:
        return self.status in self.RESOLVED_STATUSES

    @property
    def is_superseded(self) -> bool:
        return self.superseded_at is not None

    @property
    def is_reopened(self) -> bool:
        return self.reopened_at is not None


def done_by(event) -> str:
    """An event in words: what, by whom, when."""
    who = event.user or "system"
    return f"{event.get_action_display()} by {who} at {event.created_at:%Y-%m-%d %H:%M}"


class ClaimEvent(models.Model):
    """One line of a claim's audit trail: who did what, when, from which state."""

    class Action(models.TextChoices):
        IMPORTED = "imported", "Imported"
        ASSIGNED = "assigned", "Assigned"
        PROPOSED = "proposed", "Verdict proposed"
        APPROVED = "approved", "Approved"
        SENT_BACK = "sent_back", "Sent back"
        DISMISSED = "dismissed", "Dismissed"
        REOPENED = "reopened", "Verdict reopened"
        UPDATED = "updated", "Revised verdict approved"
        EDITED = "edited", "Edited"
        LOWERED = "lowered", "Lowered below the gate"
        LOWERING_CONFIRMED = "lower_ok", "Lowering confirmed"
        SUPERSEDED = "superseded", "Superseded by a new text"
        RESTORED = "restored", "Back in the text"

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="events")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=12, choices=Action.choices)
    from_status = models.CharField(max_length=12, blank=True)
    to_status = models.CharField(max_length=12, blank=True)
    comment = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True, help_text="The verdict as it stood.")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return done_by(self)


class EditorNote(models.Model):
    """A note from the desk on an article or on one claim; never shown to readers."""

    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.CASCADE, related_name="notes"
    )
    claim = models.ForeignKey(
        Claim, null=True, blank=True, on_delete=models.CASCADE, related_name="notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="editor_notes"
    )
    body = models.TextField()
    resolved = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(article__isnull=False) & Q(claim__isnull=True))
                | (Q(article__isnull=True) & Q(claim__isnull=False)),
                name="note_on_article_xor_claim",
            ),
        ]

    def __str__(self):
        return cut_at_word(self.body, 60)


class ImportRun(models.Model):
    """One ingest job: a command run, an upload, pasted text, URLs, a feed poll
    or an API call; what it read, what it wrote, what failed and why.

    Counters move while the job runs (workers add to them atomically), so the
    admin shows progress; ``finished_at`` is set when every item is done.
    """

    class Kind(models.TextChoices):
        COMMAND = "command", "import_seeds command"
        UPLOAD = "upload", "Uploaded files"
        PASTE = "paste", "Pasted text"
        URL = "url", "URLs"
        FEED = "feed", "Feed poll"
        API = "api", "API"

    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.COMMAND)
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    extractor_version = models.CharField(max_length=40, blank=True)
    files = models.PositiveIntegerField(
        "items", default=0, help_text="Items to import: files, URLs, texts, feed entries."
    )
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True, help_text="[{path, reason}]")
    feed = models.ForeignKey(
        "Feed", null=True, blank=True, on_delete=models.SET_NULL, related_name="runs"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = "ingest job"

    def __str__(self):
        return f"{self.get_kind_display()}: {self.files} items at {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def done(self) -> int:
        return self.created + self.updated + self.unchanged

    @property
    def is_running(self) -> bool:
        return self.finished_at is None


# ---------------------------------------------------------------- ingest


class Feed(models.Model):
    """An RSS or Atom feed the desk follows: polled on its interval by the
    workers, each new entry (by guid and link) imported once. A feed that
    fails backs off and is flagged; it never holds up the others."""

    url = models.URLField(max_length=1000, unique=True)
    title = models.CharField(max_length=300, blank=True)
    active = models.BooleanField(default=True, help_text="Inactive feeds are not polled.")
    poll_interval = models.DurationField(
        default=timedelta(minutes=15), help_text="How often to poll, e.g. 00:15:00."
    )
    next_poll_at = models.DateTimeField(default=timezone.now, db_index=True, editable=False)
    last_polled_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_success_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_error = models.TextField(blank=True, editable=False)
    failures = models.PositiveIntegerField(
        default=0, editable=False, help_text="Failed polls in a row (the back-off grows with it)."
    )
    etag = models.CharField(max_length=300, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    polls = models.PositiveIntegerField(default=0, editable=False)
    entries_seen = models.PositiveIntegerField(
        default=0, editable=False, help_text="New entries found over all polls."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["url"]

    def __str__(self):
        return self.title or self.url

    @property
    def is_failing(self) -> bool:
        return self.failures > 0


class ImportItem(models.Model):
    """One item of an ingest job (a URL, an uploaded file, a text, a feed
    entry, a wire document), done exactly once by whichever worker gets it."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        CREATED = "created", "Created"
        UPDATED = "updated", "Updated"
        UNCHANGED = "unchanged", "Unchanged"
        FAILED = "failed", "Failed"

    class Format(models.TextChoices):
        URL = "url", "URL to fetch"
        TEXT = "text", "Plain text"
        HTML = "html", "HTML page"
        NINJS = "ninjs", "ninjs document"

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(default=0)
    format = models.CharField(max_length=5, choices=Format.choices, default=Format.URL)
    source = models.CharField(max_length=1000, help_text="The URL, file name or document id.")
    payload = models.TextField(blank=True, help_text="The text or document, if it was sent.")
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    reason = models.TextField(blank=True, help_text="Why the item failed.")
    attempts = models.PositiveIntegerField(default=0)
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    feed = models.ForeignKey(
        Feed, null=True, blank=True, on_delete=models.CASCADE, related_name="entries"
    )
    guid = models.CharField(max_length=500, blank=True, help_text="The feed entry's id.")
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["run", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["feed", "guid"],
                condition=Q(feed__isnull=False),
                name="importitem_feed_guid_unique",
            ),
        ]

    def __str__(self):
        return self.source


# ---------------------------------------------------------------- the record


class VerdictVersion(models.Model):
    """One version of a claim's verdict: every approval adds one, and a
    reopened verdict is revised here (the pending version, not yet approved)
    while readers keep seeing the approved one on the claim."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="verdict_versions")
    number = models.PositiveIntegerField()
    rating = models.CharField(max_length=14, choices=Claim.Rating.choices, blank=True)
    summary = models.TextField(blank=True)
    sources = models.JSONField(default=list, blank=True)
    reason = models.TextField(
        blank=True, help_text="Why the verdict was reopened (for a revision)."
    )
    change_note = models.TextField(
        blank=True, help_text="What changed, for readers (\u201cUpdated on ...: ...\u201d)."
    )
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["claim", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "number"], name="verdict_version_unique"),
            models.UniqueConstraint(
                fields=["claim"],
                condition=Q(approved_at__isnull=True),
                name="verdict_one_pending_revision",
            ),
            models.CheckConstraint(
                condition=Q(approved_by__isnull=True)
                | Q(proposed_by__isnull=True)
                | ~Q(approved_by=F("proposed_by")),
                name="verdict_version_two_person_rule",
            ),
        ]

    def __str__(self):
        state = "approved" if self.approved_at else "pending"
        return f"Verdict {self.number} on claim #{self.claim_id} ({state})"

    @property
    def is_approved(self) -> bool:
        return self.approved_at is not None


class EditorialEvent(models.Model):
    """One editorial act outside a claim's own trail: publications,
    corrections, retractions, text updates, actor merges, renames and
    confirmations, with who and when. Kept when what it names is gone (a
    merged actor), so the names are in ``description`` too."""

    class Action(models.TextChoices):
        PUBLISHED = "published", "Published"
        CORRECTED = "corrected", "Correction added"
        RETRACTED = "retracted", "Retracted"
        TEXT_UPDATED = "text_updated", "Text updated by an import"
        ACTOR_MERGED = "actor_merged", "Actors merged"
        ACTOR_RENAMED = "actor_renamed", "Actor renamed"
        ACTOR_CONFIRMED = "actor_confirmed", "Actor confirmed"

    action = models.CharField(max_length=20, choices=Action.choices, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="editorial_events"
    )
    actor = models.ForeignKey(
        Actor, null=True, blank=True, on_delete=models.SET_NULL, related_name="editorial_events"
    )
    description = models.TextField()
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return done_by(self)


# ---------------------------------------------------------------- the desk's notifications


class Notification(models.Model):
    """Something a member of the desk should know about their work: a claim
    assigned to them or sent back to them, a proposal waiting for their review.

    Also sent by email; the unread ones are counted on the dashboard.
    """

    class Kind(models.TextChoices):
        ASSIGNED = "assigned", "Claim assigned to you"
        SENT_BACK = "sent_back", "Verdict sent back to you"
        PROPOSED = "proposed", "Proposal waiting for review"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="desk_notifications"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="notifications")
    message = models.TextField()
    read = models.BooleanField(default=False, help_text="The person has seen it.")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read"], name="notification_unread_idx")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.message[:60]}"
