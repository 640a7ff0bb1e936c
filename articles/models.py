"""The desk's records: articles, the actors they name, the claims they carry,
and the work editors do on them (verdicts, notes, audit events, corrections).

Business rules that touch several rows live in ``articles.services``; rules that
must never break are database constraints here.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Length
from django.db.models.lookups import Exact
from django.urls import reverse
from django.utils import timezone

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

    def public(self):
        """Approved verdicts on published articles: the reader's record."""
        return self.approved().filter(
            article__status=Article.Status.PUBLISHED, article__published_at__isnull=False
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
        """Claims that keep their article unpublished until resolved."""
        if threshold is None:
            threshold = settings.NEWSROOM_PUBLISH_THRESHOLD
        return self.unresolved().filter(checkworthiness__gte=threshold)


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
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    retracted_at = models.DateTimeField(null=True, blank=True)
    retraction_reason = models.TextField(blank=True)
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
    version = models.PositiveIntegerField(
        default=1, help_text="Raised on every change; a stale save is refused."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

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
        ]
        permissions = [
            ("take_claim", "Can take claims and propose verdicts"),
            ("approve_claim", "Can approve, send back and dismiss verdicts"),
        ]

    def __str__(self):
        return (self.quote or self.text)[:80]

    def get_absolute_url(self):
        return reverse("articles:claim_detail", kwargs={"pk": self.pk})

    @property
    def is_resolved(self) -> bool:
        return self.status in self.RESOLVED_STATUSES


class ClaimEvent(models.Model):
    """One line of a claim's audit trail: who did what, when, from which state."""

    class Action(models.TextChoices):
        IMPORTED = "imported", "Imported"
        ASSIGNED = "assigned", "Assigned"
        PROPOSED = "proposed", "Verdict proposed"
        APPROVED = "approved", "Approved"
        SENT_BACK = "sent_back", "Sent back"
        DISMISSED = "dismissed", "Dismissed"
        REOPENED = "reopened", "Reopened"
        EDITED = "edited", "Edited"

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
        who = self.user or "system"
        return f"{self.get_action_display()} by {who} at {self.created_at:%Y-%m-%d %H:%M}"


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
        return self.body[:60]


class ImportRun(models.Model):
    """One run of the importer: when, what it read, what it wrote, what failed."""

    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    extractor_version = models.CharField(max_length=40, blank=True)
    files = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True, help_text="[{path, reason}]")

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self):
        return f"Import of {self.files} files at {self.started_at:%Y-%m-%d %H:%M}"


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
